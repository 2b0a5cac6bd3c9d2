"""`make bench`: indexing, query latency, cold start, TUI start and scale, on this machine.

    .venv/bin/python bench/run.py            # default, ~7 min on 2 cores
    .venv/bin/python bench/run.py --quick    # smoke run: tiny corpus, 5k vectors
    .venv/bin/python bench/run.py --full     # 20k-paragraph corpus, adds 1M vectors (~25 min)
    .venv/bin/python bench/run.py --sections scale --sizes 100000,1000000   # one section
    .venv/bin/python bench/run.py --fake-model --quick   # no model at all (used by the tests)

Writes bench/results/<section>.json and bench/results/summary.md. Every figure sits beside its
reference measured in the same run: the machine is shared and noisy, ratios are what count.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "src"))

import harness  # noqa: E402
from harness import percentiles, rss_mb, search_all  # noqa: E402

from ofsted_qa import index_store  # noqa: E402
from ofsted_qa.config import Settings  # noqa: E402
from ofsted_qa.indexer import build_index  # noqa: E402

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


@dataclass
class Context:
    profile: str
    fake: bool
    work: Path
    out: Path
    conf: dict[str, Any]
    results: dict[str, Any] = field(default_factory=dict)
    log: Callable[[str], None] = print
    _model: Any = None
    _query_embedder: Any = None

    @property
    def bin(self) -> Path:
        return Path(sys.executable).parent

    def model(self) -> Any:
        if self._model is None:
            if self.fake:
                from models import HashModel

                self._model = HashModel()
            else:
                from ofsted_qa.embedding import LocalModel

                self._model = LocalModel(onnx_cache=self.seeds_settings().index_dir / "encoders")
        return self._model

    def query_embedder(self) -> Any:
        """The encoder `ofsted-qa ask` uses: ONNX when exported, else sentence-transformers."""
        if self._query_embedder is None:
            self._query_embedder = self.model().query_embedder()
        return self._query_embedder

    def settings(self, name: str, docs: Path) -> Settings:
        return Settings(root=harness.ROOT, index_dir=self.work / name, doc_dirs=(docs,))

    def seeds_settings(self) -> Settings:
        return self.settings("seeds-index", self.work / "seeds")

    def synthetic_settings(self) -> Settings:
        return self.settings("synthetic-index", self.work / "synthetic")


# --- indexing ----------------------------------------------------------------------------------


def _timed_build(settings: Settings, model: Any, *, rebuild: bool) -> dict[str, Any]:
    """Build; throughput counts the embedding phase (model loaded) and the whole build."""
    marks: dict[str, float] = {}

    def progress(total: int) -> Callable[[int], None]:
        marks["embed_start"] = time.perf_counter()

        def advance(_n: int) -> None:
            marks["embed_end"] = time.perf_counter()

        return advance

    rss_before = rss_mb()
    report = build_index(settings, model, rebuild=rebuild, progress=progress, force_publish=rebuild)
    embed_s = marks.get("embed_end", 0.0) - marks.get("embed_start", 0.0)
    bundle = index_store.load_current(settings.index_dir)
    vectored = report.embedded + report.reused  # passages given a vector by this build
    return {
        "chunks": report.chunks,
        "embedded": report.embedded,
        "reused": report.reused,
        "build_s": round(report.seconds, 3),
        "embed_s": round(embed_s, 3),
        "embed_chunks_per_s": round(report.embedded / embed_s, 1) if embed_s > 0 else None,
        # Counting the passages that shared a text with one embedded (each text embeds once).
        "vectored_chunks_per_s": round(vectored / embed_s, 1) if embed_s > 0 else None,
        "end_to_end_chunks_per_s": round(vectored / report.seconds, 1) if report.seconds else None,
        "index_bytes": harness.folder_bytes(bundle.folder),
        "index_files": bundle.manifest.files,
        "rss_growth_mb": round(rss_mb() - rss_before, 1),
        "summary": report.summary(),
    }


def _candidates(ctx: Context) -> dict[str, Any]:
    """Faster document encoders that keep the model's fingerprint (index stays compatible)."""
    if ctx.fake:
        return {}
    from models import CandidateModel, SortedSTEmbedder

    from ofsted_qa.onnx_encoder import OnnxEmbedder, ensure_onnx_export

    base = ctx.model()
    folder = ensure_onnx_export(base.path, ctx.seeds_settings().index_dir / "encoders")
    return {
        "st-bf16-sorted-b8": CandidateModel(
            base, lambda: SortedSTEmbedder(batch_size=8, bf16=True), "bf16"
        ),
        "st-fp32-sorted-b16": CandidateModel(
            base, lambda: SortedSTEmbedder(batch_size=16, bf16=False), "fp32-sorted"
        ),
        # What shipped before batches ran side by side: one batch at a time over both cores.
        "onnx-fp32-b8-one-at-a-time": CandidateModel(
            base, lambda: OnnxEmbedder(folder, batch_size=8, document_workers=1), "onnx"
        ),
    }


def rankings(bundle: Any, embedder: Any, questions: list[str], mode: str) -> list[list[int]]:
    from ofsted_qa.search import Searcher

    searcher = Searcher(bundle, embedder)
    return [[h.chunk_id for h in searcher.search(q, k=10, mode=mode).hits] for q in questions]


def compare_rankings(a: list[list[int]], b: list[list[int]], ids: list[str]) -> dict[str, Any]:
    same = [x == y for x, y in zip(a, b, strict=True)]
    same_set = [set(x) == set(y) for x, y in zip(a, b, strict=True)]
    top1 = [x[:1] == y[:1] for x, y in zip(a, b, strict=True)]
    return {
        "questions": len(a),
        "identical_top10": sum(same),
        "same_top10_set": sum(same_set),
        "same_top1": sum(top1),
        "differing": [i for i, s in zip(ids, same, strict=True) if not s][:20],
    }


def section_indexing(ctx: Context) -> dict[str, Any]:
    seeds = ctx.work / "seeds"
    if seeds.exists():
        shutil.rmtree(seeds)
    shutil.copytree(harness.SEEDS, seeds)
    settings = ctx.seeds_settings()
    model = ctx.model()
    out: dict[str, Any] = {"seeds": {}, "candidates": {}}
    candidates = _candidates(ctx)
    runs: dict[str, list[dict[str, Any]]] = {"shipped": []}
    for _ in range(ctx.conf["repeats"]):  # interleaved, so drifting load hits all alike
        ctx.log("  seeds, shipped encoder (ONNX fp32, a small batch per core)")
        runs["shipped"].append(_timed_build(settings, model, rebuild=True))
        for name, cand in candidates.items():
            ctx.log(f"  seeds, candidate {name}")
            cand_settings = ctx.settings(f"seeds-{name}", seeds)
            runs.setdefault(name, []).append(_timed_build(cand_settings, cand, rebuild=True))
    for name, rs in runs.items():
        best = max(rs, key=lambda r: r["embed_chunks_per_s"] or 0)
        best["embed_chunks_per_s_runs"] = [r["embed_chunks_per_s"] for r in rs]
        (out["seeds"] if name == "shipped" else out["candidates"]).update({name: best})
    if not ctx.fake:
        from ofsted_qa.session import prepare_query_encoder

        prepare_query_encoder(settings, ctx.log)
    shipped = index_store.load_current(settings.index_dir)
    golden = harness.golden_questions()
    questions = [q["question"] for q in golden]
    ids = [q["id"] for q in golden]
    embedder = ctx.query_embedder()
    reference = {m: rankings(shipped, embedder, questions, m) for m in ("hybrid", "dense")}
    shipped_vectors = np.asarray(shipped.vectors)
    for name in candidates:
        bundle = index_store.load_current(ctx.settings(f"seeds-{name}", seeds).index_dir)
        cos = (np.asarray(bundle.vectors) * shipped_vectors).sum(axis=1)
        out["candidates"][name]["min_cosine_to_shipped"] = round(float(cos.min()), 6)
        out["candidates"][name]["speedup_vs_shipped"] = round(
            out["candidates"][name]["embed_chunks_per_s"]
            / out["seeds"]["shipped"]["embed_chunks_per_s"],
            2,
        )
        out["candidates"][name]["golden_rankings_vs_shipped"] = {
            m: compare_rankings(reference[m], rankings(bundle, embedder, questions, m), ids)
            for m in reference
        }
    # Incremental: one paragraph of one document edited, only that passage re-embedded.
    doc = harness.touch_one_document(seeds)
    inc = _timed_build(settings, model, rebuild=False)
    inc["changed_document"] = doc
    inc["share_re_embedded"] = round(inc["embedded"] / inc["chunks"], 4)
    out["incremental"] = inc
    ctx.log(f"  incremental: {inc['summary']}")
    if not ctx.fake:
        ctx.log("  `ofsted-qa index --rebuild` in a fresh process (peak memory)")
        proc = harness.timed_process(
            [
                str(ctx.bin / "ofsted-qa"),
                "--index",
                str(settings.index_dir),
                "index",
                "--docs",
                str(seeds),
                "--rebuild",
            ]
        )
        out["cli_index_rebuild"] = {k: proc[k] for k in ("rc", "exit_s")} | {
            "stdout": proc["stdout"].strip(),
            "peak_rss_mb": harness.peak_rss_of(proc["argv"]),
        }
    # Synthetic corpus: the seeds' paragraphs perturbed, indexed with the fastest candidate.
    synthetic = ctx.work / "synthetic"
    info = harness.write_synthetic_corpus(synthetic, ctx.conf["synthetic"])
    encoder = "hash" if ctx.fake else "shipped"
    ctx.log(f"  synthetic corpus ({info['paragraphs']} paragraphs), encoder {encoder}")
    syn = _timed_build(ctx.synthetic_settings(), model, rebuild=True)
    syn |= {"corpus": info, "encoder": encoder}
    out["synthetic"] = syn
    ctx.log(f"  synthetic: {syn['summary']}")
    return out


# --- warm query latency ------------------------------------------------------------------------


def _latency(bundle: Any, embedder: Any, questions: list[str], repeats: int) -> dict[str, Any]:
    """Per question, the bare embedding and a search in each mode, one right after the other:
    this machine's speed drifts over seconds, and interleaving puts every ratio's two sides
    under the same drift."""
    from models import TimedEmbedder

    from ofsted_qa.search import Searcher

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
    seeds = index_store.load_current(ctx.seeds_settings().index_dir)
    embedder = ctx.query_embedder()
    label = type(embedder).__name__
    out: dict[str, Any] = {"encoder": label, "questions": len(questions), "repeats": repeats}
    ctx.log(f"  seeds index, {label}")
    out["seeds"] = _latency(seeds, embedder, questions, repeats)
    syn_dir = ctx.synthetic_settings().index_dir
    if index_store.current_generation(syn_dir):
        ctx.log(f"  synthetic index, {label}")
        out["synthetic"] = _latency(index_store.load_current(syn_dir), embedder, questions, 1)
    if not ctx.fake:
        from ofsted_qa.embedding import SentenceTransformerEmbedder

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


# --- cold start --------------------------------------------------------------------------------


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
    return out


# --- TUI ---------------------------------------------------------------------------------------

TUI_PROBE = r"""
import asyncio, json, sys, time
t0 = float(sys.argv[1])
marks = {}
from ofsted_qa.tui.app import OfstedApp
marks["imported_s"] = time.time() - t0

class Probe(OfstedApp):
    def on_mount(self):
        super().on_mount()
        marks["mounted_s"] = time.time() - t0
        self.call_after_refresh(lambda: marks.setdefault("first_paint_s", time.time() - t0))
    def index_ready(self, engine):
        super().index_ready(engine)
        marks["index_ready_s"] = time.time() - t0
    def model_ready(self):
        super().model_ready()
        marks["model_ready_s"] = time.time() - t0

async def main():
    app = Probe(index_dir=sys.argv[2], model_name=None)
    async with app.run_test(size=(120, 40)) as pilot:
        deadline = time.time() + 60
        while "model_ready_s" not in marks and time.time() < deadline:
            await pilot.pause(0.02)
        if app.engine is not None and "model_ready_s" in marks:
            q = "What did Ofsted say about care leavers in 2014?"
            started = time.time()
            search = getattr(app.engine, "search", None)
            if search is not None:
                try:
                    search(q)
                except TypeError:
                    pass
                marks["first_search_s"] = time.time() - started
asyncio.run(main())
print(json.dumps(marks))
"""


def section_tui(ctx: Context) -> dict[str, Any]:
    try:
        import ofsted_qa.tui.app  # noqa: F401
    except ImportError as exc:
        return {"status": "TODO", "why": f"ofsted_qa.tui.app not importable: {exc}"}
    python = str(ctx.bin / "python")
    index = str(ctx.seeds_settings().index_dir)
    got = []
    for _ in range(3 if ctx.profile != "quick" else 1):
        proc = harness.timed_process(
            [python, "-c", TUI_PROBE, repr(time.time()), index], timeout=120
        )
        lines = [line for line in proc["stdout"].splitlines() if line.startswith("{")]
        if proc["rc"] != 0 or not lines:
            return {"status": "failed", "stderr": proc["stderr"][-1500:]}
        got.append(json.loads(lines[-1]))
    keys = sorted({k for g in got for k in g})
    argv = [python, "-c", TUI_PROBE, repr(time.time()), index]
    return {
        "peak_rss_mb": harness.peak_rss_of(argv),
        "status": "measured",
        "method": "App.run_test() headless in a fresh process; times from process launch",
        "runs": got,
        "median": {k: harness.median([g[k] for g in got if k in g]) for k in keys},
    }


# --- scale -------------------------------------------------------------------------------------


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
    from ofsted_qa.dense_index import DenseIndex

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
        np.array(index_store.load_current(syn).vectors, dtype=np.float32)
        if index_store.current_generation(syn)
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
