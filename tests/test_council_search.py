"""A council named in a question boosts its documents (a visible, removable chip), two councils
share the lead, and `ask --council` keeps only that council's documents, refusing a name the
index cannot match. Reports are small PDFs made here, read by the real readers (the council
comes from each cover), searched with the fake model beside the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_cli import run  # the CLI runner; the `env` fixture is in conftest
from test_pdf_reader import pdf_from_contents

# The same topics in every council's report, so only the council tells them apart.
PARAGRAPHS = (
    "Independent reviewing officers (IROs) challenge plans for children in care and visit "
    "children before their reviews.",
    "The local authority designated officer (LADO) manages allegations against professionals "
    "promptly and keeps clear records.",
    "Care leavers are supported by personal advisers and most live in suitable accommodation.",
)
REPORTS = {
    "90001_eastmere/children's services inspection - 15 april 2019.pdf": "Eastmere",
    "90002_westhaven/children's services inspection - 20 june 2024.pdf": "Westhaven",
    "90003_northwick/children's services inspection - 24 march 2023.pdf": "Northwick",
}
# What each report adds in its own words, so no two reports' passages are near-duplicates
# (which the answer would group under one).
OWN_WORDS = {
    "Eastmere": "Managers audit this work monthly and act quickly on what they find.",
    "Westhaven": "Recent staff turnover has slowed progress, although leaders know why.",
    "Northwick": "Partners describe a culture of openness that children notice too.",
}


def council_pdf(council: str) -> bytes:
    lines = [
        f"Inspection of {council} local authority children's services",
        "",
        "Inspection dates: 4 March to 15 March 2019",
        "Lead inspector: Jane Smith, His Majesty's Inspector",
    ]
    for paragraph in PARAGRAPHS:
        lines += ["", f"In {council}, {paragraph[0].lower()}{paragraph[1:]}"]
        lines += [OWN_WORDS.get(council, ""), f"This is typical of practice seen across {council}."]
    ops = ["BT /F1 9 Tf 40 780 Td 14 TL", *(f"({line}) '" for line in lines), "ET"]
    return pdf_from_contents([" ".join(ops)])


@pytest.fixture
def indexed(env: list[str], tmp_path: Path) -> list[str]:
    reports = tmp_path / "reports"
    for name, council in REPORTS.items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_bytes(council_pdf(council))
    # a news story states no council of its own: its title says which it is about
    (reports / "westhaven-news.txt").write_text(
        "Westhaven praised for its work with care leavers\n\nCare leavers told inspectors "
        "that their personal advisers stay in touch and help them find work.\n"
    )
    assert run([*env, "index", "--docs", str(reports)])[0] == 0
    return env


def ask(env: list[str], question: str, *args: str) -> dict:
    code, out = run([*env, "ask", question, "--json", "--explain", "--k", "6", *args])
    assert code == 0, out
    return json.loads(out)


def councils_of(answer: dict) -> list[str]:
    return [r["doc_id"].split("_")[1].split("/")[0] for r in answer["results"]]


@pytest.mark.parametrize(
    ("question", "council"),
    [
        ("IROs in Westhaven", "westhaven"),
        ("LADO in Eastmere", "eastmere"),
        ("Northwick's care leavers", "northwick"),
    ],
)
def test_a_council_named_puts_its_passages_first(
    indexed: list[str], question: str, council: str
) -> None:
    answer = ask(indexed, question, "--k", "12")
    assert answer["interpretation"]["councils"] == [council.capitalize()]
    first = answer["results"][0]
    assert council in first["doc_id"] and first["contributions"]["council_boost"] > 0
    # a boost, not a filter: other documents still answer below
    assert any(r["contributions"]["council_boost"] == 0 for r in answer["results"])


def test_two_councils_share_the_lead(indexed: list[str]) -> None:
    answer = ask(indexed, "compare care leavers in Eastmere and Northwick")
    assert answer["interpretation"]["councils"] == ["Eastmere", "Northwick"]
    lead = councils_of(answer)[:4]
    assert sorted(lead) == ["eastmere", "eastmere", "northwick", "northwick"]
    assert lead[0] != lead[1]  # in turns


def test_the_council_chip_is_shown_in_text(indexed: list[str]) -> None:
    code, out = run([*indexed, "ask", "IROs in Westhaven", "--k", "1"])
    assert code == 0 and "council Westhaven" in out.splitlines()[1]


def test_the_council_filter_keeps_only_that_councils_documents(indexed: list[str]) -> None:
    answer = ask(indexed, "independent reviewing officers", "--council", "westhaven")
    assert answer["results"] and set(councils_of(answer)) == {"westhaven"}


def test_an_unknown_council_filter_names_the_nearest(
    indexed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code, out = run([*indexed, "ask", "IROs", "--council", "Westhavn"])
    err = capsys.readouterr().err
    assert code == 2 and not out
    assert "--council 'Westhavn' matches no council in the index" in err
    assert "did you mean 'Westhaven'?" in err


def test_a_document_without_a_council_is_about_the_one_its_title_names(
    indexed: list[str],
) -> None:
    answer = ask(indexed, "personal advisers for care leavers in Westhaven")
    news = next(r for r in answer["results"] if r["doc_id"] == "westhaven-news")
    assert news["contributions"]["council_boost"] > 0
    # the answer says so: no council stated, the one the index reads it to be about
    assert news["council"] == "" and news["councils"] == ["Westhaven"]
    report = next(r for r in answer["results"] if r["doc_id"] != "westhaven-news")
    assert report["councils"] == ["Westhaven"] and report["council"]


def test_a_council_filter_overrules_the_question_and_says_so(indexed: list[str]) -> None:
    answer = ask(indexed, "IROs in Eastmere", "--council", "westhaven")
    assert answer["notes"] == [
        "The council filter (westhaven) applies; the question's Eastmere is not used."
    ]
    assert answer["interpretation"]["councils"] == []
    assert set(councils_of(answer)) == {"westhaven"}


def test_a_reorganised_council_finds_its_successor_and_says_so(
    env: list[str], tmp_path: Path
) -> None:
    report = tmp_path / "reports" / "90004_cumberland" / "inspection - 26 november 2024.pdf"
    report.parent.mkdir(parents=True)
    report.write_bytes(council_pdf("Cumberland"))
    assert run([*env, "index", "--docs", str(report.parent.parent)])[0] == 0
    answer = ask(env, "IROs in Cumbria")
    assert answer["interpretation"]["councils"] == ["Cumberland"]
    assert answer["results"][0]["contributions"]["council_boost"] > 0
    assert answer["notes"] == [
        "No report in the index is for Cumbria: since 2023 its reports are under Cumberland, "
        "searched instead."
    ]
    assert ask(env, "IROs in Cumberland")["notes"] == []


def test_a_council_option_takes_the_names_a_question_takes(env: list[str], tmp_path: Path) -> None:
    # "Northants" and "Cumbria" are names people use; as an option they mean what they mean in
    # a question (`judgements --council` goes through the same `typed_council`)
    for name, council in (
        (
            "90005_north northamptonshire/inspection - 25 november 2022.pdf",
            "North Northamptonshire",
        ),
        ("90006_cumberland/inspection - 26 november 2024.pdf", "Cumberland"),
    ):
        report = tmp_path / "reports" / name
        report.parent.mkdir(parents=True)
        report.write_bytes(council_pdf(council))
    assert run([*env, "index", "--docs", str(tmp_path / "reports")])[0] == 0
    answer = ask(env, "independent reviewing officers", "--council", "North Northants")
    assert {r["doc_id"].split("/")[0] for r in answer["results"]} == {
        "90005_north northamptonshire"
    }
    answer = ask(env, "independent reviewing officers", "--council", "Cumbria")
    assert {r["doc_id"].split("/")[0] for r in answer["results"]} == {"90006_cumberland"}


def test_a_council_read_from_the_question_is_not_a_word_found_nowhere(indexed: list[str]) -> None:
    # the council's name is read as a cue and leaves the searched words: "no word of the
    # question occurs in any document" would be false (found by a fresh user: "Bexley in 2099")
    answer = ask(indexed, "Eastmere xylophone")
    assert answer["notes"] == [
        "Apart from the council, no word of the question occurs in any document: these "
        "passages are the council's closest in meaning, not matches."
    ]
    assert councils_of(answer)[0] == "eastmere"
