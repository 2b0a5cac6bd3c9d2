"""A year named beside a council with no report that year is said, and its nearest reports
searched instead of other councils' reports of that year."""

from __future__ import annotations

from dataclasses import replace

from ofsted_qa.retrieval.council_years import reconcile, years_of_councils
from ofsted_qa.retrieval.query import interpret

HELD = years_of_councils(
    [frozenset({2015}), frozenset({2018}), frozenset({2022}), frozenset({2019}), frozenset()],
    [
        frozenset({"Leeds"}),
        frozenset({"Leeds"}),
        frozenset({"Leeds"}),
        frozenset({"Bradford"}),
        frozenset({"Bradford"}),
    ],
)


def test_a_year_the_council_lacks_is_said_and_its_nearest_reports_searched() -> None:
    reading = replace(interpret("Leeds care leavers 2019"), councils=("Leeds",))
    assert reading.years == (2019,)
    understood, notes = reconcile(reading, ("Leeds",), HELD)
    assert understood.years == (2018, 2022)
    assert notes[0] == (
        "Leeds has no report dated 2019 in the index; its reports: 2015, 2018, 2022."
    )
    assert "2018 and 2022" in notes[1]


def test_a_year_one_named_council_has_stays() -> None:
    reading = replace(interpret("Leeds and Bradford care leavers 2019"), councils=("Leeds",))
    understood, notes = reconcile(reading, ("Leeds", "Bradford"), HELD)
    assert understood.years == (2019,)
    assert notes == ("Leeds has no report dated 2019 in the index; its reports: 2015, 2018, 2022.",)


def test_a_year_the_council_has_or_no_year_needs_no_note() -> None:
    reading = interpret("Leeds care leavers 2018")
    assert reconcile(reading, ("Leeds",), HELD) == (reading, ())
    plain = interpret("Leeds care leavers")
    assert reconcile(plain, ("Leeds",), HELD) == (plain, ())
    assert reconcile(reading, (), HELD) == (reading, ())
