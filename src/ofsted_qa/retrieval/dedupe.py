"""Near-duplicate passages (the same quote carried by two news articles) grouped, not repeated.

Two passages are near-duplicates when most of the shorter one's word trigrams also occur in
the longer one: reworded context around a shared quote still groups, a shared phrase does not.
They must also say the same thing: the shorter one's verdict words (grades, numbers, negations)
occur in the longer one in the same order. Two councils' judgement tables share nearly every
trigram and differ in one grade; "judged inadequate in 2012" and "judged to be good" share their
frame: an answer showing one as the "same passage" as the other would misquote.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ofsted_qa.index.lexical_index import words

SHINGLE = 3
CONTAINMENT = 0.7
MIN_SHINGLES = 6  # passages shorter than ~8 words are never grouped


# Words whose difference changes what a passage says, however alike the rest.
_VERDICT_WORDS = frozenset(
    "outstanding good adequate inadequate requires improvement not no never nor none".split()
)


@dataclass(frozen=True)
class Shingles:
    """A passage's word trigrams, each kept as its hash (intersecting ints is several times
    cheaper than re-hashing tuples of strings; a collision is a 2**-64 chance), and its verdict
    words and numbers in order."""

    trigrams: frozenset[int]
    verdicts: tuple[str, ...]


def shingles(text: str, size: int = SHINGLE) -> Shingles:
    """The passage's `Shingles`."""
    tokens = words(text)
    return Shingles(
        frozenset(hash(tuple(tokens[i : i + size])) for i in range(len(tokens) - size + 1)),
        tuple(w for w in tokens if w in _VERDICT_WORDS or w.isdigit()),
    )


def similarity(a: Shingles, b: Shingles) -> float:
    """Share of the smaller trigram set found in the other; 0 for very short passages and for
    passages whose verdicts differ (the shorter's verdict words not, in order, the longer's)."""
    small = min(len(a.trigrams), len(b.trigrams))
    if small < MIN_SHINGLES:
        return 0.0
    shorter, longer = (a, b) if len(a.trigrams) <= len(b.trigrams) else (b, a)
    if not _in_order(shorter.verdicts, longer.verdicts):
        return 0.0
    return len(a.trigrams & b.trigrams) / small


def _in_order(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """`part` is a subsequence of `whole`."""
    rest = iter(whole)
    return all(word in rest for word in part)


def group(texts: Sequence[str], threshold: float = CONTAINMENT) -> list[list[int]]:
    """Indices grouped in rank order: each group starts with its best-ranked member."""
    return group_shingles([shingles(t) for t in texts], threshold)


def group_shingles(
    sets: Sequence[Shingles], threshold: float = CONTAINMENT, limit: int | None = None
) -> list[list[int]]:
    """`group` over shingle sets already made (the searcher keeps them per passage). With a
    `limit`, only the first `limit` groups, which are exactly `group`'s first ones: a set that
    joins none of them could only join or start a later group."""
    groups: list[list[int]] = []
    for i, current in enumerate(sets):
        for members in groups:
            if similarity(sets[members[0]], current) >= threshold:
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
