"""Spans of time counted back from today ("in the last year", "over the past 18 months",
"recently inspected", "since last year"): read as the publication dates of inspections, not a
calendar year, shown and said, and used by grade listings, cards and the passage boost; a
report's own count of its year ("how many adoptions in the last 12 months") is no span.

The listing tests index small PDFs made in test_judgements.py (Northwick published 24 March
2023, South Eastby 20 June 2024), so nothing depends on the shared corpus."""

from __future__ import annotations

import datetime
import json
from dataclasses import replace

import pytest

from ofsted_qa.retrieval import time_spans
from ofsted_qa.retrieval.query import interpret
from test_cli import run
from test_judgements import indexed  # noqa: F401  (the fixture)

TODAY = datetime.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("question", "first", "said"),
    [
        (
            "which councils were judged inadequate in the last year",
            "2025-11-30",
            "in the last year",
        ),
        ("care leavers in the past 12 months", "2025-11-30", "in the past 12 months"),
        ("inadequate over the last two years", "2024-11-30", "over the last two years"),
        ("exploitation in the past 18 months", "2025-05-30", "in the past 18 months"),
        ("which councils were recently inspected", "2025-11-30", "recently inspected"),
        ("which councils have been judged good since last year", "2025-01-01", "since last year"),
        ("what did Ofsted find over the past year", "2025-11-30", "over the past year"),
    ],
)
def test_a_span_back_from_today(question: str, first: str, said: str) -> None:
    found = time_spans.span(question, TODAY)
    assert found is not None
    assert (found[0].isoformat(), found[1]) == (first, said)


@pytest.mark.parametrize(
    "question",
    [
        "which councils were judged inadequate last year",  # a calendar year, read as before
        "How many adoptions were there in the last 12 months?",  # the report's own count
        "what percentage of referrals in the last year were repeats",
        "what happened in the last year of the improvement plan",
        "how have things changed over the last years",  # no count: no span
        "the last two inspections of Leeds",
    ],
)
def test_no_span(question: str) -> None:
    assert time_spans.span(question, TODAY) is None


def test_a_month_back_from_the_31st_is_the_month_s_last_day() -> None:
    assert time_spans.months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert time_spans.months_before(datetime.date(2026, 1, 15), 18) == datetime.date(2024, 7, 15)


def test_the_span_is_read_shown_and_can_be_dropped_not_a_year() -> None:
    reading = interpret("which councils were judged inadequate in the last year", today=TODAY)
    assert reading.span == ("2025-11-30", "2026-11-30") and reading.years == ()
    assert reading.span_said == "inspections published 30 Nov 2025 – 30 Nov 2026"
    chip = "in the last year → published 30 Nov 2025 – 30 Nov 2026"
    assert chip in reading.chips
    assert "last" not in reading.base_terms  # framing, not searched
    assert reading.in_span("2026-03-01") and not reading.in_span("2025-06-01")
    # the document boost reads the date, not the years: 2025's June report is not in it
    assert not reading.wants_dated(frozenset({2025}), "2025-06-01")
    dropped = reading.without(chip)
    assert dropped.span == () and dropped.year_from is None
    # "last year" alone stays the calendar year before today's
    plain = interpret("which councils were judged inadequate last year", today=TODAY)
    assert plain.years == (2025,) and plain.span == ()
    # "since last year" is from 1 January of it, and not that year alone
    since = interpret("which councils have been judged good since last year", today=TODAY)
    assert since.span == ("2025-01-01", "2026-11-30") and since.years == ()


def test_a_span_over_some_years_is_when_not_a_question_of_change() -> None:
    listing = interpret(
        "which councils were rated outstanding over the last two years", today=TODAY
    )
    assert listing.span and listing.over_time == ""
    change = interpret("how has Leeds changed over the last two years", today=TODAY)
    assert change.span and change.over_time


def ask(env: list[str], question: str, monkeypatch: pytest.MonkeyPatch, today: str) -> dict:
    monkeypatch.setenv("OFSTED_QA_TODAY", today)
    code, out = run([*env, "ask", question, "--json"])
    assert code == 0
    return json.loads(out)


def test_a_listing_in_the_last_year_holds_the_inspections_published_in_it(
    indexed: list[str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "which councils were judged inadequate for children in care in the last year"
    # 1 Dec 2023 - 1 Dec 2024: South Eastby (June 2024), not Northwick (March 2023), though
    # 2023 is a year of the span
    payload = ask(indexed, question, monkeypatch, "2024-12-01")
    listed = payload["judgements"]["listing"]
    assert [(r["council"], r["published"]) for r in listed] == [("South Eastby", "2024-06-20")]
    assert payload["judgements"]["listing_said"].endswith("published 1 Dec 2023 – 1 Dec 2024")
    assert "inspections published 1 Dec 2023 – 1 Dec 2024" in " ".join(payload["notes"])


def test_a_council_with_no_inspection_in_the_span_shows_its_latest_and_says_so(
    indexed: list[str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    payload = ask(indexed, "how was Northwick rated in the last year", monkeypatch, "2024-12-01")
    notes = " ".join(payload["notes"] + payload["judgements"].get("notes", []))
    assert "Northwick has no graded inspection among inspections published" in notes
    (card,) = payload["judgements"]["cards"]
    assert "2023-03-24" in json.dumps(card)


def test_passages_of_a_council_with_nothing_in_the_span_are_of_its_latest_report(
    indexed: list[str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Northwick's latest is March 2023: 6 months back from Dec 2024 holds none of its reports,
    # so its latest is searched, with the year boost, and "last", "6", "months" are no topic
    payload = ask(indexed, "Northwick in the last 6 months", monkeypatch, "2024-12-01")
    assert any("its latest, of 2023, is searched instead" in n for n in payload["notes"])
    top = payload["results"][0]
    assert top["date"].startswith("2023") and top["doc_id"].startswith("80001_northwick")


def test_the_words_of_a_span_are_no_search_words() -> None:
    # everything but the council is framing: the council's name is what is left to search
    reading = interpret("Northwick in the last 6 months", today=datetime.date(2024, 12, 1))
    assert reading.span_words == "in the last 6 months"
    framed = replace(reading, framing=(*reading.framing, "Northwick"))
    assert framed.base_terms == ["northwick"]


@pytest.mark.parametrize(
    ("question", "framing", "searched"),
    [
        # the longer framing phrase goes whole: "from 2016" first would leave "onwards"
        ("Northwick from 2016 onwards", ("from 2016", "from 2016 onwards"), ["northwick"]),
        # a council and a year alone: the year is no topic ("in post since September 2014"
        # in a fact box is not what "Northwick 2014/15" asks for)
        ("Northwick 2014/15", ("2014/15",), ["northwick"]),
        ("Northwick 2014-2016", ("2014-2016",), ["northwick"]),
    ],
)
def test_years_and_time_words_alone_are_no_search_words(
    question: str, framing: tuple[str, ...], searched: list[str]
) -> None:
    reading = replace(interpret(question), framing=(*framing, "Northwick"))
    assert reading.base_terms == searched
    # with a topic, the topic is searched and the framing is not
    topic = replace(interpret(f"care leavers {question}"), framing=(*framing, "Northwick"))
    assert topic.base_terms == ["care", "leaver"]


def test_a_council_and_an_inspection_alone_search_the_council() -> None:
    """ "Northwick last inspection": "inspection" searched as a word found the cover's
    "Inspection dates:" line; the place named is what is left to search."""
    reading = replace(
        interpret("Northwick's last inspection"),
        framing=("last inspection", "Northwick's"),
        council_words=(("Northwick's", "Northwick"),),
    )
    assert reading.base_terms == ["northwick"]
