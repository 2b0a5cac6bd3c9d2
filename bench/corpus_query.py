"""The corpus bench's query steps, each on the corpus index and, as its in-run reference, on the
seeds-only index: cold `ask`, its peak memory, warm answers through `ask --json`, the TUI's
start, and `ofsted-qa eval`. Runs of the two indexes alternate, so both see the same drift."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import harness
from corpus import CorpusRun
from corpus_proc import cli, env, measured, pipe_answers
from harness import median, percentiles

QUESTION = "What did Ofsted say about care leavers in 2014?"
COLD_RUNS = 5
TUI_RUNS = 3


def _pair(run: CorpusRun) -> dict[str, Path]:
    return {"corpus": run.index, "seeds": run.seeds_index}


def step_cold_ask(run: CorpusRun) -> dict[str, Any]:
    """A fresh process to the printed answer, `COLD_RUNS` times on each index, alternating:
    wall seconds, and CPU seconds (which other processes' load hardly moves)."""
    wall: dict[str, list[float]] = {"corpus": [], "seeds": []}
    cpu: dict[str, list[float]] = {"corpus": [], "seeds": []}
    for _ in range(COLD_RUNS):
        for name, index in _pair(run).items():
            got = measured(cli("--index", str(index), "ask", "--no-build", QUESTION))
            wall[name].append(got["wall_s"])
            cpu[name].append(got["cpu_s"])
    out: dict[str, Any] = {"question": QUESTION, "runs": COLD_RUNS}
    for name in wall:
        out[name] = {"wall_s": percentiles(wall[name]), "cpu_s": percentiles(cpu[name])}
    for kind in ("wall_s", "cpu_s"):
        out[f"corpus_vs_seeds_{kind}_p50"] = round(
            out["corpus"][kind]["p50_ms"] / out["seeds"][kind]["p50_ms"], 2
        )
    return out


def step_ask_memory(run: CorpusRun) -> dict[str, Any]:
    """Peak RSS of one `ask`, and of an `ask --json` session answering 40 questions."""
    questions = "\n".join(q["question"] for q in harness.golden_questions()[:40]) + "\n"
    out: dict[str, Any] = {}
    for name, index in _pair(run).items():
        one = measured(cli("--index", str(index), "ask", "--no-build", QUESTION))
        session = measured(
            cli("--index", str(index), "ask", "--json", "--no-build"), stdin_text=questions
        )
        out[name] = {
            "ask_peak_rss_mb": one["peak_rss_mb"],
            "ask_json_40_questions_peak_rss_mb": session["peak_rss_mb"],
        }
    return out


EMBED_REFERENCE = r"""
import json, sys, time
from ofsted_qa.index.models import LocalModel
from pathlib import Path
embedder = LocalModel(onnx_cache=Path(sys.argv[1]) / "encoders").query_embedder()
questions = json.loads(sys.stdin.read())
embedder.embed_query(questions[0])
took = []
for q in questions:
    started = time.perf_counter()
    embedder.embed_query(q)
    took.append(time.perf_counter() - started)
print(json.dumps({"encoder": type(embedder).__name__, "seconds": took}))
"""


def _bare_embedding(index: Path, questions: list[str]) -> dict[str, Any]:
    """The reference: the same questions embedded alone by the query encoder `ask` uses (its
    internal API, the one thing here not driven through the CLI: if it moved, say so)."""
    got = subprocess.run(
        [sys.executable, "-c", EMBED_REFERENCE, str(index)],
        input=json.dumps(questions),
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )
    if got.returncode != 0:
        return {"status": "unavailable", "why": got.stderr[-500:]}
    data = json.loads(got.stdout.splitlines()[-1])
    return {"encoder": data["encoder"], **percentiles(data["seconds"])}


def step_warm(run: CorpusRun) -> dict[str, Any]:
    """Answers through one `ask --json` process, question by question, after the first (which
    pays the start-up); hybrid with the model, bm25 without it, and the bare embedding."""
    questions = [q["question"] for q in harness.golden_questions()]
    out: dict[str, Any] = {"questions": len(questions)}
    for name, index in _pair(run).items():
        base = cli("--index", str(index), "ask", "--json", "--no-build")
        row: dict[str, Any] = {}
        for mode in ("hybrid", "bm25"):
            got = pipe_answers([*base, "--mode", mode], questions)
            row[mode] = percentiles(got["wall_after_first"])
            row[mode]["cpu_ms_per_answer"] = got["cpu_ms_per_answer_after_first"]
            row[f"{mode}_first_answer_incl_startup_ms"] = got["first_answer_incl_startup_ms"]
        row["bare_query_embedding"] = bare = _bare_embedding(index, questions)
        if "p50_ms" in bare:
            outside = row["hybrid"]["p50_ms"] - bare["p50_ms"]
            row["outside_model_p50_ms"] = round(outside, 2)
            row["outside_model_share_p50"] = round(outside / row["hybrid"]["p50_ms"], 3)
        out[name] = row
    return out


def step_tui(run: CorpusRun) -> dict[str, Any]:
    """The app headless in a fresh process (bench/tui_start.py's probe): first paint, index
    open, model ready (ready to answer with meaning)."""
    from tui_start import TUI_PROBE

    got: dict[str, list[dict[str, float]]] = {"corpus": [], "seeds": []}
    for _ in range(TUI_RUNS):
        for name, index in _pair(run).items():
            proc = harness.timed_process(
                [sys.executable, "-c", TUI_PROBE, repr(time.time()), str(index)],
                env=env(),
                timeout=180,
            )
            lines = [line for line in proc["stdout"].splitlines() if line.startswith("{")]
            if proc["rc"] != 0 or not lines:
                raise RuntimeError(f"TUI probe on {name}: {proc['stderr'][-800:]}")
            got[name].append(json.loads(lines[-1]))
    out: dict[str, Any] = {"method": "App.run_test() headless; seconds from process launch"}
    for name, runs in got.items():
        keys = tuple(
            f"{m}{u}"
            for m in ("first_paint", "index_ready", "model_ready")
            for u in ("_s", "_cpu_s")
        )
        out[name] = {k: round(median([r[k] for r in runs if k in r]), 3) for k in keys}
        out[name]["runs"] = runs
    return out


def step_eval(run: CorpusRun) -> dict[str, Any]:
    """`ofsted-qa eval --set corpus` over the bench's corpus index twice (the second reuses
    everything: the index is the eval's own when its folders match), and the seed set once on
    the seeds index."""
    args = ["eval", "--no-report", "--json", "--set", "corpus", "--corpus", str(run.docs)]
    args += ["--corpus-index", str(run.index)]
    out: dict[str, Any] = {"what": "eval's corpus sets", "args": args}
    for name in ("corpus_first", "corpus_again"):
        got = measured(cli(*args))
        out[name] = {"wall_s": got["wall_s"], "peak_rss_mb": got["peak_rss_mb"]}
        out[name]["scores"] = _scores(got["stdout"], "corpus")
    seeds = measured(
        cli("--index", str(run.seeds_index), "eval", "--no-report", "--json", "--set", "seeds")
    )
    out["seeds"] = {"wall_s": seeds["wall_s"], "peak_rss_mb": seeds["peak_rss_mb"]}
    out["seeds"]["scores"] = _scores(seeds["stdout"])
    return out


def _scores(stdout: str, question_set: str = "") -> dict[str, Any]:
    """Each mode's Hit@1, Success@5 and MRR@10 over all questions, from `eval --json` (one
    set's, where the output holds several keyed by set)."""
    try:
        parsed = json.loads(stdout)
        summary = (parsed[question_set] if question_set else parsed)["summary"]
        keep = ("n", "Hit@1", "Success@5", "MRR@10")
        return {
            mode: {k: round(v, 3) for k, v in rows["all"].items() if k in keep}
            for mode, rows in summary.items()
        }
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
        return {"unparsed": stdout[-300:]}
