"""A question's word pair rare as a pair ("Family Valued": two common words, one model's name)
counts as a term of its own on the lexical side: how many passages have a pair side by side,
worked out at question time from the index's arrays, and what that does to a ranking."""

from __future__ import annotations

import math

import numpy as np
import pytest

from fakes import FakeEmbedder
from ofsted_qa.evaluation.beir import build_bundle
from ofsted_qa.index.lexical_index import LexicalIndex, terms
from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.retrieval import phrase_rarity, scoring
from ofsted_qa.retrieval.query import GlossaryUse
from ofsted_qa.retrieval.search import Searcher, Tuning

# Every passage has "family" and "valued" and "young people"; one names the "Family Valued"
# model. The decoy shares more of the question's words, more often.
NAMED = "Practitioners across the city use the Family Valued model in their work with children."
DECOY = (
    "The relational practice model is valued by each family; the practice model is relational "
    "and practice with every family is highly valued."
)
FILLER = [
    f"Young people and their family feel valued by workers ({n}); the relational practice "
    f"model guides visits to young people in area {n}."
    for n in range(60)
]
TEXTS = [NAMED, DECOY, *FILLER]


def _chunks(texts: list[str]) -> list[Chunk]:
    return [Chunk(f"d{i}", 0, "1", (), 0, len(t), t) for i, t in enumerate(texts)]


def _rarity(texts: list[str], *, saved: bool, sample: int = 256) -> phrase_rarity.PairRarity:
    lexical = LexicalIndex.build(texts)
    phrases = (
        scoring.Phrases(_chunks(texts), lexical.passage_terms, lexical.vocabulary)
        if saved
        else scoring.Phrases(_chunks(texts))
    )
    return phrase_rarity.PairRarity(lexical, phrases, sample=sample)


def _pair(text: str) -> tuple[str, str]:
    a, b = terms(text)
    return a, b


@pytest.mark.parametrize("saved", [True, False])
def test_a_rare_pair_of_common_words_is_rare(saved: bool) -> None:
    rarity = _rarity(TEXTS, saved=saved)
    named, common = _pair("family valued"), _pair("young people")
    assert rarity.passages(named) == 1  # both words in every passage, side by side in one
    assert rarity.passages(common) == len(FILLER)
    assert rarity.idf(named) == pytest.approx(math.log(1 + len(TEXTS)))
    assert rarity.idf(named) > rarity.idf(common) > 0
    assert rarity.passages(_pair("valued family")) == 0  # order counts
    assert rarity.idf(_pair("valued family")) == 0.0
    assert rarity.passages(("famili", "nowher")) == 0  # a word the index lacks


def test_pairs_do_not_span_two_passages() -> None:
    rarity = _rarity(["the report ends with family", "valued partners begin this one"], saved=True)
    assert rarity.passages(_pair("family valued")) == 0


def test_many_passages_with_both_words_are_sampled() -> None:
    # 200 passages have both words, the first 100 side by side: a sample of 20 sees 10 of them.
    texts = [f"family valued {n}" for n in range(100)] + [f"valued family {n}" for n in range(100)]
    sampled = _rarity(texts, saved=True, sample=20)
    assert sampled.passages(_pair("family valued")) == pytest.approx(100)
    assert _rarity(texts, saved=True).passages(_pair("family valued")) == 100
    # none in the sample: rare (under one in the sample), not a common pair
    texts = [f"family then valued {n}" for n in range(199)] + ["family valued"]
    rarity = _rarity(texts, saved=True, sample=20)
    assert 0 < rarity.passages(_pair("family valued")) <= 200 / 20


def test_only_pairs_rare_enough_score() -> None:
    rarity = _rarity(TEXTS, saved=True)
    query = terms("Family Valued young people")
    rare = phrase_rarity.rare_pairs(rarity, query, min_idf=3.0)
    assert list(rare) == [_pair("family valued")]
    # a pair no passage has tells none apart
    assert set(phrase_rarity.rare_pairs(rarity, query, min_idf=0.0)) == {
        _pair("family valued"),
        _pair("young people"),
    }


def test_pair_scores_add_the_pair_idf_to_its_passages() -> None:
    rarity = _rarity(TEXTS, saved=True)
    phrases = rarity._phrases
    query = terms("Family Valued young people")
    candidates = np.arange(len(TEXTS), dtype=np.int64)
    tuning = Tuning(pair_weight=0.5, pair_min_idf=3.0)
    scores = phrase_rarity.pair_scores(rarity, phrases, candidates, query, tuning)
    assert scores.dtype == np.float32
    assert scores[0] == pytest.approx(0.5 * rarity.idf(_pair("family valued")))
    assert not scores[1:].any()
    off = phrase_rarity.pair_scores(rarity, phrases, candidates, query, Tuning(pair_weight=0))
    assert not off.any()


def test_the_passage_naming_the_model_leads() -> None:
    bundle = build_bundle(
        [{"_id": f"d{i}", "text": t} for i, t in enumerate(TEXTS)], FakeEmbedder()
    )
    question = "Family Valued relational practice model"

    def first(tuning: Tuning) -> str:
        searcher = Searcher(bundle, FakeEmbedder(), tuning=tuning)
        hit = searcher.search(question, k=1, mode="bm25").hits[0]
        return bundle.store.get(hit.chunk_id).text

    small = Tuning(pair_min_idf=3.0)  # a 62-passage index: no pair is in under 1 in 400
    assert first(Tuning(pair_weight=0, pair_min_idf=3.0)) == DECOY  # the words alone
    assert first(small) == NAMED
    hit = Searcher(bundle, FakeEmbedder(), tuning=small).search(question, k=1, mode="bm25").hits[0]
    assert hit.contributions["bm25_pairs"] > 0


def test_a_rare_name_typed_as_written_is_literal() -> None:
    rarity = _rarity(TEXTS, saved=True)

    def use(surface: str) -> GlossaryUse:
        return GlossaryUse(surface, surface, "d", ("expansion",))

    assert phrase_rarity.literal_name(rarity, use("Family Valued"), min_idf=3.0)
    assert not phrase_rarity.literal_name(rarity, use("Family Valued"), min_idf=6.0)  # 62 passages
    assert not phrase_rarity.literal_name(rarity, use("young people"), min_idf=3.0)  # common
    assert not phrase_rarity.literal_name(rarity, use("valued family"), min_idf=0.0)  # never so
    assert not phrase_rarity.literal_name(rarity, use("family"), min_idf=0.0)  # one word


def test_a_literal_name_keeps_its_expansions_at_the_acronym_weight() -> None:
    # "Family Safeguarding model" (a glossary name) in one passage; its expansions ("model of
    # practice", "practice framework") in many.
    texts = ["The Family Safeguarding model helps parents keep their children at home."] + [
        f"The practice framework is the model of practice in area {n}." for n in range(30)
    ]
    bundle = build_bundle(
        [{"_id": f"d{i}", "text": t} for i, t in enumerate(texts)], FakeEmbedder()
    )

    def glossary_part(literal_names: bool) -> float:
        tuning = Tuning(pair_min_idf=3.0, literal_names=literal_names)
        searcher = Searcher(bundle, FakeEmbedder(), tuning=tuning)
        hits = searcher.search("Family Safeguarding model", k=5, mode="bm25").hits
        assert any("Family Safeguarding" in bundle.store.get(h.chunk_id).text for h in hits)
        return max(h.contributions["bm25_glossary"] for h in hits)

    spelled, literal = glossary_part(False), glossary_part(True)
    assert spelled > 0
    weights = Tuning()
    assert literal == pytest.approx(
        spelled * weights.literal_acronym_weight / weights.expansion_weight, rel=1e-5
    )
