"""Places a question names that no council of the index matches ("how was Narnia rated",
"care leavers in Narnia"): said in a note instead of answering as if no place were named
(a grade question would list every council's grades; a topic question, every council's
passages).

A place is a capitalised word, or run of them, where a council goes: after "in", "at", "for",
"of", "about" or "from", or before a possessive ("Narnia's"); or a word in any case where only a
council goes: "how was narnia rated", "narnia county council", "gotham city". It counts
as unknown when none of its words occurs in any document or the glossary, so ordinary
capitalised words ("in Care", "for Ofsted") and councils spelt within the typo corrector's
reach are never flagged. The words of a council's style ("County Council", "Royal Borough of",
"upon") are in every report, so they never make a name known: "Narnia County Council" is as
unknown as "Narnia".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ofsted_qa.index.lexical_index import words
from ofsted_qa.retrieval.councils import Council
from ofsted_qa.retrieval.query import Interpretation

_NAME = r"[A-Z][\w'’-]*(?:\s+(?:and\s+|upon\s+|on\s+|of\s+(?:the\s+)?)?[A-Z][\w'’-]*)*"
# The words of a council's style, not of its place: every report has them.
STYLE_WORDS = frozenset(
    "county council borough city metropolitan district royal london of upon on and the with "
    "unitary authority local children s services".split()
)
_WORD = r"[A-Za-z][\w'’-]*"
_SLOTS = (
    re.compile(rf"\b(?:in|at|for|of|about|from)\s+({_NAME})"),
    re.compile(rf"\b({_NAME})(?:'s|’s)\b"),
    re.compile(rf"\bhow\s+(?:was|were|is|are|did|has)\s+({_NAME})\s+(?:rated|judged|graded|do)"),
    # a word in any case where only a council goes: "how was narnia rated", "gotham city",
    # "narnia county council care leavers"
    re.compile(
        rf"\bhow\s+(?:was|were|is|are|did|has)\s+({_WORD})\s+(?:rated|judged|graded|do|doing)\b",
        re.I,
    ),
    re.compile(
        rf"\b({_WORD})\s+(?:(?:county|city|borough|district|metropolitan)(?:\s+council)?|"
        r"council)\b",
        re.I,
    ),
)


def unknown_places(understood: Interpretation, known: Callable[[str], bool]) -> tuple[str, ...]:
    """The places the question names where a council goes that match no council and none of
    whose words `known(lower-case word)` knows; () when it names a council of the index."""
    if understood.councils:
        return ()
    text = understood.corrected
    found: dict[str, None] = {}
    for slot in _SLOTS:
        for match in slot.finditer(text):
            name = re.sub(r"(?:'s|’s)$", "", match.group(1))
            typed = [w.strip("'’-").lower() for w in re.findall(r"[\w'’-]+", name)]
            typed = [w for w in typed if w]
            own = [w for w in typed if w not in STYLE_WORDS] or typed  # "London" alone is a place
            if own and not any(known(w) for w in own):
                found[name] = None
    # "Royal Borough of Narnia" also holds the "of Narnia" slot: one place, said once
    return tuple(n for n in found if not any(n != m and f" {n}" in f" {m}" for m in found))


def place_words(councils: Iterable[Council]) -> frozenset[str]:
    """The words of the councils' places ("bexley", "kingston", "hull"), without their style."""
    return frozenset(w for c in councils for w in words(c.core) if w not in STYLE_WORDS)


def note(places: tuple[str, ...], councils: int) -> str:
    """What the answer says about places no council matches."""
    named = " or ".join(places)
    return (
        f"No council called {named} is in the index ({councils} councils are): the answer "
        "below names no council, so it comes from any of them."
    )
