"""Near-duplicate passages (the same quote carried by two news articles) grouped, not repeated.

Two passages are near-duplicates when most of the shorter one's word trigrams also occur in
the longer one: reworded context around a shared quote still groups, a shared phrase does not.
"""

from __future__ import annotations

from collections.abc import Sequence

from ofsted_qa.index.lexical_index import words

SHINGLE = 3
CONTAINMENT = 0.7
MIN_SHINGLES = 6  # passages shorter than ~8 words are never grouped


Shingles = frozenset[int]


def shingles(text: str, size: int = SHINGLE) -> Shingles:
    """Word trigrams, each kept as its hash: intersecting ints is several times cheaper than
    re-hashing tuples of strings on every comparison (a collision is a 2**-64 chance)."""
    tokens = words(text)
    return frozenset(hash(tuple(tokens[i : i + size])) for i in range(len(tokens) - size + 1))


def similarity(a: Shingles, b: Shingles) -> float:
    """Share of the smaller shingle set found in the other (0 for very short passages)."""
    small = min(len(a), len(b))
    if small < MIN_SHINGLES:
        return 0.0
    return len(a & b) / small


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
