"""`ofsted-qa judgements` and the rows under it: filters in the words people use, text, JSON and
CSV, unknown values refused in one line, and every ref opening with `show`.

The reports are small PDFs made here (cover, dates, a table of judgements, a paragraph), read by
the real PDF reader and facts reader, so nothing depends on the shared corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ofsted_qa.retrieval.judgements import COLUMNS
from test_cli import run  # the CLI runner; the `env` fixture is in conftest
from test_pdf_reader import pdf_from_contents

GRADE_WORDS = {"ri": "Requires improvement to be good"}
ROWS = (
    (
        "impact_of_leaders",
        "The impact of leaders on social work practice with children and families",
    ),
    (
        "help_and_protection",
        "The experiences and progress of children who need help and protection",
    ),
    ("in_care", "The experiences and progress of children in care"),
    # ILACS until 2023 judged both together
    ("in_care_and_leavers", "The experiences and progress of children in care and care leavers"),
    ("care_leavers", "The experiences and progress of care leavers"),
    ("overall_effectiveness", "Overall effectiveness"),
)


def report_pdf(council: str, dates: str, grades: dict[str, str]) -> bytes:
    """An ILACS-style report: its cover, inspection dates, the judgement table (label and grade
    cells side by side, as Ofsted lays them out) and one paragraph."""
    lines: list[str | tuple[str, str]] = [
        f"Inspection of {council} local authority children's services",
        "",
        f"Inspection dates: {dates}",
        "Lead inspector: Jane Smith, His Majesty's Inspector",
        "",
        ("Judgement", "Grade"),
    ]
    for area, label in ROWS:
        if area in grades:
            grade = grades[area]
            lines += ["", (label, GRADE_WORDS.get(grade, grade.capitalize()))]
    lines += ["", "Leaders know their services well and have improved them since 2019."]
    ops = ["BT /F1 11 Tf 60 780 Td 16 TL"]
    for line in lines:
        if isinstance(line, tuple):  # two cells on one baseline: label, then grade to its right
            ops.append(f"T* ({line[0]}) Tj 380 0 Td ({line[1]}) Tj -380 0 Td")
        else:
            ops.append(f"({line}) '")
    return pdf_from_contents([" ".join([*ops, "ET"])])


REPORTS = {
    "80001_northwick/children's services inspection - 15 april 2019.pdf": (
        "Northwick",
        "4 March to 15 March 2019",
        dict.fromkeys(
            (
                "impact_of_leaders",
                "help_and_protection",
                "in_care_and_leavers",
                "overall_effectiveness",
            ),
            "good",
        ),
    ),
    "80001_northwick/children's services inspection - 24 march 2023.pdf": (
        "Northwick",
        "6 February to 10 February 2023",
        {
            "impact_of_leaders": "ri",
            "help_and_protection": "inadequate",
            "in_care": "inadequate",
            "care_leavers": "good",
            "overall_effectiveness": "inadequate",
        },
    ),
    "80002_south eastby/children's services inspection - 20 june 2024.pdf": (
        "South Eastby",
        "13 May to 24 May 2024",
        {
            "impact_of_leaders": "good",
            "help_and_protection": "good",
            "in_care": "inadequate",
            "care_leavers": "outstanding",
            "overall_effectiveness": "ri",
        },
    ),
}


@pytest.fixture
def indexed(env: list[str], tmp_path: Path) -> list[str]:
    reports = tmp_path / "reports"
    for name, (council, dates, grades) in REPORTS.items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_bytes(report_pdf(council, dates, grades))
    assert run([*env, "index", "--docs", str(reports)])[0] == 0
    return env


def rows(env: list[str], *args: str) -> list[dict]:
    code, out = run([*env, "judgements", *args, "--json"])
    assert code == 0
    return json.loads(out)


def summary(found: list[dict]) -> set[tuple[str, str, str, str]]:
    return {(r["council"], r["published"][:4], r["area"], r["grade"]) for r in found}


N19, N23, S24 = ("Northwick", "2019"), ("Northwick", "2023"), ("South Eastby", "2024")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--year", "2024", "--area", "children in care", "--grade", "inadequate"],
            {(*S24, "in_care", "inadequate")},
        ),
        (
            ["--council", "NORTHWICK", "--area", "overall"],
            {
                (*N19, "overall_effectiveness", "good"),
                (*N23, "overall_effectiveness", "inadequate"),
            },
        ),
        # a longer name of the same place, and an inspection year
        (
            ["--council", "London Borough of Northwick", "--year", "2019", "--area", "leaders"],
            {(*N19, "impact_of_leaders", "good")},
        ),
        # the joint "children in care and care leavers" judgement speaks for care leavers too
        (
            ["--area", "care leavers"],
            {
                (*N19, "in_care", "good"),
                (*N23, "care_leavers", "good"),
                (*S24, "care_leavers", "outstanding"),
            },
        ),
        (
            ["--grade", "RI"],
            {
                (*N23, "impact_of_leaders", "requires improvement"),
                (*S24, "overall_effectiveness", "requires improvement"),
            },
        ),
        (
            ["--area", "help_and_protection", "--grade", "Inadequate"],
            {(*N23, "help_and_protection", "inadequate")},
        ),
        # --year takes every form `ask --year` and a question take: a range, a financial year
        *(
            (
                ["--year", typed, "--area", "overall"],
                {
                    (*N23, "overall_effectiveness", "inadequate"),
                    (*S24, "overall_effectiveness", "requires improvement"),
                },
            )
            for typed in ("2023-2024", "2024\u20132023", "2023/24", "2023-24")
        ),
        (
            ["--year", "2019", "--year", "2024", "--area", "overall"],
            {
                (*N19, "overall_effectiveness", "good"),
                (*S24, "overall_effectiveness", "requires improvement"),
            },
        ),
        # what an answer's listing offers: ranges, "since", latest only, options repeated
        (
            ["--year", "2019-2023", "--area", "overall"],
            {
                (*N19, "overall_effectiveness", "good"),
                (*N23, "overall_effectiveness", "inadequate"),
            },
        ),
        (
            ["--since", "2024", "--area", "overall"],
            {(*S24, "overall_effectiveness", "requires improvement")},
        ),
        (
            ["--latest", "--area", "overall"],
            {
                (*N23, "overall_effectiveness", "inadequate"),
                (*S24, "overall_effectiveness", "requires improvement"),
            },
        ),
        (
            ["--council", "south eastby", "--area", "overall", "--area", "leaders"],
            {
                (*S24, "overall_effectiveness", "requires improvement"),
                (*S24, "impact_of_leaders", "good"),
            },
        ),
        (
            ["--council", "northwick", "--council", "south eastby", "--grade", "RI"],
            {
                (*N23, "impact_of_leaders", "requires improvement"),
                (*S24, "overall_effectiveness", "requires improvement"),
            },
        ),
    ],
)
def test_filters_take_the_words_people_use(
    indexed: list[str], args: list[str], expected: set
) -> None:
    assert summary(rows(indexed, *args)) == expected


def test_every_judgement_is_listed_by_council_then_inspection(indexed: list[str]) -> None:
    found = rows(indexed)
    assert len(found) == 14
    order = [(r["council"], r["inspection_start"]) for r in found]
    assert order == sorted(order)
    # within a report, overall effectiveness first, as the facts model orders areas
    assert found[0]["area"] == "overall_effectiveness"


def test_json_rows_carry_the_inspection_and_a_citation_of_the_page(indexed: list[str]) -> None:
    (row,) = rows(indexed, "--council", "eastby", "--area", "children in care")
    assert tuple(row) == COLUMNS
    assert row["council"] == "South Eastby" and row["framework"] == "ILACS standard"
    assert (row["inspection_start"], row["inspection_end"]) == ("2024-05-13", "2024-05-24")
    assert row["published"] == "2024-06-20" and row["kind"] == "inspection report"
    assert row["area_label"] == "children in care" and row["grade"] == "inadequate"
    assert row["report_label"] == "The experiences and progress of children in care"
    assert row["page"] == 1 and row["ref"].endswith("#judgements-table")
    assert row["citation"] == (
        "Ofsted, Inspection of South Eastby local authority children’s services "
        "(published 20 June 2024), judgements, p. 1"
    )


def test_the_joint_grade_of_children_in_care_and_care_leavers_says_so(
    indexed: list[str], capsys
) -> None:
    capsys.readouterr()
    (row,) = rows(indexed, "--council", "northwick", "--year", "2019", "--area", "care leavers")
    assert row["area"] == "in_care" and row["area_label"] == "children in care and care leavers"
    # and a note says so (on stderr: the JSON stays data), not when care leavers stand alone
    assert "judged children in care and care leavers together" in capsys.readouterr().err
    rows(indexed, "--council", "northwick", "--year", "2023", "--area", "care leavers")
    assert "together" not in capsys.readouterr().err


def test_latest_with_an_area_names_the_councils_whose_latest_lacks_it(
    env: list[str], tmp_path: Path, capsys
) -> None:
    """The 2026 framework grades no overall effectiveness: a council inspected under it is not
    dropped from `--latest --area overall` without a word, and a note names only the councils
    the other filters (council, region) leave."""
    reports = tmp_path / "reports"
    no_overall = dict.fromkeys(("impact_of_leaders", "help_and_protection", "in_care"), "good")
    graded = {
        **REPORTS,
        "80570_trafford/children's services inspection - 17 june 2026.pdf": (
            "Trafford",
            "11 May to 22 May 2026",
            no_overall,
        ),
        "80481_leeds/children's services inspection - 20 june 2024.pdf": (
            "Leeds",
            "13 May to 24 May 2024",
            {**no_overall, "overall_effectiveness": "outstanding"},
        ),
    }
    for name, (council, dates, grades) in graded.items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_bytes(report_pdf(council, dates, grades))
    assert run([*env, "index", "--docs", str(reports)])[0] == 0
    capsys.readouterr()
    found = rows(env, "--latest", "--area", "overall")
    assert {(r["council"], r["published"][:4]) for r in found} == {N23, S24, ("Leeds", "2024")}
    said = (
        "The latest inspection of 1 council gives no overall effectiveness grade, "
        "so it is not listed: Trafford (2026)."
    )
    assert said in capsys.readouterr().err
    rows(env, "--latest", "--area", "overall", "--region", "north west")
    assert said in capsys.readouterr().err
    # a council or a region that leaves Trafford out leaves it out of the note too
    for left in (["--council", "northwick"], ["--region", "yorkshire"]):
        assert rows(env, "--latest", "--area", "overall", *left)
        assert "Trafford" not in capsys.readouterr().err, left
    # and an answer's listing of latest grades says the same
    code, out = run([*env, "ask", "which councils are inadequate now", "--json"])
    assert code == 0 and said in json.loads(out)["notes"]


def test_csv_has_a_header_and_the_json_rows(indexed: list[str]) -> None:
    code, out = run([*indexed, "judgements", "--council", "northwick", "--csv"])
    assert code == 0
    table = list(csv.reader(io.StringIO(out)))
    assert tuple(table[0]) == COLUMNS
    as_json = [[str(v) for v in r.values()] for r in rows(indexed, "--council", "northwick")]
    assert table[1:] == as_json and len(as_json) == 9


def test_text_lists_each_council_its_dates_grade_and_citation(indexed: list[str]) -> None:
    code, out = run(
        [
            *indexed,
            "judgements",
            "--area",
            "children in care",
            "--grade",
            "inadequate",
            "--year",
            "2024",
        ]
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "South Eastby · ILACS standard · inspected 13 May 2024–24 May 2024 · published 20 June 2024"
    )
    assert lines[1].split() == ["children", "in", "care", "inadequate"]
    assert lines[2].startswith("  cite: Ofsted, Inspection of South Eastby") and lines[2].endswith(
        "judgements, p. 1"
    )
    assert lines[3].startswith("  ref:  80002_south eastby/") and lines[-1] == (
        "1 judgement in 1 report of 1 council"
    )


def test_nothing_matching_is_said_not_an_error(indexed: list[str]) -> None:
    code, out = run([*indexed, "judgements", "--council", "northwick", "--grade", "outstanding"])
    assert code == 0 and out.startswith("No judgement matches.")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--council", "Northwik"],
            "--council 'Northwik' matches no council in the index. (did you mean 'Northwick'?)",
        ),
        (
            ["--year", "2010"],
            "--year '2010' matches no indexed graded report. (valid: '2019', '2023', '2024')",
        ),
        (["--year", "2010-2012"], "--year '2010-2012' matches no indexed graded report."),
        (["--year", "2019to2021"], "--year '2019to2021' is not a year or a range of years."),
        (["--year", "2019-21-23"], "--year '2019-21-23' is not a year or a range of years."),
        (["--area", "foster care"], "--area 'foster care' is not a judgement area."),
        (["--grade", "excellent"], "--grade 'excellent' is not a grade."),
    ],
)
def test_unknown_values_get_one_line_and_exit_2(
    indexed: list[str], capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    capsys.readouterr()
    code, out = run([*indexed, "judgements", *args])
    err = capsys.readouterr().err
    assert code == 2 and out == ""
    assert err.startswith(f"ofsted-qa: {message}") and err.count("\n") == 1


def test_every_ref_and_citation_opens_with_show(indexed: list[str]) -> None:
    for row in rows(indexed, "--council", "northwick"):
        code, shown = run([*indexed, "show", row["ref"], "--around", "0"])
        assert code == 0 and "verified against a fresh extraction of the source" in shown
        assert row["report_label"] in " ".join(shown.split())  # wrapped at any space
        # the citation pasted back opens the same table
        code, pasted = run([*indexed, "show", row["citation"], "--around", "0"])
        assert code == 0 and pasted == shown


def test_a_council_spelt_two_ways_is_one_council(indexed: list[str], tmp_path: Path) -> None:
    # reports spell their council as they please ("Reading" / "Reading Borough Council"): a
    # listing counts and names places, and keeps each report's own spelling beside it
    name = "80001_northwick/children's services inspection - 01 march 2026.pdf"
    grades = {"impact_of_leaders": "good", "help_and_protection": "good", "in_care": "good"}
    (tmp_path / "reports" / name).write_bytes(
        report_pdf("Northwick Borough Council", "2 February to 13 February 2026", grades)
    )
    assert run([*indexed, "index", "--docs", str(tmp_path / "reports")])[0] == 0
    found = rows(indexed, "--area", "leaders")
    assert {r["council"] for r in found} == {"Northwick", "South Eastby"}
    assert "Northwick Borough Council" in {r["council_as_written"] for r in found}
    northwick = [r["published"][:4] for r in found if r["council"] == "Northwick"]
    assert northwick == sorted(northwick)  # one council's inspections, oldest first
    code, out = run([*indexed, "judgements", "--area", "leaders"])
    assert code == 0 and "of 2 councils" in out
