"""Scale: build, load, latency and recall of each dense index kind over real and synthetic
vectors, with the search-time knob swept."""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import Any

import harness
import numpy as np
from context import Context
from harness import percentiles, rss_mb, search_all

from ofsted_qa.index import generations


def _sweep(
    index: Any, kind: str, vectors: np.ndarray, queries: np.ndarray, truth: Any, kth: Any
) -> list[dict[str, Any]]:
    """Recall and latency across the search-time knob (efSearch for HNSW, nprobe for IVF)."""
    import faiss

    concrete: Any = faiss.downcast_index(index._index)
    values: tuple[int, ...]
    if kind == "hnsw":
        knob, values, default = "efSearch", (32, 64, 128, 256), concrete.hnsw.efSearch
    elif kind == "ivfpq" and hasattr(concrete, "nprobe"):
        knob, values, default = "nprobe", (8, 16, 32, 64, 128), concrete.nprobe
    else:
        return []
    rows = []
    for value in values:
        if kind == "hnsw":
            concrete.hnsw.efSearch = value
        else:
            concrete.nprobe = value
        found, times = search_all(index, queries, 10)
        rows.append(
            {
                knob: value,
                "p50_ms": percentiles(times)["p50_ms"],
                "p95_ms": percentiles(times)["p95_ms"],
                "recall_at_10": harness.recall_at(found, truth, 10),
                "recall_at_10_ties": harness.recall_with_ties(found, vectors, queries, kth),
            }
        )
    if kind == "hnsw":
        concrete.hnsw.efSearch = default
    else:
        concrete.nprobe = default
    return rows


def _measure_kinds(
    vectors: np.ndarray, queries: np.ndarray, folder: Path, kinds: tuple[str, ...], log: Any
) -> dict[str, Any]:
    from ofsted_qa.index.dense_index import DenseIndex

    folder.mkdir(parents=True, exist_ok=True)
    vec_path = folder / "vectors.npy"
    np.save(vec_path, vectors)
    mapped = np.load(vec_path, mmap_mode="r")
    truth = harness.exact_top(vectors, queries, 10)
    kth = np.einsum("ij,ij->i", vectors[truth[:, -1]], queries)
    out: dict[str, Any] = {}
    for kind in kinds:
        log(f"    {kind}: build")
        gc.collect()
        before = rss_mb()
        started = time.perf_counter()
        index = DenseIndex.build(vectors, kind)
        build_s = time.perf_counter() - started
        grew = rss_mb() - before
        path = folder / f"{kind}.faiss"
        index.save(path)
        del index
        gc.collect()
        before = rss_mb()
        started = time.perf_counter()
        loaded = DenseIndex.load(path, kind, mapped)
        load_s = time.perf_counter() - started
        search_all(loaded, queries[:20], 10)  # warm
        found, t10 = search_all(loaded, queries, 10)
        _, t100 = search_all(loaded, queries[:200], 100)
        out[kind] = {
            "build_s": round(build_s, 2),
            "build_rss_growth_mb": round(grew, 1),
            "file_mb": round(path.stat().st_size / 2**20, 1),
            "load_s": round(load_s, 3),
            "resident_after_load_and_search_mb": round(rss_mb() - before, 1),
            "latency_k10": percentiles(t10),
            "latency_k100": percentiles(t100),
            "recall_at_10": harness.recall_at(found, truth, 10),
            "recall_at_10_ties": harness.recall_with_ties(found, vectors, queries, kth),
            "sweep": _sweep(loaded, kind, vectors, queries, truth, kth),
        }
        del loaded
        path.unlink()
    flat = out.get("flat")
    if flat:
        for stats in out.values():
            stats["p50_speedup_vs_flat"] = round(
                flat["latency_k10"]["p50_ms"] / stats["latency_k10"]["p50_ms"], 1
            )
    vec_path.unlink()
    return out


def section_scale(ctx: Context) -> dict[str, Any]:
    syn = ctx.synthetic_settings().index_dir
    real = (
        np.array(generations.load_current(syn).vectors, dtype=np.float32)
        if generations.current_generation(syn)
        else None
    )
    embedder = ctx.query_embedder()
    ctx.log(f"  embedding {ctx.conf['queries']} query texts")
    texts = harness.query_texts(ctx.conf["queries"])
    started = time.perf_counter()
    queries = np.vstack([embedder.embed_query(t) for t in texts]).astype(np.float32)
    out: dict[str, Any] = {
        "query_count": len(texts),
        "query_embed_s": round(time.perf_counter() - started, 2),
        "queries": "golden questions + perturbed seed sentences, embedded by the ask encoder",
    }
    kinds = ("flat", "hnsw", "ivfpq")
    if real is not None and len(real) >= 1000:
        ctx.log(f"  recall on {len(real)} real embeddings")
        out["real"] = {
            "vectors": len(real),
            "what": "MiniLM embeddings of the synthetic corpus (perturbed seed paragraphs)",
            "kinds": _measure_kinds(real, queries, ctx.work / "scale-real", kinds, ctx.log),
        }
    dim = queries.shape[1]
    for size in ctx.conf["sizes"]:
        ctx.log(f"  {size} synthetic vectors near the real embeddings")
        vectors = harness.synthetic_vectors(size, dim, real)
        out[str(size)] = {
            "vectors": size,
            "what": "synthetic: real embeddings plus Gaussian noise, re-normalised",
            "kinds": _measure_kinds(vectors, queries, ctx.work / f"scale-{size}", kinds, ctx.log),
        }
        del vectors
        gc.collect()
    return out
