from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ofsted_qa import cli
from ofsted_qa.ingest.readers import read_document

RESULT_KEYS = {
    "rank",
    "score",
    "doc_id",
    "source",
    "title",
    "publisher",
    "kind",
    "date",
    "section",
    "paragraph",
    "start",
    "end",
    "citation",
    "text",
}


def run(args: list[str], stdin: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(args, stdin=io.StringIO(stdin), stdout=out)
    return code, out.getvalue()


def test_ask_builds_index_then_answers_with_citations(env: list[str], capsys) -> None:
    code, out = run([*env, "ask", "what did Ofsted say about care leavers in 2014"])
    assert code == 0
    assert "Building the index" in capsys.readouterr().err
    assert out.startswith("Q: what did Ofsted say about care leavers in 2014")
    assert "year 2014 · source Ofsted" in out
    assert out.count("cite: ") == 5 and out.count("ref:  ") == 5


def test_ask_json_schema_and_offsets_match_source(env: list[str], tmp_path: Path) -> None:
    code, out = run([*env, "ask", "care leavers pathway plans", "--json", "--k", "8"])
    assert code == 0
    payload = json.loads(out)
    assert payload["query"] == "care leavers pathway plans" and payload["mode"] == "hybrid"
    assert len(payload["results"]) == 8
    for rank, result in enumerate(payload["results"], start=1):
        assert set(result) >= RESULT_KEYS and result["rank"] == rank
        assert result["source"].startswith("seeds/") and result["source"].endswith(".txt")
        text = read_document(tmp_path / result["source"]).text
        excerpt = " ".join(
            text[result["start"] : result["end"]]
            .replace("<p>", " ")
            .replace("</p>", " ")
            .replace("**", "")
            .split()
        )
        assert excerpt == " ".join(result["text"].split())
        assert result["citation"].startswith(result["publisher"] + ", " + result["title"])
        # an unnumbered passage says so: its "¶4" is no paragraph 4 of the report
        assert result["numbered"] == (not result["paragraph"].startswith("¶"))
        if not result["numbered"]:
            assert "unnumbered passage" in result["citation"]


def test_ask_explain_lists_interpretation_and_contributions(env: list[str]) -> None:
    code, out = run([*env, "ask", "what did Ofsted say in 2014", "--json", "--explain"])
    payload = json.loads(out)
    assert payload["interpretation"]["years"] == [2014]
    assert payload["interpretation"]["publishers"] == ["Ofsted"]
    assert {"bm25", "dense", "year_boost", "source_boost"} <= set(
        payload["results"][0]["contributions"]
    )


def test_modes_and_filters(env: list[str]) -> None:
    for mode in ("bm25", "dense", "hybrid"):
        code, out = run([*env, "ask", "adoption", "--json", "--mode", mode])
        assert code == 0 and json.loads(out)["mode"] == mode
    code, out = run([*env, "ask", "social workers", "--json", "--k", "20", "--year", "2025"])
    assert {r["doc_id"] for r in json.loads(out)["results"]} == {"002_e7d3b80cb6f79f70"}
    # a range of years, either order
    code, out = run([*env, "ask", "social workers", "--json", "--k", "40", "--year", "2025-2023"])
    assert {r["date"][:4] for r in json.loads(out)["results"]} == {"2023", "2025"}
    # a financial year, as a question may name it: the same parser as `judgements --year`
    for typed in ("2024/25", "2024-25", "2024\u20132025"):
        code, out = run([*env, "ask", "social workers", "--json", "--k", "40", "--year", typed])
        assert code == 0 and json.loads(out)["filters"]["years"] == [2024, 2025], typed
    assert {"council", "framework"} <= set(json.loads(out)["results"][0])
    code, out = run(
        [*env, "ask", "social workers", "--json", "--kind", "news", "--publisher", "News Shopper"]
    )
    assert {r["doc_id"] for r in json.loads(out)["results"]} == {"001_900efe804ed2a3da"}


def test_batch_stdin_writes_one_json_line_per_question(env: list[str]) -> None:
    questions = "IRO\n\n   \nadoption timescales\n" + "x" * 100_000 + "\n"
    code, out = run([*env, "ask", "--json"], stdin=questions)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [line["query"] for line in lines[:2]] == ["IRO", "adoption timescales"]
    assert "too long" in lines[2]["error"]
    # how each question was read, and the notes, are always there for a program
    assert lines[0]["read_as"] == ["IRO → independent reviewing officer"]
    assert lines[0]["notes"] == []


def test_batch_stdin_in_text_prints_each_answer_and_each_failure(env: list[str]) -> None:
    questions = "\n  \nIRO\n" + "x" * 100_000 + "\nadoption timescales\n"
    code, out = run([*env, "ask", "-", "--k", "2"], stdin=questions)
    answers = out.split("\n" + "─" * 40 + "\n")
    assert code == 0 and len(answers) == 3
    assert answers[0].startswith("Q: IRO\n") and answers[0].count("cite: ") == 2
    assert "error: The question is too long" in answers[1]  # said in place; the batch goes on
    assert answers[2].lstrip().startswith("Q: adoption timescales") and "cite: " in answers[2]
    code, _ = run([*env, "ask"], stdin="\n   \n")  # only blank lines: nothing was asked
    assert code == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ask", ""], "The question is empty"),
        (["ask", "   "], "The question is empty"),
        (["ask", "x" * 100_000], "too long"),
        (["ask", "IRO", "--k", "0"], "--k must be at least 1"),
        (["ask"], "No question given"),
        (["show", "nonsense"], "Cannot read the citation"),
        # one parser for every --year: the project's error, not argparse's usage text
        (["ask", "IRO", "--year", "2019to2021"], "--year '2019to2021' is not a year or a range"),
        (["judgements", "--year", "2014/x"], "--year '2014/x' is not a year or a range"),
    ],
)
def test_user_mistakes_exit_2_with_one_clear_line(
    env: list[str], capsys, args: list[str], message: str
) -> None:
    if args[0] == "show":
        run([*env, "index"])
        capsys.readouterr()
    code, _ = run([*env, *args])
    err = capsys.readouterr().err
    assert code == 2 and message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_silly_k_is_clamped(env: list[str], capsys) -> None:
    code, out = run([*env, "ask", "care", "--json", "--k", "100000"])
    assert code == 0 and "clamped to 100" in capsys.readouterr().err
    assert len(json.loads(out)["results"]) == 100  # the note and the search agree


def test_k_up_to_the_limit_is_honoured_without_a_note(env: list[str], capsys) -> None:
    code, out = run([*env, "ask", "care", "--json", "--k", "80"])
    assert code == 0 and "clamped" not in capsys.readouterr().err
    assert len(json.loads(out)["results"]) == 80


def test_no_build_without_index_refuses(env: list[str], capsys, monkeypatch) -> None:
    from ofsted_qa.index import session

    loaded: list[object] = []  # the model would write its encoder cache into the index folder
    monkeypatch.setattr(session, "local_model", lambda settings: loaded.append(settings))
    code, _ = run([*env, "ask", "IRO", "--no-build"])
    assert code == 2 and "ofsted-qa index" in capsys.readouterr().err
    assert not loaded and not Path(env[1]).exists()


def test_index_reports_what_it_did(env: list[str], tmp_path: Path) -> None:
    code, out = run([*env, "index"])
    assert code == 0 and "5 added" in out and "0 unchanged" in out
    (tmp_path / "seeds" / "000_e6b9569f94716482.txt").write_text("Replaced text about fostering.\n")
    code, out = run([*env, "index"])
    assert "1 changed" in out and "4 unchanged" in out
    code, out = run([*env, "index"])
    assert out.startswith("Index up to date: 5 documents")


def test_docs_lists_documents_with_counts(env: list[str]) -> None:
    run([*env, "index"])
    code, out = run([*env, "docs", "--json"])
    rows = json.loads(out)
    assert code == 0 and len(rows) == 5 and all(r["chunks"] > 0 for r in rows)
    code, out = run([*env, "docs"])
    assert "5 documents" in out and "inspection report" in out


def test_show_by_ref_and_by_pasted_citation(env: list[str]) -> None:
    run([*env, "index"])
    code, out = run([*env, "show", "003#134"])
    assert code == 0 and "▶ para 134" in out and "para 133" in out and "para 135" in out
    assert "verified against the source" in out
    citation = out.split("cite: ")[1].splitlines()[0]
    code, again = run([*env, "show", citation])
    assert code == 0 and again == out
    # Unnumbered passages have refs like "002#u13", never a bare number.
    code, letter = run([*env, "show", "002#u13"])
    assert code == 0 and "▶ unnumbered passage 13" in letter
    assert "verified against the source" in letter
    assert run([*env, "show", "002#13"])[0] == 2  # not the report's own para 13
    # retyped as people do: another case, curly quotes for straight, extra spaces, "Para"
    cited = letter.split("cite: ")[1].splitlines()[0]
    retyped = cited.replace("'", "’").upper().replace(", UNNUMBERED", ",  unnumbered")
    code, again = run([*env, "show", retyped])
    assert code == 0 and again == letter
    code, again = run([*env, "show", citation.lower().replace("para 134", "Para 134")])
    assert code == 0 and again == out


STREAMING = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from fakes import FakeModel
    from ofsted_qa import cli
    from ofsted_qa.index import session
    model = FakeModel()
    session.local_model = lambda settings: model
    session.prepare_query_encoder = lambda settings, notify: None
    sys.exit(cli.main(["--index", {index!r}, "ask", "--json"]))
    """
)


def test_streaming_answers_each_line_as_it_arrives(env: list[str], tmp_path: Path) -> None:
    run([*env, "index"])
    script = STREAMING.format(tests=str(Path(__file__).parent), index=env[1])
    process = subprocess.Popen(
        [sys.executable, "-c", script],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**__import__("os").environ, "OFSTED_QA_ROOT": str(tmp_path)},
    )
    assert process.stdin and process.stdout
    for question in ("IRO", "care leavers"):
        process.stdin.write(question + "\n")
        process.stdin.flush()
        # The answer arrives while stdin is still open: it was not buffered to the end.
        assert json.loads(process.stdout.readline())["query"] == question
    process.stdin.close()
    assert process.wait(timeout=30) == 0


def test_help_and_core_imports_stay_light() -> None:
    code = textwrap.dedent(
        """
        import sys, contextlib, io
        from ofsted_qa import cli
        from ofsted_qa.retrieval import search
        from ofsted_qa.index import build
        from ofsted_qa.index import freshness
        from ofsted_qa.index import session
        from ofsted_qa import render
        from ofsted_qa.citations import passages
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                cli.main(["--help"])
            except SystemExit:
                pass
        heavy = [m for m in ("torch", "sentence_transformers", "transformers", "textual") if m in sys.modules]
        print(heavy)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_dense_kind_is_kept_until_asked_to_change(env: list[str], tmp_path: Path) -> None:
    from ofsted_qa.index.generations import load_current

    index_dir = tmp_path / "index"
    run([*env, "index", "--dense", "hnsw"])
    assert load_current(index_dir).manifest.dense_kind == "hnsw"
    code, out = run([*env, "index"])
    assert out.startswith("Index up to date")
    # A stale index rebuilt by `ask` keeps the kind it was built with.
    (tmp_path / "seeds" / "005_new.txt").write_text("A new report on fostering.\n")
    code, out = run([*env, "ask", "fostering", "--json"])
    assert code == 0 and load_current(index_dir).manifest.dense_kind == "hnsw"
    code, out = run([*env, "index", "--dense", "flat"])
    assert "0 added" in out and load_current(index_dir).manifest.dense_kind == "flat"


def test_the_grade_check_on_an_index_without_grades_says_so(env: list[str], capsys) -> None:
    """The seeds state no grades: the check says there is nothing to check, not "0.00% (0/0)"."""
    assert run([*env, "index"])[0] == 0
    code, out = run([*env, "eval", "--judgements"])
    assert code == 2 and "grade accuracy" not in out
    assert "states its grades" in capsys.readouterr().err
