"""Hard filters by year, document, kind and council (or region: the council list offers the
regions first, "region London", so the bar stays four filters wide); they apply to the next
question and re-ask the last. Documents are chosen through a search-as-you-type picker
(`DocumentFilter`): a corpus has hundreds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Label, Select

from ofsted_qa.inert import inert
from ofsted_qa.tui.document_filter import DocumentFilter

if TYPE_CHECKING:
    from ofsted_qa.retrieval.search import Filters
    from ofsted_qa.tui.engine import Choices
    from ofsted_qa.tui.filter_search import FilterEntry

DIMENSIONS = (
    ("year", "Year"),
    ("doc", "Document"),
    ("kind", "Kind"),
    ("council", "Council or region"),  # one list: the regions first
)


@dataclass(frozen=True)
class RegionChoice:
    """A region as the council filter offers it: its councils' documents."""

    name: str  # the ONS name ("North East")


class FilterBar(Horizontal):
    class Changed(Message):
        def __init__(self, filters: Filters) -> None:
            super().__init__()
            self.filters = filters

    def compose(self) -> ComposeResult:
        for key, label in DIMENSIONS:
            yield Label(label)
            if key == "doc":
                yield DocumentFilter(id="filter-doc")
            else:
                yield Select[Any]([], id=f"filter-{key}", prompt="all", compact=True, disabled=True)

    def set_choices(self, choices: Choices, entries: Sequence[FilterEntry]) -> None:
        """The index's years, kinds and councils, and every filter entry (for the documents)."""
        self.query_one(DocumentFilter).set_entries(entries)
        options: dict[str, list[tuple[Text, Any]]] = {
            "year": [(Text(str(y)), y) for y in choices.years],
            "kind": [(Text(inert(k)), k) for k in choices.kinds],
            "council": [(Text(f"region {r}"), RegionChoice(r)) for r in choices.regions]
            + [(Text(inert(c)), c) for c in choices.councils],
        }
        for key, items in options.items():
            select = self.query_one(f"#filter-{key}", Select)
            select.set_options(items)
            select.disabled = False

    def value(self, key: str) -> Any:
        """The filter's value; for "doc", a tuple of document ids; "region" and "council" share
        one list (None when not set)."""
        if key == "doc":
            return self.query_one(DocumentFilter).chosen or None
        value = self.query_one(f"#filter-{'council' if key == 'region' else key}", Select).value
        if key in ("council", "region") and (key == "region") != isinstance(value, RegionChoice):
            return None
        return value.name if isinstance(value, RegionChoice) else _set(value)

    def set_value(self, key: str, value: Any) -> None:
        """Set one filter (None clears it); "doc" takes an id or a sequence of ids."""
        if key == "doc":
            ids = () if value is None else (value,) if isinstance(value, str) else tuple(value)
            self.query_one(DocumentFilter).choose(ids)
            return
        select = self.query_one(f"#filter-{'council' if key == 'region' else key}", Select)
        if value is None:
            if key not in ("council", "region") or self.value(key) is not None:
                select.clear()  # clearing the region leaves a council chosen, and back
        else:
            select.value = RegionChoice(value) if key == "region" else value

    @property
    def filters(self) -> Filters:
        from ofsted_qa.retrieval.search import Filters

        year, doc, kind, council = (self.value(k) for k, _ in DIMENSIONS)
        region = self.value("region")
        return Filters(
            years=(year,) if year is not None else (),
            doc_ids=tuple(doc) if doc is not None else (),
            kinds=(kind,) if kind is not None else (),
            councils=(council,) if council is not None else (),
            regions=(region,) if region is not None else (),
        )

    @on(Select.Changed)
    @on(DocumentFilter.Changed)
    def _changed(self, event: Select.Changed | DocumentFilter.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self.filters))


def _set(value: Any) -> Any:
    return None if value is Select.NULL else value
