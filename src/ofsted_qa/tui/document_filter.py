"""The filter bar's document filter: a button naming what is chosen ("all", a title, "3
documents") that opens the search-as-you-type picker, and says when the choice changed."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import Button

from ofsted_qa.inert import inert
from ofsted_qa.tui.document_picker import DocumentPicker
from ofsted_qa.tui.filter_search import FilterEntry


class DocumentFilter(Button):
    """`chosen` holds document ids; empty means every document."""

    class Changed(Message):
        def __init__(self, chosen: tuple[str, ...]) -> None:
            super().__init__()
            self.chosen = chosen

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__("all", id=id, compact=True, disabled=True)
        self.entries: tuple[FilterEntry, ...] = ()
        self.titles: dict[str, str] = {}
        self.chosen: tuple[str, ...] = ()

    def set_entries(self, entries: Sequence[FilterEntry]) -> None:
        """The documents on offer (the index's): the button works from now on."""
        self.entries = tuple(e for e in entries if e.key == "doc")
        # a title cut by the button's width would lose its council (named last before 2018)
        self.titles = {
            str(e.value): e.short or e.label.removeprefix("Filter: document ") for e in self.entries
        }
        self.disabled = False
        self._relabel()

    def choose(self, chosen: Sequence[str]) -> None:
        """Set the chosen documents (ids); posts Changed when they differ."""
        chosen = tuple(dict.fromkeys(chosen))
        if chosen != self.chosen:
            self.chosen = chosen
            self._relabel()
            self.post_message(self.Changed(chosen))

    def _relabel(self) -> None:
        if not self.chosen:
            label = "all"
        elif len(self.chosen) == 1:
            label = inert(self.titles.get(self.chosen[0], self.chosen[0]))
        else:
            label = f"{len(self.chosen)} documents"
        self.label = Text(label)  # a Text: titles are never read as markup

    @on(Button.Pressed)
    def _open(self, event: Button.Pressed) -> None:
        event.stop()
        self.app.push_screen(DocumentPicker(self.entries, self.chosen), self._picked)

    def _picked(self, chosen: tuple[str, ...] | None) -> None:
        if chosen is not None:
            self.choose(chosen)
