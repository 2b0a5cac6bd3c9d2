"""A region named in a question keeps its councils' grades and passages (a visible, removable
chip); `ask --region` and `judgements --region` do the same as options, refusing a name that is
no region. Reports are small PDFs made here for real councils, read by the real readers and
searched with the fake model beside the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_cli import run  # the CLI runner; the `env` fixture is in conftest
from test_judgements import report_pdf

INADEQUATE = dict.fromkeys(("help_and_protection", "overall_effectiveness"), "inadequate")
GOOD = dict.fromkeys(("help_and_protection", "overall_effectiveness"), "good")
REPORTS = {  # council: (folder, grades)
    "Gateshead": ("80101_gateshead", INADEQUATE),  # North East
    "North East Lincolnshire": ("80102_north east lincolnshire", INADEQUATE),  # Yorkshire
    "Leeds": ("80103_leeds", GOOD),  # Yorkshire and The Humber
    "Bexley": ("80104_bexley", INADEQUATE),  # London
}


def write_2023_reports(reports: Path, table: dict[str, tuple[str, dict[str, str]]]) -> Path:
    """One report published in 2023 per council of `table` (council: (folder, grades)),
    written under `reports`, which is returned."""
    for council, (folder, grades) in table.items():
        path = reports / folder / "children's services inspection - 24 march 2023.pdf"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(report_pdf(council, "6 February to 10 February 2023", grades))
    return reports


@pytest.fixture
def indexed(env: list[str], tmp_path: Path) -> list[str]:
    reports = write_2023_reports(tmp_path / "reports", REPORTS)
    earlier = reports / "80101_gateshead" / "children's services inspection - 15 april 2019.pdf"
    earlier.write_bytes(report_pdf("Gateshead", "4 March to 15 March 2019", GOOD))
    # a blog about no council: in no region, so never left out by one
    (reports / "practice-blog.txt").write_text(
        "Notes on practice\n\nLeaders know their services well, inspectors often find.\n"
    )
    assert run([*env, "index", "--docs", str(reports)])[0] == 0
    return env


def ask(env: list[str], question: str, *args: str) -> dict:
    code, out = run([*env, "ask", question, "--json", "--explain", "--k", "8", *args])
    assert code == 0, out
    return json.loads(out)


def listed(answer: dict) -> set[str]:
    return {r["council"] for r in answer["judgements"]["listing"]}


def test_a_region_named_keeps_its_councils_grades(indexed: list[str]) -> None:
    answer = ask(indexed, "which councils in the North East were inadequate")
    assert answer["interpretation"]["regions"] == ["North East"]
    assert listed(answer) == {"Gateshead"}
    answer = ask(indexed, "which councils in Yorkshire were inadequate")
    assert listed(answer) == {"North East Lincolnshire"}


def test_a_regions_grades_are_each_councils_latest_unless_which_councils_is_asked(
    indexed: list[str],
) -> None:
    answer = ask(indexed, "how did the North East do")
    listing = answer["judgements"]["listing"]
    assert {(r["council"], r["published"][:4]) for r in listing} == {("Gateshead", "2023")}
    assert any("A region's grades are each council's latest" in n for n in answer["notes"])
    answer = ask(indexed, "which councils in the North East were good")
    assert {(r["council"], r["published"][:4]) for r in answer["judgements"]["listing"]} == {
        ("Gateshead", "2019")
    }


def test_a_region_named_keeps_its_councils_passages(indexed: list[str]) -> None:
    answer = ask(indexed, "leaders know their services in London")
    docs = {r["doc_id"].split("/")[0] for r in answer["results"]}
    assert "80104_bexley" in docs and "practice-blog" in docs
    assert not docs & {"80101_gateshead", "80103_leeds", "80102_north east lincolnshire"}


def test_a_region_no_council_of_the_index_is_in_is_said(indexed: list[str]) -> None:
    answer = ask(indexed, "leaders know their services in the South West")
    assert "No council in the index is in the region South West." in answer["notes"]
    assert {r["doc_id"] for r in answer["results"]} <= {"practice-blog"}


def test_a_council_with_a_region_in_its_name_is_the_council(indexed: list[str]) -> None:
    answer = ask(indexed, "how was North East Lincolnshire rated")
    assert answer["interpretation"]["regions"] == []
    assert answer["interpretation"]["councils"] == ["North East Lincolnshire"]


def test_the_region_chip_is_shown_in_text(indexed: list[str]) -> None:
    code, out = run([*indexed, "ask", "which London councils were inadequate", "--k", "1"])
    assert code == 0 and "region London" in out.splitlines()[1]


def test_the_region_options(indexed: list[str]) -> None:
    answer = ask(indexed, "leaders know their services", "--region", "north-east")
    assert {r["doc_id"].split("/")[0] for r in answer["results"]} == {"80101_gateshead"}
    code, out = run([*indexed, "judgements", "--region", "Yorkshire", "--json"])
    assert code == 0 and {r["council"] for r in json.loads(out)} == {
        "Leeds",
        "North East Lincolnshire",
    }


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["ask", "IROs", "--region", "Narnia"], "--region 'Narnia' is not a region of England"),
        (["judgements", "--region", "Narnia"], "--region 'Narnia' is not a region of England"),
        (["judgements", "--region", "London", "--council", "Leeds"], "is not in 'London'"),
    ],
)
def test_an_unknown_region_is_refused_with_the_nine(
    indexed: list[str], capsys: pytest.CaptureFixture[str], command: list[str], said: str
) -> None:
    capsys.readouterr()
    code, out = run([*indexed, *command])
    err = capsys.readouterr().err
    assert code == 2 and not out and said in err
    if "Narnia" in said:
        assert "Yorkshire and The Humber" in err and "South West" in err


def test_an_area_below_a_region_keeps_only_its_councils(indexed: list[str]) -> None:
    # West Yorkshire is Leeds here, not North East Lincolnshire (also Yorkshire and The Humber)
    answer = ask(indexed, "which councils in west yorkshire were good")
    assert answer["interpretation"]["regions"] == ["West Yorkshire"]
    assert listed(answer) == {"Leeds"}
    none = ask(indexed, "which councils in west yorkshire were inadequate")  # not NE Lincs
    assert not (none.get("judgements") or {}).get("listing")
    assert any("West Yorkshire" in n and "Leeds" in n for n in answer["notes"])
    answer = ask(indexed, "leaders know their services", "--region", "West Yorkshire")
    assert {r["doc_id"].split("/")[0] for r in answer["results"]} == {"80103_leeds"}
    code, out = run([*indexed, "judgements", "--region", "west yorkshire", "--json"])
    assert code == 0 and {r["council"] for r in json.loads(out)} == {"Leeds"}


def test_the_south_is_its_two_regions_and_says_so(indexed: list[str]) -> None:
    answer = ask(indexed, "leaders know their services in the south of England")
    assert answer["interpretation"]["regions"] == ["South East", "South West"]
    assert any("the regions South East and South West" in n for n in answer["notes"])
