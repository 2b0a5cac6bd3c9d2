"""A paragraph too long for one passage is cut into parts, which the chunker labels with letters
("18a", "18b", "¶128a", "judgements-table-a"). The letters are ours, not the report's: a reader
is shown "para 18 (part 1 of 2)", and a ref naming the paragraph alone ("#18") finds its parts.
The stored labels stay as the index holds them; only how they are read and written changes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ofsted_qa.ingest.chunking import TABLE_LABEL

if TYPE_CHECKING:
    from ofsted_qa.index.store import ChunkStore

# The labels the chunker makes (chunking._to_chunks): the report's number, "¶" and a position,
# or the judgements table (a second one gets "-" and its position); a part adds letters, after
# "-" where the label ends in a letter. Anything else is left whole.
_PART = re.compile(rf"(\d+|¶\d+|{TABLE_LABEL}(?:-\d+)?)-?([a-z]+)")


def split_label(stored: str) -> tuple[str, int]:
    """A stored label as (the paragraph's own label, part number from 1; 0 for a paragraph in
    one passage): "18b" -> ("18", 2), "¶7" -> ("¶7", 0), "judgements-table-a" ->
    ("judgements-table", 1)."""
    found = _PART.fullmatch(stored)
    if not found:
        return stored, 0
    number = 0
    for letter in found.group(2):  # "a".."z", then "aa": bijective base 26
        number = number * 26 + ord(letter) - 96
    return found.group(1), number


def part_label(paragraph: str, part: int) -> str:
    """The stored label of part `part` (from 1) of `paragraph`; 0 gives the paragraph itself."""
    if part < 1:
        return paragraph
    letters = ""
    while part:
        part, rest = divmod(part - 1, 26)
        letters = chr(97 + rest) + letters
    return paragraph + ("" if paragraph[-1:].isdigit() else "-") + letters


def part_note(part: int, parts: int) -> str:
    """ " (part 1 of 2)" for a part of a paragraph cut into passages; "" for a whole one. The
    count is omitted where it is not known (0)."""
    if part < 1:
        return ""
    return f" (part {part} of {parts})" if parts >= part else f" (part {part})"


_NOTE = re.compile(r"\s*\(part (\d+)(?: of \d+)?\)\s*$")


def without_part_note(label: str) -> tuple[str, int]:
    """ "para 18 (part 1 of 2)" -> ("para 18", 1): a pasted citation read back; 0 without one."""
    found = _NOTE.search(label)
    if not found:
        return label, 0
    return label[: found.start()], int(found.group(1))


def paragraph_parts(store: ChunkStore, chunk_id: int) -> int:
    """How many passages the paragraph of passage `chunk_id` was cut into: 0 for one never cut,
    else its last part's number (parts are consecutive passages of one document)."""
    paragraph, part = split_label(store.get(chunk_id).paragraph)
    if part < 1:
        return 0
    ids = store.doc_range(store.get(chunk_id).doc_id)
    last = part
    for following in range(chunk_id + 1, ids.stop):
        if split_label(store.get(following).paragraph) != (paragraph, last + 1):
            break
        last += 1
    return last


def paragraph_range(store: ChunkStore, chunk_id: int) -> range:
    """The passages (chunk ids) of the whole paragraph passage `chunk_id` is part of: itself
    alone for a paragraph never cut."""
    paragraph, part = split_label(store.get(chunk_id).paragraph)
    parts = paragraph_parts(store, chunk_id)
    first = chunk_id - part + 1
    if part < 1 or store.get(first).paragraph != part_label(paragraph, 1):
        return range(chunk_id, chunk_id + 1)
    return range(first, chunk_id + parts - part + 1)


def find_paragraph(store: ChunkStore, doc_id: str, paragraph: str) -> int | None:
    """The passage a stored label names in `doc_id`, or a whole paragraph's first part where
    the index cut it ("18" finds "18a"); None where the document has neither."""
    found = store.find(doc_id, paragraph)
    if found is None and split_label(paragraph)[1] < 1:
        found = store.find(doc_id, part_label(paragraph, 1))
    return found


def numbering(store: ChunkStore, doc_id: str) -> str:
    """How a document's passages are labelled, for a message about one it lacks: "its numbered
    paragraphs run 1–62; unnumbered passages u1–u80", "it numbers no paragraphs; its passages
    are u1–u23"."""
    numbered: list[int] = []
    unnumbered: list[int] = []
    for chunk_id in store.doc_range(doc_id):
        label = split_label(store.get(chunk_id).paragraph)[0]
        if label.isdigit():
            numbered.append(int(label))
        elif label.startswith("¶") and label[1:].isdigit():
            unnumbered.append(int(label[1:]))
    positions = _span("u", unnumbered)
    if not numbered:
        return f"it numbers no paragraphs; its passages are {positions or 'none'}"
    said = f"its numbered paragraphs run {_span('', numbered)}"
    return f"{said}; unnumbered passages {positions}" if positions else said


def _span(prefix: str, numbers: list[int]) -> str:
    """ "u1–u80", "u4" alone, "" for none."""
    if not numbers:
        return ""
    low, high = min(numbers), max(numbers)
    return f"{prefix}{low}" if low == high else f"{prefix}{low}–{prefix}{high}"
