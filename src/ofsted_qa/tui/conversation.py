"""The scrolling record of questions and answers, newest at the bottom."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from ofsted_qa.tui.turn import Turn

WELCOME = (
    "Ask a plain question about the Ofsted children's social care reports.\n\n"
    "  what did Ofsted say about care leavers in 2014\n"
    "  how effective is the local safeguarding children board\n"
    "  what did the focused visit find about child protection\n\n"
    "Enter asks · Tab moves to the answers · Enter opens the source · "
    "c copies the citation · F1 lists every key"
)


class Conversation(VerticalScroll, can_focus=False):
    """Not focusable itself: Tab should land on cards and chips, not on the scroller."""

    def compose(self) -> ComposeResult:
        yield Static(Text(WELCOME), id="welcome")

    @property
    def turns(self) -> list[Turn]:
        return list(self.query(Turn))

    def add_panel(self, panel: Widget) -> None:
        self.mount(panel)
        self.call_after_refresh(self.scroll_to_widget, panel)

    def add_turn(self, turn: Turn) -> None:
        self.query("#welcome").remove()
        self.mount(turn)
        self.call_after_refresh(self.scroll_to_widget, turn, top=True)
