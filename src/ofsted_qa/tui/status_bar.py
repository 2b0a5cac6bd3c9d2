"""One line that always says what the app is doing: index, model, filters."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class StatusBar(Widget):
    index: reactive[str] = reactive("opening the index…")
    model: reactive[str] = reactive("waiting")
    filters: reactive[str] = reactive("none")

    def render(self) -> Text:
        return Text.assemble(
            ("Index ", "bold"),
            self.index,
            ("  │  Model ", "bold"),
            self.model,
            ("  │  Filters ", "bold"),
            self.filters,
            overflow="ellipsis",
            no_wrap=True,
        )
