"""Words of time in questions (time_words.py): "still" and its kin read as "now", "last
inspected" as the council's latest inspection, yes/no grade questions answered by a card,
years counted back from a today tests can fix, short years, a year no report can have said in
a note, a financial year found through the year the council has, a month counted only in its
year's documents."""

from __future__ import annotations

import datetime
from dataclasses import replace

import numpy as np
import pytest

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.retrieval import caveats, clock, time_words
from ofsted_qa.retrieval.council_years import reconcile, reports_of_councils
from ofsted_qa.retrieval.grade_question import asks_for_grades
from ofsted_qa.retrieval.inspection_question import read
from ofsted_qa.retrieval.inspections import Inspection
from ofsted_qa.retrieval.query import interpret
from ofsted_qa.retrieval.results import Filters

TODAY = datetime.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("question", "recent"),
    [
        ("is Herefordshire still inadequate", "still"),
        ("what is Leeds like at present", "at present"),
        ("how is Leeds presently rated", "presently"),
        ("as things stand, how good is Leeds", "as things stand"),
        ("is Leeds inadequate any more?", "any more"),
        ("is Leeds inadequate anymore", "anymore"),
        ("is there any more support for care leavers", ""),  # an amount, not a time
        ("what was Leeds like in 2019", ""),
    ],
)
def test_words_of_how_things_stand_read_as_now(question: str, recent: str) -> None:
    assert interpret(question, today=TODAY).recent == recent


@pytest.mark.parametrize(
    ("question", "grades"),
    [
        ("is Herefordshire inadequate", True),
        ("is Leeds still outstanding", True),
        ("has Slough been inadequate", True),
        ("is Leeds requires improvement now", True),
        ("is Leeds good for care leavers now?", True),
        ("is Leeds inadequate any more", True),
        ("is Bexley any good at keeping kids safe", False),  # practice, not a grade
        ("is there good support for care leavers", False),
        ("what is good about Leeds", False),
    ],
)
def test_a_yes_no_grade_question_asks_for_grades(question: str, grades: bool) -> None:
    assert asks_for_grades(question) is grades


def _inspection(doc: str, kind: str, start: str, graded: bool) -> Inspection:
    return Inspection(doc, "Hull", kind, "ILACS", start, start, start, graded)


HULL = (
    _inspection("hull-2015", "inspection", "2014-11-01", True),
    _inspection("hull-2023", "inspection", "2022-11-14", True),
    _inspection("hull-2026", "inspection", "2026-03-02", True),
)


@pytest.mark.parametrize(
    "question",
    [
        "when was Hull last inspected",
        "when did Ofsted last visit Hull",
        "when was Hull most recently inspected",
        "when was Hull last rated",
    ],
)
def test_last_inspected_is_the_council_s_latest_inspection(question: str) -> None:
    reading = replace(interpret(question, today=TODAY), councils=("Hull",))
    (ref,) = reading.inspection_refs
    assert ref.order == "latest" and not ref.since
    resolved, notes = read(reading, HULL)
    assert resolved.report_ids == ("hull-2026",) and not notes
    assert "last" not in resolved.base_terms  # its words are framing, not searched


def test_since_last_inspected_stays_a_baseline_and_a_grade_verb_skips_visits() -> None:
    (ref,) = interpret("what has improved since Hull was last inspected").inspection_refs
    assert ref.since == "since"
    visit = _inspection("hull-visit", "focused visit", "2026-09-01", False)
    rated = replace(interpret("when was Hull last rated"), councils=("Hull",))
    assert read(rated, (*HULL, visit))[0].report_ids == ("hull-2026",)
    seen = replace(interpret("when was Hull last inspected"), councils=("Hull",))
    assert read(seen, (*HULL, visit))[0].report_ids == ("hull-visit",)


def test_present_tense_lists_each_latest_past_tense_or_a_year_every_inspection() -> None:
    assert time_words.present_tense("which councils are inadequate")
    assert time_words.present_tense("how many councils remain outstanding")
    assert not time_words.present_tense("which councils were inadequate")
    assert not time_words.present_tense("which councils have been inadequate")
    assert not time_words.present_tense("which councils are inadequate in 2019")
    assert not time_words.present_tense("councils judged good")


@pytest.mark.parametrize(
    ("question", "years", "searched"),
    [
        ("what did the inspection last year say", (2025,), ["inspect"]),
        ("Birmingham care leavers last year", (2025,), ["birmingham", "care", "leaver"]),
        ("Sunderland two years ago", (2024,), ["sunderland"]),
        ("care leavers 3 years ago", (2023,), ["care", "leaver"]),
        ("the year before last", (2024,), None),
        ("what have they done this year", (2026,), None),
        # the twelve months before a report's count, not last calendar year
        ("how many children left care in the last year", (), None),
    ],
)
def test_years_counted_back_from_today(
    question: str, years: tuple[int, ...], searched: list[str] | None
) -> None:
    reading = interpret(question, today=TODAY)
    assert reading.years == years
    if searched is not None:
        assert reading.base_terms == searched


def test_since_last_year_wants_that_year_and_later() -> None:
    assert interpret("what has changed since last year", today=TODAY).year_from == 2025
    assert interpret("Leeds since two years ago", today=TODAY).year_from == 2024
    assert interpret("Leeds last year", today=TODAY).year_from is None


def test_today_comes_from_one_place_that_can_be_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.TODAY_VARIABLE, "2031-06-01")
    assert clock.today() == datetime.date(2031, 6, 1)
    assert interpret("care leavers last year").years == (2030,)
    monkeypatch.setenv(clock.TODAY_VARIABLE, "next tuesday")
    with pytest.raises(OfstedQAError, match="not a date"):
        clock.today()


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("Leeds care leavers 18/19", (2018, 2019)),
        ("Leeds budget 99/00", (1999, 2000)),
        ("Leeds 2k19", (2019,)),
        ("in the 2022-23 year", (2022, 2023)),
        ("support for 16-17 year olds", ()),
        ("care leavers aged 18-19", ()),
        ("on 12/05/2019", (2019,)),
        ("18/20 children", ()),  # not consecutive: a score, not a year
    ],
)
def test_short_years(question: str, years: tuple[int, ...]) -> None:
    reading = interpret(question, today=TODAY)
    assert reading.years == years
    if years and "20" not in question.split()[-1]:
        assert not any(t[:2].isdigit() for t in reading.base_terms)


def test_an_impossible_or_unknown_year_is_said() -> None:
    known = set(range(2013, 2027))
    for question, year in (("Leeds 2099", 2099), ("Leeds in 1950", 1950)):
        _, notes = caveats.years(interpret(question, today=TODAY), known, Filters())
        assert notes and f"dated {year}" in notes[0]


def test_a_financial_year_is_found_through_the_year_the_council_has() -> None:
    held = reports_of_councils(
        [frozenset({2019}), frozenset({2023})], [2019, 2023], [frozenset({"York"})] * 2
    )
    reading = replace(interpret("York in the 2022-23 year", today=TODAY), councils=("York",))
    understood, notes = reconcile(reading, ("York",), held)
    assert understood.years == (2023,)  # not 2019: 2023, asked, is held
    assert notes == ("Of 2022–2023, the reports dated 2023 are searched.",)
    lone = replace(interpret("York 2021", today=TODAY), councils=("York",))
    understood, notes = reconcile(lone, ("York",), held)
    assert understood.years == (2019, 2023)
    assert notes[-1].endswith("the nearest reports, of 2019 and 2023, are searched instead.")


def test_a_month_named_with_its_year_counts_only_in_that_year_s_documents() -> None:
    months = time_words.month_words("what did Ofsted say about Leeds in March 2019")
    assert months == (("march", 2019),)
    assert time_words.month_words("Leeds in March") == ()  # no year: any March
    doc_years = [frozenset({2019}), frozenset({2022})]
    chunk_doc = np.array([0, 0, 1, 1])
    total = np.array([3.0, 1.0, 3.0, 1.0], dtype=np.float32)
    march = np.array([2.0, 0.0, 2.0, 0.0], dtype=np.float32)
    gated = time_words.month_gate(total, {"march": march}, months, doc_years, chunk_doc)
    assert gated.tolist() == [3.0, 1.0, 1.0, 1.0]  # 2022's "4 March 2022" loses the month


def test_when_last_inspected_asks_for_the_card_of_that_inspection() -> None:
    from ofsted_qa.retrieval.grade_question import asks_for_cards

    reading = read(replace(interpret("when was Hull last inspected"), councils=("Hull",)), HULL)[0]
    assert asks_for_cards(reading)
    assert not asks_for_cards(interpret("when was the last inspection of children's homes"))
    assert asks_for_grades("is Slough still inadequate as things stand")
