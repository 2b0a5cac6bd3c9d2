"""One question and its answer: the question, its cues as chips, a status line and the cards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from ofsted_qa.inert import inert
from ofsted_qa.render_shortened import short_question
from ofsted_qa.tui.chip import Chip
from ofsted_qa.tui.chip_row import ChipRow
from ofsted_qa.tui.judgement_view import JudgementView
from ofsted_qa.tui.result_card import ResultCard
from ofsted_qa.tui.timeline_view import TimelineView

if TYPE_CHECKING:
    from ofsted_qa.retrieval.search import Filters, SearchResponse


HEAD_CHARS = 240  # a long pasted question is shown shortened, so its answer stays on screen


def describe(filters: Filters) -> str:
    """The filters in a few words; several documents are counted, not listed."""
    docs = (
        list(filters.doc_ids) if len(filters.doc_ids) < 2 else [f"{len(filters.doc_ids)} documents"]
    )
    return " · ".join(
        [str(y) for y in filters.years]
        + [*filters.kinds, *filters.councils, *filters.regions, *docs]
    )


def answer_note(response: SearchResponse, *, model_lost: bool, loading: bool = True) -> str:
    """Says how the answer was found, so a lexical-only answer is never mistaken for hybrid;
    `loading`: searched before the model was ready (it is refreshed once it is)."""
    shown = sum(len(e.hits) for e in response.timeline) if response.timeline else None
    count = f"{len(response.hits) if shown is None else shown} passages"
    if response.dense_used:
        return f"{count} · hybrid: words and meaning"
    if model_lost:
        return f"{count} · lexical only: the model is unavailable"
    if loading:
        return f"{count} · lexical results while the model loads; they refresh when it is ready"
    return f"{count} · lexical: words only"


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
        self.before_model = False  # answered before the model was ready: refreshed once it is
        self.generation = 0
        self.note = Static(Text("Waiting for the index…"), classes="note")  # settable pre-mount

    def compose(self) -> ComposeResult:
        yield Static(self._head(), classes="question")
        yield ChipRow(classes="chips")
        yield self.note
        yield Vertical(classes="cards")

    def _head(self) -> Text:
        head = Text.assemble(("› ", "bold"), inert(short_question(self.question, HEAD_CHARS)))
        if describe(self.filters):
            head.append(inert(f"   filtered: {describe(self.filters)}"), style="dim")
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
        self.note.update(Text(inert(note)))
        self.note.set_class(error, "-error")

    def show(self, response: SearchResponse, generation: int, note: str, said: str = "") -> None:
        """Show `response` unless a newer request superseded it; `note` says how it was found,
        `said` is one more line below the answer's own notes."""
        if generation != self.generation:
            return
        focused = self.screen.focused
        keep = focused.number if isinstance(focused, ResultCard) and focused in self.cards else 0
        first = self.response is None
        self.response = response
        self._show_chips(response.interpretation.chips)
        hits = response.hits
        found = note if hits else "No passages matched: try other words or clear filters."
        self.set_note("\n".join([found, *response.notes, *([said] if said else [])]))
        box = self.query_one(".cards", Vertical)
        box.remove_children()
        terms = set(response.interpretation.search_terms)
        top = max((h.score for h in hits), default=1.0)
        lead = [JudgementView(response.judged)] if response.judged else []
        if first:  # a new answer, not a refresh: its top comes into view once laid out
            self.call_after_refresh(self.call_after_refresh, self._into_view)
        if response.timeline:  # the passages are shown under their inspections
            box.mount_all([*lead, TimelineView(response.timeline, terms)])
            return
        cards = [ResultCard(h, terms, top) for h in hits]
        box.mount_all([*lead, *cards])
        if keep and cards:  # a refresh must not throw the reader out of the results
            self.call_after_refresh(cards[min(keep, len(cards)) - 1].focus)

    def _into_view(self) -> None:
        """The question at the top of the view, its answer below (the view stayed on the
        answer before, with only this turn's head showing at its bottom edge)."""
        turns: list[Turn] = list(self.parent.query(Turn)) if self.parent is not None else []
        if turns and turns[-1] is self:  # an older turn's late answer moves nothing
            self.scroll_visible(top=True, animate=False)

    def _show_chips(self, read: list[str]) -> None:
        """The cues this answer used, plus the removed ones (to be restored). Rebuilt when the
        set changes, so a cue a filter overrules ("year 2014" under a 2016 filter) goes."""
        row = self.query_one(".chips", ChipRow)
        labels = read + sorted(self.dropped - set(read))
        if {c.label for c in self.query(Chip)} != set(labels):
            row.remove_children()
            row.mount_all(Chip(c, removed=c in self.dropped) for c in labels)
        row.display = bool(labels)

    @on(Chip.Toggled)
    def _cue_toggled(self, event: Chip.Toggled) -> None:
        event.stop()
        chips = self.query(Chip)
        self.dropped = frozenset(c.label for c in chips if c.removed)
        self.post_message(self.Reask(self))
