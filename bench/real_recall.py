"""Recall of the approximate dense indexes on a million real MiniLM embeddings, on this CPU.

`gpu_recall.py` measures this where a GPU is lent. Without one, this script embeds the same
corpus (the seeds' paragraphs perturbed, plus English prose found on the machine) with the
shipped ONNX encoder, whose vectors match sentence-transformers to cosine 0.99999. That runs at
about 200 passages/s on two cores, so a million takes over an hour. Vectors are saved in shards
under --cache, named by a digest of their texts, so a run that is stopped resumes where it left
off.

Exact neighbours come from brute force (FAISS flat) over the same vectors. Builds and searches
use the reference box's two threads.

    python3 bench/real_recall.py [--count 1000000] [--cache DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

from gpu_recall import corpus_and_queries, measure  # noqa: E402
from harness import percentiles, search_all  # noqa: E402

from ofsted_qa.index import dense_index  # noqa: E402
from ofsted_qa.index.dense_index import DenseIndex  # noqa: E402
from ofsted_qa.index.embedding import Embedder  # noqa: E402
from ofsted_qa.index.models import LocalModel  # noqa: E402

SHARD = 20_000
THREADS = 2
FLAT_QUERIES = 100  # exact search takes ~0.1 s a query at 1M: a sample gives its latency


def digest(texts: list[str]) -> str:
    return hashlib.sha256("\n".join(texts).encode()).hexdigest()


def embed_in_shards(
    texts: list[str], cache: Path, embedder: Embedder, shard: int = SHARD
) -> tuple[np.ndarray, float]:
    """All vectors, embedding only the shards not already on disk for these very texts; the
    seconds spent embedding in this run."""
    cache.mkdir(parents=True, exist_ok=True)
    spent = 0.0
    shards = []
    for number, begin in enumerate(range(0, len(texts), shard)):
        part = texts[begin : begin + shard]
        path = cache / f"vectors-{number:04d}-{digest(part)[:16]}.npy"
        if not path.exists():
            for stale in cache.glob(f"vectors-{number:04d}-*.npy"):
                stale.unlink()  # this shard's texts changed: its old vectors are of no use
            started = time.perf_counter()
            vectors = embedder.embed_documents(part)
            took = time.perf_counter() - started
            spent += took
            partial = path.with_suffix(".partial.npy")
            np.save(partial, vectors)
            partial.replace(path)  # a killed run never leaves a half-written shard
            done = begin + len(part)
            print(f"embedded {done:,}/{len(texts):,} ({len(part) / took:.0f}/s)", flush=True)
        shards.append(np.load(path))
    return np.vstack(shards), spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--cache", type=Path, default=ROOT / "bench/results/tmp/real-recall")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results")
    args = parser.parse_args(argv)
    import faiss

    faiss.omp_set_num_threads(THREADS)
    k = 10
    result: dict[str, Any] = {"machine": platform.processor() or platform.machine()}
    result["threads"] = THREADS
    started = time.perf_counter()
    corpus, query_texts, result["data"] = corpus_and_queries(args.count, args.queries)
    result["data"]["queries"] = len(query_texts)
    result["corpus_s"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result["data"]), flush=True)
    if len(corpus) < args.count:
        print(f"only {len(corpus):,} passages of real text found", flush=True)
    embedder = LocalModel(onnx_cache=args.cache / "encoders").document_embedder()
    texts = corpus + query_texts
    vectors, result["embed_s_this_run"] = embed_in_shards(texts, args.cache, embedder)
    queries, vectors = vectors[len(corpus) :], vectors[: len(corpus)]
    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    began = time.perf_counter()
    truth_scores, truth = flat.search(queries, k)
    result["exact_all_queries_s"] = round(time.perf_counter() - began, 1)
    _, times = search_all(DenseIndex(flat, "flat"), queries[:FLAT_QUERIES], k)
    result["flat"] = {key: percentiles(times)[key] for key in ("p50_ms", "p95_ms")}
    del flat
    result["rows"] = measure(vectors, queries, truth_scores[:, k - 1], truth, THREADS, THREADS)
    result["defaults"] = {
        "hnsw_efSearch": dense_index.HNSW_EF_SEARCH,
        "ivfpq_nprobe": dense_index.IVFPQ_NPROBE,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "real_recall.json").write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
