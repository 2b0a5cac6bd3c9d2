"""How a passage is cited: a house-style string to paste, and a short ref to look it up again."""

from __future__ import annotations

import re

from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.ingest.documents import DocumentMeta

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


def paragraph_label(chunk: Chunk) -> str:
    """The report's own number reads "para 134"; positional labels ("¶7") read as they are."""
    return f"para {chunk.paragraph}" if chunk.paragraph[:1].isdigit() else chunk.paragraph


def house_citation(meta: DocumentMeta, chunk: Chunk) -> str:
    """E.g. "Ofsted, Inspection of services ..., London Borough of Bexley (published 23 May
    2014), para 134"."""
    verb = "dated" if meta.kind == "inspection letter" else "published"
    return (
        f"{meta.publisher}, {meta.title} ({verb} {human_date(meta.date)}), {paragraph_label(chunk)}"
    )


def ref(chunk: Chunk) -> str:
    """A short stable handle: `show` accepts it back."""
    return f"{chunk.doc_id}#{chunk.paragraph}"


_REF = re.compile(r"^(?P<doc>[^#\s]+)#(?P<para>\S+)$")


def parse_ref(text: str) -> tuple[str, str] | None:
    """Split "003_365e…#134" (doc id or unique prefix) into its two parts."""
    match = _REF.match(text.strip())
    return (match["doc"], match["para"]) if match else None


def parse_house_citation(text: str) -> tuple[str, str] | None:
    """Split a pasted house-style citation into (text before the paragraph, paragraph label)."""
    head, sep, label = text.strip().rpartition(", ")
    label = label.strip().removesuffix(".")
    if not sep or not label or " " in label.removeprefix("para "):
        return None
    return head.strip(), label.removeprefix("para ").strip()
