"""The searcher's caches and vectorised paths give exactly what the plain per-candidate code
gives (no timing here: the speed itself is measured by `bench/run.py --sections query`)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from conftest import REPO
from fakes import FakeEmbedder
from ofsted_qa.index import generations
from ofsted_qa.retrieval import boosts, dedupe, scoring
from ofsted_qa.retrieval import glossary as glossary_module
from ofsted_qa.retrieval.glossary import default_glossary
from ofsted_qa.retrieval.highlight import best_sentence, sentence_terms
from ofsted_qa.retrieval.search import MODES, Searcher

QUESTIONS = [
    json.loads(line)["question"]
    for line in (REPO / "eval" / "golden.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.fixture
def searcher(built) -> Searcher:
    return Searcher(generations.load_current(built.index_dir), FakeEmbedder())


def _ranking(searcher: Searcher, question: str, mode: str, understand: bool) -> list[object]:
    hits = searcher.search(question, k=10, mode=mode, understand=understand).hits
    return [
        (h.chunk_id, h.score, h.best_sentence, h.contributions, [d.chunk_id for d in h.duplicates])
        for h in hits
    ]


def test_warm_caches_change_nothing(built) -> None:
    bundle = generations.load_current(built.index_dir)
    first, second = Searcher(bundle, FakeEmbedder()), Searcher(bundle, FakeEmbedder())
    questions = QUESTIONS[::4]
    for q in questions:  # warm the second searcher's caches on every question first
        for mode in MODES:
            second.search(q, k=10, mode=mode)
    for q in questions:
        for mode in MODES:
            for understand in (True, False):
                assert _ranking(first, q, mode, understand) == _ranking(
                    second, q, mode, understand
                ), (q, mode, understand)


def _plain_dated(store, understood) -> bool:
    known = set().union(*(m.years for m in store.documents.values()))
    return all(y in known for y in understood.years) and (
        understood.year_from is None or any(y >= understood.year_from for y in known)
    )


def _plain_year_and_source(store, candidates, understood, text_share):
    metas = [store.meta(int(i)) for i in candidates]
    in_year = np.array([understood.wants_year(m.years) for m in metas], dtype=np.float32)
    named = [str(y) for y in understood.years]
    mentions = np.array(
        [any(y in store.get(int(i)).text for y in named) for i in candidates], dtype=np.float32
    )
    year = np.maximum(in_year, text_share * mentions)
    is_dated = bool(understood.years or understood.year_from is not None)
    source = np.array([m.publisher in understood.publishers for m in metas], dtype=np.float32)
    return year, source * (in_year if is_dated else 1.0)


def _plain_answer_shape(store, candidates, kind):
    shape = boosts.ANSWER_SHAPES.get(kind)
    if shape is None:
        return np.zeros(len(candidates), dtype=np.float32)
    return np.array(
        [bool(shape.search(store.get(int(i)).text)) for i in candidates], dtype=np.float32
    )


class _PlainYears:
    """`cover_years`'s one use of the facts, answered from each passage's metadata."""

    def __init__(self, store) -> None:
        self.store = store

    def years(self, chunk_id: int) -> frozenset[int]:
        return self.store.meta(chunk_id).years


def test_cached_boosts_equal_plain_ones(searcher: Searcher) -> None:
    store = searcher.bundle.store
    everything = np.arange(len(store), dtype=np.int64)
    extra = ["Compare 2014 and 2025: how many care leavers?", "When did Ofsted say so in 2018?"]
    for q in QUESTIONS + extra:
        understood = searcher.interpret(q)
        assert boosts.dated(store, understood, searcher.facts) == _plain_dated(store, understood)
        for ids in (everything, everything[::-3]):
            fast = boosts.year_and_source(
                store, ids, understood, text_share=0.3, facts=searcher.facts
            )
            plain = _plain_year_and_source(store, ids, understood, text_share=0.3)
            for a, b in zip(fast, plain, strict=True):
                assert a.dtype == b.dtype and np.array_equal(a, b), q
            for kind in ("number", "date", ""):
                assert np.array_equal(
                    boosts.answer_shape(store, ids, kind, searcher.facts),
                    _plain_answer_shape(store, ids, kind),
                )
            order = np.arange(len(ids))[::-1]
            assert np.array_equal(
                boosts.cover_years(store, order, ids, understood, 2, searcher.facts),
                boosts.cover_years(store, order, ids, understood, 2, _PlainYears(store)),
            )


def _plain_groups(sets) -> list[list[int]]:
    groups: list[list[int]] = []
    for i, current in enumerate(sets):
        for members in groups:
            if dedupe.similarity(sets[members[0]], current) >= dedupe.CONTAINMENT:
                members.append(i)
                break
        else:
            groups.append([i])
    return groups


def _plain_glossary_find(glossary, text: str) -> list[tuple[str, str, int, int]]:
    """Every span tried at every position, longest first: what `Glossary.find` shortcuts."""
    raw = glossary_module._raw_words(text)
    stems = [glossary_module._stems(w) for w in raw]
    found, seen, i = [], set(), 0
    while i < len(raw):
        for n in range(min(glossary.longest, len(raw) - i), 0, -1):
            surface = " ".join(raw[i : i + n])
            key = tuple(s for stem in stems[i : i + n] for s in stem)
            hits = [
                e
                for e, form in glossary._index.get(key, [])
                if (not e.case_sensitive or glossary_module._same_case(surface, form))
                and glossary_module._same_words(raw[i : i + n], form)
            ]
            if hits:
                for e in hits:
                    if e.term not in seen:
                        seen.add(e.term)
                        found.append((e.term, surface, i, i + n))
                i += n
                break
        else:
            i += 1
    return found


def test_glossary_shortcut_finds_what_every_span_finds() -> None:
    glossary = default_glossary()
    extra = ["kids in care and care leavers", "IRO LADO PLO s47 MASH", "pathway-plans (PA)"]
    for q in QUESTIONS + extra:
        fast = [(m.entry.term, m.surface, m.start, m.end) for m in glossary.find(q)]
        assert fast == _plain_glossary_find(glossary, q), q


def test_cached_text_work_equals_plain(searcher: Searcher) -> None:
    store = searcher.bundle.store
    texts = [c.text for c in store]
    rng = np.random.default_rng(7)
    for ids in (list(range(0, len(texts), 2)), rng.permutation(len(texts))[:15].tolist()):
        sets = [dedupe.shingles(texts[i]) for i in ids]
        plain = _plain_groups(sets)
        assert dedupe.group_shingles(sets) == plain == dedupe.group([texts[i] for i in ids])
        for limit in (1, 5, 10, len(sets)):
            assert dedupe.group_shingles(sets, limit=limit) == plain[:limit]
    idf = searcher._vocabulary[1]
    everything = np.arange(len(store), dtype=np.int64)
    for q in QUESTIONS:
        terms_ = searcher.interpret(q).base_terms
        pairs = {(a, b) for a, b in zip(terms_, terms_[1:], strict=False) if a != b}
        weights = {p: idf.get(p[0], 0.0) + idf.get(p[1], 0.0) for p in pairs}
        plain = [
            sum(w for p, w in weights.items() if p in searcher.phrases.pairs[i]) for i in everything
        ]
        total = sum(weights.values()) or 1.0
        fast = scoring.phrase_share(searcher.phrases, everything, terms_, idf)
        assert np.allclose(fast, np.array(plain) / total, rtol=1e-6, atol=0), q
    for q in QUESTIONS[:30]:
        wanted = set(searcher.interpret(q).search_terms)
        for text in texts[:60]:
            assert best_sentence(text, wanted, idf, sentence_terms(text)) == best_sentence(
                text, wanted, idf
            )


@pytest.mark.parametrize("size", [0, 5, 100, 101, 400])
def test_top_candidates_match_stable_sort(size: int) -> None:
    rng = np.random.default_rng(size)
    for scores in (
        rng.random(size, dtype=np.float32),
        rng.integers(0, 4, size).astype(np.float32),  # many ties at the cut
        np.zeros(size, dtype=np.float32),
    ):
        top = scoring._top(scores, scoring.CANDIDATES)
        expected = np.argsort(-scores, kind="stable")[: scoring.CANDIDATES]
        assert sorted(top.tolist()) == sorted(expected.tolist())


def test_interpretation_caches_follow_changes(searcher: Searcher) -> None:
    reading = searcher.interpret("What did Ofsted say about adoptoin in 2014?")
    terms_ = reading.base_terms
    terms_.append("mutated")  # callers get copies
    assert "mutated" not in reading.base_terms
    dropped = reading.without("adoptoin → adoption")
    assert "adoption" in reading.corrected and "adoptoin" in dropped.corrected


def test_the_dense_top_is_found_beside_the_lexical_side_and_is_the_same(searcher) -> None:
    import threading

    dense = searcher.bundle.dense
    where: list[str] = []

    class Recording:
        def __getattr__(self, name: str) -> object:
            return getattr(dense, name)

        def top(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
            where.append(threading.current_thread().name)
            return dense.top(query, k)

    question = QUESTIONS[0]
    before = _ranking(searcher, question, "hybrid", True)
    object.__setattr__(searcher.bundle, "dense", Recording())
    try:
        assert _ranking(searcher, question, "hybrid", True) == before
    finally:
        object.__setattr__(searcher.bundle, "dense", dense)
    assert where and all(name.startswith("ofsted-qa-dense") for name in where)
