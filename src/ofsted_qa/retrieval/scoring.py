"""Candidate passages and the lexical side of their scores.

BM25 runs over the persisted index (each passage with its nearest heading). In the full
pipeline glossary expansions count at `expansion_weight`, or at `literal_acronym_weight` when
the user typed an acronym the documents themselves use (the literal "MASH" passage should beat
passages that only share words with "multi-agency safeguarding hub"), or a name of a few words
the documents write side by side and rarely ("Family Safeguarding model"); and the question's
adjacent word pairs found side by side in a passage ("cabinet member", "foster carers") add a
phrase bonus; a pair rare as a pair ("Family Valued", "Staying Close": common words, a rare
name) also counts on the lexical side, as a term of its own (phrase_rarity.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ofsted_qa.index.generations import IndexBundle
from ofsted_qa.index.lexical_index import LexicalIndex, terms, words
from ofsted_qa.index.passage_terms import PassageTerms
from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.retrieval.query import GlossaryUse, Interpretation

CANDIDATES = 100


@dataclass(frozen=True)
class Tuning:
    """Weights chosen on the tuning split of eval/golden.jsonl (see eval/results/report.md)."""

    fusion: str = "zscore"
    dense_weight: float = 0.6
    expansion_weight: float = 0.5  # glossary words count this much against typed words
    year_boost: float = 0.5  # document dated in (or covering) a year the question names
    year_text_share: float = 0.3  # share of it for a passage that names the year in its text
    source_boost: float = 0.1  # publisher the question cites ("what did Ofsted say")
    dense_expansion: bool = True  # the model also sees glossary expansions
    cover_years: int = 2  # comparisons ("2014 and 2025"): this many per year lead the ranking
    literal_acronym_weight: float = 0.25  # expansions of a typed acronym (or rare name) they use
    broader_weight: float = 0.15  # a glossary term's wider topic ("staying put": care leavers)
    phrase_boost: float = 0.08  # query word pairs adjacent in the passage (share, weighted)
    pair_weight: float = 0.2  # BM25 added per unit IDF of a rare query pair a passage has
    pair_min_idf: float = 7.0  # ... a pair this rare at least (in under 1 passage in 1,100)
    literal_names: bool = True  # a glossary name typed as written (pairs that rare): as acronym
    answer_boost: float = 0.1  # passage holds the kind of answer asked for (a figure, a date)
    council_boost: float = 1.0  # document of a council the question names: above any other
    cover_councils: int = 3  # two councils named: this many of each lead the ranking, in turns
    # A council named is a boost on its documents, and its name a search word at this weight:
    # within them, the passages that name it (its report's verdicts) edge ahead; at full weight
    # every cover page and heading that prints the name would.
    council_word_weight: float = 0.25
    latest_boost: float = 0.1  # a council named, no year: its newest documents (recency.py)
    cover_inspections: int = 1  # over time, a council named: this many of each inspection lead
    # A council and a year named ("LADO wakefield 2025"): that council's documents of that year
    # besides `year_boost`, so its own report leads its other years' (tune: 0.25-1 alike).
    council_year_boost: float = 0.25


class Phrases:
    """Each passage's adjacent word pairs (stemmed, stopwords dropped) in the text BM25 indexes
    (heading, list lead-in and passage): read from the terms the build saved (`saved`, ids of
    `vocabulary`), or else worked out the first time the passage is a candidate: a question
    scores a few hundred passages, not the corpus."""

    def __init__(
        self,
        chunks: Sequence[Chunk],
        saved: PassageTerms | None = None,
        vocabulary: Mapping[str, int] | None = None,
    ) -> None:
        self.pairs = _LazyPairs(chunks)
        self.saved = saved if vocabulary is not None else None
        self.vocabulary: Mapping[str, int] = vocabulary or {}

    def side_by_side(self, passages: np.ndarray, pair: tuple[str, str]) -> np.ndarray:
        """Per passage (ids, int64), whether it has the pair's two terms side by side, in
        order (bool)."""
        if self.saved is None:
            return np.array([pair in self.pairs[i] for i in passages.tolist()], dtype=bool)
        ids = self.vocabulary
        has = np.zeros(len(passages), dtype=bool)
        if pair[0] not in ids or pair[1] not in ids or not len(passages):
            return has
        seq, owner = self.saved.gather(passages)
        at = np.flatnonzero((seq[:-1] == ids[pair[0]]) & (seq[1:] == ids[pair[1]]))
        has[owner[at][owner[at] == owner[at + 1]]] = True  # pairs never span two passages
        return has


class _LazyPairs:
    """`pairs[i]`: passage i's adjacent word pairs, cached once computed."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self._chunks = chunks
        self._done: dict[int, set[tuple[str, str]]] = {}

    def __getitem__(self, i: int) -> set[tuple[str, str]]:
        found = self._done.get(i)
        if found is None:
            found = self._done[i] = pairs_of(terms(self._chunks[i].embedding_text))
        return found


def pairs_of(sequence: list[str]) -> set[tuple[str, str]]:
    """The distinct adjacent pairs of a term sequence (a term beside itself left out)."""
    return {(a, b) for a, b in zip(sequence, sequence[1:], strict=False) if a != b}


def literal_acronym(use: GlossaryUse, vocabulary: Mapping[str, int]) -> bool:
    """The user typed an acronym ("MASH", "iro") that the documents themselves use."""
    typed = words(use.surface)
    acronym = use.surface.rstrip("s").isupper() or use.term.isupper()
    return len(typed) == 1 and acronym and all(t in vocabulary for t in terms(use.surface))


def expansion_weights(
    understood: Interpretation,
    vocabulary: Mapping[str, int],
    tuning: Tuning,
    literal_name: Callable[[GlossaryUse], bool] | None = None,
) -> dict[str, float]:
    """Lexical weight of each expansion term (the highest any glossary match gives it).
    `literal_name`: whether the user typed a glossary term as the documents write it, a rare
    name of a few words (`phrase_rarity.literal_name`); its expansions then count as a typed
    acronym's do."""
    base = set(understood.base_terms)
    weights: dict[str, float] = {}
    for use in understood.glossary:
        literal = literal_acronym(use, vocabulary) or (
            literal_name is not None and literal_name(use)
        )
        weight = tuning.literal_acronym_weight if literal else tuning.expansion_weight
        for t in terms(" ".join(use.added)):
            if t not in base:
                weights[t] = max(weights.get(t, 0.0), weight)
        for t in terms(" ".join(use.broader)):  # the topic, lower than any synonym
            if t not in base:
                weights[t] = max(weights.get(t, 0.0), min(weight, tuning.broader_weight))
    for t in understood.expansion_terms:  # expansions set without a glossary match
        weights.setdefault(t, tuning.expansion_weight)
    return weights


def lexical(
    index: LexicalIndex,
    understood: Interpretation,
    tuning: Tuning,
    literal_name: Callable[[GlossaryUse], bool] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """BM25 of every passage: (total, the glossary expansions' part of it). The total counts
    the question's own words, its glossary expansions and the councils it names, each at its
    weight."""
    base = index.scores(understood.base_terms)
    expansion = np.zeros_like(base)
    by_weight: dict[float, list[str]] = {}
    weights = expansion_weights(understood, index.vocabulary, tuning, literal_name)
    for t, w in weights.items():
        by_weight.setdefault(w, []).append(t)
    for weight, group in by_weight.items():
        if weight > 0:
            expansion += weight * index.scores(group)
    named = council_terms(understood)
    if named and tuning.council_word_weight > 0:
        base = base + tuning.council_word_weight * index.scores(named)
    return base + expansion, expansion


def council_terms(understood: Interpretation) -> list[str]:
    """The search terms of the councils the question names, as typed ("Knowsley",
    "Bexley's"), that are not searched already."""
    base = set(understood.base_terms)
    named = dict.fromkeys(t for typed, _ in understood.council_words for t in terms(typed))
    return [t for t in named if t not in base]


def phrase_share(
    phrases: Phrases, candidates: np.ndarray, query_terms: list[str], idf: dict[str, float]
) -> np.ndarray:
    """IDF-weighted share of the question's adjacent word pairs that a passage has side by
    side ("cabinet member", "virtual school", "foster carers")."""
    wanted = {p: idf.get(p[0], 0.0) + idf.get(p[1], 0.0) for p in pairs_of(query_terms)}
    total = sum(wanted.values())
    if not total:
        return np.zeros(len(candidates), dtype=np.float32)
    return pair_sums(phrases, candidates, wanted) / np.float32(total)


def pair_sums(
    phrases: Phrases, candidates: np.ndarray, wanted: Mapping[tuple[str, str], float]
) -> np.ndarray:
    """Per candidate (float32), the sum of the weights of the `wanted` pairs it has side by
    side, each counted once."""
    if phrases.saved is not None:
        return _saved_share(phrases, candidates, wanted)
    keys = frozenset(wanted)
    pairs = phrases.pairs
    # Set intersection walks the smaller side (the question's few pairs) in C.
    return np.array(
        [sum(map(wanted.__getitem__, pairs[i] & keys)) for i in candidates.tolist()],
        dtype=np.float32,
    )


def _saved_share(
    phrases: Phrases, candidates: np.ndarray, wanted: Mapping[tuple[str, str], float]
) -> np.ndarray:
    """`pair_sums` from the saved term ids."""
    assert phrases.saved is not None
    ids = phrases.vocabulary
    known = {(ids[a], ids[b]): w for (a, b), w in wanted.items() if a in ids and b in ids}
    sums = np.zeros(len(candidates), dtype=np.float64)
    if not known or not len(candidates):
        return sums.astype(np.float32)
    seq, owner = phrases.saved.gather(candidates)
    inside = owner[:-1] == owner[1:]  # pairs never span two passages
    first, second, whose = seq[:-1], seq[1:], owner[:-1]
    for (a, b), weight in known.items():
        has = np.zeros(len(candidates), dtype=bool)
        has[whose[inside & (first == a) & (second == b)]] = True
        sums += weight * has
    return sums.astype(np.float32)


def candidates(
    bundle: IndexBundle,
    lexical_scores: np.ndarray | None,
    query_vector: np.ndarray | None,
    allowed: np.ndarray | None,
    dense_top: np.ndarray | None = None,
) -> np.ndarray:
    """The union of each side's top passages (admitted by the filters), sorted ids;
    `dense_top`: the dense index's top `CANDIDATES` ids for `query_vector`, when already found
    (unfiltered only)."""
    parts: list[np.ndarray] = []
    if lexical_scores is not None:
        # Only passages scoring above zero are candidates: the top is taken among those alone
        # (the same ids as taking it over every passage and then dropping the zeros).
        positive = lexical_scores > 0
        scored = np.flatnonzero(positive if allowed is None else positive & allowed)
        parts.append(scored[_top(lexical_scores[scored], CANDIDATES)])
    if query_vector is not None:
        if allowed is None:
            if dense_top is None:
                dense_top = bundle.dense.top(query_vector, CANDIDATES)[0]
            parts.append(dense_top)
        else:  # filtered: exact scores over the admitted chunks only
            admitted = np.flatnonzero(allowed)
            sims = np.asarray(bundle.vectors[admitted]) @ query_vector
            parts.append(admitted[np.argsort(-sims)[:CANDIDATES]])
    if not parts:
        return np.zeros(0, dtype=np.int64)
    return sorted_union(*parts)


def sorted_union(*ids: np.ndarray) -> np.ndarray:
    """The distinct ids of all the arrays, sorted (int64): `np.unique` without importing
    `numpy.ma`, which it does on first use (some 25 ms of a cold question)."""
    every = np.sort(np.concatenate(ids).astype(np.int64))
    if not every.size:
        return every
    return every[np.concatenate(([True], every[1:] != every[:-1]))]


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    """The ids `np.argsort(-scores, kind="stable")[:n]` picks (ties: lowest ids), unordered,
    without sorting every passage."""
    if len(scores) <= n:
        return np.arange(len(scores))
    threshold = np.partition(scores, len(scores) - n)[len(scores) - n]  # the n-th largest
    above = np.flatnonzero(scores > threshold)
    tied = np.flatnonzero(scores == threshold)[: n - len(above)]
    return np.concatenate([above, tied])
