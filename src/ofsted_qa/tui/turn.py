"""One question and its answer: the question, its cues as chips, a status line and the cards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from .chip import Chip
from .highlight import stems
from .result_card import ResultCard

if TYPE_CHECKING:
    from ..search import Filters, SearchResponse


def describe(filters: Filters) -> str:
    parts = [str(y) for y in filters.years] + list(filters.kinds) + list(filters.doc_ids)
    return " · ".join(parts)


class Turn(Vertical):
    """Answers arrive from workers; `generation` drops any that a newer request superseded."""

    def __init__(self, question: str, filters: Filters) -> None:
        super().__init__(classes="turn")
        self.question = question
        self.filters = filters
        self.dropped: frozenset[str] = frozenset()
        self.cues: list[str] | None = None  # as first read; removed ones stay to be restored
        self.response: SearchResponse | None = None
        self.generation = 0

    def compose(self) -> ComposeResult:
        head = Text.assemble(("› ", "bold"), self.question)
        if self.filters.years or self.filters.kinds or self.filters.doc_ids:
            head.append(f"   filtered: {describe(self.filters)}", style="dim")
        yield Static(head, classes="question")
        yield Horizontal(classes="chips")
        yield Static(Text("Waiting for the index…"), classes="note")
        yield Vertical(classes="cards")

    def request(self) -> int:
        self.generation += 1
        return self.generation

    def set_note(self, note: str, *, error: bool = False) -> None:
        label = self.query_one(".note", Static)
        label.update(Text(note))
        label.set_class(error, "-error")

    def show(self, response: SearchResponse, generation: int, note: str) -> None:
        if generation != self.generation:
            return
        self.response = response
        if self.cues is None:
            self.cues = response.interpretation.chips
        focused = self.screen.focused
        refocus = focused.hit.rank if isinstance(focused, ResultCard) and focused in self.walk_children() else None
        self._show_chips()
        hits = response.hits
        self.set_note(note if hits else "No passages matched. Try other words or clear filters.")
        cards = self.query_one(".cards", Vertical)
        cards.remove_children()
        terms = stems(" ".join((response.query, *response.interpretation.expansions)))
        top = max((h.score for h in hits), default=1.0)
        cards.mount_all(ResultCard(h, terms, top) for h in hits)
        if refocus is not None and hits:
            self.call_after_refresh(lambda: list(cards.query(ResultCard))[min(refocus, len(hits)) - 1].focus())

    def _show_chips(self) -> None:
        row = self.query_one(".chips", Horizontal)
        row.remove_children()
        row.display = bool(self.cues)
        row.mount_all(Chip(c, removed=c in self.dropped) for c in self.cues or [])
