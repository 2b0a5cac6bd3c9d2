"""Inspections named in questions, read and resolved against a council's inspections; which
questions ask for grades or a timeline; the spread of an unnamed question over reports."""

from __future__ import annotations

import numpy as np
import pytest

from ofsted_qa.retrieval.council_question import CouncilFinder
from ofsted_qa.retrieval.councils import Councils
from ofsted_qa.retrieval.grade_question import asks_for_grades
from ofsted_qa.retrieval.inspections import (
    Inspection,
    InspectionRef,
    _merged,
    references,
    resolve,
)
from ofsted_qa.retrieval.judgement_terms import areas_in
from ofsted_qa.retrieval.spread import PER_REPORT, spread
from ofsted_qa.retrieval.timeline import wants_timeline


def inspection(doc: str, kind: str, start: str, published: str) -> Inspection:
    return Inspection(doc, "Bexley", kind, "", start, start, published, kind == "inspection")


B14 = inspection("b14", "inspection", "2014-03-11", "2014-05-23")
B18 = inspection("b18", "inspection", "2017-11-20", "2018-01-19")  # on site 2017, published 2018
B23 = inspection("b23", "inspection", "2023-02-06", "2023-03-24")
V25 = inspection("v25", "focused visit", "2025-02-13", "2025-03-14")
BEXLEY = (B14, B18, B23, V25)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what did the 2018 inspection say", [("inspection", 2018, "")]),
        ("the last focused visit on exploitation", [("focused visit", None, "latest")]),
        ("what did the latest report say about Leeds", [("report", None, "latest")]),
        ("the 2025 visit", [("visit", 2025, "")]),
        ("the 2018 and 2023 inspections", [("inspection", 2018, ""), ("inspection", 2023, "")]),
        ("Bexley's first inspection", [("inspection", None, "first")]),
        ("the previous inspection", [("inspection", None, "before")]),
        (
            "the 2023 inspection and the one before",
            [("inspection", 2023, ""), ("one", None, "before")],
        ),
        # a kind of visit named alone: every visit of that kind
        ("what did the focused visit find", [("focused visit", None, "any")]),
        ("Leeds' monitoring visit", [("monitoring visit", None, "any")]),
        ("how do focused visits work", []),  # plural: the kind, not a visit
        ("what did the report say about IROs", []),  # too plain to name one
        # a topic question: "latest" with no inspection word after it is a recency cue
        ("the latest on care leavers", []),
        ("care leavers in 2014", []),
    ],
)
def test_references(question: str, expected: list[tuple[str, int | None, str]]) -> None:
    assert [(r.noun, r.year, r.order) for r in references(question)] == expected


COUNCIL_FINDER = CouncilFinder(
    Councils(["Leeds City Council", "Leeds", "Hull", "Norfolk", "Derby"])
)
ORDER_WORDS = {
    "latest": "latest",
    "last": "latest",
    "most recent": "latest",
    "newest": "latest",
    "previous": "before",
    "earlier": "before",
    "first": "first",
    "earliest": "first",
}


@pytest.mark.parametrize("word", list(ORDER_WORDS))
@pytest.mark.parametrize(
    ("form", "noun"),
    [
        ("the {word} Leeds report", "report"),  # the council inside the reference
        ("the {word} Leeds' inspection", "inspection"),
        ("the {word} Norfolk focused visit", "focused visit"),
        ("the {word} Leeds City Council Ofsted inspection", "inspection"),
        ("Leeds' {word} report", "report"),  # and before it
        ("Leeds's {word} inspection", "inspection"),
        ("the {word} report on Leeds", "report"),
    ],
)
def test_an_order_word_names_an_inspection_with_the_council_on_either_side(
    word: str, form: str, noun: str
) -> None:
    from ofsted_qa.retrieval.query import interpret

    question = f"what did {form.format(word=word)} say about care leavers"
    refs = interpret(question, councils=COUNCIL_FINDER).inspection_refs
    assert [(r.noun, r.order) for r in refs] == [(noun, ORDER_WORDS[word])]


def test_the_one_before_with_the_council_inside_the_first_reference() -> None:
    from ofsted_qa.retrieval.query import interpret

    reading = interpret("the latest Hull inspection and the one before", councils=COUNCIL_FINDER)
    assert [r.order for r in reading.inspection_refs] == ["latest", "before"]
    found, _ = resolve(reading.inspection_refs, BEXLEY, "Bexley")
    assert sorted(i.doc_id for i, _ in found) == ["b18", "b23"]  # oldest first


@pytest.mark.parametrize(
    ("question", "doc"),
    [
        ("the one before the most recent Hull inspection", "b18"),  # before 2023's inspection
        ("the Hull inspection before last", "b18"),
        ("the one before its newest inspection", "b18"),
        ("the inspection before the latest Hull report", "b23"),  # before 2025's visit letter
    ],
)
def test_the_one_before_the_latest_is_one_reference_counted_back_without_a_note(
    question: str, doc: str
) -> None:
    from ofsted_qa.retrieval.query import interpret

    (ref,) = interpret(question, councils=COUNCIL_FINDER).inspection_refs
    assert ref.order == "before"
    found, notes = resolve((ref,), BEXLEY, "Bexley")
    assert [i.doc_id for i, _ in found] == [doc] and notes == ()


def test_before_last_year_is_a_year_not_the_one_before_last() -> None:
    (ref,) = references("the report before last year")
    assert ref.surface == "the report before" and not ref.anchor


@pytest.mark.parametrize(
    "question",
    [
        "the last two Leeds inspections",  # a count, not one inspection
        "the first care leavers report",  # words other than a council between
        "the latest Leeds news",  # no inspection word
        "the latest on Leeds' care leavers",
    ],
)
def test_not_an_inspection_with_a_council_inside(question: str) -> None:
    from ofsted_qa.retrieval.query import interpret

    assert interpret(question, councils=COUNCIL_FINDER).inspection_refs == ()


def test_a_missing_reference_with_the_council_inside_is_said_without_it() -> None:
    refs = references("the last Bexley monitoring visit", ["Bexley"])
    notes = resolve(refs, BEXLEY, "Bexley")[1]
    assert notes and notes[0].startswith("Bexley has no last monitoring visit in the index")


def chosen(question: str) -> tuple[list[str], tuple[str, ...], tuple[str, ...]]:
    found, notes = resolve(references(question), BEXLEY, "Bexley")
    return [i.doc_id for i, _ in found], tuple(c for _, c in found), notes


def test_a_year_matches_the_dates_on_site_or_published_and_says_which() -> None:
    docs, chips, notes = chosen("the 2018 inspection")
    assert docs == ["b18"] and not notes
    assert chips == ("the 2018 inspection → Bexley inspection (published 2018)",)
    docs, chips, _ = chosen("the 2017 inspection")
    assert docs == ["b18"] and "on site 2017" in chips[0]


def test_since_a_year_counts_an_inspection_on_site_before_it_and_published_in_it() -> None:
    """ "Since 2016": Slough's inspection on site in November 2015, published February 2016,
    is where the change is counted from, as the timeline, the grade card and listings read it."""
    from dataclasses import replace

    from ofsted_qa.retrieval.query import interpret
    from ofsted_qa.retrieval.timeline import asked

    winter = inspection("s16", "inspection", "2015-11-24", "2016-02-17")
    later = inspection("s19", "inspection", "2019-01-21", "2019-03-04")
    older = inspection("s13", "inspection", "2013-05-01", "2013-07-01")
    assert winter.since(2016) and winter.since(2015) and not winter.since(2017)
    reading = replace(interpret("how has Bexley improved since 2016"), councils=("Bexley",))
    assert asked(reading, [older, winter, later]) == [winter, later]


def test_latest_first_and_kinds() -> None:
    assert chosen("the last focused visit")[0] == ["v25"]
    assert chosen("the latest inspection")[0] == ["b23"]  # a visit is not an inspection
    assert chosen("the latest report")[0] == ["v25"]  # any document of an inspection
    assert chosen("the first inspection")[0] == ["b14"]
    assert chosen("the 2025 visit")[0] == ["v25"]


def test_a_kind_of_visit_named_alone_means_every_visit_of_that_kind() -> None:
    assert chosen("what did the focused visit find")[0] == ["v25"]
    docs, _, notes = chosen("the monitoring visit")
    assert docs == [] and notes[0].startswith("Bexley has no monitoring visit in the index")


def test_the_one_before_counts_back_from_the_inspection_named_first() -> None:
    assert chosen("the 2023 inspection and the one before")[0] == ["b18", "b23"]
    docs, _, notes = chosen("the one before")
    assert docs == ["b23"]  # before the latest (the 2025 visit), said in a note
    assert notes and "read as the one before Bexley's latest" in notes[0]
    assert chosen("the previous inspection") == (["b18"], chosen("the previous inspection")[1], ())


def test_an_inspection_not_held_is_said_naming_those_that_are() -> None:
    docs, _, notes = chosen("Bexley's 2016 inspection")
    assert docs == []
    assert notes == (
        "Bexley has no 2016 inspection in the index; the inspections it holds: inspection 2014; "
        "inspection 2017; inspection 2023; focused visit 2025.",
    )


def test_of_two_years_named_the_one_not_held_is_said() -> None:
    docs, _, notes = chosen("the 2016 and 2023 inspections")
    assert docs == ["b23"]
    assert notes and notes[0].startswith("Bexley has no 2016 inspection in the index")


def test_an_inspection_the_whole_index_lacks_is_said_too() -> None:
    _, notes = resolve(references("the first monitoring visit"), BEXLEY, "the index")
    assert notes == (
        "The index holds no first monitoring visit; its latest inspections: Bexley inspection "
        "2014; Bexley inspection 2017; Bexley inspection 2023; Bexley focused visit 2025.",
    )


def test_two_documents_of_one_inspection_are_one_inspection_shown_through_the_graded() -> None:
    seed = Inspection("seed", "Bexley", "inspection", "", "2014-03-11", "", "2014-05-23", False)
    merged = _merged([seed, B14, B23])
    assert [i.doc_id for i in merged] == ["b14", "b23"]
    assert merged[0].doc_ids == ("b14", "seed")


@pytest.mark.parametrize(
    ("question", "councils", "grades"),
    [
        ("how was Leeds rated", ["Leeds"], True),
        ("what grades did Norfolk get in 2023", ["Norfolk"], True),
        ("what was the verdict on care leavers in 2014", [], True),
        ("which councils were inadequate for help and protection last year", [], True),
        ("how did Leeds do at its last inspection", ["Leeds"], True),
        ("what did Ofsted say about care leavers in 2014", [], False),
        ("which councils use family group conferences", [], False),
        ("what did Bexley get in 2018", ["Bexley"], True),
        ("Bexley's Ofsted result", ["Bexley"], True),
        ("what did Norfolk achieve at its last inspection", ["Norfolk"], True),
        ("what support did care leavers get", [], False),
        ("what did young people get from their personal advisers", [], False),
        # a grade asked with other verbs and nouns, of a council named
        ("What did Ofsted give Hartlepool in 2024?", ["Hartlepool"], True),
        ("what did inspectors award Leeds City Council", ["Leeds"], True),
        ("what grade did Ofsted give it", [], True),
        ("what was Leeds awarded in 2022", ["Leeds"], True),
        ("what has Derby received from Ofsted", ["Derby"], False),
        ("what has Derby received since 2019", ["Derby"], True),
        ("what did Bexley's children's services receive in 2018", ["Bexley's"], True),
        ("what did Hartlepool score in 2024", ["Hartlepool"], True),
        ("what was the outcome of Leeds' 2022 inspection", ["Leeds"], True),
        ("the result of Derby's Ofsted in 2017", ["Derby"], True),
        ("Hartlepool inspection outcome 2024", ["Hartlepool"], True),
        # the same verbs about services, not grades, even with a council named
        ("what support did Ofsted say care leavers receive in Leeds", ["Leeds"], False),
        ("what did Ofsted say care leavers receive in Leeds", ["Leeds"], False),
        ("what did Ofsted give care leavers in Leeds", ["Leeds"], False),
        ("what did Leeds give care leavers", ["Leeds"], False),
        ("what were care leavers in Leeds given", ["Leeds"], False),
        ("what did children in Hartlepool receive", ["Hartlepool"], False),
        ("what outcomes did children in care achieve in Leeds", ["Leeds"], False),
        ("what did Ofsted give as reasons for Leeds' improvement", ["Leeds"], False),
        # an inspection's result named bare, beside the council, or its standing with Ofsted
        ("Leeds outcome 2022", ["Leeds"], True),
        ("Norfolk's latest result", ["Norfolk's"], True),
        ("what was the outcome for Leeds in 2022", ["Leeds"], True),
        ("ofsted result for derby", ["derby"], True),
        ("Norfolk score 2019", ["Norfolk"], True),
        ("what was the result of Hull's inspection", ["Hull's"], True),
        ("Leeds rating", ["Leeds"], True),
        ("what did Leeds get", ["Leeds"], True),
        ("where does Leeds stand with Ofsted", ["Leeds"], True),
        ("how does Hull City Council stand with inspectors", ["Hull"], True),
        # outcomes for children, a result of something else, what went wrong: topics
        ("outcomes for care leavers in Leeds 2022", ["Leeds"], False),
        ("Leeds outcomes for children", ["Leeds"], False),
        ("the result of the audit", [], False),
        ("what were the results of Leeds' audit", ["Leeds"], False),
        ("what did Leeds get wrong", ["Leeds"], False),
        ("what did Hull get right for care leavers", ["Hull"], False),
        ("where does Leeds stand on neglect", ["Leeds"], False),
    ],
)
def test_grade_questions(question: str, councils: list[str], grades: bool) -> None:
    assert asks_for_grades(question, councils) is grades


@pytest.mark.parametrize(
    ("question", "timeline"),
    [
        ("how has Leeds changed", True),
        ("Norfolk care leavers over time", True),
        ("what has improved in Bexley since 2014", True),
        ("how have services for care leavers in Leeds improved", True),
        ("what did Ofsted say about care leavers in 2014", False),
    ],
)
def test_timeline_questions(question: str, timeline: bool) -> None:
    assert wants_timeline(question) is timeline


def test_areas_named_longest_wording_first() -> None:
    assert areas_in("how was Leeds rated for care leavers") == ("care_leavers",)
    assert areas_in("the verdict on help and protection") == ("help_and_protection",)
    assert areas_in("grades for children in care") == ("in_care", "children_looked_after")
    assert areas_in("how was the care of children rated") == ()


def test_spread_keeps_at_most_two_passages_of_a_report_in_the_first_k() -> None:
    candidates = np.arange(8)
    chunk_doc = np.array([0, 0, 0, 0, 0, 1, 2, 3])  # five passages of report 0 lead
    order = np.arange(8)
    spread_order = spread(order, candidates, chunk_doc, k=5)
    first = chunk_doc[spread_order[:5]].tolist()
    assert first == [0, 0, 1, 2, 3] and first.count(0) == PER_REPORT
    assert sorted(spread_order.tolist()) == list(range(8))  # nothing lost, the rest after
    one_report = np.zeros(8, dtype=np.int64)
    assert spread(order, candidates, one_report, k=5).tolist() == order.tolist()


def test_spread_keeps_a_clearly_better_passage_in_place() -> None:
    candidates, order = np.arange(8), np.arange(8)
    chunk_doc = np.array([0, 0, 0, 0, 0, 1, 2, 3])
    scores = np.array([1.9, 1.8, 1.7, 1.0, 0.99, 0.95, 0.5, 0.4])  # the third far ahead
    first = chunk_doc[spread(order, candidates, chunk_doc, 5, scores)[:5]].tolist()
    assert first == [0, 0, 0, 1, 0]  # 1.0 vs 0.95 is close: report 1 goes first


def test_the_timeline_cue_is_a_chip_that_can_be_dropped_and_its_words_are_not_searched() -> None:
    from ofsted_qa.retrieval.query import interpret

    reading = interpret("how have services for care leavers improved over time")
    chip = "timeline: how have services for care leavers improved"
    assert chip in reading.chips
    assert "improv" not in " ".join(reading.base_terms) and "time" not in reading.base_terms
    assert "leaver" in " ".join(reading.base_terms)
    assert reading.without(chip).over_time == ""
    assert interpret("what did Ofsted say about care leavers").over_time == ""


def test_last_year_and_this_year_count_from_the_year_given() -> None:
    import datetime

    from ofsted_qa.retrieval.time_words import relative_years

    today = datetime.date(2026, 11, 30)
    assert relative_years("which councils were inadequate last year", today)[0] == (2025,)
    assert relative_years("rated this year", today)[0] == (2026,)
    assert relative_years("rated in 2019", today)[0] == ()


@pytest.mark.parametrize(
    ("question", "docs"),
    [
        ("the inspection before Bexley's 2023 one", ["b18"]),
        ("the one before the 2023 inspection", ["b18"]),
        ("Bexley inspection prior to the 2023 one", ["b18"]),
        ("the previous inspection to Bexley's 2018 inspection", ["b14"]),
        ("the inspection preceding its 2023 report", ["b18"]),
        ("what did the inspection after Bexley's 2014 report find", ["b18"]),
        ("the next inspection to the 2018 one", ["b23"]),
        ("the visit following its February 2023 inspection", ["v25"]),
        ("the report after the 2023 inspection", ["v25"]),  # any document of an inspection
        ("the inspection after the 2023 one", []),  # a visit is not an inspection
    ],
)
def test_an_inspection_named_by_the_one_next_to_it_is_that_one_not_the_year_named(
    question: str, docs: list[str]
) -> None:
    (ref,) = references(question)
    assert ref.next_to
    assert chosen(question)[0] == docs


def test_next_to_an_inspection_the_council_lacks_or_the_first_is_said() -> None:
    docs, _, notes = chosen("the inspection before Bexley's 2016 one")
    assert docs == [] and notes[0].startswith("Bexley has no inspection before Bexley's 2016 one")
    docs, _, notes = chosen("the one before the 2014 inspection")
    assert docs == [] and notes[0].startswith("Bexley has no one before the 2014 inspection")


@pytest.mark.parametrize(
    "question",
    [
        "the inspection before 2022",  # a year, not an inspection
        "the 2023 inspection and the one before",
        "inspections to 2022 standards",
        "what changed after the 2018 inspection",
    ],
)
def test_not_named_by_the_one_next_to_it(question: str) -> None:
    assert not any(r.next_to for r in references(question))


@pytest.mark.parametrize(
    ("question", "cards"),
    [
        ("Leeds outcome 2022", True),
        ("what was the result of Hull's inspection", True),
        ("where does Leeds stand with Ofsted", True),
        ("Derby's latest Ofsted outcome", True),
        ("outcomes for care leavers in Leeds 2022", False),
        ("what did Leeds get wrong", False),
    ],
)
def test_a_grade_asked_in_other_words_gets_the_card_first(question: str, cards: bool) -> None:
    from ofsted_qa.retrieval.grade_question import asks_for_cards
    from ofsted_qa.retrieval.query import interpret

    assert asks_for_cards(interpret(question, councils=COUNCIL_FINDER)) is cards


@pytest.mark.parametrize(
    ("question", "grade", "since"),
    [
        ("newham permanence planning since the inadequate inspection", "inadequate", "since"),
        ("what has improved since it was judged inadequate", "inadequate", "since"),
        ("Newham since being rated requires improvement", "requires improvement", "since"),
        ("what did the outstanding report say about Leeds care leavers", "outstanding", ""),
        ("since the RI judgement what changed", "requires improvement", "since"),
    ],
)
def test_an_inspection_named_by_its_grade(question: str, grade: str, since: str) -> None:
    (ref,) = references(question)
    assert (ref.grade, ref.since) == (grade, since)


@pytest.mark.parametrize("question", ["was it a good inspection", "how good is the council"])
def test_a_grade_word_alone_names_no_inspection(question: str) -> None:
    assert references(question) == ()


def _graded_run(*grades: str) -> list[Inspection]:
    return [
        Inspection(
            f"d{n}",
            "Leeds",
            "inspection",
            "ILACS",
            f"{2014 + 3 * n}-01-10",
            "",
            "",
            True,
            overall=g,
        )
        for n, g in enumerate(grades)
    ]


@pytest.mark.parametrize(
    ("grades", "grade", "doc"),
    [
        (("inadequate", "good", "good"), "inadequate", "d0"),
        (("good", "outstanding", "outstanding"), "outstanding", "d1"),  # the run's first
        (("inadequate", "inadequate", "good", "inadequate", "good"), "inadequate", "d3"),
    ],
)
def test_a_grade_reference_is_the_first_of_the_latest_run_graded_so(
    grades: tuple[str, ...], grade: str, doc: str
) -> None:
    ref = InspectionRef("the x inspection", "inspection", grade=grade)
    (chosen,), notes = resolve([ref], _graded_run(*grades), "Leeds")
    assert chosen[0].doc_id == doc and not notes


def test_no_inspection_of_that_grade_is_said() -> None:
    ref = InspectionRef("the outstanding inspection", "inspection", grade="outstanding")
    chosen, notes = resolve([ref], _graded_run("good", "inadequate"), "Leeds")
    assert not chosen and "Leeds has no inspection judged outstanding overall" in notes[0]
