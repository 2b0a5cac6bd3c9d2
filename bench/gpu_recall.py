"""Recall of the approximate dense indexes on a million real MiniLM embeddings of real text.

Embedding a million passages takes about five hours on the 2-core reference machine, so this
part runs where a GPU is lent: it embeds, computes the exact neighbours on the GPU, then builds
the shipped `DenseIndex` kinds with FAISS on the CPU and measures recall@10 and latency.

Real text: the seeds' paragraphs (perturbed, as in the synthetic corpus) plus English prose found
on the machine itself — docstrings, comments and documentation of the installed packages —
deduplicated. Queries are the golden questions and held-out paragraphs' sentences never indexed.

    python3 bench/gpu_recall.py --model DIR --out DIR [--count 1000000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import random
import re
import site
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

from harness import (  # noqa: E402
    golden_questions,
    percentiles,
    perturb,
    recall_at,
    recall_with_ties,
    search_all,
    seed_paragraphs,
)

from ofsted_qa.index import dense_index  # noqa: E402
from ofsted_qa.index.dense_index import DenseIndex  # noqa: E402

PROSE_SUFFIXES = {".py", ".md", ".rst", ".txt"}
# roff escapes (fonts, special characters, sizes) in manual pages, dropped to leave the prose.
ROFF_ESCAPE = re.compile(
    r"\\f[BIRPC]|\\f\(..|\\f\[[^\]]*\]|\\\(..|\\\*\(..|\\\*.|\\s[-+]?\d|\\[-&|^~ 0ec]"
)
SEED_VARIANTS = 50_000
# English prose is dense in function words; code and identifiers are not.
FUNCTION_WORDS = frozenset(
    "the a an of to is and in that for it be this with as are on or by not".split()
)


def prose_blocks(roots: list[Path], wanted: int) -> list[list[str]]:
    """Blank-line separated blocks of English prose (docstrings, comments, documentation),
    each as its list of sentences; code and identifiers are filtered out."""
    found: dict[str, list[str]] = {}
    sentences_seen = 0
    for root in roots:
        for path in sorted(root.rglob("*")):
            text = _read_prose(path)
            if text is None:
                continue
            for block in re.split(r"\n\s*\n", text):
                words = re.sub(r"[#*`>\"'=_|{}\[\]()]+", " ", block).split()
                tokens = [w.lower() for w in words]
                if not 8 <= len(words) <= 150 or sum(w.isalpha() for w in words) < 0.75 * len(
                    words
                ):
                    continue
                if sum(t in FUNCTION_WORDS for t in tokens) < 0.15 * len(tokens):
                    continue
                joined = " ".join(words)
                if joined not in found:
                    found[joined] = re.split(r"(?<=[.!?]) ", joined)
                    sentences_seen += len(found[joined])
            if sentences_seen + len(found) >= wanted:
                return list(found.values())
    return list(found.values())


def _read_prose(path: Path) -> str | None:
    """A text file's contents, or an English manual page's with its roff requests as paragraph
    breaks; None for anything else."""
    manual = path.suffix == ".gz" and re.fullmatch(r"man[1-8]", path.parent.name) is not None
    if not (manual or path.suffix in PROSE_SUFFIXES) or not path.is_file():
        return None
    try:
        if not manual:
            return path.read_text(encoding="utf-8", errors="ignore")
        with gzip.open(path, "rt", encoding="utf-8", errors="ignore") as roff:
            lines = roff.read().splitlines()
    except (OSError, EOFError):
        return None
    return "\n".join("" if s.startswith((".", "'")) else ROFF_ESCAPE.sub("", s) for s in lines)


def passages(block: list[str]) -> list[str]:
    """The whole block, and each sentence long enough to stand alone."""
    whole = " ".join(block)
    return [whole] + [s for s in block if len(s.split()) >= 8 and s != whole]


def corpus_and_queries(count: int, query_count: int) -> tuple[list[str], list[str], dict[str, int]]:
    rng = random.Random(0)
    seeds = seed_paragraphs()
    seed_texts = list(dict.fromkeys(perturb(rng.choice(seeds), rng) for _ in range(SEED_VARIANTS)))
    roots = [Path(p) for p in site.getsitepackages()] + [Path(sysconfig.get_paths()["stdlib"])]
    roots += [Path(p) for p in ("/usr/lib", "/usr/share", "/opt", "/usr/local/lib")]
    blocks = prose_blocks(list(dict.fromkeys(r for r in roots if r.is_dir())), 2 * count)
    rng.shuffle(blocks)
    # Queries come from blocks that are never indexed, so no query is its own answer.
    held_out, blocks = blocks[:query_count], blocks[query_count:]
    prose = list(dict.fromkeys(p for block in blocks for p in passages(block)))
    if len(seed_texts) + len(prose) < count:
        # Short of text: two-sentence windows of the longer blocks, as an overlapping chunker
        # would cut them. They come last, so the passages before them keep their places.
        pairs = (" ".join(b[i : i + 2]) for b in blocks if len(b) >= 3 for i in range(len(b) - 1))
        seen = set(prose)
        prose += [w for w in dict.fromkeys(pairs) if w not in seen]
    corpus = (seed_texts + prose)[:count]
    queries = [q["question"] for q in golden_questions()]
    queries += [b[0] for b in held_out if len(b[0].split()) >= 5][: query_count - len(queries)]
    info = {"seed_variants": len(seed_texts), "prose_passages": len(prose), "corpus": len(corpus)}
    return corpus, queries, info


def embed(model_dir: str, texts: list[str]) -> tuple[np.ndarray, float]:
    import torch
    from sentence_transformers import SentenceTransformer

    device = "cuda" if torch.cuda.is_available() else "cpu"  # cpu: a local smoke run only
    model = SentenceTransformer(model_dir, device=device)
    if device == "cuda":
        model.half()
    started = time.perf_counter()
    vectors = model.encode(
        texts, batch_size=1024, normalize_embeddings=True, convert_to_numpy=True
    ).astype(np.float32)
    return vectors, time.perf_counter() - started


def exact_top(vectors: np.ndarray, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    import torch

    device = "cuda" if torch.cuda.is_available() else "cpu"
    corpus = torch.from_numpy(vectors).to(device)
    scores = torch.from_numpy(queries).to(device) @ corpus.T
    top = torch.topk(scores, k, dim=1)
    return top.indices.cpu().numpy(), top.values.cpu().numpy()


def measure(
    vectors: np.ndarray,
    queries: np.ndarray,
    kth: np.ndarray,
    truth: np.ndarray,
    build_threads: int,
    search_threads: int,
) -> list[dict[str, Any]]:
    """Each shipped approximate kind at each search setting: build and load time, file size,
    latency (one query at a time) and recall@10 against the exact neighbours `truth`."""
    import faiss

    k = truth.shape[1]
    rows = []
    folder = Path(tempfile.mkdtemp())
    for kind in ("hnsw", "ivfpq"):
        faiss.omp_set_num_threads(build_threads)
        began = time.perf_counter()
        index = DenseIndex.build(vectors, kind)
        build_s = time.perf_counter() - began
        index.save(folder / f"{kind}.faiss")
        began = time.perf_counter()
        index = DenseIndex.load(folder / f"{kind}.faiss", kind, vectors)
        load_s = time.perf_counter() - began
        faiss.omp_set_num_threads(search_threads)
        settings = {"hnsw": [32, 64, 128, 256], "ivfpq": [8, 16, 32, 64]}[kind]
        for setting in settings:
            index.tune(**({"ef_search": setting} if kind == "hnsw" else {"nprobe": setting}))
            found, times = search_all(index, queries, k)
            latency = {key: percentiles(times)[key] for key in ("p50_ms", "p95_ms")}
            rows.append({
                "kind": kind, "setting": setting, "build_s": round(build_s, 1),
                "load_s": round(load_s, 3), "file_mib": round((folder / f"{kind}.faiss").stat().st_size / 2**20, 1),
                **latency, "recall@10": recall_at(found, truth, k),
                "recall@10_ties": recall_with_ties(found, vectors, queries, kth),
            })  # fmt: skip
            print(json.dumps(rows[-1]), flush=True)
        (folder / f"{kind}.faiss").unlink()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument(
        "--threads", type=int, default=2, help="FAISS threads (2 = the reference box)"
    )
    args = parser.parse_args()
    import faiss

    faiss.omp_set_num_threads(args.threads)
    k = 10
    result: dict[str, Any] = {
        "machine": platform.processor() or platform.machine(),
        "threads": args.threads,
    }
    started = time.perf_counter()
    corpus, query_texts, result["data"] = corpus_and_queries(args.count, args.queries)
    result["data"]["queries"] = len(query_texts)
    result["corpus_s"] = round(time.perf_counter() - started, 1)
    vectors, result["embed_s"] = embed(args.model, corpus + query_texts)
    queries, vectors = vectors[len(corpus) :], vectors[: len(corpus)]
    truth, truth_scores = exact_top(vectors, queries, k)
    result["rows"] = measure(vectors, queries, truth_scores[:, k - 1], truth, 16, args.threads)
    result["defaults"] = {
        "hnsw_efSearch": dense_index.HNSW_EF_SEARCH,
        "ivfpq_nprobe": dense_index.IVFPQ_NPROBE,
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "gpu_recall.json").write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
