"""The harness end to end with the fake embedder: golden judging, refusals, BEIR, reports."""

from __future__ import annotations

import argparse
import io
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from fakes import FakeEmbedder
from ofsted_qa.errors import OfstedQAError
from ofsted_qa.evaluation import beir, harness
from ofsted_qa.evaluation import runs as eval_runs
from ofsted_qa.evaluation.golden import Question, judge, load_golden, normalise, unmatched
from ofsted_qa.evaluation.metrics import Judgement
from ofsted_qa.evaluation.report import bar
from ofsted_qa.index import generations
from ofsted_qa.retrieval.search import Searcher

DATA = Path(__file__).parent / "data" / "beir_tiny"
GOLDEN = Path(__file__).resolve().parents[1] / "eval" / "golden.jsonl"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_normalise_matches_the_golden_rules() -> None:
    assert normalise("<p>It\u2019s  **Good**</p>") == "it's good"


def test_golden_is_judged_against_the_index(built) -> None:
    bundle = generations.load_current(built.index_dir)
    questions = load_golden(GOLDEN)
    judged = judge(questions, bundle.store)
    answerable = sum(j.answerable for j in judged.values())
    assert answerable >= 0.9 * len(questions)
    assert len(unmatched(questions, judged)) <= 0.05 * sum(len(q.evidence) for q in questions)


def test_pooled_evidence_is_relevant_but_no_unit_of_recall(built) -> None:
    """Passages judged from a bigger index's pool count as answers (Hit@1, MRR) without
    changing what R@k counts; a pooled inspection's card is credited like one of `docs`."""
    bundle = generations.load_current(built.index_dir)
    texts = [normalise(chunk.text) for chunk in bundle.store]
    # Two passages whose opening words occur nowhere else in the index.
    own_at, pooled_at = [i for i, t in enumerate(texts) if sum(t[:60] in u for u in texts) == 1][:2]
    own, pooled = texts[own_at][:60], texts[pooled_at][:60]
    question = Question("q", "?", "year", "tune", (own,), ("a.txt",), (pooled,), ("x/report",))
    judged = judge([question], bundle.store)["q"]
    assert judged.grade(str(pooled_at)) == 1 and judged.grade(str(own_at)) == 1
    assert str(pooled_at) not in judged.units and judged.unit_count == 1
    assert judged.grade("card:x/report") == 1 and judged.grade("card:a.txt") == 1
    plain = judge([Question("q", "?", "year", "tune", (own,), ("a.txt",))], bundle.store)["q"]
    assert plain.grade(str(pooled_at)) == 0 and plain.grade("card:x/report") == 0


def test_refuses_an_empty_or_unrelated_index() -> None:
    with pytest.raises(OfstedQAError, match="empty"):
        eval_runs.check_answerable({"q": Judgement({"a": 1}, {}, 1)}, 0)
    with pytest.raises(OfstedQAError, match="No question"):
        eval_runs.check_answerable({"q": Judgement({}, {}, 1)}, 10)


def test_golden_eval_runs_every_mode(built) -> None:
    bundle = generations.load_current(built.index_dir)
    questions = load_golden(GOLDEN)[:12]
    judged = judge(questions, bundle.store)
    rows = [
        {"id": q.id, "text": q.text, "category": q.category, "split": q.split} for q in questions
    ]
    scores, runs = eval_runs.measure(
        Searcher(bundle, FakeEmbedder()), rows, judged, list(eval_runs.MODES)
    )
    assert set(scores) == set(eval_runs.MODES)
    assert all(len(runs[m][q["id"]]) <= 10 for m in runs for q in rows)
    assert any(s["Success@5"] > 0 for s in scores["full"].values())


def test_beir_loading() -> None:
    corpus, queries, qrels = beir.load(DATA)
    assert len(corpus) == 6 and set(queries) == {"q1", "q2", "q3", "q4"}
    judged = beir.judgements(qrels, {r["_id"] for r in corpus})
    assert judged["q4"].unit_count == 1  # d9 is not in the corpus
    assert judged["q2"].relevance == {"d2": 2}


def test_beir_eval_end_to_end(tmp_path: Path) -> None:
    out = io.StringIO()
    report = tmp_path / "beir.md"
    code = harness.main(
        ["--beir", str(DATA), "--json", "--report", str(report)],
        out=out,
        embedder=FakeEmbedder(),
    )
    assert code == 0
    result = json.loads(out.getvalue())
    assert set(result["summary"]) == set(eval_runs.MODES)
    full = result["summary"]["full"]["all"]
    assert full["n"] == 4 and full["Success@5"] >= 0.75
    assert report.read_text().startswith("# Retrieval evaluation")
    assert json.loads(report.with_suffix(".json").read_text())["source"] == str(DATA)


def test_beir_with_no_judged_document_is_refused(tmp_path: Path) -> None:
    (tmp_path / "qrels").mkdir()
    (tmp_path / "corpus.jsonl").write_text('{"_id": "d1", "text": "hello"}\n')
    (tmp_path / "queries.jsonl").write_text('{"_id": "q1", "text": "hello"}\n')
    (tmp_path / "qrels" / "test.tsv").write_text("query-id\tcorpus-id\tscore\nq1\tzz\t1\n")
    with pytest.raises(OfstedQAError, match="No question"):
        harness.main(
            ["--beir", str(tmp_path), "--no-report"], out=io.StringIO(), embedder=FakeEmbedder()
        )


def test_bar() -> None:
    assert bar(1.0, 4) == "████"
    assert bar(0.0, 4) == "    "
    assert bar(0.5, 4) == "██  "


def test_eval_runs_the_corpus_sets_beside_the_seeds(env, tmp_path: Path, capsys) -> None:
    """A stand-in corpus (the 2014 seed report as a council folder's report): every set is
    measured and written, with the summary; a second run reuses the corpus index."""
    reports = tmp_path / "reports" / "80488_bexley"
    reports.mkdir(parents=True)
    shutil.copy(SEEDS / "003_365e1ef2b819a726.txt", reports / "inspection - 23 may 2014.txt")
    asked = [q for q in load_golden(GOLDEN) if q.docs == ("003_365e1ef2b819a726.txt",)][:3]
    questions = tmp_path / "questions"
    questions.mkdir()
    (questions / "t.jsonl").write_text(
        "".join(
            json.dumps(
                {
                    "id": f"ct{n}",
                    "question": q.text,
                    "category": "topic",
                    "split": "heldout",
                    "docs": ["80488_bexley/x"],
                    "evidence": q.evidence,
                }
            )
            + "\n"
            for n, q in enumerate(asked)
        )
    )
    out_dir = tmp_path / "results"
    argv = [
        "--corpus",
        str(reports.parent),
        "--corpus-index",
        str(tmp_path / "corpus-index"),
        "--corpus-questions",
        str(questions),
        "--report",
        str(out_dir / "x.md"),
        "--council-questions",
        "1",
    ]
    assert harness.main(argv, index_dir=env[1], out=io.StringIO()) == 0
    written = {p.name for p in out_dir.iterdir()}
    for name in ("report", "corpus", "seeds-over-corpus", "seeds-scoped-over-corpus"):
        assert {f"{name}.md", f"{name}.json"} <= written, name
    assert "summary.md" in written and "council-precision.md" in written
    corpus = json.loads((out_dir / "corpus.json").read_text())
    assert corpus["summary"]["full"]["heldout"]["n"] == 3
    assert corpus["summary"]["full"]["all"]["Success@5"] > 0
    assert "naming Bexley" in (out_dir / "summary.md").read_text()
    capsys.readouterr()
    harness.main([*argv, "--set", "corpus", "--no-report"], index_dir=env[1], out=io.StringIO())
    assert "Building the index" not in capsys.readouterr().err  # the cached index is reused
    # --strict: the same sets judged by the writers' evidence alone, and the reports say so
    strict = [*argv, "--set", "corpus", "--strict", "--council-questions", "0"]
    assert harness.main(strict, index_dir=env[1], out=io.StringIO()) == 0
    assert "writers' evidence alone" in (out_dir / "corpus.md").read_text()
    assert "writers' evidence alone" in (out_dir / "summary.md").read_text()


def test_strict_drops_the_pooled_judgements_and_keeps_the_split() -> None:
    pooled = Question(
        "q1", "IRO", "acronym", "tune", ("e",), ("d",), pooled_evidence=("p",), pooled_docs=("x",)
    )
    held = replace(pooled, id="q2", split="heldout")
    args = argparse.Namespace(split="tune", strict=True)
    (kept,) = harness._chosen([pooled, held], args)
    assert (kept.id, kept.evidence, kept.pooled_evidence, kept.pooled_docs) == (
        "q1",
        ("e",),
        (),
        (),
    )
    args.strict = False
    assert harness._chosen([pooled, held], args) == [pooled]


def test_eval_without_the_shared_corpus(env, tmp_path: Path, capsys) -> None:
    """`--set all` says the corpus sets were skipped; `--set corpus` is an error."""
    missing = ["--corpus", str(tmp_path / "nowhere"), "--no-report", "--modes", "bm25"]
    assert harness.main(missing, index_dir=env[1], out=io.StringIO()) == 0
    assert "corpus sets skipped" in capsys.readouterr().err
    with pytest.raises(OfstedQAError, match="shared corpus"):
        harness.main([*missing, "--set", "corpus"], index_dir=env[1], out=io.StringIO())
