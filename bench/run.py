"""`make bench`: indexing, query latency, cold start, TUI start and scale, on this machine.

    .venv/bin/python bench/run.py            # default, ~7 min on 2 cores
    .venv/bin/python bench/run.py --quick    # smoke run: tiny corpus, 5k vectors
    .venv/bin/python bench/run.py --full     # 20k-paragraph corpus, adds 1M vectors (~25 min)
    .venv/bin/python bench/run.py --sections scale --sizes 100000,1000000   # one section
    .venv/bin/python bench/run.py --fake-model --quick   # no model at all (used by the tests)
    .venv/bin/python bench/run.py --corpus   # the whole real corpus, resumable (bench/corpus.py)

Writes bench/results/<section>.json and bench/results/summary.md. Every figure sits beside its
reference measured in the same run: the machine is shared and noisy, ratios are what count.

The sections live one to a module (indexing.py, query.py, coldstart.py, tui_start.py, scale.py;
context.py holds what they share); this file only picks, runs and records them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "src"))

import harness  # noqa: E402
from coldstart import section_coldstart  # noqa: E402
from context import Context  # noqa: E402
from indexing import section_indexing  # noqa: E402
from query import section_query  # noqa: E402
from scale import section_scale  # noqa: E402
from tui_start import section_tui  # noqa: E402

SECTIONS = ("indexing", "query", "coldstart", "tui", "scale")
PROFILES: dict[str, dict[str, Any]] = {
    "quick": {"synthetic": 300, "sizes": [5_000], "repeats": 1, "queries": 60, "cold": 2},
    # "synthetic" counts paragraphs (~1.13 chunks each). ~7 min on 2 cores: embedding the
    # synthetic corpus (~20k chunks, the size) is most of it.
    "default": {"synthetic": 17_800, "sizes": [100_000], "repeats": 2, "queries": 300, "cold": 5},
    "full": {
        "synthetic": 21_500,
        "sizes": [100_000, 1_000_000],
        "repeats": 2,
        "queries": 500,
        "cold": 5,
    },
}


# --- summary -----------------------------------------------------------------------------------


def summary_markdown(results: dict[str, Any], meta: dict[str, Any]) -> str:
    from summary import render

    return render(results, meta)


def _write_summary(out: Path, meta: dict[str, Any]) -> None:
    # From their own scripts: bench/real_recall.py (over an hour here) and bench/gpu_recall.py.
    merged = {
        name: json.loads((out / f"{name}.json").read_text())
        for name in (*SECTIONS, "real_recall", "gpu_recall")
        if (out / f"{name}.json").exists()
    }
    (out / "summary.md").write_text(summary_markdown(merged, meta))


def _in_fresh_process(name: str, args: argparse.Namespace) -> dict[str, Any]:
    """One section run by a new interpreter, so warm queries are timed as the app runs them, not
    in a process that also holds torch and the indexing section's encoders."""
    flags = [
        f"--{f.replace('_', '-')}" for f in ("quick", "full", "fake_model") if getattr(args, f)
    ]
    with tempfile.TemporaryDirectory() as scratch:
        command = [sys.executable, __file__, *flags, "--sections", name]
        subprocess.run([*command, "--work", str(args.work), "--out", scratch], check=True)
        return dict(json.loads((Path(scratch) / f"{name}.json").read_text()))


SECTION_FUNCS: dict[str, Callable[[Context], dict[str, Any]]] = {
    "indexing": section_indexing,
    "query": section_query,
    "coldstart": section_coldstart,
    "tui": section_tui,
    "scale": section_scale,
}


def main(argv: list[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    if "--corpus" in given:  # the whole-corpus section: its own steps, cache and flags
        from corpus import main as corpus_main

        return corpus_main([a for a in given if a != "--corpus"])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="smoke run (~1-2 min)")
    size.add_argument("--full", action="store_true", help="also 1M vectors (~30+ min)")
    parser.add_argument("--fake-model", action="store_true", help="hashing encoder, no model")
    parser.add_argument("--sections", default=",".join(SECTIONS), help="comma-separated")
    parser.add_argument("--out", type=Path, default=BENCH / "results")
    parser.add_argument("--work", type=Path, default=BENCH / "results" / "tmp" / "work")
    parser.add_argument(
        "--synthetic-chunks", type=int, help="override the corpus size (paragraphs, ~1.13 chunks)"
    )
    parser.add_argument("--sizes", help="override the scale sizes, e.g. 100000,1000000")
    parser.add_argument("--summary-only", action="store_true", help="re-render summary.md")
    args = parser.parse_args(argv)
    if args.summary_only:
        _write_summary(args.out, json.loads((args.out / "meta.json").read_text()))
        return 0
    profile = "quick" if args.quick else "full" if args.full else "default"
    conf = dict(PROFILES[profile])
    if args.synthetic_chunks:
        conf["synthetic"] = args.synthetic_chunks
    if args.sizes:
        conf["sizes"] = [int(s) for s in args.sizes.split(",") if s]
    wanted = [s.strip() for s in args.sections.split(",") if s.strip()]
    unknown = set(wanted) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections {sorted(unknown)}; choose from {SECTIONS}")
    if args.fake_model:
        wanted = [s for s in wanted if s not in ("coldstart", "tui")]  # these need the CLI model
    args.out.mkdir(parents=True, exist_ok=True)
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    ctx = Context(profile, args.fake_model, args.work, args.out, conf)
    meta = harness.machine() | {"profile": profile, "fake_model": args.fake_model, "conf": conf}
    started = time.perf_counter()
    for name in wanted:
        ctx.log(f"[{time.perf_counter() - started:6.1f}s] {name}")
        t = time.perf_counter()
        if name == "query" and ctx.results:
            result = _in_fresh_process(name, args)
        else:
            result = SECTION_FUNCS[name](ctx)
        result["section_seconds"] = round(time.perf_counter() - t, 1)
        ctx.results[name] = result
        (args.out / f"{name}.json").write_text(json.dumps(result, indent=1, default=str) + "\n")
    meta["total_seconds"] = round(time.perf_counter() - started, 1)
    previous = args.out / "meta.json"
    runs = json.loads(previous.read_text()).get("section_runs", {}) if previous.exists() else {}
    for name in wanted:  # a partial re-run keeps the other sections' provenance
        runs[name] = {k: meta[k] for k in ("date", "profile", "loadavg_at_start", "fake_model")} | {
            "seconds": ctx.results[name]["section_seconds"]
        }
    meta["section_runs"] = runs
    meta["bench_peak_rss_mb"] = round(harness.peak_rss_mb(), 1)
    (args.out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n")
    _write_summary(args.out, meta)
    ctx.log(f"done in {meta['total_seconds']}s -> {args.out / 'summary.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
