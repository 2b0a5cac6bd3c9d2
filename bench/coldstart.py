"""Cold start: `ofsted-qa ask` in fresh processes beside the interpreter and import references."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import harness
from context import Context
from harness import percentiles

# An index of the whole corpus built beforehand (`ofsted-qa --index DIR index --docs seeds --docs
# REPORTS`); when set, cold and warm `ask` are also timed against it.
CORPUS_INDEX_ENV = "OFSTED_QA_BENCH_CORPUS_INDEX"


def section_coldstart(ctx: Context) -> dict[str, Any]:
    python = str(ctx.bin / "python")
    cli = str(ctx.bin / "ofsted-qa")
    index = str(ctx.seeds_settings().index_dir)
    question = "What did Ofsted say about care leavers in 2014?"
    env = os.environ | {"PYTHONDONTWRITEBYTECODE": "0"}
    n = ctx.conf["cold"]

    def runs(argv: list[str], count: int) -> dict[str, Any]:
        got = [harness.timed_process(argv, env=env) for _ in range(count)]
        bad = [g for g in got if g["rc"] != 0]
        return {
            "runs": count,
            "rc": [g["rc"] for g in got],
            "first_output_s": percentiles([g["first_output_s"] for g in got]),
            "exit_s": percentiles([g["exit_s"] for g in got]),
            "peak_rss_mb": harness.peak_rss_of(argv, env=env),
            "stderr": bad[0]["stderr"][-500:] if bad else "",
        }

    out: dict[str, Any] = {"question": question}
    ctx.log("  references: bare interpreter, CLI import, sentence-transformers import")
    out["python_startup"] = runs([python, "-c", "pass"], n)
    out["import_cli"] = runs([python, "-c", "import ofsted_qa.cli"], n)
    out["import_sentence_transformers"] = runs(
        [python, "-c", "import sentence_transformers"], max(1, n // 2)
    )
    ctx.log("  `ofsted-qa ask` (ONNX query encoder)")
    ask = [cli, "--index", index, "ask", "--no-build", question]
    out["ask_onnx"] = runs(ask, n)
    for mode in ("bm25",):
        out[f"ask_{mode}"] = runs([*ask, "--mode", mode], max(1, n // 2))
    encoders = Path(index) / "encoders"
    hidden = Path(index) / ".encoders-hidden"
    if encoders.exists():
        ctx.log("  `ofsted-qa ask` without the export (sentence-transformers, reference)")
        encoders.rename(hidden)
        try:
            out["ask_sentence_transformers"] = runs(ask, max(1, n // 2))
        finally:
            hidden.rename(encoders)
    ctx.log("  `ofsted-qa ask --json` through a pipe, one question at a time")
    questions = [q["question"] for q in harness.golden_questions()][:40]
    out["ask_json_pipe"] = harness.pipe_latencies(
        [cli, "--index", index, "ask", "--json", "--no-build"], questions, env=env
    )
    corpus = os.environ.get(CORPUS_INDEX_ENV)
    if corpus:  # issue #19's targets are for the whole corpus, which the bench does not build
        ctx.log(f"  the same against the whole-corpus index at {corpus}")
        whole = [cli, "--index", corpus, "ask", "--no-build"]
        out["corpus_index"] = corpus
        out["corpus_ask_onnx"] = runs([*whole, question], n)
        out["corpus_ask_json_pipe"] = harness.pipe_latencies(
            [*whole, "--json"], [q["question"] for q in harness.golden_questions()], env=env
        )
    return out
