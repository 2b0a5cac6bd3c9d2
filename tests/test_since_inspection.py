"""Change counted from an inspection ("how has Norfolk improved since the November 2022
inspection", "what has got worse in Trafford since its last inspection"): the inspection named
is the baseline, the inspections after it answer and lead, the baseline may follow. Runs on
made-up inspections, without an index."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from ofsted_qa.retrieval import inspection_question
from ofsted_qa.retrieval.baseline import resolve_since
from ofsted_qa.retrieval.inspection_refs import references
from ofsted_qa.retrieval.inspections import Inspection
from ofsted_qa.retrieval.query import interpret
from ofsted_qa.retrieval.spread import BASELINE_SHARE, report_passages
from ofsted_qa.retrieval.years import parse_years


def inspection(doc: str, council: str, kind: str, start: str, published: str) -> Inspection:
    return Inspection(doc, council, kind, "", start, start, published, kind == "inspection")


B14 = inspection("b14", "Bexley", "inspection", "2014-03-11", "2014-05-23")
B18 = inspection("b18", "Bexley", "inspection", "2017-11-20", "2018-01-19")
B23 = inspection("b23", "Bexley", "inspection", "2023-02-06", "2023-03-24")
V25 = inspection("v25", "Bexley", "focused visit", "2025-02-13", "2025-03-14")
T19 = inspection("t19", "Trafford", "inspection", "2019-03-04", "2019-05-08")
T22 = inspection("t22", "Trafford", "inspection", "2022-11-21", "2023-01-31")
M22 = inspection("m22", "Trafford", "monitoring visit", "2022-03-01", "2022-04-01")
T26 = inspection("t26", "Trafford", "inspection", "2026-06-08", "2026-08-03")
INDEX = (B14, B18, T19, M22, T22, B23, V25, T26)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # (surface, cue, year, month, order)
        (
            "how has Norfolk improved since the November 2022 inspection",
            [("the November 2022 inspection", "since", 2022, 11, "")],
        ),
        (
            "what has got worse in Trafford since its last inspection",
            [("its last inspection", "since", None, 0, "latest")],
        ),
        (
            "has Leeds improved since it was last inspected",
            [("it was last inspected", "since", None, 0, "latest")],
        ),
        (
            "progress since Ofsted last visited",
            [("Ofsted last visited", "since", None, 0, "latest")],
        ),
        (
            "what changed since Bexley's last focused visit",
            [("Bexley's last focused visit", "since", None, 0, "latest")],
        ),
        (
            "better or worse since the last Ofsted?",
            [("the last Ofsted", "since", None, 0, "latest")],
        ),
        (
            "how has Leeds changed after the 2018 inspection",
            [("the 2018 inspection", "after", 2018, 0, "")],
        ),
        # "after" in a question that asks for no change is when, not since
        (
            "What did Ofsted recommend Bexley improve after the 2018 inspection?",
            [("the 2018 inspection", "", 2018, 0, "")],
        ),
        ("what did the 2018 inspection say", [("the 2018 inspection", "", 2018, 0, "")]),
        ("what did the May 2018 report say", [("the May 2018 report", "", 2018, 5, "")]),
        # "Ofsted" is an inspection only as the noun of a reference, never before another word
        ("what did ofsted before 2018 say", []),
    ],
)
def test_baseline_references(question: str, expected: list[tuple]) -> None:
    found = [(r.surface, r.since, r.year, r.month, r.order) for r in references(question)]
    assert found == expected


def since(question: str, pool=INDEX, where: str = "the index"):
    (ref,) = references(question)
    answers, baselines, notes = resolve_since(ref, pool, where)
    return [i.doc_id for i, _ in answers], [i.doc_id for i, _ in baselines], notes


BEXLEY = tuple(i for i in INDEX if i.council == "Bexley")
TRAFFORD = tuple(i for i in INDEX if i.council == "Trafford")


def test_since_a_named_inspection_the_later_ones_answer_and_it_is_the_baseline() -> None:
    assert since("what changed since the 2018 inspection", BEXLEY, "Bexley") == (
        ["b23", "v25"],
        ["b18"],
        (),
    )
    # the month picks the inspection of the two on site or out in 2022
    assert since("since the November 2022 inspection", TRAFFORD, "Trafford")[:2] == (
        ["t26"],
        ["t22"],
    )
    assert since("since the March 2022 visit", TRAFFORD, "Trafford")[:2] == (
        ["t22", "t26"],
        ["m22"],
    )


def test_since_its_last_inspection_is_since_the_one_before_the_latest() -> None:
    # nothing after Trafford's latest: that report is the answer, the one before the baseline
    assert since("what has got worse since its last inspection", TRAFFORD, "Trafford")[:2] == (
        ["t26"],
        ["t22"],
    )
    # Bexley's latest inspection was followed by a focused visit: that visit looks back on it
    assert since("since its last inspection", BEXLEY, "Bexley")[:2] == (["v25"], ["b23"])
    assert since("since the last focused visit", BEXLEY, "Bexley")[:2] == (["v25"], [])


def test_since_the_newest_inspection_is_read_as_that_inspection_with_a_note() -> None:
    answers, baselines, notes = since("since the 2025 visit", BEXLEY, "Bexley")
    assert (answers, baselines) == (["v25"], [])
    assert notes and "no inspection of Bexley after focused visit 2025" in notes[0]


def test_chips_say_which_answers_and_which_is_counted_from() -> None:
    (ref,) = references("how has Bexley improved since the 2018 inspection")
    answers, baselines, _ = resolve_since(ref, BEXLEY, "Bexley")
    assert (
        answers[0][1] == "since the 2018 inspection → Bexley inspection (on site 6 February 2023)"
    )
    assert baselines[0][1] == (
        "since the 2018 inspection: counted from Bexley inspection (on site 20 November 2017)"
    )


def read(question: str, councils: tuple[str, ...] = ()):
    understood = replace(interpret(question), councils=councils)
    return inspection_question.read(understood, INDEX)[0]


def test_relative_to_the_council_named_and_without_one() -> None:
    named = read("what has got worse in Trafford since its last inspection", ("Trafford",))
    assert named.report_ids == ("t26",) and named.baseline_ids == ("t22",)
    bexley = read("how has Bexley changed since the 2018 inspection", ("Bexley",))
    assert bexley.report_ids == ("b23", "v25") and bexley.baseline_ids == ("b18",)
    # no council: an order is resolved against the index (its last focused visit is Bexley's) ...
    unnamed = read("what has improved since the last focused visit")
    assert unnamed.report_ids == ("v25",) and unnamed.baseline_ids == ()
    # ... a year is left to the year boost, from that year on
    by_year = read("what has improved since the 2018 inspection")
    assert by_year.reports == () and by_year.year_from == 2018


def test_an_inspection_named_without_since_is_unchanged() -> None:
    plain = read("what did the 2018 inspection say", ("Bexley",))
    assert plain.report_ids == ("b18",) and plain.baselines == ()


def test_baseline_chips_can_be_dropped() -> None:
    reading = read("how has Bexley changed since the 2018 inspection", ("Bexley",))
    chip = next(c for c in reading.chips if "counted from" in c)
    dropped = reading.without(chip)
    assert dropped.baseline_ids == () and dropped.report_ids == ("b23", "v25")
    assert dropped.inspection_refs  # the later inspections are still named
    for answer in [c for c in reading.chips if " → " in c]:  # every later one dropped
        reading = reading.without(answer)
    assert reading.reports == reading.baselines == reading.inspection_refs == ()


def test_the_later_inspections_get_the_whole_boost_the_baseline_a_share() -> None:
    chunk_doc = np.array([0, 0, 1, 1, 2])
    weights = report_passages(chunk_doc, {"b18": 0, "b23": 1, "x": 2}, ["b23"], ["b18"])
    assert weights.tolist() == [BASELINE_SHARE, BASELINE_SHARE, 1.0, 1.0, 0.0]


@pytest.mark.parametrize(
    ("text", "years", "since_year"),
    [
        ("since the November 2022 inspection", (), 2022),
        ("since its 2018 inspection", (), 2018),
        ("from March 2019 to June 2020", (2019, 2020), None),
    ],
)
def test_since_a_month_and_year(text: str, years: tuple[int, ...], since_year: int | None) -> None:
    assert parse_years(text) == (years, since_year)


def test_a_question_over_time_takes_the_best_passage_of_each_inspection_in_turns() -> None:
    from ofsted_qa.retrieval.timeline import cover

    docs = ["b14", "b18", "b23", "v25", "t19"]
    position = {d: n for n, d in enumerate(docs)}
    # passages 0-5 of the 2023 report lead, then one each of 2018, Trafford 2019, 2014
    chunk_doc = np.array([2, 2, 2, 2, 2, 2, 1, 4, 0])
    candidates = np.arange(len(chunk_doc))
    order = np.arange(len(chunk_doc))
    reading = replace(interpret("how has Bexley changed"), councils=("Bexley",))
    first = chunk_doc[cover(order, candidates, chunk_doc, position, reading, BEXLEY, 1, 3)]
    assert first[:3].tolist() == [2, 1, 0]  # 2023, 2018, 2014: each inspection's best, in turns
    assert sorted(first.tolist()) == sorted(chunk_doc.tolist())  # nothing lost
    # since 2018: only the inspections from 2018 on take turns
    since_2015 = replace(reading, year_from=2015)
    assert chunk_doc[cover(order, candidates, chunk_doc, position, since_2015, BEXLEY, 1, 3)][
        :3
    ].tolist() == [2, 1, 2]
    # since the 2018 inspection: the inspections after it take turns, not the baseline
    after = read("how has Bexley changed since the 2018 inspection", ("Bexley",))
    assert chunk_doc[cover(order, candidates, chunk_doc, position, after, BEXLEY, 1, 3)][
        :2
    ].tolist() == [2, 2]  # the 2025 visit has no passage here: 2023 keeps its lead
    assert cover(order, candidates, chunk_doc, position, reading, BEXLEY, 0, 3).tolist() == (
        order.tolist()
    )
    # every inspection within two places each (here 6): left as ranked, near ties and all
    spread_out = np.array([2, 2, 1, 2, 0, 2, 2, 2, 2])
    assert cover(order, candidates, spread_out, position, reading, BEXLEY, 1, 10).tolist() == (
        order.tolist()
    )
    assert cover(order, candidates, chunk_doc, position, reading, BEXLEY, 1, 10)[:3].tolist() == [
        0,
        6,
        8,
    ]  # the 2014 and 2018 passages at 7 and 9 of 10: not within 6, so they take turns


def test_since_it_was_judged_in_a_year_counts_from_that_year() -> None:
    assert parse_years("what has changed since it was judged inadequate in 2015?") == ((), 2015)
    assert parse_years("she was appointed in 2015 and has been in post since") == ((2015,), None)
    (ref,) = references("how has Slough changed since it was last inspected in March 2019")
    assert (ref.year, ref.month, ref.order, ref.since) == (2019, 3, "", "since")


def test_the_year_of_the_inspection_next_to_the_one_asked_is_not_boosted() -> None:
    before = read("the inspection before Bexley's 2023 one", ("Bexley",))
    assert before.report_ids == ("b18",) and before.years == ()
    after = read("what did the one after the 2014 inspection say", ("Bexley",))
    assert after.report_ids == ("b18",) and after.years == () and after.year_from is None
    # a year also named for itself stays
    both = read("the inspection before Bexley's 2023 one and the 2023 one", ("Bexley",))
    assert 2023 in both.years
