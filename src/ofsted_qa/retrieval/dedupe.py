"""Near-duplicate passages (the same quote carried by two news articles) grouped, not repeated.

Two passages are near-duplicates when most of the shorter one's word trigrams also occur in
the longer one: reworded context around a shared quote still groups, a shared phrase does not.
They must also say the same thing, fact for fact: aligned word by word, every fact of the
shorter one (a grade, a negation, a figure, a month or year, a number word, a capitalised name
such as a council or a place) sits in the shared text, and the longer one has no fact of its
own inside the shared stretch; only before or after it (a news story's framing of a quote).
Two councils' judgement tables share nearly every trigram and differ in one grade; "in post
since August 2011" and "since September 2011" share their frame; "Leeds has established" and
"Bradford has established" differ in the council: an answer showing one as the "same passage"
as the other would misquote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property

from ofsted_qa.index.lexical_index import STOPWORDS, words

SHINGLE = 3
CONTAINMENT = 0.7
MIN_SHINGLES = 6  # passages shorter than ~8 words are never grouped


# Words whose difference changes what a passage says, however alike the rest; with them, any
# word holding a digit ("2011", "59%", "18th"), a word capitalised within a sentence (a name, a
# month) and the words of the index's councils' places, wherever they stand.
_FACT_WORDS = frozenset(
    "outstanding good adequate inadequate requires improvement not no never nor none "
    "january february march april june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million half third quarter twice once all most many few several "
    "majority minority interim acting permanent former previous".split()
)
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z0-9'’-]*")
# what ends the text before a sentence's (or a quote's) first word, capitalised as any is
_OPENERS = frozenset(".!?:;'\"‘’“”([•-–—")


@dataclass(frozen=True)
class Shingles:
    """A passage's word trigrams, each kept as its hash (intersecting ints is several times
    cheaper than re-hashing tuples of strings; a collision is a 2**-64 chance), its words and,
    per word, whether it is a fact (`_FACT_WORDS`, a digit, a capitalised name): worked out only
    for the few pairs alike enough to group, most passages never need them."""

    trigrams: frozenset[int]
    words: tuple[str, ...]
    text: str
    places: frozenset[str] = frozenset()

    @cached_property
    def facts(self) -> tuple[bool, ...]:
        names = {w for w in words(" ".join(_names(self.text))) if w not in STOPWORDS}
        names |= self.places
        return tuple(_is_fact(w, names) for w in self.words)


def shingles(text: str, size: int = SHINGLE, places: Collection[str] = ()) -> Shingles:
    """The passage's `Shingles`; `places`: the words of the councils' places (lower case), facts
    even first in a sentence ("Leeds has established")."""
    tokens = words(text)
    return Shingles(
        frozenset(hash(tuple(tokens[i : i + size])) for i in range(len(tokens) - size + 1)),
        tuple(tokens),
        text,
        frozenset(places),
    )


def _names(text: str) -> list[str]:
    """The words capitalised within a sentence, not first in it."""
    found = []
    for match in _CAPITALISED.finditer(text):
        at = match.start() - 1
        while at >= 0 and text[at].isspace():
            at -= 1
        if at >= 0 and text[at] not in _OPENERS:
            found.append(match.group())
    return found


_DIGIT = re.compile(r"\d")


def _is_fact(word: str, names: set[str]) -> bool:
    return word in _FACT_WORDS or word in names or _DIGIT.search(word) is not None


def similarity(a: Shingles, b: Shingles, at_least: float = 0.0) -> float:
    """Share of the smaller trigram set found in the other; 0 for very short passages and for
    passages whose facts differ (checked where the share reaches `at_least`: the grouping
    threshold, so that passages too unlike to group are never aligned word by word)."""
    small = min(len(a.trigrams), len(b.trigrams))
    if small < MIN_SHINGLES:
        return 0.0
    share = len(a.trigrams & b.trigrams) / small
    if share < at_least:
        return share
    shorter, longer = (a, b) if len(a.trigrams) <= len(b.trigrams) else (b, a)
    return share if same_facts(shorter, longer) else 0.0


def same_facts(shorter: Shingles, longer: Shingles) -> bool:
    """Aligned word by word, every fact of `shorter` is in text both share, and `longer` has no
    fact of its own between the first and the last text they share. Shared text is a run of at
    least `SHINGLE` words: a stray "we have" matched far from the quote is no anchor."""
    matcher = SequenceMatcher(None, shorter.words, longer.words, autojunk=False)
    runs = [m for m in matcher.get_matching_blocks() if m.size >= SHINGLE]
    if not runs:
        return not any(shorter.facts)
    in_short = [False] * len(shorter.words)
    in_long = [False] * len(longer.words)
    for run in runs:
        in_short[run.a : run.a + run.size] = [True] * run.size
        in_long[run.b : run.b + run.size] = [True] * run.size
    if any(fact and not shared for fact, shared in zip(shorter.facts, in_short, strict=True)):
        return False
    first, last = runs[0].b, runs[-1].b + runs[-1].size
    return not any(
        fact and not shared
        for fact, shared in zip(longer.facts[first:last], in_long[first:last], strict=True)
    )


def group(
    texts: Sequence[str], threshold: float = CONTAINMENT, places: Collection[str] = ()
) -> list[list[int]]:
    """Indices grouped in rank order: each group starts with its best-ranked member."""
    return group_shingles([shingles(t, places=places) for t in texts], threshold)


def group_shingles(
    sets: Sequence[Shingles], threshold: float = CONTAINMENT, limit: int | None = None
) -> list[list[int]]:
    """`group` over shingle sets already made (the searcher keeps them per passage). With a
    `limit`, only the first `limit` groups, which are exactly `group`'s first ones: a set that
    joins none of them could only join or start a later group."""
    groups: list[list[int]] = []
    for i, current in enumerate(sets):
        for members in groups:
            if similarity(sets[members[0]], current, threshold) >= threshold:
                members.append(i)
                break
        else:
            if limit is None or len(groups) < limit:
                groups.append([i])
    return groups


def lead_with(groups: list[list[int]], preferred: Callable[[int], bool]) -> list[list[int]]:
    """Each group led by its best-ranked member `preferred` holds for (a paged report before
    its unpaged seed copy or a news story quoting it: the citation a reader can check), if
    any; the others after it in rank order. Groups keep their order."""
    out = []
    for members in groups:
        lead = next((m for m in members if preferred(m)), members[0])
        out.append([lead, *(m for m in members if m != lead)])
    return out
