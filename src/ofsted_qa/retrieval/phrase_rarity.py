"""How rare a word pair is as a pair, and the lexical score of the question's rare pairs.

A programme's or model's name is often two common words ("Family Valued", "Staying Close"):
each word is in thousands of passages, the pair side by side in a handful. BM25 sees only the
words, so a passage that merely shares them ("families", "valued") scores like the one naming
the model. Here a question's pair that is rare in the corpus counts as a term of its own: a
passage that has it side by side gains `pair_weight` x the pair's IDF on the lexical side
(before fusion, like a BM25 term). Pairs common in the corpus ("young people", "children's
services") add nothing: BM25 already has their words, and every passage has them.

A pair's passages are worked out at question time from what the index already holds: the
passages with both words (the two terms' BM25 columns), checked for the pair side by side in
their saved terms (`Phrases.side_by_side`). When many passages have both words, an evenly
spaced sample of them is checked and the count scaled up: so common a pair is far below the
IDF that counts, and the check stays a few thousand terms. Counts are remembered per pair.

The same rarity tells a glossary term typed as the documents write it ("Family Safeguarding
model", "Staying Close": every pair side by side in some passage, and rare) from everyday words
the glossary translates: such a name keeps its expansions at the typed acronym's weight, so
they do not drown the passages that name it.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from ofsted_qa.index.lexical_index import LexicalIndex, terms
from ofsted_qa.retrieval.query import GlossaryUse
from ofsted_qa.retrieval.scoring import Phrases, Tuning, pair_sums, pairs_of

SAMPLE = 256  # passages with both words checked for the pair; more: an even sample of them
PAIRS_KEPT = 4096  # pairs whose passage count is remembered (LRU)

Pair = tuple[str, str]


class PairRarity:
    """`passages(pair)`: about how many passages have the pair's terms side by side (exact
    when at most `sample` passages have both words); `idf(pair)`: log(1 + N / that), as the
    vocabulary's term IDF, and 0 for a pair no passage has (it tells no passage apart)."""

    def __init__(self, lexical: LexicalIndex, phrases: Phrases, sample: int = SAMPLE) -> None:
        self._lexical = lexical
        self._phrases = phrases
        self._sample = sample
        self.passages = lru_cache(maxsize=PAIRS_KEPT)(self._count)

    def idf(self, pair: Pair) -> float:
        found = self.passages(pair)
        return math.log(1 + self._lexical.size / found) if found > 0 else 0.0

    def _count(self, pair: Pair) -> float:
        a, b = pair
        vocabulary = self._lexical.vocabulary
        if a not in vocabulary or b not in vocabulary:
            return 0.0
        # The passages with both words: a mark per passage of the rarer word's, read off the
        # other's (no sort, no scores).
        first, second = sorted((self._lexical.passages(a), self._lexical.passages(b)), key=len)
        marked = np.zeros(self._lexical.size, dtype=bool)
        marked[first] = True
        both = second[marked[second]]
        if len(both) > self._sample:  # sorted for the sample only: a count needs no order
            both = np.sort(both)
            picked = both[np.linspace(0, len(both) - 1, self._sample).astype(np.int64)]
            found = int(self._phrases.side_by_side(picked, pair).sum())
            # None in the sample: rarer than one in `sample`, perhaps absent; counted as rare
            # either way, which is harmless where it is absent (no passage gains by it).
            return len(both) * max(found, 0.5) / self._sample
        return float(self._phrases.side_by_side(both, pair).sum())


def rare_pairs(rarity: PairRarity, query_terms: list[str], min_idf: float) -> dict[Pair, float]:
    """The question's adjacent pairs some passage has, at least `min_idf` rare, with their
    IDF."""
    found = {p: rarity.idf(p) for p in sorted(pairs_of(query_terms))}
    return {p: w for p, w in found.items() if w > 0 and w >= min_idf}


def literal_name(rarity: PairRarity, use: GlossaryUse, min_idf: float) -> bool:
    """The user typed a glossary term of several words that the documents write side by side,
    each pair at least `min_idf` rare: a name, not everyday words the glossary translates."""
    idfs = [rarity.idf(p) for p in pairs_of(terms(use.surface))]
    return bool(idfs) and all(w > 0 and w >= min_idf for w in idfs)


def pair_scores(
    rarity: PairRarity,
    phrases: Phrases,
    candidates: np.ndarray,
    query_terms: list[str],
    tuning: Tuning,
) -> np.ndarray:
    """Per candidate (float32, BM25 units): `pair_weight` x the IDF of each of the question's
    rare pairs (`rare_pairs`) it has side by side."""
    if not tuning.pair_weight or not len(candidates):
        return np.zeros(len(candidates), dtype=np.float32)
    wanted = rare_pairs(rarity, query_terms, tuning.pair_min_idf)
    if not wanted:
        return np.zeros(len(candidates), dtype=np.float32)
    return np.float32(tuning.pair_weight) * pair_sums(phrases, candidates, wanted)
