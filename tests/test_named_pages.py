"""A page a question names ("page 2 of the Eastmere 2024 report") puts the passages on it
first, from the report the question names; with no one report meant, or a page the report
lacks, a note says so. Small three-page PDF reports made here, read by the real readers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ofsted_qa.retrieval.named_pages import MAX_PAGES, named
from test_cli import run  # the CLI runner; the `env` fixture is in conftest
from test_pdf_reader import pdf_from_contents


@pytest.mark.parametrize(
    ("question", "pages"),
    [
        ("page 12 of the Bexley 2023 report", (12,)),
        ("what is on p. 3 of Leeds's latest report", (3,)),
        ("pp. 4-6 of the Hull 2019 inspection", (4, 5, 6)),
        ("pages 2 and 3", (2, 3)),
        ("pg 7 leeds", (7,)),
        ("pages 1-60", tuple(range(1, MAX_PAGES + 1))),
        ("care leavers in 2019", ()),
        ("a 12 page report", ()),  # a page count, not a page named
        ("paragraph 12", ()),
    ],
)
def test_the_pages_a_question_names(question: str, pages: tuple[int, ...]) -> None:
    assert named(question) == pages


def _page(lines: list[str]) -> str:
    ops = ["BT /F1 11 Tf 60 780 Td 16 TL", *(f"({line}) '" for line in lines), "ET"]
    return " ".join(ops)


def _report(council: str, year: int, topic: str) -> bytes:
    return pdf_from_contents(
        [
            _page(
                [
                    f"Inspection of {council} local authority children's services",
                    "",
                    f"Inspection dates: 4 March to 15 March {year}",
                    "",
                    f"Children in {council} receive services that are improving steadily.",
                ]
            ),
            _page([f"Managers in {council} review {topic} every month and act on what they find."]),
            _page([f"Personal advisers in {council} keep in touch with care leavers weekly."]),
        ]
    )


@pytest.fixture
def paged(env: list[str], tmp_path: Path) -> list[str]:
    reports = tmp_path / "reports"
    for council, year, topic in (
        ("Eastmere", 2019, "fostering"),
        ("Eastmere", 2024, "adoption"),
        ("Westhaven", 2024, "missing children"),
    ):
        folder = reports / f"9{year}_{council.lower()}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"children's services inspection - 15 april {year}.pdf").write_bytes(
            _report(council, year, topic)
        )
    assert run([*env, "index", "--docs", str(reports)])[0] == 0
    return env


def _ask(env: list[str], question: str) -> dict:
    code, out = run([*env, "ask", question, "--json", "--explain", "--k", "3"])
    assert code == 0, out
    return json.loads(out)


def test_the_named_page_of_the_named_report_comes_first(paged: list[str]) -> None:
    answer = _ask(paged, "what is on page 2 of the Eastmere 2024 report")
    first = answer["results"][0]
    assert first["pages"] == [2, 2] and "adoption" in first["text"]
    assert first["date"].startswith("2024") and first["contributions"]["named_page"] > 0


def test_a_page_with_no_report_meant_or_one_it_lacks_is_said(paged: list[str]) -> None:
    answer = _ask(paged, "page 2 Eastmere")  # two Eastmere reports
    assert any("names page 2 but not which of 2 reports" in n for n in answer["notes"])
    answer = _ask(paged, "page 9 of the Eastmere 2024 report")
    assert any("has no page 9: it has 3 pages" in n for n in answer["notes"])
