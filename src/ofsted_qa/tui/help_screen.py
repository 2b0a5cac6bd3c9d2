"""Every key, read from the widgets' own BINDINGS so the list cannot drift from the code."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_NAMES = {
    "question_mark": "?",
    "escape": "Esc",
    "enter": "Enter",
    "up": "↑",
    "down": "↓",
    "delete": "Del",
    "backspace": "Backspace",
}


# Keys handled by Textual itself, listed so the help is complete.
EXTRAS = {
    "typing": Binding(
        "typing",
        "",
        "Goes to the question box wherever the focus is, unless the key is bound there",
    ),
    "ask": Binding("enter", "", "Ask the question (blank input is ignored)"),
    "move": Binding("tab,shift+tab", "", "Move between chips, cards, filters and the question"),
    "palette": Binding(
        "ctrl+p", "", "Command palette: filter by year, document, kind or council; theme"
    ),
    "pick": Binding(
        "enter", "", "Document filter: open the picker (type part of a name or a year)"
    ),
    "type": Binding(
        "typing", "", "Type part of a council, year, kind or framework: the list narrows"
    ),
    "toggle": Binding("enter", "", "Choose or unchoose the highlighted document"),
}


def all_groups(app_bindings: list[BindingType]) -> list[tuple[str, list[BindingType]]]:
    from ofsted_qa.tui.chip import Chip
    from ofsted_qa.tui.document_picker import DocumentPicker
    from ofsted_qa.tui.question_input import QuestionInput
    from ofsted_qa.tui.result_card import ResultCard
    from ofsted_qa.tui.source_view import SourceScreen

    return [
        ("Anywhere", [*app_bindings, EXTRAS["palette"], EXTRAS["move"], EXTRAS["typing"]]),
        ("Question box", [EXTRAS["ask"], *QuestionInput.BINDINGS]),
        ("Answer card", list(ResultCard.BINDINGS)),
        ("Cue chip", list(Chip.BINDINGS)),
        ("Source view", list(SourceScreen.BINDINGS)),
        ("Filter bar", [EXTRAS["pick"]]),
        ("Document picker", [EXTRAS["type"], EXTRAS["toggle"], *DocumentPicker.BINDINGS]),
        ("Help", list(HelpScreen.BINDINGS)),
    ]


def key_label(keys: str) -> str:
    return " / ".join(KEY_NAMES.get(k, k) for k in keys.split(","))


def binding_rows(groups: list[tuple[str, list[BindingType]]]) -> list[tuple[str, str, str]]:
    rows = []
    for where, bindings in groups:
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                rows.append((where, key_label(binding.key), binding.description))
    return rows


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,question_mark,q", "app.pop_screen", "Close help")]

    def __init__(self, groups: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.rows = binding_rows(groups)

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, show_edge=False, pad_edge=False)
        table.add_column("Where", style="dim", no_wrap=True)
        table.add_column("Key", style="bold", no_wrap=True)
        table.add_column("Does")
        last = ""
        for where, key, does in self.rows:
            table.add_row(where if where != last else "", key, does)
            last = where
        with VerticalScroll(id="help-box"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            yield Static(table, id="help-table")
            yield Static(Text("Esc, F1 or ? closes this. Mouse: click a card to open it."))
