"""The question box: Enter asks, Up/Down recall earlier questions like a shell."""

from __future__ import annotations

from textual import events, on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from ofsted_qa.inert import inert, typed_text
from ofsted_qa.tui.in_order_input import InOrderInput
from ofsted_qa.tui.type_ahead import TYPE_HERE


class QuestionInput(InOrderInput):
    BINDINGS = [
        Binding("up", "history(-1)", "Earlier question", show=False),
        Binding("down", "history(1)", "Later question", show=False),
        Binding(
            "tab",
            "app.focus_answers",
            "Go to the answers: the card last read, else the latest",
            show=False,
        ),
    ]

    class Asked(Message):
        def __init__(self, question: str) -> None:
            super().__init__()
            self.question = question

    def __init__(self, **kwargs: object) -> None:
        # Focus never selects the draft: typing that lands here from a card adds to it.
        super().__init__(
            placeholder="Ask a question, e.g. what did Ofsted say about care leavers in 2014",
            select_on_focus=False,
            classes=TYPE_HERE,
            **kwargs,  # type: ignore[arg-type]
        )
        self.history: list[str] = []
        self._cursor = 0  # == len(history) means "the new question being typed"
        self._draft = ""

    def _on_paste(self, event: events.Paste) -> None:
        """A hard-wrapped quote keeps all its lines, joined with spaces (Input keeps only the
        first); escape sequences (a pasted colour code) are removed, so the question reads as
        shown, and undecodable bytes arrive inert."""
        lines = event.text.splitlines()  # LF, CRLF or a lone CR (tmux sends CR)
        text = inert(" ".join(typed_text(" ".join(lines)).split()))
        if text:
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *selection)
        event.stop()
        event.prevent_default()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        question = " ".join(typed_text(event.value).split())
        if not question:  # blank input is ignored, not an error
            return
        if not self.history or self.history[-1] != question:
            self.history.append(question)
        self._cursor, self._draft = len(self.history), ""
        self.value = ""
        self.post_message(self.Asked(question))

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._cursor == len(self.history):
            self._draft = self.value
        self._cursor = max(0, min(len(self.history), self._cursor + step))
        at_draft = self._cursor == len(self.history)
        self.value = self._draft if at_draft else self.history[self._cursor]
        self.cursor_position = len(self.value)
