"""Places a question names that no council of the index matches ("how was Narnia rated",
"care leavers in Narnia"): said in a note instead of answering as if no place were named
(a grade question would list every council's grades; a topic question, every council's
passages).

A place is a capitalised word, or run of them, where a council goes: after "in", "at", "for",
"of", "about" or "from", before a possessive ("Narnia's"), or in "how was X rated". It counts
as unknown when none of its words occurs in any document or the glossary, so ordinary
capitalised words ("in Care", "for Ofsted") and councils spelt within the typo corrector's
reach are never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ofsted_qa.retrieval.query import Interpretation

_NAME = r"[A-Z][\w'’-]*(?:\s+(?:and\s+|upon\s+|on\s+)?[A-Z][\w'’-]*)*"
_SLOTS = (
    re.compile(rf"\b(?:in|at|for|of|about|from)\s+({_NAME})"),
    re.compile(rf"\b({_NAME})(?:'s|’s)\b"),
    re.compile(rf"\bhow\s+(?:was|were|is|are|did|has)\s+({_NAME})\s+(?:rated|judged|graded|do)"),
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
            words = [w.strip("'’-") for w in re.findall(r"[\w'’-]+", name)]
            if words and not any(known(w.lower()) for w in words if w):
                found[name] = None
    return tuple(found)


def note(places: tuple[str, ...], councils: int) -> str:
    """What the answer says about places no council matches."""
    named = " or ".join(places)
    return (
        f"No council called {named} is in the index ({councils} councils are): the answer "
        "below names no council, so it comes from any of them."
    )
