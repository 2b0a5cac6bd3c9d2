"""A smoke run of the benchmark harness on a tiny corpus with a hashing encoder (no model)."""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

import numpy as np
import pytest

from ofsted_qa.ingest.chunking import approx_token_count, chunk_document
from ofsted_qa.ingest.documents import load_documents

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


def test_synthetic_passages_are_as_long_as_the_seeds(tmp_path: Path) -> None:
    """Indexing throughput on the synthetic corpus is only comparable if the chunker cuts it
    into passages like the seeds' (perturbing a block of one-per-line paragraphs whole once
    merged them into passages 17% longer)."""

    def mean_tokens(folder: Path) -> float:
        docs = load_documents([folder], folder).documents
        chunks = [c for d in docs for c in chunk_document(d.text, d.meta.doc_id)]
        return statistics.mean(approx_token_count(c.embedding_text) for c in chunks)

    harness.write_synthetic_corpus(tmp_path / "syn", 1500)
    assert mean_tokens(tmp_path / "syn") == pytest.approx(mean_tokens(harness.SEEDS), rel=0.08)


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
    synthetic = indexing["synthetic"]
    assert synthetic["corpus"]["paragraphs"] == 120 and synthetic["chunks"] > 60
    assert synthetic["embedded"] + synthetic["reused"] == synthetic["chunks"]  # a full build
    query = json.loads((out / "query.json").read_text())
    assert set(query["seeds"]["modes"]) == {"hybrid", "dense", "bm25"}
    scale = json.loads((out / "scale.json").read_text())
    kinds = scale["3000"]["kinds"]
    assert set(kinds) == {"flat", "hnsw", "ivfpq"}
    assert kinds["flat"]["recall_at_10"] == 1.0 and kinds["hnsw"]["recall_at_10"] >= 0.8
    summary = (out / "summary.md").read_text()
    assert "## Indexing" in summary and "## Scale" in summary and "| hnsw |" in summary


def test_manual_pages_are_read_as_prose(tmp_path: Path) -> None:
    import gzip

    import gpu_recall

    page = tmp_path / "man1" / "frob.1.gz"
    page.parent.mkdir()
    roff = (
        ".TH FROB 1\n.SH DESCRIPTION\n\\fBfrob\\fR reads the named files and writes them to the "
        "standard output in the order they are given.\n.PP\nIt is a short page.\n"
    )
    with gzip.open(page, "wt") as out:
        out.write(roff)
    with gzip.open(tmp_path / "notes.gz", "wt") as out:  # not a manual page: skipped
        out.write("This file is compressed but it is not in a manual section folder at all.\n")
    blocks = gpu_recall.prose_blocks([tmp_path], 100)
    assert blocks == [
        [
            "frob reads the named files and writes them to the standard output in the order "
            "they are given."
        ]
    ]


def test_recall_shards_resume_and_re_embed_only_what_changed(tmp_path: Path) -> None:
    import real_recall
    from tests.fakes import FakeEmbedder

    texts = [f"passage number {i} about foster carers" for i in range(10)]
    embedder = FakeEmbedder()
    first, _ = real_recall.embed_in_shards(texts, tmp_path, embedder, shard=4)
    assert embedder.embedded == 10 and first.shape == (10, embedder.dimension)
    again, _ = real_recall.embed_in_shards(texts, tmp_path, embedder, shard=4)
    assert embedder.embedded == 10  # nothing re-embedded
    np.testing.assert_array_equal(again, first)
    texts[5] = "a different passage about care leavers"
    changed, _ = real_recall.embed_in_shards(texts, tmp_path, embedder, shard=4)
    assert embedder.embedded == 14  # only the shard holding text 5
    assert len(list(tmp_path.glob("vectors-0001-*.npy"))) == 1
    np.testing.assert_array_equal(changed[:4], first[:4])
    assert not np.array_equal(changed[5], first[5])


def test_summary_states_the_recall_target_from_the_million_vector_run() -> None:
    import summary

    rows = [
        {"kind": "hnsw", "setting": 64, "p50_ms": 0.4, "recall@10": 0.93},
        {"kind": "hnsw", "setting": 128, "p50_ms": 0.7, "recall@10": 0.96},
        {"kind": "hnsw", "setting": 256, "p50_ms": 1.3, "recall@10": 0.98},
        {"kind": "ivfpq", "setting": 32, "p50_ms": 1.1, "recall@10": 0.91},
        {"kind": "ivfpq", "setting": 64, "p50_ms": 1.8, "recall@10": 0.94},
    ]
    common = {"build_s": 1, "file_mib": 2, "load_s": 0.05, "p95_ms": 2}
    result = {"data": {"corpus": 1_000_000}, "threads": 2, "rows": [r | common for r in rows]}
    text = "\n".join(summary._real_recall(result))
    assert "HNSW efSearch=128 reaches recall 0.96 at p50 0.7 ms (met)" in text
    assert "nprobe=64" in text and "recall 0.94" in text
    assert summary.fastest_reaching(result["rows"], "hnsw", 0.99) is None
    slow = [r | {"p50_ms": 3.0} for r in result["rows"]]
    assert "(not met)" in "\n".join(summary._real_recall(result | {"rows": slow}))


def test_real_recall_run_writes_every_kind_and_setting(tmp_path: Path, monkeypatch) -> None:
    import real_recall
    from tests.fakes import FakeModel

    words = "care leavers foster adoption social workers court plans visits health school".split()
    rng = np.random.default_rng(0)
    corpus = [" ".join(rng.choice(words, 8)) + f" item {i}" for i in range(4500)]
    queries = [" ".join(rng.choice(words, 4)) for _ in range(20)]
    info = {"seed_variants": 0, "prose_passages": len(corpus), "corpus": len(corpus)}
    monkeypatch.setattr(real_recall, "corpus_and_queries", lambda count, n: (corpus, queries, info))
    monkeypatch.setattr(real_recall, "LocalModel", lambda onnx_cache: FakeModel())
    out = tmp_path / "out"
    assert real_recall.main(["--cache", str(tmp_path / "cache"), "--out", str(out)]) == 0
    result = json.loads((out / "real_recall.json").read_text())
    assert result["data"]["queries"] == 20 and result["flat"]["p50_ms"] > 0
    settings = [(r["kind"], r["setting"]) for r in result["rows"]]
    assert settings == [("hnsw", s) for s in (32, 64, 128, 256)] + [
        ("ivfpq", s) for s in (8, 16, 32, 64)
    ]
    assert all(0 <= r["recall@10"] <= 1 for r in result["rows"])
    assert max(r["recall@10"] for r in result["rows"] if r["kind"] == "hnsw") >= 0.9
