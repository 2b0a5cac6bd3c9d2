"""Regions named in a question ("which councils in Yorkshire were inadequate", "London
councils care leavers 2023", "how did the North East do"), read as `regions.FORMS` gives them.

A region's word inside a council's name never names the region: the councils the question
names (`council_question`) and every council name of `regions.json` are set aside first, so
"North East Lincolnshire", "East Riding of Yorkshire", "City of London" and "West Sussex" name
their councils only, whether or not the index holds them; "London Borough of Bexley" names
Bexley (a region word before "Borough of" is a council's style). A region in an office's
title ("Ofsted's regional director for London", "the London director") is no region asked about.
An area's name is read whole though a council's name is in it: "Greater Manchester" is the area
(`regions.areas`), not Manchester.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ofsted_qa.ingest.facts.authorities import name_key
from ofsted_qa.retrieval.regions import REGIONS_FILE, area_phrases, forms

_WORD = re.compile(r"[^\W_]+|&")
_STYLE_AFTER = (("borough", "of"), ("boroughs", "of"))  # "London Borough of Bexley"
# "the North" is the three northern regions, but not in "the North East" (a region of its own)
# nor "the north of the county"
_NOT_BEFORE: dict[tuple[str, ...], frozenset[str]] = {
    ("the", "north"): frozenset({"east", "west", "of"}),
    ("the", "south"): frozenset({"east", "west", "of"}),
}


# An office's title names a region without asking about its councils: "Ofsted's regional
# director for London", "the London director", "the North West regional director".
_TITLE = frozenset({"director", "directors", "inspector", "inspectors", "hmi", "office"})


def _in_a_title(before: list[str], after: list[str]) -> bool:
    """The region between `before` and `after` (a few words each side) is part of a title."""
    before = before[:-1] if before[-1:] == ["the"] else before
    return bool(
        (after[:1] and after[0] in _TITLE)
        or (after[:1] == ["regional"] and after[1:2] and after[1] in _TITLE)
        or (len(before) >= 2 and before[-1] in {"for", "of"} and before[-2] in _TITLE)
    )


@dataclass(frozen=True)
class RegionMention:
    """Regions named in a question, and the words as typed that name them ("the North East")."""

    surface: str
    regions: tuple[str, ...]


@cache
def _council_names() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Every council name of the data file as words, by its first word, longest first (a
    question's words are looked up, not compared with every name)."""
    councils = json.loads(REGIONS_FILE.read_text(encoding="utf-8"))["councils"]
    names = {tuple(name_key(n.replace("&", " and ")).split()) for n in councils}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted((n for n in names if n), key=len, reverse=True):
        by_first.setdefault(name[0], []).append(name)
    return {first: tuple(listed) for first, listed in by_first.items()}


def region_mentions(question: str, councils_typed: Iterable[str] = ()) -> tuple[RegionMention, ...]:
    """Each place the question names a region, in order. `councils_typed`: the words naming
    councils found in it (`Mention.surface`), never read as a region."""
    spans = [m.span() for m in _WORD.finditer(question)]
    words = [
        "and" if question[a:b] == "&" else name_key(question[a:b]) or question[a:b].lower()
        for a, b in spans
    ]
    taken = [False] * len(words)
    for typed in councils_typed:
        for m in re.finditer(rf"(?<!\w){re.escape(typed)}(?!\w)", question, flags=re.I):
            for k, (a, b) in enumerate(spans):
                taken[k] |= a < m.end() and b > m.start()
    names = _council_names()
    # an area is named whole, though a council's name is in it ("Greater Manchester")
    inside_area = [False] * len(words)
    for area in area_phrases():
        for i in range(len(words) - len(area) + 1):
            if tuple(words[i : i + len(area)]) == area:
                inside_area[i : i + len(area)] = [True] * len(area)
    for i in range(len(words)):
        if inside_area[i]:
            continue
        for name in names.get(words[i], ()):
            if tuple(words[i : i + len(name)]) == name:
                taken[i : i + len(name)] = [True] * len(name)
                break
    table = forms()
    longest = max(len(f) for f in table)
    found: list[RegionMention] = []
    i = 0
    while i < len(words):
        for length in range(min(longest, len(words) - i), 0, -1):
            phrase = tuple(words[i : i + length])
            if phrase in table and not any(taken[i : i + length]):
                after = words[i + length : i + length + 2]
                if _in_a_title(words[max(0, i - 3) : i], after):
                    i += length
                    break
                if (
                    tuple(after) in _STYLE_AFTER
                    or after[:1]
                    and after[0] in _NOT_BEFORE.get(phrase, ())
                ):
                    continue
                surface = question[spans[i][0] : spans[i + length - 1][1]]
                found.append(RegionMention(surface, table[phrase]))
                i += length
                break
        else:
            i += 1
    return tuple(found)
