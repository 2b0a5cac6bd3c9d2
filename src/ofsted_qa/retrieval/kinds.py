"""A kind of document as a user types it (`--kind "focused visit"`, "Inspection_Reports",
"news"), matched to the kinds the index holds.

A document's kinds are the one its metadata gives and what its title adds: a letter titled
"Focused visit to ..." is a focused visit letter and an inspection letter both, as
`inspections.catalogue` reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ofsted_qa.ingest.documents import DocumentMeta

LETTERS = ("inspection letter", "focused visit letter", "monitoring visit letter")
_VISITS = ("focused visit", "monitoring visit")
# Short or everyday names for a kind: the key (see `kind_key`) -> the kind.
_ALIASES = {
    "report": "inspection report",
    "inspection": "inspection report",
    "letter": "inspection letter",
    "focused visit": "focused visit letter",
    "monitoring visit": "monitoring visit letter",
    "jtai": "joint targeted area inspection",
    "joint targeted inspection": "joint targeted area inspection",
    "blog post": "blog",
    "news story": "news",
    "news article": "news",
    "article": "news",
}
_SEPARATORS = re.compile(r"[\s_\-–/]+")
_KEEP_S = {"news", "children", "services", "always"}  # an "s" that is not a plural's


@lru_cache(maxsize=256)
def kind_key(typed: str) -> str:
    """The words of a kind, compared: lower case, single spaces for spaces, underscores and
    hyphens, each plural made singular. "Focused-Visits" -> "focused visit"."""
    words = _SEPARATORS.sub(" ", typed.casefold()).split()
    return " ".join(
        w[:-1] if w.endswith("s") and len(w) > 3 and w not in _KEEP_S else w for w in words
    )


def kinds_of(meta: DocumentMeta) -> frozenset[str]:
    """The kinds a document is: its own, "inspection letter" for any letter, and the visit its
    title names ("Focused visit to Bexley" -> "focused visit letter")."""
    kinds = {meta.kind}
    if meta.kind in LETTERS:
        kinds.add("inspection letter")
        title = meta.title.casefold()
        kinds |= {f"{visit} letter" for visit in _VISITS if visit in title}
    return frozenset(kinds)


def kind_named(typed: str, kinds: Iterable[str]) -> str | None:
    """The one of `kinds` (those an index holds) that `typed` names, or None. Case, spaces,
    underscores, hyphens and plurals aside, and by its everyday name ("focused visit", "report",
    "blog post")."""
    by_key = {kind_key(k): k for k in kinds}
    key = kind_key(typed)
    if key in by_key:
        return by_key[key]
    alias = _ALIASES.get(key)
    return by_key.get(kind_key(alias)) if alias else None
