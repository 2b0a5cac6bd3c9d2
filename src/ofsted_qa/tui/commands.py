"""Command palette entries: the same filters as the filter bar, reachable by typing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from textual.app import SystemCommand
from textual.markup import escape

from ofsted_qa.inert import inert
from ofsted_qa.tui.engine import Choices

SetFilter = Callable[[str, Any], None]


def filter_commands(choices: Choices | None, set_filter: SetFilter) -> Iterator[SystemCommand]:
    """Titles come from documents, so they are escaped: the palette renders markup."""
    if choices is None:
        return
    yield SystemCommand("Clear filters", "Search every document again", partial(_clear, set_filter))
    for year in choices.years:
        yield SystemCommand(
            f"Filter: year {year}", "Only documents of this year", partial(set_filter, "year", year)
        )
    for doc_id, title in choices.documents:
        yield SystemCommand(
            escape(inert(f"Filter: document {title}")),
            escape(inert(doc_id)),
            partial(set_filter, "doc", doc_id),
        )
    for kind in choices.kinds:
        yield SystemCommand(
            escape(inert(f"Filter: kind {kind}")),
            "Only this kind of document",
            partial(set_filter, "kind", kind),
        )
    for council in choices.councils:
        yield SystemCommand(
            escape(inert(f"Filter: council {council}")),
            "Only this council's documents",
            partial(set_filter, "council", council),
        )


def _clear(set_filter: SetFilter) -> None:
    for key in ("year", "doc", "kind", "council"):
        set_filter(key, None)
