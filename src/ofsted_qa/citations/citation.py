"""How a passage is cited: a house-style string to paste, and a short ref to look it up again."""

from __future__ import annotations

import re

from ofsted_qa.citations.parts import part_label, part_note, split_label, without_part_note
from ofsted_qa.ingest.chunking import TABLE_LABEL, Chunk
from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.ingest.readers import page_span

_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def human_date(iso: str) -> str:
    """ "2014-05-23" -> "23 May 2014"; partial dates stay as precise as they are."""
    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return iso or "undated"


POSITIONAL = "¶"  # how the chunker marks a passage the report did not number ("¶7")
POSITIONAL_REF = "u"  # the same passage in a ref: "doc#u7", never to be read as para 7


def paragraph_label(chunk: Chunk, parts: int = 0) -> str:
    """The report's own number reads "para 134"; a passage it left unnumbered reads
    "unnumbered passage 7" (its place in the document), which no reader takes for para 7. A
    paragraph cut into passages is still the report's: "para 18 (part 1 of 2)", where `parts`
    is how many passages it spans (`paragraph_parts`; 0 when not known: "(part 1)"). The table
    of judgements reads "judgements table", a later one in the same report (a SIF report has one
    per section) "judgements table at passage 111", by its place as an unnumbered passage."""
    label, part = split_label(chunk.paragraph)
    if label.startswith(POSITIONAL):
        label = f"unnumbered passage {label.removeprefix(POSITIONAL)}"
    elif label[:1].isdigit():
        label = f"para {label}"
    elif label.startswith(TABLE_LABEL):
        place = label.removeprefix(TABLE_LABEL).removeprefix("-")
        label = TABLE_PLACE + (f"{TABLE_AT}{place}" if place else "")
    return label + part_note(part, parts)


TABLE_PLACE = "judgements table"  # how a passage of the table of judgements is cited
TABLE_AT = " at passage "


def ref_label(paragraph: str) -> str:
    """The paragraph part of a ref: the report's own number as is, a position as "u7"."""
    if paragraph.startswith(POSITIONAL):
        return POSITIONAL_REF + paragraph.removeprefix(POSITIONAL)
    return paragraph


def stored_label(typed: str) -> str:
    """A ref's paragraph part back to the label stored in the index ("u7" -> "¶7")."""
    rest = typed.removeprefix(POSITIONAL_REF)
    if typed.startswith(POSITIONAL_REF) and rest[:1].isdigit():
        return POSITIONAL + rest
    return typed


def page_label(meta: DocumentMeta, chunk: Chunk) -> str:
    """ "p. 14", or "pp. 14–15" for a passage across a page break; "" for unpaged text."""
    span = page_span(meta.page_starts, chunk.start, chunk.end)
    if span is None:
        return ""
    first, last = span
    return f"p. {first}" if first == last else f"pp. {first}–{last}"


def place_label(meta: DocumentMeta, chunk: Chunk, parts: int = 0) -> str:
    """Where a passage is, for a reader: "para 134 · p. 31" (the page where there are pages);
    `parts` as for `paragraph_label`."""
    page, paragraph = page_label(meta, chunk), paragraph_label(chunk, parts)
    return f"{paragraph} · {page}" if page else paragraph


def document_citation(meta: DocumentMeta) -> str:
    """The document part of every citation: "Ofsted, Inspection of ..., London Borough of
    Bexley (published 23 May 2014)" (a letter is "dated")."""
    verb = "dated" if meta.kind.endswith("letter") else "published"
    return f"{meta.publisher}, {meta.title} ({verb} {human_date(meta.date)})"


def house_citation(meta: DocumentMeta, chunk: Chunk, parts: int = 0) -> str:
    """E.g. "Ofsted, Inspection of services ..., London Borough of Bexley (published 23 May
    2014), para 134, p. 31" (the page where the document has pages); a part of a long
    paragraph "..., para 18 (part 1 of 2), p. 6" (`parts` as for `paragraph_label`)."""
    page = page_label(meta, chunk)
    paragraph = paragraph_label(chunk, parts)
    return f"{document_citation(meta)}, {paragraph}" + (f", {page}" if page else "")


# A judgement is cited to the report's table of judgements ("..., judgements, p. 1"); pasted
# back, that place is the passage the chunker labels TABLE_LABEL.
JUDGEMENTS_PLACE = "judgements"


def ref(chunk: Chunk) -> str:
    """A short stable handle: `show` accepts it back, whatever the document id holds."""
    return f"{chunk.doc_id}#{ref_label(chunk.paragraph)}"


# A paragraph label never holds "#", a space or a comma; a document id (a file name, soon a
# relative path) may hold any of them, so a ref splits at its last "#".
_PARAGRAPH = re.compile(r"[^#\s,]+")


# What `ask` prints around a ref, which a reader may paste with it:
# "ref:  003_365e…#134  (seeds/003_365e….txt:5603-5931)".
_REF_LABEL = re.compile(r"^\s*ref:\s*")
_SOURCE_TAIL = re.compile(r"(#[^#\s,]+)\s+\(.*:\d+-\d+\)\s*$")


def parse_ref(text: str) -> tuple[str, str] | None:
    """Split "003_365e…#134" (doc id or unique prefix) into the document and the stored
    paragraph label ("doc#u7" -> ("doc", "¶7")); the whole `ref:` line `ask` prints, with its
    "(file:start-end)" tail, reads the same."""
    text = _SOURCE_TAIL.sub(r"\1", _REF_LABEL.sub("", text))
    # The document part keeps its spaces (a file may be named " draft"); `locate` also tries
    # it without them, for a ref pasted with stray whitespace.
    doc, sep, paragraph = text.rstrip().rpartition("#")
    if not sep or not doc.strip() or not _PARAGRAPH.fullmatch(paragraph):
        return None
    return doc, stored_label(paragraph)


_PAGE = re.compile(r",\s*pp?\.\s*\d+(?:\s*[–-]\s*\d+)?\.?\s*$")


def cited_page(text: str) -> str:
    """The page a pasted house-style citation ends with, as `page_label` writes it ("p. 31",
    "pp. 14–15"), or "" when it names none."""
    found = _PAGE.search(text.strip())
    return (
        re.sub(r"\s+", " ", found.group().lstrip(", ").rstrip(". ")).replace("-", "–")
        if found
        else ""
    )


def parse_house_citation(text: str) -> tuple[str, str] | None:
    """Split a pasted house-style citation into (text before the paragraph, paragraph label);
    a trailing page ("p. 31", "pp. 14–15") is only a reader's aid and is dropped."""
    head, sep, label = _PAGE.sub("", text.strip()).rpartition(", ")
    label, part = without_part_note(label.strip().removesuffix("."))
    label = label.casefold()  # "Para 35", as retyped, is "para 35"
    unnumbered = "unnumbered passage "
    if label.startswith(unnumbered):
        label = POSITIONAL + label.removeprefix(unnumbered)
    label = label.removeprefix("para ").strip()
    if label in (JUDGEMENTS_PLACE, TABLE_PLACE):
        label = TABLE_LABEL
    elif label.startswith(TABLE_PLACE + TABLE_AT):
        label = f"{TABLE_LABEL}-{label.removeprefix(TABLE_PLACE + TABLE_AT)}"
    if not sep or not _PARAGRAPH.fullmatch(label):
        return None
    return head.strip(), part_label(label, part)
