"""A smoke run of the benchmark harness on a tiny corpus with a hashing encoder (no model)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import harness  # noqa: E402
import run as bench_run  # noqa: E402


def test_synthetic_corpus_perturbs_seed_paragraphs(tmp_path: Path) -> None:
    info = harness.write_synthetic_corpus(tmp_path / "syn", 130, paragraphs_per_doc=60)
    assert info == {"documents": 3, "paragraphs": 130}
    meta = json.loads((tmp_path / "syn" / "metadata.json").read_text())
    assert len(meta) == 3 and all(m["kind"] == "inspection report" for m in meta.values())
    text = (tmp_path / "syn" / "syn_00000.txt").read_text()
    assert text.count("\n\n") >= 60 and text not in "".join(harness.seed_paragraphs())


def test_recall_and_percentiles() -> None:
    vectors = harness.synthetic_vectors(500, 16, None)
    assert vectors.shape == (500, 16)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    truth = harness.exact_top(vectors, vectors[:5], 10)
    assert harness.recall_at([list(t) for t in truth], truth, 10) == 1.0
    assert harness.recall_at([list(t[:5]) for t in truth], truth, 10) == 0.5
    stats = harness.percentiles([0.001, 0.002, 0.003])
    assert stats["p50_ms"] == 2.0 and stats["n"] == 3


def test_quick_run_writes_results_and_summary(tmp_path: Path) -> None:
    out = tmp_path / "results"
    code = bench_run.main(
        [
            "--quick",
            "--fake-model",
            "--out",
            str(out),
            "--work",
            str(tmp_path / "work"),
            "--synthetic-chunks",
            "120",
            "--sizes",
            "3000",
        ]
    )
    assert code == 0
    indexing = json.loads((out / "indexing.json").read_text())
    assert indexing["incremental"]["embedded"] < indexing["incremental"]["chunks"] / 2
    assert indexing["synthetic"]["chunks"] >= 120
    query = json.loads((out / "query.json").read_text())
    assert set(query["seeds"]["modes"]) == {"hybrid", "dense", "bm25"}
    scale = json.loads((out / "scale.json").read_text())
    kinds = scale["3000"]["kinds"]
    assert set(kinds) == {"flat", "hnsw", "ivfpq"}
    assert kinds["flat"]["recall_at_10"] == 1.0 and kinds["hnsw"]["recall_at_10"] >= 0.8
    summary = (out / "summary.md").read_text()
    assert "## Indexing" in summary and "## Scale" in summary and "| hnsw |" in summary
