"""What the user asked for, made explicit: years, sources, and the words to search with.

Everything interpreted here is shown back to the user (`--explain`, TUI chips), never hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import OfstedQAError
from .lexical_index import terms

MAX_QUERY_CHARS = 5000

_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
_OFSTED_CUES = re.compile(
    r"\b(ofsted|inspectors?|inspection report|the report|focused visit|hmi|the letter)\b", re.I
)


@dataclass(frozen=True)
class Interpretation:
    query: str
    years: tuple[int, ...] = ()
    publishers: tuple[str, ...] = ()
    expansions: tuple[str, ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()

    @property
    def search_terms(self) -> list[str]:
        return terms(" ".join((self.query, *self.expansions)))

    @property
    def chips(self) -> list[str]:
        """Short labels for the interpreted parts: "year 2014", "source Ofsted"."""
        return [f"year {y}" for y in self.years] + [f"source {p}" for p in self.publishers]


def validate(query: str) -> str:
    cleaned = " ".join(query.split())
    if not cleaned:
        raise OfstedQAError("The question is empty.", hint="type a few words")
    if len(cleaned) > MAX_QUERY_CHARS:
        raise OfstedQAError(
            f"The question is too long ({len(cleaned):,} characters; the limit is "
            f"{MAX_QUERY_CHARS:,}).",
            hint="ask about one thing at a time",
        )
    return cleaned


def interpret(query: str) -> Interpretation:
    text = validate(query)
    years = tuple(sorted({int(y) for y in _YEAR.findall(text)}))
    publishers = ("Ofsted",) if _OFSTED_CUES.search(text) else ()
    return Interpretation(query=text, years=years, publishers=publishers)
