"""A timeline answer: one block per inspection, oldest first, its grades as a row of badges and
its best passages on the topic as ordinary result cards (open, copy, move as anywhere)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ofsted_qa.citations.citation import human_date
from ofsted_qa.inert import inert
from ofsted_qa.tui.judgement_view import GRADE_STYLES
from ofsted_qa.tui.result_card import ResultCard

if TYPE_CHECKING:
    from ofsted_qa.retrieval.results import TimelineEntry


def entry_head(entry: TimelineEntry) -> Text:
    """ "2018 · Leeds · ILACS standard · on site 29 October 2018", then the grade badges."""
    i = entry.inspection
    dated = f"on site {human_date(i.start)}" if i.start else f"published {human_date(i.published)}"
    head = " · ".join(p for p in (i.when[:4], i.council, i.framework or i.kind, dated) if p)
    text = Text(inert(head), style="bold")
    for row in entry.grades:
        text.append("  ")
        text.append(
            inert(f" {row.area_label}: {row.grade} "),
            style=f"{GRADE_STYLES.get(row.grade, '')} reverse".strip(),
        )
    if not entry.hits:
        text.append("\n(no passage of this inspection on the topic among the best found)")
    return text


class TimelineEntryView(Vertical):
    def __init__(self, entry: TimelineEntry, terms: set[str], top: float, first: int) -> None:
        """`first`: the number of this entry's first card, counting down the whole answer."""
        super().__init__(classes="timeline-entry")
        self.entry = entry
        self._terms, self._top, self._first = terms, top, first

    def compose(self) -> ComposeResult:
        yield Static(entry_head(self.entry), classes="timeline-head")
        for number, hit in enumerate(self.entry.hits, self._first):
            yield ResultCard(hit, self._terms, self._top, number)


class TimelineView(Vertical):
    """The inspections of a timeline answer, oldest first; its cards numbered as they are
    read, 1 to n (their search ranks went past the answer's count: "17" in "10 passages",
    the timeline taking each inspection's best among more passages than the answer lists)."""

    def __init__(self, entries: tuple[TimelineEntry, ...], terms: set[str]) -> None:
        super().__init__(classes="timeline")
        self.entries = entries
        self._terms = terms

    def compose(self) -> ComposeResult:
        count = len(self.entries)
        yield Static(
            f"Timeline: {count} inspection{'s' * (count != 1)}, oldest first", classes="note"
        )
        top = max((h.score for e in self.entries for h in e.hits), default=1.0)
        first = 1
        for entry in self.entries:
            yield TimelineEntryView(entry, self._terms, top, first)
            first += len(entry.hits)
