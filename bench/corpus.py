"""`make bench-corpus`: the whole real corpus (issue #19), each figure beside the seeds-only one
measured in the same run.

    python bench/run.py --corpus             # resume: finished steps are skipped
    python bench/run.py --corpus --fresh     # measure every step again, but keep the build
    python bench/run.py --corpus --rebuild   # also the from-scratch build (~15 min alone)
    python bench/run.py --corpus --steps cold_ask,warm
    python bench/run.py --corpus --seed-index DIR   # start from a copy of an index of the
                                                    # corpus (said; the next run builds)
    python bench/run.py --corpus --corpus-index DIR --steps cold_ask,warm,tui,eval
                                                    # query steps on an index built elsewhere

Everything is driven through the CLI (`python -m ofsted_qa`) and files, so the bench keeps
working as the index's internals change. The corpus is copied (one report held out, for the
"one report added" step) and indexed under the cache folder, `$XDG_CACHE_HOME/ofsted-qa/
bench-corpus/` by default, never in the repository; the index built there is reused by every
later run. Each step's figures are written to bench/results/corpus.json as soon as it ends,
with the time it was measured, and bench/results/corpus.md is rendered from them.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import harness

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
DEFAULT_CORPUS = ROOT.parent / "shared" / "ofsted-ilacs" / "reports"


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ofsted-qa" / "bench-corpus"


@dataclass
class CorpusRun:
    """Where this run reads and writes; `results` holds every step measured so far."""

    corpus: Path
    cache: Path
    out: Path
    results: dict[str, Any] = field(default_factory=dict)
    log: Callable[[str], None] = print
    given_index: Path | None = None  # --corpus-index: measure an index built elsewhere
    seed_index: Path | None = None  # --seed-index: start from a copy instead of building

    @property
    def docs(self) -> Path:
        return self.cache / "docs"

    @property
    def held_out(self) -> Path:
        return self.cache / "held-out"

    @property
    def index(self) -> Path:
        return self.given_index or self.cache / "index"

    @property
    def seeds_index(self) -> Path:
        return self.cache / "seeds-index"

    @property
    def seeds(self) -> Path:
        return ROOT / "seeds"

    def step(self, name: str) -> dict[str, Any]:
        return dict(self.results.get("steps", {}).get(name, {}))

    def save(self, name: str, figures: dict[str, Any]) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        path = self.out / "corpus.json"
        if path.exists():  # another run may have saved steps meanwhile: keep them
            saved = json.loads(path.read_text()).get("steps", {})
            self.results["steps"] = saved
        self.results.setdefault("steps", {})[name] = figures
        partial = path.with_suffix(".json.partial")
        partial.write_text(json.dumps(self.results, indent=1, default=str) + "\n")
        partial.replace(path)  # a killed run never leaves half a file
        from corpus_report import render

        (self.out / "corpus.md").write_text(render(self.results))


STEPS = {  # in order; each a function of (module, name) taking the run, returning its figures
    "docs": ("corpus_build", "step_docs"),
    "build": ("corpus_build", "step_build"),
    "seeds_build": ("corpus_build", "step_seeds_build"),
    "refresh": ("corpus_build", "step_refresh"),
    "size": ("corpus_build", "step_size"),
    "add_one": ("corpus_build", "step_add_one"),
    "cold_ask": ("corpus_query", "step_cold_ask"),
    "ask_memory": ("corpus_query", "step_ask_memory"),
    "warm": ("corpus_query", "step_warm"),
    "tui": ("corpus_query", "step_tui"),
    "eval": ("corpus_query", "step_eval"),
    "bm25_1m": ("bm25_scale", "step_bm25_scale"),
}


def _step_function(name: str) -> Callable[[CorpusRun], dict[str, Any]]:
    import importlib

    module, function = STEPS[name]
    return getattr(importlib.import_module(module), function)  # type: ignore[no-any-return]


# Kept by --fresh (the build is 15 minutes); --rebuild redoes it. `refresh` runs every time: it
# brings the cached index up to the code being measured, which may have changed since.
KEPT_BY_FRESH = {"docs", "build"}
ALWAYS = {"refresh"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-dir", type=Path, default=DEFAULT_CORPUS, help="report folder")
    parser.add_argument("--cache", type=Path, default=default_cache())
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--steps", default="", help="comma-separated (default: all)")
    parser.add_argument("--fresh", action="store_true", help="measure again (keeps the build)")
    parser.add_argument("--rebuild", action="store_true", help="also redo the first build")
    parser.add_argument(
        "--seed-index",
        type=Path,
        help="instead of the first build, copy this index of the same corpus (said in results)",
    )
    parser.add_argument(
        "--corpus-index",
        type=Path,
        help="measure the query steps on this index of the whole corpus (not built here)",
    )
    args = parser.parse_args(argv)
    wanted = [s for s in args.steps.split(",") if s] or list(STEPS)
    unknown = set(wanted) - set(STEPS)
    if unknown:
        parser.error(f"unknown steps {sorted(unknown)}; choose from {list(STEPS)}")
    if not args.corpus_dir.is_dir():
        parser.error(f"no corpus at {args.corpus_dir} (give --corpus-dir)")
    previous = args.out / "corpus.json"
    results = json.loads(previous.read_text()) if previous.exists() else {}
    run = CorpusRun(args.corpus_dir.resolve(), args.cache.resolve(), args.out, results)
    if args.corpus_index:
        if set(wanted) & {"build", "add_one", "docs"}:
            parser.error("--corpus-index is for the query steps: it is never built or changed")
        run.given_index = args.corpus_index.resolve()
    run.seed_index = args.seed_index.resolve() if args.seed_index else None
    run.results["machine"] = harness.machine()
    run.results["cache"] = str(run.cache)
    args.cache.mkdir(parents=True, exist_ok=True)
    for name in wanted:
        redo = args.rebuild or (args.fresh and name not in KEPT_BY_FRESH) or name in ALWAYS
        if run.step(name).get("status") == "measured" and not redo and _still_there(run, name):
            run.log(f"{name}: measured {run.step(name).get('measured_at')}, kept")
            continue
        run.log(f"{name}: measuring")
        load = [round(x, 2) for x in os.getloadavg()]
        started = time.perf_counter()
        try:
            figures = _step_function(name)(run)
            figures["status"] = "measured"
        except Exception as exc:  # one step failing must not lose the others' figures
            figures = {"status": "failed", "error": f"{type(exc).__name__}: {exc}"[-2000:]}
            run.log(f"{name}: FAILED {figures['error']}")
        figures["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        figures["step_seconds"] = round(time.perf_counter() - started, 1)
        figures["loadavg_at_start"] = load
        figures["corpus_index"] = str(run.index)
        run.save(name, figures)
    run.log(f"-> {args.out / 'corpus.json'}, {args.out / 'corpus.md'}")
    return 0


def _still_there(run: CorpusRun, name: str) -> bool:
    """A finished build counts only while its index is still in the cache, and a seeded one
    (--seed-index) never: its figures were not measured, so the next run builds."""
    if name == "build":
        return (run.index / "current").exists() and not run.step(name).get("seeded_from")
    if name == "docs":
        return run.docs.is_dir()
    return True
