"""PDF reports: pypdfium2 gives each glyph with its box, baseline and font size, and
`ingest.pdf_layout` turns those into paragraphs. The report's facts (council, dates, judgements)
are read from PDFium's plain page text, whose line order the fact rules were measured on.

pypdfium2 (Apache-2.0/BSD-3, PDFium BSD-3) was chosen over pdfplumber and pypdf on the real
corpus: 622 pages/s of plain text against 8 and 28 (README, "Reading PDFs"). Files that cannot
give text raise UnreadableDocument with a one-line reason.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from ofsted_qa.ingest.facts import read_facts
from ofsted_qa.ingest.pdf_layout import Char, Line, lines_from_chars, recover_layout
from ofsted_qa.ingest.readers.base import ReadText, UnreadableDocument

SNIFF_BYTES = 1024  # the PDF header may follow a little junk; HTML shows itself early
MIN_FONT_SIZE = 2.0  # below this PDFium reports the unscaled size (text matrix does the scaling)
EM_PER_BOX = 1.2  # a glyph's loose box (ascent + descent) is about 1.2 font sizes tall
TIGHT_GAP = 0.15  # a space PDFium invents across a gap narrower than this (in sizes) is kerning

# Typographic artefacts normalised at extraction (text stays faithful otherwise):
# ligatures -> letters, NBSP and odd spaces -> space, zero-width/soft-hyphen/BOM dropped,
# PDFium's 0x02/U+FFFE (a hyphen it saw at a line end) -> "-", every bullet glyph -> "•".
_BULLET = "•"
CHAR_MAP: dict[int, str] = {
    **{ord(k): v for k, v in {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl",
                              "ﬅ": "st", "ﬆ": "st"}.items()},
    **{c: " " for c in (0xA0, 0x2007, 0x202F, 0x2002, 0x2003, 0x2009, 0x3000)},
    **{c: "" for c in (0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)},
    0x02: "-",  # FPDFText_GetUnicode's mark for a hyphen that ends a line ...
    0xFFFE: "-",  # ... which FPDFText_GetText writes as U+FFFE
    **{c: _BULLET for c in (0xF0B7, 0xF06E, 0xF02D, 0xF0A7, 0xF0D8, 0xF0FC, 0x25FC, 0x25AA,
                            0x25A0, 0x25CF, 0x2022, 0x2023, 0x2043, 0x25E6, 0x2219)},
}  # fmt: skip


def _sniff(path: Path) -> None:
    """Reject what is not a PDF before PDFium sees it, naming what it looks like."""
    try:
        with path.open("rb") as handle:  # the head only: PDFium reads the whole file next
            head = handle.read(SNIFF_BYTES)
    except OSError as e:
        raise UnreadableDocument(f"cannot read file: {e.strerror or e}") from e
    if not head:
        raise UnreadableDocument("not a PDF (empty file)")
    if b"%PDF-" not in head:
        lowered = head.lower()
        if b"<html" in lowered or b"<!doctype" in lowered or b"<head" in lowered:
            raise UnreadableDocument("not a PDF (looks like HTML)")
        raise UnreadableDocument("not a PDF (no %PDF- header)")


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        # PDFium's error code is process-global and can be stale, so look at the file itself
        data = path.read_bytes()
        if _looks_pageless(data):  # PDFium refuses an empty page tree outright
            raise UnreadableDocument("no pages") from e
        if b"/Encrypt" in data:
            raise UnreadableDocument("encrypted: a password is required") from e
        raise UnreadableDocument(f"corrupt or truncated PDF ({e})") from e


def _looks_pageless(data: bytes) -> bool:
    """A page tree that counts 0 and no page object anywhere (checked only after a failure)."""
    return bool(re.search(rb"/Count\s+0\b", data)) and not re.search(rb"/Type\s*/Page\b", data)


def _page_chars(textpage: pdfium.PdfTextPage, height: float) -> list[Char]:
    """Every glyph on the page with its box, baseline (from the top) and font size."""
    tp = textpage.raw
    n = raw.FPDFText_CountChars(tp)
    if n <= 0:
        return []
    buf = (ctypes.c_ushort * (n + 1))()
    raw.FPDFText_GetText(tp, 0, n, buf)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    ox, oy = ctypes.c_double(), ctypes.c_double()
    loose = raw.FS_RECTF()
    out: list[Char] = []
    pending_space: Char | None = None  # a space PDFium generated: kept only across a real gap
    for i in range(n):
        code = buf[i]
        ch = CHAR_MAP.get(code, chr(code)) if not 0xD800 <= code <= 0xDFFF else "\ufffd"
        if not ch or ch in "\r\n":
            continue  # PDFium's own line breaks: lines are rebuilt from geometry
        raw.FPDFText_GetCharOrigin(tp, i, ox, oy)
        size = raw.FPDFText_GetFontSize(tp, i)
        if size < MIN_FONT_SIZE:  # scaled by the text matrix: measure the glyph box instead
            raw.FPDFText_GetLooseCharBox(tp, i, ctypes.byref(loose))
            size = (loose.top - loose.bottom) / EM_PER_BOX or size
        if ch.isspace():
            space = Char(" ", ox.value, ox.value, height - oy.value, size)
            if raw.FPDFText_IsGenerated(tp, i):
                pending_space = space
            else:
                out.append(space)
            continue
        raw.FPDFText_GetCharBox(tp, i, left, right, bottom, top)
        x0 = min(ox.value, left.value)
        if pending_space is not None:
            if not out or x0 - out[-1].x1 > TIGHT_GAP * size or x0 < out[-1].x0:
                out.append(pending_space)
            pending_space = None
        out.append(Char(ch, x0, max(right.value, x0), height - oy.value, size))
    return out


def read_pages(path: Path) -> tuple[list[list[Line]], list[str]]:
    """Each page's visual lines (geometry kept) and PDFium's plain text of it.

    Raises UnreadableDocument when the file gives no text (not a PDF, encrypted, corrupt, no
    pages, no text layer).
    """
    path = Path(path)
    _sniff(path)
    doc = _open(path)
    try:
        if len(doc) == 0:
            raise UnreadableDocument("no pages")
        pages: list[list[Line]] = []
        plain: list[str] = []
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            try:
                pages.append(lines_from_chars(_page_chars(textpage, page.get_height()), i))
                plain.append(textpage.get_text_range())
            finally:
                textpage.close()
                page.close()
    except pdfium.PdfiumError as e:
        raise UnreadableDocument(f"corrupt or truncated PDF ({e})") from e
    finally:
        doc.close()
    if not any(pages):
        raise UnreadableDocument("no text layer: OCR is not supported")
    return pages, plain


def read_pdf(path: Path, vocabulary: Iterable[str] = ()) -> ReadText:
    """The report's text in the seed-file conventions, where each page starts in it, and the
    facts the report states about itself.

    `vocabulary` (lower-case words, e.g. from the whole corpus) helps decide line-end hyphens;
    the document's own words are always used. Raises UnreadableDocument as read_pages does.
    """
    pages, plain = read_pages(path)
    recovered = recover_layout(pages, frozenset(vocabulary))
    return ReadText(
        recovered.text,
        page_starts=recovered.page_starts,
        encoding="pdf",
        facts=read_facts(plain),
    )
