"""The corpus bench's building steps: the documents copied, the first build (and the seeds-only
one beside it), the index brought up to the code measured, its size, and one report added."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

from corpus import CorpusRun
from corpus_proc import cli, measured

SUMMARY = re.compile(r"(?:Indexed|Index up to date:) (\d+) documents, (\d+) passages")


def _index(index: Path, *args: str) -> dict[str, Any]:
    """`ofsted-qa --index INDEX index ARGS`, measured, with its summary line read."""
    got = measured(cli("--index", str(index), "index", *args))
    text = got.pop("stdout")
    found = SUMMARY.search(text)
    got["summary"] = next((line for line in text.splitlines() if SUMMARY.search(line)), text[:300])
    if found:
        got["documents"], got["passages"] = int(found.group(1)), int(found.group(2))
    return got


def _pdfs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.pdf") if p.is_file())


def step_docs(run: CorpusRun) -> dict[str, Any]:
    """Copy the reports under the cache, holding out the one of median size."""
    reports = _pdfs(run.corpus)
    held = sorted(reports, key=lambda p: (p.stat().st_size, str(p)))[len(reports) // 2]
    for folder in (run.docs, run.held_out):
        shutil.rmtree(folder, ignore_errors=True)
    for path in reports:
        target = (run.held_out if path == held else run.docs) / path.relative_to(run.corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    return {
        "reports": len(reports),
        "held_out": str(held.relative_to(run.corpus)),
        "held_out_bytes": held.stat().st_size,
        "copied_from": str(run.corpus),
    }


def _restore_held_out(run: CorpusRun) -> Path:
    """Put the held-out report back where the "one report added" step expects it; its path."""
    rel = run.step("docs")["held_out"]
    inside, outside = run.docs / rel, run.held_out / rel
    if inside.exists():
        outside.parent.mkdir(parents=True, exist_ok=True)
        inside.replace(outside)
    return outside


def step_build(run: CorpusRun) -> dict[str, Any]:
    """From scratch: no index, no extracted text, no ONNX export (all under the index). With
    --seed-index, a copy of an index of the same corpus built elsewhere, re-pointed at the
    cache's documents instead (no embedding: every text keeps its vector), and said."""
    attempt = run.step("build")
    _restore_held_out(run)
    shutil.rmtree(run.index, ignore_errors=True)
    if run.seed_index is None:
        got = _index(run.index, "--docs", str(run.seeds), "--docs", str(run.docs))
        got["what"] = "seeds + every report but the held-out one, from scratch"
        return got
    shutil.copytree(run.seed_index, run.index, symlinks=True)
    folders = json.loads((run.index / "current" / "manifest.json").read_text())["doc_dirs"]
    reports = [f for f in folders if Path(f).resolve() == run.corpus]
    removed = [arg for f in reports for arg in ("--remove-docs", f)]
    got = _index(run.index, *removed, "--docs", str(run.docs))
    got["what"] = (
        f"NOT a from-scratch build: a copy of {run.seed_index} re-pointed at the cache's "
        "reports (the held-out one left out); the build figures are not measured"
    )
    got["seeded_from"] = str(run.seed_index)
    if attempt.get("status") == "failed":  # what an interrupted from-scratch build got to
        got["from_scratch_attempt"] = attempt
    return got


def step_seeds_build(run: CorpusRun) -> dict[str, Any]:
    """The reference: the seeds alone, from scratch, in this run."""
    shutil.rmtree(run.seeds_index, ignore_errors=True)
    return _index(run.seeds_index, "--docs", str(run.seeds))


def step_refresh(run: CorpusRun) -> dict[str, Any]:
    """Bring both cached indexes up to the code being measured (a new chunker or index format
    since the build); a no-op when they are fresh. Timed, but not the build figure."""
    return {"corpus": _index(run.index), "seeds": _index(run.seeds_index)}


def _bytes(path: Path) -> int:
    """A file's size, or everything under a folder; 0 when absent."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def _sizes(index: Path) -> dict[str, float]:
    mb = 2**20
    live = (index / "current").resolve()
    files = {p.name: round(_bytes(p) / mb, 1) for p in sorted(live.iterdir())}
    return {
        "generation_mb": round(_bytes(live) / mb, 1),
        "extracted_mb": round(_bytes(index / "extracted") / mb, 1),
        "encoders_mb": round(_bytes(index / "encoders") / mb, 1),
        "files_mb": files,
    }


def step_size(run: CorpusRun) -> dict[str, Any]:
    return {"corpus": _sizes(run.index), "seeds": _sizes(run.seeds_index)}


def step_add_one(run: CorpusRun) -> dict[str, Any]:
    """The held-out report added to the corpus index and timed, beside a no-op `index` (the
    freshness check alone) and the same report added to the seeds-only index."""
    outside = _restore_held_out(run)
    rel = run.step("docs")["held_out"]
    out: dict[str, Any] = {"report": rel}
    out["setup_without_it"] = _index(run.index)  # the index as it was before the add
    out["noop_reference"] = _index(run.index)
    inside = run.docs / rel
    inside.parent.mkdir(parents=True, exist_ok=True)
    outside.replace(inside)
    out["corpus"] = _index(run.index)
    alone = run.cache / "one-report"
    shutil.rmtree(alone, ignore_errors=True)
    alone.mkdir()
    shutil.copy2(inside, alone / Path(rel).name)
    out["seeds_noop_reference"] = _index(run.seeds_index)
    out["seeds"] = _index(run.seeds_index, "--docs", str(alone))
    _index(run.seeds_index, "--remove-docs", str(alone))  # the seeds index as it was
    return out
