"""Warm query latency: the bare query embedding beside a search in each mode, on the seeds and
synthetic indexes, and the ONNX query encoder against sentence-transformers."""

from __future__ import annotations

import time
from typing import Any

import harness
import numpy as np
from context import Context, compare_rankings, rankings
from harness import percentiles

from ofsted_qa.index import generations


def _latency(bundle: Any, embedder: Any, questions: list[str], repeats: int) -> dict[str, Any]:
    """Per question, the bare embedding and a search in each mode, one right after the other:
    this machine's speed drifts over seconds, and interleaving puts every ratio's two sides
    under the same drift."""
    from models import TimedEmbedder

    from ofsted_qa.retrieval.search import Searcher

    timed = TimedEmbedder(embedder)
    searcher = Searcher(bundle, timed)
    modes = ("hybrid", "dense", "bm25")
    for mode in modes:
        searcher.search(questions[0], mode=mode)  # warm caches
    bare: list[float] = []
    total: dict[str, list[float]] = {m: [] for m in modes}
    embed: dict[str, list[float]] = {m: [] for m in modes}
    for _ in range(repeats):
        for q in questions:
            started = time.perf_counter()
            embedder.embed_query(q)
            bare.append(time.perf_counter() - started)
            for mode in modes:
                timed.last_s = 0.0
                started = time.perf_counter()
                searcher.search(q, k=5, mode=mode)
                total[mode].append(time.perf_counter() - started)
                embed[mode].append(timed.last_s)
    bare_stats = percentiles(bare)
    stats: dict[str, Any] = {}
    for mode in modes:
        row = stats[mode] = dict(percentiles(total[mode]))
        row["embedding_share"] = round(sum(embed[mode]) / sum(total[mode]), 3)
        retrieval = [t - e for t, e in zip(total[mode], embed[mode], strict=True)]
        row["retrieval_only"] = percentiles(retrieval)
        row["p50_vs_bare_embedding"] = round(row["p50_ms"] / bare_stats["p50_ms"], 3)
    return {"bare_query_embedding": bare_stats, "modes": stats, "chunks": len(bundle.store)}


def section_query(ctx: Context) -> dict[str, Any]:
    questions = [q["question"] for q in harness.golden_questions()]
    repeats = 3 if ctx.profile != "quick" else 1
    seeds = generations.load_current(ctx.seeds_settings().index_dir)
    embedder = ctx.query_embedder()
    label = type(embedder).__name__
    out: dict[str, Any] = {"encoder": label, "questions": len(questions), "repeats": repeats}
    ctx.log(f"  seeds index, {label}")
    out["seeds"] = _latency(seeds, embedder, questions, repeats)
    syn_dir = ctx.synthetic_settings().index_dir
    if generations.current_generation(syn_dir):
        ctx.log(f"  synthetic index, {label}")
        out["synthetic"] = _latency(generations.load_current(syn_dir), embedder, questions, 1)
    if not ctx.fake:
        from ofsted_qa.index.models import SentenceTransformerEmbedder

        ctx.log("  seeds index, sentence-transformers query encoder (reference)")
        st = SentenceTransformerEmbedder()
        out["seeds_sentence_transformers"] = _latency(seeds, st, questions, 1)
        golden = harness.golden_questions()
        ids = [q["id"] for q in golden]
        out["onnx_vs_st_rankings"] = {
            m: compare_rankings(
                rankings(seeds, st, questions, m), rankings(seeds, embedder, questions, m), ids
            )
            for m in ("hybrid", "dense")
        }
        probe = np.vstack([st.embed_query(q) for q in questions])
        onnx = np.vstack([embedder.embed_query(q) for q in questions])
        out["onnx_vs_st_min_cosine"] = round(float((probe * onnx).sum(axis=1).min()), 7)
    return out
