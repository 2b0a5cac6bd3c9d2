"""The whole-corpus bench's machinery, without the corpus: resuming, --fresh and --rebuild, a
failing step, measuring a process, and the report."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402
import corpus_proc  # noqa: E402
from corpus_report import render  # noqa: E402


@pytest.fixture
def fake_steps(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every step replaced by one that records its name; `add_one` fails."""
    ran: list[str] = []

    def function(name: str) -> Any:
        def step(run: corpus.CorpusRun) -> dict[str, Any]:
            ran.append(name)
            if name == "add_one":
                raise RuntimeError("index exited 2")
            if name == "build":
                (run.index / "current").mkdir(parents=True, exist_ok=True)
            if name == "docs":
                run.docs.mkdir(parents=True, exist_ok=True)
            return {"wall_s": 1.5}

        return step

    monkeypatch.setattr(corpus, "_step_function", function)
    return ran


def test_a_rerun_skips_finished_steps_and_fresh_keeps_the_build(
    tmp_path: Path, fake_steps: list[str]
) -> None:
    args = ["--corpus-dir", str(tmp_path), "--cache", str(tmp_path / "cache")]
    args += ["--out", str(tmp_path / "out")]
    assert corpus.main(args) == 0
    assert fake_steps == list(corpus.STEPS)
    saved = json.loads((tmp_path / "out" / "corpus.json").read_text())["steps"]
    assert saved["add_one"]["status"] == "failed" and "exited 2" in saved["add_one"]["error"]
    assert saved["cold_ask"]["status"] == "measured" and saved["cold_ask"]["measured_at"]
    fake_steps.clear()
    corpus.main(args)  # the failed step and the one always brought up to date run again
    assert fake_steps == ["refresh", "add_one"]
    fake_steps.clear()
    corpus.main([*args, "--fresh"])
    assert fake_steps == [s for s in corpus.STEPS if s not in ("docs", "build")]
    fake_steps.clear()
    corpus.main([*args, "--rebuild", "--steps", "build,warm"])
    assert fake_steps == ["build", "warm"]
    fake_steps.clear()
    (tmp_path / "cache" / "index" / "current").rmdir()  # a build whose index is gone is redone
    corpus.main([*args, "--steps", "build"])
    assert fake_steps == ["build"]
    fake_steps.clear()
    saved_path = tmp_path / "out" / "corpus.json"
    saved = json.loads(saved_path.read_text())
    saved["steps"]["build"]["seeded_from"] = "/elsewhere"  # copied in, never measured here
    saved_path.write_text(json.dumps(saved))
    corpus.main([*args, "--fresh", "--steps", "docs,build"])
    assert fake_steps == ["build"]
    assert "| what | whole corpus |" in (tmp_path / "out" / "corpus.md").read_text()


def test_a_given_index_is_never_built_or_changed(tmp_path: Path, fake_steps: list[str]) -> None:
    args = ["--corpus-dir", str(tmp_path), "--cache", str(tmp_path / "cache")]
    with pytest.raises(SystemExit):
        corpus.main([*args, "--corpus-index", str(tmp_path), "--steps", "build"])
    assert fake_steps == []


def test_measured_reports_memory_cpu_and_failures() -> None:
    grow = "x = bytearray(150 * 2**20); print('done')"
    got = corpus_proc.measured([sys.executable, "-c", grow])
    assert got["stdout"] == "done\n" and got["peak_rss_mb"] >= 150
    assert got["peak_tree_rss_mb"] >= got["peak_rss_mb"] and got["cpu_s"] >= 0
    with pytest.raises(RuntimeError, match="exited 3"):
        corpus_proc.measured([sys.executable, "-c", "import sys; sys.exit(3)"])


def test_pipe_answers_times_each_answer() -> None:
    echo = "import sys, json\nfor line in sys.stdin: print(json.dumps({'q': line}), flush=True)"
    got = corpus_proc.pipe_answers([sys.executable, "-c", echo], ["a", "b", "c"])
    assert got["questions"] == 3 and len(got["wall_after_first"]) == 2
    failing = 'import sys\nfor line in sys.stdin: print(\'{"error": "no"}\', flush=True)'
    with pytest.raises(RuntimeError, match="error"):
        corpus_proc.pipe_answers([sys.executable, "-c", failing], ["a"])


def test_report_sets_each_corpus_figure_beside_the_seeds_one() -> None:
    steps = {
        "cold_ask": {
            "status": "measured",
            "corpus": {"wall_s": {"p50_ms": 1900.0}},
            "seeds": {"wall_s": {"p50_ms": 520.0}},
        },
        "warm": {"status": "failed", "error": "boom"},
    }
    text = render({"steps": steps, "machine": {"cores": 2}})
    row = next(line for line in text.splitlines() if line.startswith("| cold `ask`"))
    assert "1,900 ms" in row and "520 ms" in row
    assert "`warm` failed" in text and "boom" in text
