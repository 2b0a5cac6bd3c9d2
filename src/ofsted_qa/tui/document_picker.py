"""Choosing documents by typing part of them: a council, a year, a kind, a framework, words of
the title. Shows the best matches (never the whole corpus as one long list); Enter chooses or
unchooses the highlighted one; several can be chosen; Esc closes with the choice made."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ofsted_qa.inert import inert
from ofsted_qa.tui.filter_search import FilterEntry, search
from ofsted_qa.tui.in_order_input import InOrderInput
from ofsted_qa.tui.type_ahead import TYPE_HERE

SHOWN = 50  # matches listed at once; typing more narrows them


class DocumentPicker(ModalScreen[tuple[str, ...]]):
    """Dismissed with the chosen document ids, in the order chosen (empty: every document)."""

    BINDINGS = [
        Binding("escape", "done", "Close the document picker, keeping the choice"),
        Binding("ctrl+l", "clear", "Clear the chosen documents"),
        Binding("down", "move(1)", "Next matching document", show=False),
        Binding("up", "move(-1)", "Previous matching document", show=False),
    ]

    def __init__(self, entries: Sequence[FilterEntry], chosen: Sequence[str] = ()) -> None:
        super().__init__()
        self.entries = [e for e in entries if e.key == "doc"]
        self.labels = {
            str(e.value): e.label.removeprefix("Filter: document ") for e in self.entries
        }
        self.chosen: list[str] = list(chosen)
        self.matches: list[FilterEntry] = []
        self.total = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Static(
                "Documents: type part of a council, a year, a kind or a framework",
                id="picker-title",
            )
            yield InOrderInput(  # typing on the list lands here too (type_ahead.py), added to it
                placeholder="e.g. norfolk 2015, sif bexley, focused visit",
                id="picker-query",
                classes=TYPE_HERE,
                select_on_focus=False,
            )
            yield OptionList(id="picker-list")
            yield Static(id="picker-status")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.refilter("")

    @on(Input.Changed, "#picker-query")
    def _typed(self, event: Input.Changed) -> None:
        self.refilter(event.value)

    def refilter(self, query: str) -> None:
        """Show the best matches of `query`, keeping the highlight at the top."""
        found = search(self.entries, query, limit=len(self.entries) or 1)
        self.total = len(found)
        self.matches = [entry for _, entry in found[:SHOWN]]
        options = self.query_one(OptionList)
        options.set_options(self._option(e) for e in self.matches)
        options.highlighted = 0 if self.matches else None
        self._update_status()

    def _option(self, entry: FilterEntry) -> Option:
        mark = "✓ " if entry.value in self.chosen else "  "
        text = Text(mark, style="bold")
        text.append(inert(self.labels[str(entry.value)]))
        text.append(f"\n  {inert(entry.detail)}", style="dim")
        return Option(text, id=str(entry.value))

    def _update_status(self) -> None:
        more = f" (the first {SHOWN}: type more to narrow)" if self.total > SHOWN else ""
        if not self.chosen:
            chosen = "none chosen: every document is searched"
        elif len(self.chosen) == 1:
            chosen = f"chosen: {inert(self.labels.get(self.chosen[0], self.chosen[0]))}"
        else:
            chosen = f"{len(self.chosen)} chosen"
        status = f"{self.total} of {len(self.entries)} match{more} · {chosen}\n"
        status += "Enter choose/unchoose · ↑↓ move · ctrl+l clear · Esc done"
        self.query_one("#picker-status", Static).update(Text(status))

    @on(Input.Submitted, "#picker-query")
    def _enter(self) -> None:
        self.toggle_highlighted()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one(OptionList).highlighted = event.option_index
        self.toggle_highlighted()

    def toggle_highlighted(self) -> None:
        """Choose the highlighted document, or unchoose it if it was chosen."""
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.matches:
            return
        entry = self.matches[options.highlighted]
        doc_id = str(entry.value)
        if doc_id in self.chosen:
            self.chosen.remove(doc_id)
        else:
            self.chosen.append(doc_id)
        options.replace_option_prompt_at_index(options.highlighted, self._option(entry).prompt)
        self._update_status()

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if self.matches:
            current = options.highlighted or 0
            options.highlighted = max(0, min(len(self.matches) - 1, current + step))

    def action_clear(self) -> None:
        self.chosen.clear()
        self.refilter(self.query_one(Input).value)

    def action_done(self) -> None:
        self.dismiss(tuple(self.chosen))
