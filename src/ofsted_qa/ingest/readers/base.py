"""What every reader returns: the text the index keeps, and where each page of it begins.

Offsets in citations count characters of `ReadText.text`. For a plain-text file that is the file
itself; for a PDF, web page or Word file it is the text the reader recovered, which the index
keeps beside the passages so a citation can always be checked.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.ingest.facts import ReportFacts


class UnreadableDocument(OfstedQAError):
    """A file that cannot be read as a document: the message says why, in one line."""


@dataclass(frozen=True)
class ReadText:
    """A document's text as read, with what the file itself says about it.

    text: the recovered text (paragraphs separated by blank lines, table rows as tab-separated
        cells, list items starting "• ").
    page_starts: offset in `text` where page 1, 2, ... begins; empty for unpaged formats.
    encoding: how the bytes were decoded ("utf-8", "cp1252", "pdf", "html", "docx").
    title, date: from the file's own metadata (HTML <meta>, DOCX core properties); "" if absent.
        `date` is ISO 8601, as precise as known.
    facts: what an Ofsted report says of itself (council, dates, judgements), when it is one.
    """

    text: str
    page_starts: tuple[int, ...] = ()
    encoding: str = "utf-8"
    title: str = ""
    date: str = ""
    facts: ReportFacts | None = None


def page_of(page_starts: tuple[int, ...], offset: int) -> int | None:
    """1-based page holding character `offset`, or None for unpaged text."""
    if not page_starts:
        return None
    return max(1, bisect_right(page_starts, offset))


def page_span(page_starts: tuple[int, ...], start: int, end: int) -> tuple[int, int] | None:
    """First and last page of the characters [start, end), or None for unpaged text."""
    first = page_of(page_starts, start)
    if first is None:
        return None
    last = page_of(page_starts, max(start, end - 1))
    return first, last or first
