"""The full pipeline through the public Searcher API (fake embedder)."""

from __future__ import annotations

import pytest

from fakes import FakeEmbedder
from ofsted_qa.index import generations
from ofsted_qa.retrieval import dedupe
from ofsted_qa.retrieval.highlight import best_sentence
from ofsted_qa.retrieval.search import MODES, Filters, Searcher


@pytest.fixture
def searcher(built) -> Searcher:
    return Searcher(generations.load_current(built.index_dir), FakeEmbedder())


def test_api_is_stable(searcher: Searcher) -> None:
    assert MODES == ("hybrid", "dense", "bm25")
    for mode in MODES:
        response = searcher.search("care leavers", k=3, mode=mode)
        assert response.mode == mode and 0 < len(response.hits) <= 3
        assert [h.rank for h in response.hits] == list(range(1, len(response.hits) + 1))
        hit = response.hits[0]
        assert hit.citation and hit.ref and hit.best_sentence[1] > hit.best_sentence[0]


def test_year_is_a_boost_not_a_filter(searcher: Searcher) -> None:
    response = searcher.search("At the 2025 visit, what about agency social workers?", k=50)
    assert response.interpretation.years == (2025,)
    assert response.hits[0].meta.date.startswith("2025")
    assert response.hits[0].contributions["year_boost"] > 0
    assert any(not h.meta.date.startswith("2025") for h in response.hits)


def test_recency_cue_boosts_the_newest_documents(searcher: Searcher) -> None:
    store = searcher.bundle.store
    newest = max(y for meta in store.documents.values() for y in meta.years)
    response = searcher.search("how is exploitation handled these days?", k=50)
    assert response.interpretation.year_from == newest
    assert f"these days → since {newest}" in response.interpretation.chips
    assert "day" not in response.interpretation.base_terms  # the cue is not searched as words
    newest_hits = [h for h in response.hits if max(h.meta.years) >= newest]
    assert newest_hits and all(h.contributions["year_boost"] > 0 for h in newest_hits)
    assert response.hits[0].contributions["year_boost"] > 0
    assert any(h.contributions["year_boost"] == 0 for h in response.hits)  # a boost, not a filter


def test_explicit_filters(searcher: Searcher) -> None:
    for filters, check in [
        (Filters(years=(2014,)), lambda m: 2014 in m.years),
        (Filters(kinds=("news",)), lambda m: m.kind == "news"),
        (Filters(publishers=("ofsted",)), lambda m: m.publisher == "Ofsted"),
        (Filters(doc_ids=("002",)), lambda m: m.doc_id.startswith("002")),
    ]:
        hits = searcher.search("social workers", k=10, filters=filters).hits
        assert hits and all(check(h.meta) for h in hits), filters


def test_typos_and_glossary_reach_the_search(searcher: Searcher) -> None:
    response = searcher.search("adoptoin timescales", k=5)
    assert ("adoptoin", "adoption") in response.interpretation.corrections
    assert "adopt" in response.hits[0].chunk.text.lower()
    iro = searcher.search("IRO", k=3)
    assert iro.hits[0].contributions["bm25_glossary"] >= 0
    assert "independent reviewing officer" in iro.interpretation.expansions


def test_plain_baseline_and_overrides(searcher: Searcher) -> None:
    plain = searcher.search("kids in care in 2014", k=5, understand=False)
    assert plain.interpretation.years == () and plain.interpretation.expansions == ()
    full = searcher.search("kids in care in 2014", k=5)
    dropped = full.interpretation.without("year 2014")
    again = searcher.search("kids in care in 2014", k=5, interpretation=dropped)
    assert all(h.contributions["year_boost"] == 0 for h in again.hits)


def test_near_duplicates_grouped(searcher: Searcher) -> None:
    quote = "Children who need help and protection receive an outstanding service"
    response = searcher.search(quote, k=5)
    texts = [h.chunk.text for h in response.hits]
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            assert dedupe.similarity(dedupe.shingles(a), dedupe.shingles(b)) < dedupe.CONTAINMENT
    assert any(h.duplicates for h in response.hits)


def test_dedupe_group() -> None:
    base = "the council was judged outstanding in every area by inspectors in july"
    groups = dedupe.group(
        [
            base,
            "something else entirely different words here now ok",
            "Inspectors said: " + base + ".",
            "short",
        ]
    )
    assert groups == [[0, 2], [1], [3]]


def test_passages_that_say_different_things_are_never_one() -> None:
    # Two councils' judgement tables differ in one grade; a report and its copy differ in the
    # verdict of one sentence: shown as "the same passage", either would misquote.
    table = (
        "Judgement Grade The impact of leaders on social work practice with children and "
        "families {0} The experiences and progress of children who need help and protection "
        "{1} The experiences and progress of children in care {2} Overall effectiveness {3}"
    )
    outstanding = table.format("Outstanding", "Outstanding", "Outstanding", "Outstanding")
    one_good = table.format("Outstanding", "Good", "Outstanding", "Outstanding")
    assert dedupe.group([outstanding, one_good]) == [[0], [1]]
    assert dedupe.group([outstanding, outstanding + " "]) == [[0, 1]]
    frame = "The previous inspection of the council's services in March {0} judged them to be {1}"
    assert dedupe.group([frame.format(2012, "inadequate"), frame.format(2012, "good")]) == [
        [0],
        [1],
    ]
    assert dedupe.group([frame.format(2012, "good"), frame.format(2013, "good")]) == [[0], [1]]
    # a quote carried with its own framing still groups: its verdicts, in order, are the longer's
    quote = frame.format(2012, "good")
    assert dedupe.group([quote, "A council spokesperson said: " + quote + ", and not since."]) == [
        [0, 1]
    ]


def test_best_sentence_prefers_rare_terms() -> None:
    text = "Children are seen. The IRO challenges drift. Children are safe."
    start, end = best_sentence(text, {"iro", "children"}, {"iro": 5.0, "children": 0.1})
    assert text[start:end] == "The IRO challenges drift."
    assert best_sentence("no match here", {"zzz"}) == (0, len("no match here"))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a month, a year, a figure, a number word, a percentage, a council
        (
            "Local leadership. The chief executive has been in post since August 2011.",
            "Local leadership. The chief executive has been in post since September 2011.",
        ),
        (
            "The director of children's services has been in post since February 2017 and leads",
            "The director of children's services has been in post since February 2016 and leads",
        ),
        (
            "Of the care leavers with whom the council is in touch, 59% are not in education.",
            "Of the care leavers with whom the council is in touch, 45% are not in education.",
        ),
        (
            "Three children were found to be at risk of harm during the period of the audit",
            "Seven children were found to be at risk of harm during the period of the audit",
        ),
        (
            "Most unaccompanied children who arrive in Harrow are well supported by social workers",
            "Most unaccompanied children who arrive in Oldham are well supported by social workers",
        ),
        (
            "Leeds has established a strategic group to support accommodation for young people.",
            "Bradford has established a strategic group to support accommodation for young people.",
        ),
        (
            "The director of children's services has been in post since 2011 and leads the service",
            "The director of children's services has been in post since May 2011 and leads the "
            "service",
        ),
    ],
)
def test_passages_whose_facts_differ_are_never_one(first: str, second: str) -> None:
    places = {"leeds", "bradford"}  # the index's councils: a place first in a sentence
    assert dedupe.group([first, second], places=places) == [[0], [1]]
    assert dedupe.group([second, first], places=places) == [[0], [1]]
    # the same text twice, or quoted inside a story that names the council, is one passage
    assert dedupe.group([first, first + " "], places=places) == [[0, 1]]
    story = f"Inspectors in Leeds said in their report in 2019: '{first}' The council welcomed it."
    assert dedupe.group([first, story], places=places) == [[0, 1]]


def test_a_quote_groups_with_a_story_that_frames_it_among_other_quotes() -> None:
    # The story's first quote shares "we have" with the quote (which it carries as "we've"): no
    # anchor for the alignment, so the story's facts before the shared text are its framing.
    quote = (
        "We have attracted an increasingly capable and professional permanent workforce of "
        "experienced staff and reduced agency use."
    )
    story = (
        "Bexley's Cabinet Member, Cllr Read said: We have been on a journey of improvement and "
        "Ofsted have recognised the progress made over the last four years. We’ve attracted"
        + quote.removeprefix("We have attracted")
    )
    assert dedupe.group([quote, story], places={"bexley"}) == [[0, 1]]
    differs = story.replace("permanent workforce of experienced", "permanent workforce of 40")
    assert dedupe.group([quote, differs], places={"bexley"}) == [[0], [1]]
