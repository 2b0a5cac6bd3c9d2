"""One question and its answer: the question, its cues as chips, a status line and the cards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static

from ofsted_qa.tui.chip import Chip
from ofsted_qa.tui.result_card import ResultCard

if TYPE_CHECKING:
    from ofsted_qa.retrieval.search import Filters, SearchResponse


def describe(filters: Filters) -> str:
    return " · ".join([str(y) for y in filters.years] + [*filters.kinds, *filters.doc_ids])


def answer_note(response: SearchResponse, *, model_lost: bool) -> str:
    """Says how the answer was found, so a lexical-only answer is never mistaken for hybrid."""
    count = f"{len(response.hits)} passages"
    if response.dense_used:
        return f"{count} · hybrid: words and meaning"
    if model_lost:
        return f"{count} · lexical only: the model is unavailable"
    return f"{count} · lexical results while the model loads; they refresh when it is ready"


class Turn(Vertical):
    """Answers arrive from workers; `generation` drops any that a newer request superseded."""

    class Reask(Message):
        """The user removed or restored a cue: ask this turn's question again."""

        def __init__(self, turn: Turn) -> None:
            super().__init__()
            self.turn = turn

    def __init__(self, question: str, filters: Filters) -> None:
        super().__init__(classes="turn")
        self.question = question
        self.filters = filters
        self.dropped: frozenset[str] = frozenset()
        self.response: SearchResponse | None = None
        self.generation = 0
        self.note = Static(Text("Waiting for the index…"), classes="note")  # settable pre-mount

    def compose(self) -> ComposeResult:
        yield Static(self._head(), classes="question")
        yield Horizontal(classes="chips")
        yield self.note
        yield Vertical(classes="cards")

    def _head(self) -> Text:
        head = Text.assemble(("› ", "bold"), self.question)
        if describe(self.filters):
            head.append(f"   filtered: {describe(self.filters)}", style="dim")
        return head

    def refresh_head(self) -> None:
        self.query_one(".question", Static).update(self._head())

    @property
    def cards(self) -> list[ResultCard]:
        return list(self.query(ResultCard))

    def request(self) -> int:
        self.generation += 1
        return self.generation

    def set_note(self, note: str, error: bool = False) -> None:
        self.note.update(Text(note))
        self.note.set_class(error, "-error")

    def show(self, response: SearchResponse, generation: int, note: str) -> None:
        if generation != self.generation:
            return
        focused = self.screen.focused
        keep = focused.hit.rank if isinstance(focused, ResultCard) and focused in self.cards else 0
        self.response = response
        row = self.query_one(".chips", Horizontal)
        if not row.children:  # cues as first read; removed ones stay, to be restored
            row.mount_all(Chip(c) for c in response.interpretation.chips)
        row.display = bool(row.children) or bool(response.interpretation.chips)
        hits = response.hits
        self.set_note(note if hits else "No passages matched: try other words or clear filters.")
        box = self.query_one(".cards", Vertical)
        box.remove_children()
        terms = set(response.interpretation.search_terms)
        top = max((h.score for h in hits), default=1.0)
        cards = [ResultCard(h, terms, top) for h in hits]
        box.mount_all(cards)
        if keep and cards:  # a refresh must not throw the reader out of the results
            self.call_after_refresh(cards[min(keep, len(cards)) - 1].focus)

    @on(Chip.Toggled)
    def _cue_toggled(self, event: Chip.Toggled) -> None:
        event.stop()
        chips = self.query(Chip)
        self.dropped = frozenset(c.label for c in chips if c.removed)
        self.post_message(self.Reask(self))
