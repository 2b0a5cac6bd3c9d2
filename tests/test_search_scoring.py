"""Scoring and boost pieces of the full pipeline: phrases, typed acronyms, answer shapes,
year cover for comparisons."""

from __future__ import annotations

import numpy as np
import pytest

from fakes import FakeEmbedder
from ofsted_qa.index import generations
from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.retrieval import boosts, scoring
from ofsted_qa.retrieval.query import GlossaryUse, interpret
from ofsted_qa.retrieval.search import Searcher, Tuning


def _chunk(text: str) -> Chunk:
    return Chunk("d", 0, "1", ("Heading",), 0, len(text), text)


def test_phrase_share_rewards_adjacent_pairs_only() -> None:
    phrases = scoring.Phrases(
        [
            _chunk("The cabinet member for children's services said"),
            _chunk("A member of the cabinet said"),
            _chunk("Nothing relevant here"),
        ]
    )
    query = interpret("What did the cabinet member say?").base_terms
    share = scoring.phrase_share(phrases, np.arange(3), query, {})
    assert share.tolist() == [0.0, 0.0, 0.0]  # no IDF known: nothing weighs
    idf = {"cabinet": 2.0, "member": 1.0}
    share = scoring.phrase_share(phrases, np.arange(3), query, idf)
    assert share[0] == pytest.approx(1.0) and share[1] == 0.0 and share[2] == 0.0


def test_phrases_skip_stopwords_on_both_sides() -> None:
    phrases = scoring.Phrases([_chunk("children in care are visited")])
    query = interpret("kids: children in care").base_terms
    assert scoring.phrase_share(phrases, np.arange(1), query, {"children": 1.0, "care": 1.0})[0] > 0


def test_typed_acronym_in_the_corpus_lets_its_words_lead() -> None:
    vocabulary = {"mash": 0, "multi": 1}
    typed = GlossaryUse("MASH", "MASH", "d", ("multi-agency safeguarding hub",))
    spelled = GlossaryUse("kids in care", "looked after children", "d", ("looked after",))
    assert scoring.literal_acronym(typed, vocabulary)
    assert not scoring.literal_acronym(typed, {"multi": 1})  # not in the documents
    assert not scoring.literal_acronym(spelled, vocabulary)
    reading = interpret("MASH")
    weights = scoring.expansion_weights(reading, vocabulary, Tuning(literal_acronym_weight=0.1))
    assert weights and set(weights.values()) == {0.1}
    weights = scoring.expansion_weights(reading, {}, Tuning(expansion_weight=0.5))
    assert set(weights.values()) == {0.5}


def test_a_named_council_is_searched_at_its_own_weight() -> None:
    from dataclasses import replace

    from ofsted_qa.index.lexical_index import LexicalIndex

    index = LexicalIndex.build(
        [
            "Services for homeless young people in Knowsley have declined.",
            "Homeless young people wait too long for a service.",
            "Inspection of Knowsley local authority children's services",
        ]
    )
    reading = replace(
        interpret("homeless young people Knowsley", councils=None),
        framing=("Knowsley",),
        councils=("Knowsley",),
        council_words=(("Knowsley", "Knowsley"),),
    )
    assert "knowsley" not in reading.base_terms
    assert scoring.council_terms(reading) == ["knowsley"]
    unweighted, _ = scoring.lexical(index, reading, Tuning(council_word_weight=0.0))
    weighted, _ = scoring.lexical(index, reading, Tuning(council_word_weight=0.25))
    name_only = index.scores(["knowsley"])
    assert np.allclose(weighted, unweighted + 0.25 * name_only)
    # the passage naming the council edges ahead of its twin; the cover line stays behind both
    assert unweighted[0] == pytest.approx(unweighted[1], rel=0.3)
    assert weighted[0] > weighted[1] > weighted[2]


@pytest.mark.parametrize(
    ("text", "number", "date"),
    [
        ("At 1 March 2014, 260 children were looked after", True, True),
        ("The inspection team consisted of nine inspectors", True, False),
        ("One care leaver said the service was good in 2014", False, True),
        ("Many care leavers are well supported", False, False),
        ("visit on 13 and 14 February 2025", True, True),
    ],
)
def test_answer_shapes(text: str, number: bool, date: bool) -> None:
    assert bool(boosts.ANSWER_SHAPES["number"].search(text)) is number
    assert bool(boosts.ANSWER_SHAPES["date"].search(text)) is date


def test_cover_years_puts_both_sides_first(built) -> None:
    bundle = generations.load_current(built.index_dir)
    store = bundle.store
    by_year = {
        y: [i for i, c in enumerate(store.chunks) if store.meta(i).years == frozenset({y})]
        for y in (2014, 2025)
    }
    candidates = np.array(by_year[2014][:5] + by_year[2025][:5], dtype=np.int64)
    order = np.arange(len(candidates))  # all 2014 passages ahead of the 2025 ones
    reading = interpret("compare 2014 with 2025")
    led = boosts.cover_years(store, order, candidates, reading, 2)
    assert [store.meta(int(candidates[i])).years for i in led[:4]] == [
        frozenset({2014}),
        frozenset({2025}),
        frozenset({2014}),
        frozenset({2025}),
    ]
    assert sorted(led.tolist()) == order.tolist()
    single = interpret("in 2014")
    assert boosts.cover_years(store, order, candidates, single, 2) is order


def test_full_pipeline_reports_every_part(built) -> None:
    searcher = Searcher(generations.load_current(built.index_dir), FakeEmbedder())
    hit = searcher.search("How many children were looked after in March 2014?", k=1).hits[0]
    assert {"phrase", "answer_boost", "year_boost", "bm25_glossary", "latest_boost"} <= set(
        hit.contributions
    )
    plain = searcher.search("How many children were looked after?", k=3, understand=False)
    assert all(h.contributions["phrase"] == 0 for h in plain.hits)
    assert all(h.contributions["answer_boost"] == 0 for h in plain.hits)
