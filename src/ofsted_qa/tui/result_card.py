"""One cited passage: rank, title, date, badge, section, paragraph, score bar, passage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from ofsted_qa.inert import inert
from ofsted_qa.tui.clipboard import CopyRequest
from ofsted_qa.tui.highlight import passage, score_bar

if TYPE_CHECKING:
    from ofsted_qa.retrieval.search import Hit

BADGES = {"inspection report": "REPORT", "inspection letter": "LETTER"}


def badge(kind: str) -> str:
    return BADGES.get(kind, kind.upper())


class ResultCard(Widget, can_focus=True):
    BINDINGS = [
        Binding("enter", "open", "Open source"),
        Binding("c", "copy_citation", "Copy citation"),
        Binding("y", "copy_passage", "Copy passage"),
        Binding("up", "move(-1)", "Previous card", show=False),
        Binding("down", "move(1)", "Next card", show=False),
        Binding("escape", "app.focus_input", "Back to question", show=False),
    ]
    COMPONENT_CLASSES = {
        "card--rank",
        "card--title",
        "card--badge",
        "card--meta",
        "card--bar",
        "card--term",
        "card--best",
    }

    class Opened(Message):
        """The user wants this passage in its document."""

        def __init__(self, card: ResultCard) -> None:
            super().__init__()
            self.card = card

    def __init__(
        self, hit: Hit, query_terms: set[str], top_score: float, number: int | None = None
    ) -> None:
        """`number`: the card's place in its answer as read, where that is not `hit.rank`
        (a timeline shows its passages by inspection, each the best of its own)."""
        super().__init__()
        self.hit = hit
        self.number = hit.rank if number is None else number
        self.query_terms = query_terms
        self.top_score = top_score
        self._cached: tuple[object, Group] | None = None

    def render(self) -> Group:
        # Highlighting stems every word: do it once per theme, not on every focus change.
        style = self.get_component_rich_style
        key = tuple(style(name) for name in sorted(self.COMPONENT_CLASSES))
        if self._cached is None or self._cached[0] != key:
            self._cached = (key, self._compose_text())
        return self._cached[1]

    def _compose_text(self) -> Group:
        from ofsted_qa.citations.citation import human_date, place_label

        hit, meta, style = self.hit, self.hit.meta, self.get_component_rich_style
        head = Text.assemble(
            (f"{self.number:>2} ", style("card--rank")),
            (inert(meta.title), style("card--title")),
            "  ",
            (f" {inert(badge(meta.kind))} ", style("card--badge")),
        )
        place = place_label(meta, hit.chunk, hit.paragraph_parts)
        facts = [meta.publisher, human_date(meta.date), place]
        if duplicates := len(getattr(hit, "duplicates", ())):
            facts.append(f"+{duplicates} near-identical")
        info = Text.assemble(
            ("   " + score_bar(hit.score, self.top_score), style("card--bar")),
            (f" {hit.score:.2f}  " + inert(" · ".join(facts)), style("card--meta")),
        )
        section = Text(
            "   " + inert(hit.chunk.section_path or "(no section)"),
            style=style("card--meta"),
            no_wrap=True,
            overflow="ellipsis",
        )
        body = passage(
            hit.chunk.text,
            self.query_terms,
            hit.best_sentence,
            term_style=style("card--term"),
            best_style=style("card--best"),
        )
        return Group(head, info, section, body)

    def on_click(self) -> None:
        self.focus()
        self.action_open()

    def action_open(self) -> None:
        self.post_message(self.Opened(self))

    def action_copy_citation(self) -> None:
        self.post_message(CopyRequest(self.hit.citation, "Citation"))

    def action_copy_passage(self) -> None:
        self.post_message(CopyRequest(self.hit.chunk.text, "Passage"))

    def action_move(self, step: int) -> None:
        cards = list(self.screen.query(ResultCard))
        target = cards.index(self) + step
        if 0 <= target < len(cards):
            cards[target].focus()
        elif step > 0:  # past the last card: back to the question box below
            self.app.set_focus(self.screen.query_one("QuestionInput"))
