"""A cue the question was read with ("year 2014"): Enter or a click removes or restores it."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from ofsted_qa.inert import inert


class Chip(Widget, can_focus=True):
    BINDINGS = [
        Binding("enter", "flip", "Remove/restore cue"),
        Binding("delete,backspace", "flip", "Remove/restore cue", show=False),
    ]

    removed: reactive[bool] = reactive(False, toggle_class="-removed")

    class Toggled(Message):
        def __init__(self, chip: Chip) -> None:
            super().__init__()
            self.chip = chip

        @property
        def control(self) -> Chip:
            return self.chip

    def __init__(self, label: str, *, removed: bool = False) -> None:
        super().__init__()
        self.label = label
        self.set_reactive(Chip.removed, removed)
        self.set_class(removed, "-removed")
        self.tooltip = "Restore this cue" if removed else "Ignore this cue and re-ask"

    def render(self) -> Text:
        return Text(inert(f"{'+' if self.removed else '×'} {self.label}"))

    def action_flip(self) -> None:
        self.removed = not self.removed
        self.post_message(self.Toggled(self))

    def on_click(self) -> None:
        self.action_flip()
