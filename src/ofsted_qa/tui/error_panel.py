"""A failure the user can fix, said plainly: what went wrong and what to do about it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ofsted_qa.inert import inert


class ErrorPanel(Static):
    def __init__(self, title: str, message: str, hint: str = "") -> None:
        body = Text.assemble((inert(title), "bold"), "\n", inert(message))
        if hint:
            body.append(inert(f"\nTo fix: {hint}"))
        body.append("\nPress ctrl+r to try again.", style="dim")
        super().__init__(body, classes="error-panel")
        self.message = message
        self.hint = hint
