"""A paragraph a question names by number comes first, whole, from the report the question names;
where the report is missing or ambiguous a note says how `show` opens it. Over the seeds (the
Bexley 2014 report numbers its paragraphs; paragraph 107 is cut into two passages)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ofsted_qa.citations.parts import split_label
from ofsted_qa.index import generations
from ofsted_qa.retrieval.named_paragraphs import MAX_NAMED, named
from test_cli import run  # the CLI runner; the `env` fixture is in conftest

BEXLEY_2014 = "003_365e1ef2b819a726"


@pytest.mark.parametrize(
    ("question", "numbers"),
    [
        ("what does paragraph 23 of the Herefordshire 2018 report say", (23,)),
        ("para 23 of Leeds's report", (23,)),
        ("para. 23", (23,)),
        ("§23 of the latest report", (23,)),
        ("§§ 23–25", (23, 24, 25)),
        ("paras 23-24 of the 2018 report", (23, 24)),
        ("paragraphs 4, 6 and 9", (4, 6, 9)),
        ("paragraphs 23 to 25", (23, 24, 25)),
        ("paragraph 23 and 2018 findings", (23,)),  # a year is not a paragraph
        ("Paragraph #7", (7,)),
        ("what did the report say in two paragraphs", ()),
        ("parasites 3", ()),
        ("care leavers in 2018", ()),
        ("paras 1-200", tuple(range(1, MAX_NAMED + 1))),
    ],
)
def test_the_paragraphs_a_question_names(question: str, numbers: tuple[int, ...]) -> None:
    assert named(question) == numbers


@pytest.fixture
def bexley(env: list[str], docs_dir: Path) -> list[str]:
    """The seeds, with the council each Ofsted document is about stated (a text file states
    none itself), so that "Bexley's 2014 report" names one."""
    path = docs_dir / "metadata.json"
    metadata = json.loads(path.read_text())
    for name in (f"{BEXLEY_2014}.txt", "002_e7d3b80cb6f79f70.txt"):
        metadata[name]["local_authority"] = "London Borough of Bexley"
    path.write_text(json.dumps(metadata))
    return env


def _ask(env: list[str], question: str) -> dict:
    code, out = run([*env, "ask", question, "--json", "--k", "5"])
    assert code == 0, out
    return json.loads(out)


def test_the_named_paragraph_of_the_named_report_comes_first(bexley: list[str]) -> None:
    env = bexley
    answer = _ask(env, "what does paragraph 134 of the Bexley 2014 report say")
    first = answer["results"][0]
    assert first["ref"] == f"{BEXLEY_2014}#134" and first["place"] == "para 134"
    # a paragraph cut into passages: every part, in order, cited by the report's own number
    store = generations.load_current(Path(env[1])).store
    cut = [
        split_label(c.paragraph)[0]
        for c in store
        if c.doc_id == BEXLEY_2014 and split_label(c.paragraph)[1] == 1 and c.paragraph[0].isdigit()
    ][0]
    results = _ask(env, f"what does para {cut} of the Bexley 2014 report say")["results"]
    assert [r["ref"] for r in results[:2]] == [f"{BEXLEY_2014}#{cut}a", f"{BEXLEY_2014}#{cut}b"]
    assert results[0]["citation"].endswith(f"para {cut} (part 1 of {results[0]['parts']})")
    results = _ask(env, "paras 20-21 of Bexley's 2014 inspection")["results"]
    assert [r["ref"] for r in results[:2]] == [f"{BEXLEY_2014}#20", f"{BEXLEY_2014}#21"]
    # Bexley's focused visit numbers no paragraphs: its one numbered report is meant
    assert _ask(env, "§5 of Bexley's report")["results"][0]["ref"] == f"{BEXLEY_2014}#5"


def test_a_paragraph_no_report_or_the_wrong_one_holds_is_said(bexley: list[str]) -> None:
    env = bexley
    answer = _ask(env, "what does paragraph 999 of the Bexley 2014 report say")
    assert any(
        "has no paragraph 999; its numbered paragraphs run 1–" in note for note in answer["notes"]
    )
    assert not answer["results"][0]["ref"].endswith("#999")
    answer = _ask(env, "what does paragraph 5 say")
    (note,) = [n for n in answer["notes"] if "paragraph 5" in n]
    assert "ofsted-qa show" in note and "#5" in note
    # the report a filter keeps is the one meant
    code, out = run([*env, "ask", "what does paragraph 5 say", "--json", "--doc", "003"])
    assert json.loads(out)["results"][0]["ref"] == f"{BEXLEY_2014}#5"
