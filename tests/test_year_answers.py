"""A year the question names counts: the passages of that year's documents compete even where
the topic's best passages over the whole index are all of other years, and a council named with
a year it has no report of gets a note and its nearest report instead of a silent other year.
Small PDF reports (test_council_search) beside the seeds, with the fake model."""

from __future__ import annotations

import pytest

from ofsted_qa.retrieval import scoring
from test_council_search import ask, indexed  # noqa: F401  (a fixture)


def test_the_years_passages_compete_however_few_the_candidates(
    indexed: list[str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One candidate per side: the whole index's best passage about care leavers is a 2014
    # seed's; the 2023 report's passages are found only as passages of the year named.
    monkeypatch.setattr(scoring, "CANDIDATES", 1)
    answer = ask(indexed, "care leavers in 2023")
    of_year = [r for r in answer["results"] if r["date"].startswith("2023")]
    assert of_year and of_year[0]["contributions"]["year_boost"] > 0


def test_a_year_the_council_has_no_report_of_is_said(indexed: list[str]) -> None:  # noqa: F811
    answer = ask(indexed, "Eastmere care leavers 2024")
    assert "Eastmere has no report dated 2024 in the index; its reports: 2019." in answer["notes"]
    assert {r["date"][:4] for r in answer["results"]} >= {"2019"}
    assert answer["results"][0]["date"].startswith("2019")
