"""Years named beside a council, fitted to its reports: a year it lacks is said and its nearest
reports searched; a range searches the years of it the council has, only; "since YEAR" is every
report from that year on, never the one before it. Each report is listed once, by the year it
was published."""

from __future__ import annotations

from dataclasses import replace

from ofsted_qa.retrieval.council_years import reconcile, reports_of_councils
from ofsted_qa.retrieval.query import interpret
from ofsted_qa.retrieval.years import within_index

LEEDS = frozenset({"Leeds"})
# Leeds: on site 2014 and published 2015; 2018; 2022; 2025. Bradford: 2019, and an undated note.
HELD = reports_of_councils(
    [
        frozenset({2014, 2015}),
        frozenset({2018}),
        frozenset({2022}),
        frozenset({2025}),
        frozenset({2019}),
        frozenset(),
    ],
    [2015, 2018, 2022, 2025, 2019, None],
    [LEEDS, LEEDS, LEEDS, LEEDS, frozenset({"Bradford"}), frozenset({"Bradford"})],
)


def _leeds(text: str) -> tuple[object, tuple[str, ...]]:
    reading = replace(interpret(text), councils=("Leeds",))
    return reconcile(reading, ("Leeds",), HELD)


def test_a_year_the_council_lacks_is_said_and_its_nearest_reports_searched() -> None:
    reading = replace(interpret("Leeds care leavers 2019"), councils=("Leeds",))
    assert reading.years == (2019,)
    understood, notes = reconcile(reading, ("Leeds",), HELD)
    assert understood.years == (2018, 2022)
    # one note; one year per report: the 2014-15 report is 2015, its publication
    assert notes == (
        "Leeds has no report dated 2019 in the index; its reports were published in 2015, "
        "2018, 2022 and 2025; the nearest reports, of 2018 and 2022, are searched instead.",
    )


def test_a_year_one_named_council_has_stays() -> None:
    reading = replace(interpret("Leeds and Bradford care leavers 2019"), councils=("Leeds",))
    understood, notes = reconcile(reading, ("Leeds", "Bradford"), HELD)
    assert understood.years == (2019,)
    assert notes == (
        "Leeds has no report dated 2019 in the index; its reports were published in 2015, "
        "2018, 2022 and 2025.",
    )


def test_a_year_the_council_has_or_no_year_needs_no_note() -> None:
    reading = interpret("Leeds care leavers 2018")
    assert reconcile(reading, ("Leeds",), HELD) == (reading, ())
    plain = interpret("Leeds care leavers")
    assert reconcile(plain, ("Leeds",), HELD) == (plain, ())
    assert reconcile(reading, (), HELD) == (reading, ())


def test_since_a_year_the_council_lacks_is_every_report_after_it_not_the_nearest() -> None:
    for text in ("Leeds since 2016", "Leeds from 2016", "Leeds after 2016", "Leeds 2016 onwards"):
        understood, notes = _leeds(text)
        # not 2015 and 2018, the years either side: 2018, 2022 and 2025, from 2016 on
        assert (understood.years, understood.year_from, notes) == ((), 2016, ()), text
        assert not understood.wants_year(frozenset({2014, 2015}))
        assert all(understood.wants_year(frozenset({y})) for y in (2018, 2022, 2025))


def test_since_a_year_after_the_council_s_latest_report_searches_its_latest() -> None:
    understood, notes = _leeds("Leeds since 2026")
    assert understood.year_from == 2025
    assert notes == (
        "Leeds has no report dated 2026 or later in the index; its latest, of 2025, is searched "
        "instead.",
    )


def test_a_range_partly_held_searches_the_years_held_only_and_says_so_once() -> None:
    for text in ("Leeds 2016 to 2022", "Leeds 2016-2022", "Leeds between 2016 and 2022"):
        understood, notes = _leeds(text)
        assert understood.years == (2018, 2022), text  # not 2015, the nearest to 2016
        assert notes == ("Of 2016–2022, the reports dated 2018 and 2022 are searched.",), text


def test_a_range_with_no_report_gets_the_nearest_in_one_note_with_or() -> None:
    understood, notes = _leeds("Leeds 2019-2021")
    assert understood.years == (2018, 2022)
    assert notes == (
        "Leeds has no report dated 2019–2021 in the index; its reports were published in 2015, "
        "2018, 2022 and 2025; the nearest reports, of 2018 and 2022, are searched instead.",
    )
    _, (note,) = _leeds("Leeds 2016 and 2017 and 2020")
    assert note.startswith("Leeds has no report dated 2016–2017 or 2020 in the index")


def test_a_decade_is_a_range_cut_to_the_years_the_index_spans() -> None:
    reading = replace(interpret("Leeds in the 2020s"), councils=("Leeds",))
    assert reading.years == tuple(range(2020, 2030)) and reading.year_ranges == ((2020, 2029),)
    cut, said = within_index(reading, frozenset(range(2013, 2027)))
    assert said == ()  # the years after the index's newest need no word
    assert cut.years == tuple(range(2020, 2027)) and cut.year_ranges == ((2020, 2026),)
    understood, notes = reconcile(cut, ("Leeds",), HELD)
    assert understood.years == (2022, 2025)
    assert notes == ("Of 2020–2026, the reports dated 2022 and 2025 are searched.",)
    # a range wholly outside the index is left for the note saying nothing is dated then
    old = replace(interpret("Leeds in the 1990s"), councils=("Leeds",))
    assert within_index(old, frozenset(range(2013, 2027))) == (old, ())


def test_a_range_keeps_the_years_some_document_is_dated_and_says_so() -> None:
    reading = interpret("care leavers 2016-2019")
    cut, said = within_index(reading, frozenset({2014, 2018, 2023}))
    assert (cut.years, cut.year_ranges) == ((2018,), ((2018, 2018),))
    assert said == ("Of 2016–2019, documents are dated 2018 only: those are searched.",)
    both = interpret("care leavers 2016-2019 and 2023")
    cut, _ = within_index(both, frozenset({2014, 2018, 2023}))
    assert cut.years == (2018, 2023)


def test_since_a_year_before_the_index_searches_its_words() -> None:
    """ "since the 2012 inspection" in an index from 2014 admits every document: the words
    "the 2012 inspection", as the reports write them, say which is meant."""
    from ofsted_qa.retrieval.years import since_dated

    reading = interpret("what hadn't been fixed since the 2012 inspection?")
    assert reading.year_from == 2012 and reading.years == ()
    assert not since_dated(reading, frozenset({2014, 2023}))
    assert since_dated(reading, frozenset({2012, 2014}))
    assert since_dated(interpret("care leavers"), frozenset({2014}))


def test_since_a_year_counted_back_from_today_is_an_open_range_too() -> None:
    import datetime

    reading = interpret("Leeds since two years ago", today=datetime.date(2026, 11, 30))
    assert (reading.years, reading.year_from) == ((), 2024)
    understood, notes = reconcile(replace(reading, councils=("Leeds",)), ("Leeds",), HELD)
    # Leeds has no 2024 report, but its 2025 one is since then: no nearest 2022
    assert (understood.years, understood.year_from, notes) == ((), 2024, ())


def test_a_year_no_document_has_says_what_the_council_has() -> None:
    """ "Leeds 2035": the index-wide nearest year (caveats.years) may be one Leeds has no report
    of; the council's own reports are named, every one of them searched."""
    reading = replace(interpret("Leeds 2035"), councils=("Leeds",), undated=(2035,))
    understood, notes = reconcile(reading, ("Leeds",), HELD)
    assert understood == reading  # nothing narrowed: each report is searched
    assert notes == (
        "Leeds has no report dated 2035: its reports were published in 2015, 2018, 2022 and "
        "2025, and each is searched.",
    )
    # a year the council has beside it: the usual reading, no such note
    both = replace(interpret("Leeds 2018 and 2035"), councils=("Leeds",), undated=(2035,))
    assert not any("2035" in n for n in reconcile(both, ("Leeds",), HELD)[1])
