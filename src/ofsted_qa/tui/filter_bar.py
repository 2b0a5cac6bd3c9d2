"""Hard filters by year, document, kind and council; they apply to the next question and
re-ask the last."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Label, Select

from ofsted_qa.inert import inert

if TYPE_CHECKING:
    from ofsted_qa.retrieval.search import Filters
    from ofsted_qa.tui.engine import Choices

DIMENSIONS = (("year", "Year"), ("doc", "Document"), ("kind", "Kind"), ("council", "Council"))


class FilterBar(Horizontal):
    class Changed(Message):
        def __init__(self, filters: Filters) -> None:
            super().__init__()
            self.filters = filters

    def compose(self) -> ComposeResult:
        for key, label in DIMENSIONS:
            yield Label(label)
            yield Select[Any]([], id=f"filter-{key}", prompt="all", compact=True, disabled=True)

    def set_choices(self, choices: Choices) -> None:
        options: dict[str, list[tuple[Text, Any]]] = {
            "year": [(Text(str(y)), y) for y in choices.years],
            "doc": [(Text(inert(title)), doc_id) for doc_id, title in choices.documents],
            "kind": [(Text(inert(k)), k) for k in choices.kinds],
            "council": [(Text(inert(c)), c) for c in choices.councils],
        }
        for key, items in options.items():
            select = self.query_one(f"#filter-{key}", Select)
            select.set_options(items)
            select.disabled = False

    def value(self, key: str) -> Any:
        value = self.query_one(f"#filter-{key}", Select).value
        return None if value is Select.NULL else value

    def set_value(self, key: str, value: Any) -> None:
        select = self.query_one(f"#filter-{key}", Select)
        if value is None:
            select.clear()
        else:
            select.value = value

    @property
    def filters(self) -> Filters:
        from ofsted_qa.retrieval.search import Filters

        year, doc, kind, council = (self.value(k) for k, _ in DIMENSIONS)
        return Filters(
            years=(year,) if year is not None else (),
            doc_ids=(doc,) if doc is not None else (),
            kinds=(kind,) if kind is not None else (),
            councils=(council,) if council is not None else (),
        )

    @on(Select.Changed)
    def _changed(self, event: Select.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self.filters))
