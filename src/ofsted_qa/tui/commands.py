"""Command palette entries: the same filters as the filter bar, found by typing.

A provider, not a list of system commands: the palette fuzzy-matches every system command on
each key, and with a corpus that was hundreds of documents and councils (a minute of typing on
a loaded 2-core machine). Here the typed words pick at most `LIMIT` entries through
`filter_search` (about a millisecond) and only those are shown and highlighted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from ofsted_qa.inert import inert
from ofsted_qa.tui.filter_search import FilterEntry, search

if TYPE_CHECKING:
    from collections.abc import Callable

LIMIT = 40
CLEAR = ("Clear filters", "Search every document again")
PICK = ("Filter: choose documents…", "Type part of a council, a year, a kind or a framework")


class FilterCommands(Provider):
    """Reads `filter_entries`, `set_filter`, `clear_filters` and `action_pick_documents` from
    the app (OfstedApp); offers nothing until the index is open."""

    def _entries(self) -> tuple[FilterEntry, ...]:
        return tuple(getattr(self.app, "filter_entries", ()))

    def _fixed(self) -> list[tuple[str, str, Callable[[], Any]]]:
        app: Any = self.app
        return [(*CLEAR, app.clear_filters), (*PICK, app.action_pick_documents)]

    def _run(self, entry: FilterEntry) -> Callable[[], None]:
        app: Any = self.app
        return lambda: app.set_filter(entry.key, entry.value)

    async def discover(self) -> Hits:
        """With nothing typed: the fixed commands, then the years and kinds (a few)."""
        if not self._entries():
            return
        for title, help_text, command in self._fixed():
            yield DiscoveryHit(title, command, help=help_text)
        for entry in self._entries():
            if entry.key in ("year", "kind"):
                yield DiscoveryHit(escape(inert(entry.label)), self._run(entry), help=entry.detail)

    async def search(self, query: str) -> Hits:
        entries = self._entries()
        if not entries:
            return
        matcher = self.matcher(query)
        for title, help_text, command in self._fixed():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), command, text=title, help=help_text)
        for score, entry in search(entries, query, limit=LIMIT):
            shown = escape(inert(entry.label))  # titles come from documents
            yield Hit(
                score,
                matcher.highlight(shown),
                self._run(entry),
                text=inert(entry.label),
                help=escape(inert(entry.detail)),
            )
