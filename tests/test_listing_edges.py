"""A judgement listing in an answer counts every inspection it matched, even past the cap on
the rows it holds, and the `ofsted-qa judgements` line it suggests repeats every narrowing given
(council, region, year, area, grade), by the question or by a filter: run, it lists the same
inspections. Small PDFs made here for real councils, searched with the fake model."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from ofsted_qa.render_answers import judged_json, listing_more
from ofsted_qa.retrieval import judgement_listing
from ofsted_qa.retrieval.judgement_card import Judged
from test_cli import run  # the CLI runner; the `env` fixture is in conftest
from test_judgements import report_pdf
from test_listing_counts import row
from test_region_search import write_2023_reports

INADEQUATE = dict.fromkeys(("help_and_protection", "overall_effectiveness"), "inadequate")
GOOD = dict.fromkeys(("help_and_protection", "overall_effectiveness"), "good")
REPORTS = {  # council: (folder, grades), all published 2023
    "Gateshead": ("80101_gateshead", INADEQUATE),  # North East
    "Leeds": ("80103_leeds", INADEQUATE),  # Yorkshire and The Humber
    "Bexley": ("80104_bexley", INADEQUATE),  # London
    "Barnet": ("80105_barnet", INADEQUATE),  # London
    "Camden": ("80106_camden", GOOD),  # London
}


@pytest.fixture
def indexed(env: list[str], tmp_path: Path) -> list[str]:
    reports = write_2023_reports(tmp_path / "reports", REPORTS)
    earlier = reports / "80104_bexley" / "children's services inspection - 15 april 2019.pdf"
    earlier.write_bytes(report_pdf("Bexley", "4 March to 15 March 2019", INADEQUATE))
    assert run([*env, "index", "--docs", str(reports)])[0] == 0
    return env


def judged(env: list[str], question: str, *args: str) -> dict:
    code, out = run([*env, "ask", question, "--json", *args])
    assert code == 0, out
    return json.loads(out)["judgements"]


def listed_by_command(env: list[str], command: str) -> set[tuple[str, str]]:
    """What the suggested `ofsted-qa judgements` line lists: (council, doc id) per row."""
    words = shlex.split(command)
    assert words[:2] == ["ofsted-qa", "judgements"]
    code, out = run([*env, "judgements", *words[2:], "--json"])
    assert code == 0, out
    return {(r["council"], r["doc_id"]) for r in json.loads(out)}


def test_a_listing_past_its_cap_counts_every_inspection_matched(
    indexed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(judgement_listing, "MAX_LISTED", 2)  # rows: one per inspection here
    answer = judged(indexed, "which councils were inadequate")
    assert len(answer["listing"]) == 2 and answer["listing_held"] == 2
    assert (answer["listing_inspections"], answer["listing_councils"]) == (5, 4)
    assert answer["listing_complete"] is False
    code, out = run([*indexed, "ask", "which councils were inadequate"])
    assert code == 0 and "5 inspections of 4 councils" in out and "at least" not in out
    assert "the first 2 (2 rows: an answer stops at the inspection that reaches 2) are in" in out
    assert "ofsted-qa judgements --grade inadequate --area 'overall effectiveness'" in out


def test_a_listing_within_its_cap_holds_and_counts_the_same(indexed: list[str]) -> None:
    answer = judged(indexed, "which councils were inadequate")
    assert len(answer["listing"]) == answer["listing_inspections"] == 5
    assert answer["listing_complete"] is True and answer["listing_held"] == 5


def test_the_hint_repeats_a_region_the_question_names(indexed: list[str]) -> None:
    answer = judged(indexed, "which councils in London were inadequate")
    command = answer["judgements_command"]
    assert "--region London" in command and "--grade inadequate" in command
    listing = {(r["council"], r["doc_id"]) for r in answer["listing"]}
    assert {c for c, _ in listing} == {"Bexley", "Barnet"}
    assert listed_by_command(indexed, command) == listing


@pytest.mark.parametrize(
    ("options", "repeated"),
    [
        (("--region", "london"), "--region London"),  # the region as it is named
        (("--council", "bexley"), "--council bexley"),
        (("--year", "2019"), "--year 2019"),
        (("--region", "London", "--year", "2023"), "--year 2023 --region London"),
        (("--kind", "report"), "--kind report"),
    ],
)
def test_the_hint_repeats_every_filter_given(
    indexed: list[str], options: tuple[str, ...], repeated: str
) -> None:
    answer = judged(indexed, "which councils were inadequate", *options)
    command = answer["judgements_command"]
    assert repeated in command, command
    listing = {(r["council"], r["doc_id"]) for r in answer["listing"]}
    assert listing and listed_by_command(indexed, command) == listing


def test_several_regions_are_one_command(indexed: list[str]) -> None:
    answer = judged(indexed, "which councils in London or the North East were inadequate")
    command = answer["judgements_command"]
    assert "--region London" in command and "--region 'North East'" in command
    listing = {(r["council"], r["doc_id"]) for r in answer["listing"]}
    assert listed_by_command(indexed, command) == listing


def test_text_shows_the_command_with_the_region(
    indexed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ofsted_qa.render_answers.LISTED_REPORTS", 1)  # cut: the hint shows
    code, out = run([*indexed, "ask", "which councils were inadequate", "--region", "London"])
    assert code == 0 and "3 inspections of 2 councils" in out
    assert "Every judgement of this grade and area in London: ofsted-qa judgements" in out
    assert "--region London" in out


def test_judgements_takes_a_kind_as_ask_does(indexed: list[str], capsys) -> None:
    code, out = run([*indexed, "judgements", "--kind", "inspection reports", "--json"])
    assert code == 0 and len({r["doc_id"] for r in json.loads(out)}) == 6
    code, out = run([*indexed, "judgements", "--kind", "focused visit", "--json"])
    assert code == 2 and out == ""
    assert "--kind 'focused visit' matches no indexed kind of graded report" in (
        capsys.readouterr().err
    )


def test_every_year_is_given_none_dropped() -> None:
    years = tuple(range(2014, 2022))
    rows = tuple(row(i, f"Council {i}") for i in range(20))
    judged = Judged(listing=rows, listing_said="outstanding · care leavers", listing_years=years)
    command = judged_json(judged)["judgements_command"]
    assert [int(y.split()[0]) for y in command.split("--year ")[1:]] == list(years)
    more = listing_more(judged)
    assert f"in {', '.join(map(str, years))}:" in more
    assert more.count("ofsted-qa judgements") == 1
