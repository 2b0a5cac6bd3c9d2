"""A year the question names counts: the passages of that year's documents compete even where
the topic's best passages over the whole index are all of other years, and a council named with
a year it has no report of gets a note and its nearest report instead of a silent other year.
Small PDF reports (test_council_search) beside the seeds, with the fake model."""

from __future__ import annotations

from pathlib import Path

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
    assert (
        "Eastmere has no report dated 2024 in the index; its reports were published in 2019; "
        "the nearest report, of 2019, is searched instead." in answer["notes"]
    )
    assert {r["date"][:4] for r in answer["results"]} >= {"2019"}
    assert answer["results"][0]["date"].startswith("2019")


def _report(council: str, year: int, paragraphs: list[str]) -> bytes:
    from test_pdf_reader import pdf_from_contents

    lines = [f"Inspection of {council} local authority children's services", ""]
    lines += [f"Inspection dates: 4 March to 15 March {year}", ""]
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    ops = ["BT /F1 9 Tf 40 780 Td 14 TL", *(f"({line}) '" for line in lines), "ET"]
    return pdf_from_contents([" ".join(ops)])


def test_a_council_and_a_year_named_put_that_years_report_first(
    env: list[str], tmp_path: Path
) -> None:
    # The 2019 report says "LADO" three times, the 2024 one spells the role out once: the words
    # favour 2019, but the question names 2024.
    from test_cli import run

    reports = tmp_path / "reports" / "90001_eastmere"
    reports.mkdir(parents=True)
    (reports / "children's services inspection - 15 april 2019.pdf").write_bytes(
        _report(
            "Eastmere",
            2019,
            [
                "The local authority designated officer (LADO) manages allegations against "
                "professionals slowly: LADO referrals wait weeks and the LADO lacks capacity.",
                "Care leavers are supported by personal advisers in suitable homes.",
            ],
        )
    )
    (reports / "children's services inspection - 20 june 2024.pdf").write_bytes(
        _report(
            "Eastmere",
            2024,
            [
                "Leaders have improved the response to concerns about staff since 2019, and "
                "the designated officer keeps clear records.",
                "Children in care see their social workers often and know their plans.",
            ],
        )
    )
    assert run([*env, "index", "--docs", str(tmp_path / "reports")])[0] == 0
    answer = ask(env, "LADO Eastmere 2024")
    assert answer["results"][0]["date"].startswith("2024")


def test_since_a_year_and_a_range_are_fitted_to_the_council_s_reports(
    env: list[str], tmp_path: Path
) -> None:
    """Eastmere has reports of 2015, 2018 and 2022. "Since 2016" is 2018 and 2022, never 2015
    (the report before it, which "the nearest years" would add); a range partly dated searches
    the years dated, said once, with no "nearest" for the rest; every form reads the same."""
    from test_cli import run

    reports = tmp_path / "reports" / "90001_eastmere"
    reports.mkdir(parents=True)
    for year, month in ((2015, "may"), (2018, "june"), (2022, "july")):
        (reports / f"children's services inspection - 10 {month} {year}.pdf").write_bytes(
            _report(
                "Eastmere",
                year,
                [
                    f"In {year} care leavers are supported by personal advisers in homes that "
                    "suit them, and most are in education, employment or training.",
                    "Children in care see their social workers often and know their plans.",
                ],
            )
        )
    assert run([*env, "index", "--docs", str(tmp_path / "reports")])[0] == 0
    for question in ("Eastmere care leavers since 2016", "Eastmere care leavers 2016 onwards"):
        answer = ask(env, question, "--council", "eastmere")
        assert answer["interpretation"]["since"] == 2016
        assert answer["interpretation"]["years"] == []
        assert not any("nearest" in n for n in answer.get("notes", ())), answer.get("notes")
        years = [r["date"][:4] for r in answer["results"]]
        assert set(years[:3]) == {"2018", "2022"}, years  # a boost, not a filter: they lead
    readings = [
        ask(env, f"Eastmere care leavers {form}", "--council", "eastmere")
        for form in ("2016-2019", "between 2016 and 2019", "from 2016 to 2019")
    ]
    for answer in readings:
        assert answer["interpretation"]["years"] == [2018]
        # no document at all is dated 2016, 2017 or 2019: said of the index, once
        assert answer["notes"] == [
            "Of 2016–2019, documents are dated 2018 only: those are searched."
        ]
        assert answer["results"][0]["date"].startswith("2018")
