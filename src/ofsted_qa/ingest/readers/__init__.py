"""Readers, one per format, chosen by what a file contains rather than only by its name.

`format_of(path)` sniffs the first bytes: "%PDF-" is a PDF whatever its suffix, a zip holding
`word/document.xml` is a Word file, markup is a web page; a plain-text suffix is text. Anything
else has no reader and is listed as skipped with why.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ofsted_qa.ingest.readers.base import ReadText, UnreadableDocument, page_of, page_span

__all__ = [
    "READABLE_SUFFIXES",
    "ReadText",
    "UnreadableDocument",
    "format_of",
    "page_of",
    "page_span",
    "read_document",
]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
# Suffixes worth opening to look inside; a file with any other suffix is skipped unopened.
READABLE_SUFFIXES = TEXT_SUFFIXES | {".pdf", ".html", ".htm", ".xhtml", ".docx", ".doc"}
_SNIFF_BYTES = 2048


def format_of(path: Path) -> str | None:
    """ "pdf", "docx", "html" or "text" by content, then suffix; None when no reader applies.

    Raises OSError when the file cannot be opened.
    """
    from ofsted_qa.ingest.readers.docx import looks_like_docx
    from ofsted_qa.ingest.readers.html import looks_like_html

    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    suffix = path.suffix.lower()
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head[:2] == b"PK" and looks_like_docx(path):
        return "docx"
    if looks_like_html(head):
        return "html"
    if suffix in (".docx", ".doc"):
        return "docx"  # the Word reader says what the file really is
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"  # the web page reader says when there is no main text
    if suffix == ".pdf":
        return "pdf"  # the PDF reader says why it is not one
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def _reader(kind: str) -> Callable[[Path], ReadText]:
    if kind == "pdf":
        from ofsted_qa.ingest.readers.pdf import read_pdf

        return read_pdf
    if kind == "docx":
        from ofsted_qa.ingest.readers.docx import read_docx

        return read_docx
    if kind == "html":
        from ofsted_qa.ingest.readers.html import read_html

        return read_html
    from ofsted_qa.ingest.readers.text import read_text_file

    return read_text_file


def read_document(path: Path) -> ReadText:
    """Read any supported document. Raises UnreadableDocument (why, in one line) or OSError."""
    kind = format_of(path)
    if kind is None:
        raise UnreadableDocument(f"unsupported file type {path.suffix or '(no suffix)'}")
    return _reader(kind)(path)
