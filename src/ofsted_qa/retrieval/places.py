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

A comparison with a council of the index ("compare Narnia and Leeds", "Solihull vs narnia",
"Luton v Gotham", "Leeds or Narnia") names its other side where a council goes, in any case:
that side is an unknown place too, said beside the council's answer, not dropped silently. Where
a side is joined by "and" or "or", the words of ordinary English are no place ("Leeds or
anywhere"); beside "vs", "v" or "versus" only the reports' words and the glossary's are known.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ofsted_qa.index.lexical_index import words
from ofsted_qa.retrieval.councils import Council
from ofsted_qa.retrieval.query import Interpretation
from ofsted_qa.retrieval.typos import ordinary_english

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

_SIDE = rf"(?:{_NAME}|{_WORD})"
# the two sides of a comparison (the right one a lookahead: "A vs B vs C" is two comparisons)
_VERSUS = re.compile(rf"\b({_SIDE})\s+(?i:vs\.?|v\.?|versus)\s+(?=({_SIDE}))")
_OR = re.compile(rf"\b({_SIDE})\s+(?i:or)\s+(?=({_SIDE}))")
_COMPARE = re.compile(
    rf"\b(?i:compare)\s+(?:(?i:the)\s+)?({_SIDE})\s+(?i:and|with|to|against)\s+({_SIDE})"
)
_JOINS = re.compile(r"\s*(?:\||,|\band\b|\bor\b)\s*", re.I)


def unknown_places(understood: Interpretation, known: Callable[[str], bool]) -> tuple[str, ...]:
    """The places the question names where a council goes that match no council and none of
    whose words `known(lower-case word)` knows; with a council of the index named, only the
    other sides of its comparisons (module docstring)."""
    text = understood.corrected
    found: dict[str, None] = {}
    if understood.councils:
        for name in _compared(understood, known):
            found[name] = None
        return tuple(found)
    for slot in _SLOTS:
        for match in slot.finditer(text):
            name = re.sub(r"(?:'s|’s)$", "", match.group(1))
            if _unknown(name, known):
                found[name] = None
    # "Royal Borough of Narnia" also holds the "of Narnia" slot: one place, said once
    return tuple(n for n in found if not any(n != m and f" {n}" in f" {m}" for m in found))


def _unknown(name: str, known: Callable[[str], bool]) -> bool:
    typed = [w.strip("'’-").lower() for w in re.findall(r"[\w'’-]+", name)]
    typed = [w for w in typed if w]
    own = [w for w in typed if w not in STYLE_WORDS] or typed  # "London" alone is a place
    return bool(own) and not any(known(w) for w in own)


def _compared(understood: Interpretation, known: Callable[[str], bool]) -> list[str]:
    """The sides of the question's comparisons that are no council, beside one that is."""
    surfaces = sorted({s for s, _ in understood.council_words}, key=len, reverse=True)
    if not surfaces:
        return []
    english = lambda w: known(w) or ordinary_english(w)  # noqa: E731
    out: list[str] = []
    text = understood.corrected
    for pattern, knows in ((_VERSUS, known), (_COMPARE, english), (_OR, english)):
        for match in pattern.finditer(text):
            sides = " | ".join(match.groups())
            rest = sides
            for surface in surfaces:  # the council's own words, whatever case typed
                rest = re.sub(rf"\b{re.escape(surface)}\b", "|", rest, flags=re.I)
            if rest == sides:
                continue  # no council of the index on either side
            for piece in _JOINS.split(rest):
                name = re.sub(r"(?:'s|’s)$", "", piece.strip())
                if name and _unknown(name, knows) and name not in out:
                    out.append(name)
    return out


def place_words(councils: Iterable[Council]) -> frozenset[str]:
    """The words of the councils' places ("bexley", "kingston", "hull"), without their style."""
    return frozenset(w for c in councils for w in words(c.core) if w not in STYLE_WORDS)


def note(places: tuple[str, ...], councils: int, compared: Iterable[str] = ()) -> str:
    """What the answer says about places no council matches; `compared`: the councils of the
    index the question compares them with, all the answer is about then."""
    named = " or ".join(places)
    beside = list(compared)
    if beside:
        shown = " and ".join(beside)
        return (
            f"No council called {named} is in the index ({councils} councils are): the answer "
            f"below is about {shown} only."
        )
    return (
        f"No council called {named} is in the index ({councils} councils are): the answer "
        "below names no council, so it comes from any of them."
    )
