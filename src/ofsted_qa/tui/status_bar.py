"""One line (two in a narrow window) that says what the app is doing: index, model, filters."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from ofsted_qa.inert import inert

SEPARATOR = "  │  "


class StatusBar(Widget):
    index: reactive[str] = reactive("opening the index…")
    model: reactive[str] = reactive("waiting")
    filters: reactive[str] = reactive("none")

    def render(self) -> Text:
        """The three fields on one line; where the window is too narrow for that, a field
        starts a new line (app.tcss gives the bar `height: auto`) instead of being cut."""
        fields = [("Index ", self.index), ("Model ", self.model), ("Filters ", self.filters)]
        width = max(self.size.width, 1)
        text, line = Text(overflow="ellipsis"), 0
        for label, value in fields:
            piece = len(label) + len(value)
            if line:
                if line + len(SEPARATOR) + piece > width:
                    text.append("\n")
                    line = 0
                else:
                    text.append(SEPARATOR)
                    line += len(SEPARATOR)
            text.append(label, style="bold")
            text.append(inert(value))  # a model folder's name, a filter's document id
            line += piece
        return text
