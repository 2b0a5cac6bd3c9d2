"""One line that always says what the app is doing: index, model, filters."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from ofsted_qa.inert import inert


class StatusBar(Widget):
    index: reactive[str] = reactive("opening the index…")
    model: reactive[str] = reactive("waiting")
    filters: reactive[str] = reactive("none")

    def render(self) -> Text:
        return Text.assemble(
            ("Index ", "bold"),
            inert(self.index),
            ("  │  Model ", "bold"),
            inert(self.model),  # a model folder's name, a filter's document id
            ("  │  Filters ", "bold"),
            inert(self.filters),
            overflow="ellipsis",
            no_wrap=True,
        )
