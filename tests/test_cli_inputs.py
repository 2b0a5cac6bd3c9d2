"""Issue 18: what people actually type (items 3, 4, 7, 8, 10, 18, 19), through the CLI."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from ofsted_qa import cli
from ofsted_qa.citations.citation import parse_ref
from test_cli import run  # the CLI runner; the `env` fixture is in conftest


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("???", "The question has no words to search"),
        # invisible (format) characters are dropped before the question is read
        ("\u200b", "The question is empty"),
        ("\u00ad\u2060", "The question is empty"),
    ],
)
def test_a_question_with_no_words_exits_2(env: list[str], capsys, question: str, said: str) -> None:  # noqa: F811
    code, out = run([*env, "ask", question])
    assert code == 2 and out == ""
    assert said in capsys.readouterr().err


def test_words_found_nowhere_are_said_not_scored_as_matches(env: list[str]) -> None:  # noqa: F811
    code, out = run([*env, "ask", "xylophone quasar"])
    assert code == 0 and "No word of the question occurs in any document" in out
    code, out = run([*env, "ask", "xylophone quasar", "--json"])
    assert any("No word" in n for n in json.loads(out)["notes"])
    code, out = run([*env, "ask", "care leavers", "--json"])
    assert json.loads(out)["notes"] == []


def test_undecodable_argv_is_one_clear_line(env: list[str], capsys) -> None:  # noqa: F811
    question = b"caf\xe9 care leavers".decode("utf-8", errors="surrogateescape")  # as argv has it
    code, _ = run([*env, "ask", question])
    err = capsys.readouterr().err
    assert code == 2 and "not valid UTF-8" in err and "0xe9" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


class BinaryStdin(io.TextIOWrapper):
    """A strict UTF-8 stdin over raw bytes, as Python gives a pipe."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")


def test_undecodable_stdin_line_gets_an_error_object_and_the_batch_goes_on(
    env: list[str],  # noqa: F811
) -> None:
    out = io.StringIO()
    code = cli.main([*env, "ask", "--json"], stdin=BinaryStdin(b"IRO\n\xff\nMASH\n"), stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert code == 0 and len(lines) == 3
    assert lines[0]["results"] and lines[2]["results"] and lines[2]["query"] == "MASH"
    assert "not valid UTF-8" in lines[1]["error"] and "0xff" in lines[1]["error"]


def test_a_year_no_document_has_is_said_with_the_nearest(env: list[str]) -> None:  # noqa: F811
    code, out = run([*env, "ask", "what did Ofsted say in 2019 about social workers"])
    assert code == 0 and "year 2019" not in out
    assert "Nothing in the index is dated 2019; the nearest years are 2018 and 2023." in out
    code, out = run([*env, "ask", "social workers since 2030", "--json"])
    assert (
        "Nothing in the index is dated 2030 or later; the newest is 2025."
        in json.loads(out)["notes"]
    )


@pytest.mark.parametrize(
    ("option", "value", "valid"),
    [
        ("--doc", "nosuchdoc", "'003_365e1ef2b819a726'"),
        ("--kind", "webinar", "'inspection report'"),
        ("--year", "20145", "'2014'"),
        ("--year", "2019", "'2023'"),
        ("--publisher", "X", "'Ofsted'"),
    ],
)
def test_unknown_filter_values_name_the_value_and_the_valid_ones(
    env: list[str],  # noqa: F811
    capsys,
    option: str,
    value: str,
    valid: str,
) -> None:
    code, out = run([*env, "ask", "social workers", option, value])
    err = capsys.readouterr().err
    assert code == 2 and out == ""
    assert f"{option} {value!r} matches no indexed" in err and valid in err


@pytest.mark.parametrize(
    ("one", "other"),
    [("wellbeing", "well-being"), ("coordinated", "co-ordinated")],
)
def test_spellings_of_one_word_find_the_same_passages(
    env: list[str],  # noqa: F811
    one: str,
    other: str,
) -> None:
    def results(question: str) -> list[dict[str, str]]:
        args = [*env, "ask", question, "--json", "--mode", "bm25", "--k", "50"]
        return json.loads(run(args)[1])["results"]

    spelled = re.compile(rf"\b(?:{one}|{other})\b", re.I)
    either = {r["ref"] for r in results(one) + results(other) if spelled.search(r["text"])}
    assert len(either) >= 3  # both spellings are in the seeds
    for question in (one, other):
        assert either <= {r["ref"] for r in results(question)}, question


def test_invisible_characters_inside_a_word_do_not_hide_it(
    env: list[str],  # noqa: F811
    docs_dir: Path,
) -> None:
    (docs_dir / "hidden.txt").write_text(
        "Hidden words\n\nThe safe\u00adguarding board reviewed every pla\u200bn.\n",
        encoding="utf-8",
    )
    for word in ("safeguarding", "plan", "safe\u00adguarding"):
        args = [*env, "ask", word, "--json", "--explain", "--mode", "bm25", "--doc", "hidden"]
        top = json.loads(run(args)[1])["results"][0]
        assert top["doc_id"] == "hidden" and top["contributions"]["bm25"] > 0, word


AWKWARD = [
    "Bexley report 2014",
    "report-2019 (final)",
    "letter#2",
    "x#",
    "a \u00b6 b",
    '[draft] {v2} it\'s "ok"',
    "50% & co; $HOME `x`",
    "notes, para 3",
    "caf\u00e9 \u2014 r\u00e9sum\u00e9",
    " leading space",
    "trailing space ",
]


def test_every_ref_ask_prints_opens_with_show(env: list[str], docs_dir: Path) -> None:  # noqa: F811
    for n, name in enumerate(AWKWARD):
        (docs_dir / f"{name}.txt").write_text(
            f"Report {n}\n\nThe okapi{n} service was reviewed.\n\nThe okapi{n} team was praised "
            "for its work with care leavers.\n",
            encoding="utf-8",
        )
    for n, name in enumerate(AWKWARD):
        code, out = run([*env, "ask", f"okapi{n} team", "--json"])
        results = [r for r in json.loads(out)["results"] if r["doc_id"] == name]
        assert code == 0 and results, name
        for result in results:
            code, shown = run([*env, "show", result["ref"], "--around", "0"])
            assert code == 0, result["ref"]
            assert "verified against the source" in shown and result["text"][:40] in shown
            code, again = run([*env, "show", result["citation"], "--around", "0"])
            assert code == 0 and again == shown


def test_refs_split_at_the_last_hash_and_allow_paths() -> None:
    doc = "80488_bexley/children's services inspection - 23 may 2014"
    assert parse_ref(f"{doc}#u3") == (doc, "\u00b63")
    assert parse_ref(f"{doc}#134") == (doc, "134")
    assert parse_ref("letter#2#\u00b61") == ("letter#2", "\u00b61")
    assert parse_ref("no paragraph#") is None
    assert parse_ref("  003#134 \n") == ("  003", "134")  # `locate` also tries "003"


def test_unnumbered_passages_never_read_as_the_reports_numbers(env: list[str]) -> None:  # noqa: F811
    code, out = run([*env, "ask", "care leavers", "--json", "--k", "50"])
    for result in json.loads(out)["results"]:
        label = result["citation"].rsplit(", ", 1)[1]
        assert label == result["place"]  # a part: "para 18 (part 1 of 2)", never "para 18a"
        if result["paragraph"].startswith("\u00b6"):
            assert label.startswith("unnumbered passage ") and "#u" in result["ref"]
        elif result["paragraph"][:1].isdigit():
            assert label.startswith(f"para {result['paragraph']}")
            assert result["paragraph"].isdigit() and (result["part"] > 0) == ("(part" in label)
