"""Word (.docx) files: body paragraphs and tables in document order, laid out as the chunker reads.

python-docx is imported inside the functions: the CLI's cold start must not pay for it. The body's
XML is walked directly (w:p, w:tbl, and content controls w:sdt around them) because python-docx
neither keeps paragraphs and tables in one sequence nor renders list numbering.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ofsted_qa.ingest.readers.base import ReadText, UnreadableDocument
from ofsted_qa.ingest.readers.docx_numbering import Numbering, styles
from ofsted_qa.ingest.readers.docx_numbering import xpath as _xp

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .doc, .xls, or an encrypted .docx
_HEADING = re.compile(r"(Heading \d+|Title)\Z")
_BULLET = re.compile(r"[•●▪◦‣·] ")
_STYLE_LEVEL = re.compile(r"List (?:Bullet|Number|Paragraph) ?(\d?)")  # "List Bullet 2"
_PLAIN_NUMBER = re.compile(r"\d{1,3}\.\Z")  # the form the chunker reads as a numbered paragraph
# Visible text of a paragraph's runs; text boxes are skipped (their text is duplicated in the
# mc:Fallback copy and belongs to no place in the reading order).
_RUN_TEXT = (
    ".//w:r[not(ancestor::w:txbxContent)]"
    "/*[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen]"
)


def looks_like_docx(path: Path) -> bool:
    """Whether the file is a zip holding word/document.xml. Raises OSError if unreadable."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def read_docx(path: Path) -> ReadText:
    """The body text of a Word file, with title and date from its core properties.

    Returns ReadText(text, encoding="docx", title, date). Text: one block per paragraph;
    headings (styles "Title", "Heading N" or based on them) as standalone blocks; consecutive
    list paragraphs (numbering on the paragraph or its style, or a "List Bullet"/"List Number"
    style) in one block, one per line: "• " for bullets, "N. " for plain numbers, "• a) " for
    other labels, indented two spaces a level; a table's rows in one block, cells split by tabs,
    merged cells once. Numbering is replayed, not rendered (python-docx has no renderer): a
    counter per list definition honouring start values and restarts, so it is approximate for
    exotic numbering (legal styles, fields). Headers, footers, footnotes and text boxes are left
    out. `date` is the last-modified date, else the created date, as "YYYY-MM-DD".

    Raises UnreadableDocument for an old .doc, an encrypted file, anything not a Word file, or
    one with no text (only images); OSError when the file cannot be read.
    """
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == _OLE2:
        data = path.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise UnreadableDocument("Word document is password-protected")
        raise UnreadableDocument("old Word .doc format is not supported; save as .docx")
    if not zipfile.is_zipfile(path):
        raise UnreadableDocument("not a Word document (not a zip file)")
    if not looks_like_docx(path):
        raise UnreadableDocument("not a Word document (zip without word/document.xml)")

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        doc = docx.Document(str(path))
    except (PackageNotFoundError, ValueError, KeyError, zipfile.BadZipFile, XMLSyntaxError) as e:
        # ValueError: a .docm/.dotx content type; the others: a damaged package.
        why = " ".join(str(e).split())[:200] or type(e).__name__
        raise UnreadableDocument(f"not a Word document ({why})") from e
    text = "\n\n".join(_blocks(doc))
    if not text:
        raise UnreadableDocument("Word document has no text")
    title, date = _core_properties(doc)
    return ReadText(text, encoding="docx", title=title, date=date)


def _core_properties(doc: Any) -> tuple[str, str]:
    """Title and ISO date; reading a missing part would invent one ("Word Document", now)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    if not any(rel.reltype == RT.CORE_PROPERTIES for rel in doc.part.package.rels.values()):
        return "", ""
    props = doc.core_properties
    # Modified before created: a report begun from a copied file keeps the old file's
    # creation date, but its last save is close to when it was issued.
    when = props.modified or props.created
    return " ".join((props.title or "").split()), when.date().isoformat() if when else ""


def _text(p: BaseOxmlElement) -> str:
    parts = []
    for el in _xp(p, _RUN_TEXT):
        tag = el.tag.rsplit("}", 1)[-1]
        parts.append((el.text or "") if tag == "t" else "-" if tag == "noBreakHyphen" else " ")
    # Tabs and breaks inside a paragraph would read as table cells and new lines.
    return " ".join("".join(parts).split())


def _body_items(parent: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    """w:p and w:tbl in document order, looking inside block-level content controls."""
    for child in parent.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag in ("p", "tbl"):
            yield child
        elif tag == "sdt":
            for content in _xp(child, "./w:sdtContent"):
                yield from _body_items(content)


def _blocks(doc: Any) -> Iterator[str]:
    from docx.text.paragraph import Paragraph

    lists = Numbering(doc)
    run: list[str] = []  # the list block being gathered
    for el in _body_items(doc.element.body):
        text = "" if el.tag.endswith("}tbl") else _text(el)
        para = Paragraph(el, doc) if text else None
        label = lists.label(para) if para is not None else None
        if para is not None and any(_HEADING.match(s.name or "") for s in styles(para.style)):
            label = None
        if label is not None:
            # A typed bullet ("•<tab>text") in a list paragraph keeps its own mark.
            run.append(text if _BULLET.match(text) else label + text)
            continue
        yield from _flush(run)
        lists.style_run = 0
        if text:
            yield text
        elif el.tag.endswith("}tbl") and (rows := _table_rows(el)):
            yield "\n".join(rows)
    yield from _flush(run)


def _flush(run: list[str]) -> Iterator[str]:
    if run:
        yield "\n".join(run)
        run.clear()


def _table_rows(tbl: BaseOxmlElement) -> list[str]:
    """One line per row, a cell's paragraphs joined by spaces; a merged cell is one w:tc, and a
    vertically merged continuation is empty, so merged text is never repeated."""
    rows = []
    for tr in _xp(tbl, "./w:tr | ./w:sdt/w:sdtContent/w:tr"):
        cells = _xp(tr, "./w:tc | ./w:sdt/w:sdtContent/w:tc")
        line = "\t".join(" ".join(filter(None, map(_text, _xp(tc, ".//w:p")))) for tc in cells)
        if line.strip():
            rows.append(line)
    return rows
