"""An approximate dense index in place of flat, on an index already built: what it would cost.

The warm answer's dense side is FAISS flat (exact): on the whole corpus (58,136 passages) some
3 ms of CPU a question. HNSW answers in a fraction of that, but only a faster index that gives
the same answers could be applied unasked. This measures, over the golden and corpus
questions (their dense text, as `ask` embeds it): the recall@100 of HNSW's dense top against
flat's (the candidates the dense side adds), the CPU per search, and how many answers of the
full pipeline (top 5, hybrid) would change. The HNSW graph is built here, in memory (about
40 s on two cores); nothing is written to the index.

    PYTHONPATH=src python bench/dense_recall.py --index DIR [--ef 128,256,512]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src")]

from ofsted_qa.cli import parse, session  # noqa: E402
from ofsted_qa.evaluation.corpus import load_corpus_questions  # noqa: E402
from ofsted_qa.index.dense_index import DenseIndex  # noqa: E402
from ofsted_qa.retrieval import scoring  # noqa: E402


def _questions() -> list[str]:
    golden = (ROOT / "eval" / "golden.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in golden if line.strip()] + [
        q.text for q in load_corpus_questions()
    ]


def _timed(index: DenseIndex, vector: np.ndarray) -> tuple[set[int], float]:
    started = time.process_time()
    ids = index.top(vector, scoring.CANDIDATES)[0]
    return set(ids.tolist()), time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--ef", default="128,256,512", help="HNSW efSearch values to try")
    args = parser.parse_args()
    searcher = session.open_searcher(parse(["--index", args.index, "ask", "--no-build"]))
    if searcher.embedder is None:
        raise SystemExit("the model is not available")
    questions = _questions()
    vectors = [searcher.embedder.embed_query(searcher.interpret(q).dense_text) for q in questions]
    flat = searcher.bundle.dense
    exact = [_timed(flat, v) for v in vectors]
    cpu = statistics.median(t for _, t in exact) * 1000
    print(f"flat: {flat.size} passages, {len(questions)} questions, CPU/search p50 {cpu:.2f} ms")
    answers = {q: [h.chunk_id for h in searcher.search(q, k=5).hits] for q in questions}
    started = time.time()
    stored = np.ascontiguousarray(np.asarray(searcher.bundle.vectors), dtype=np.float32)
    hnsw = DenseIndex.build(stored, "hnsw")
    print(f"hnsw (M=32, efConstruction=80) built in {time.time() - started:.0f} s")
    for ef in (int(e) for e in args.ef.split(",")):
        hnsw.tune(ef_search=ef)
        got = [_timed(hnsw, v) for v in vectors]
        recall = [len(g & e) / max(1, len(e)) for (g, _), (e, _) in zip(got, exact, strict=True)]
        worst = min(range(len(recall)), key=recall.__getitem__)
        object.__setattr__(searcher.bundle, "dense", hnsw)
        try:
            now = {q: [h.chunk_id for h in searcher.search(q, k=5).hits] for q in questions}
        finally:
            object.__setattr__(searcher.bundle, "dense", flat)
        top5 = sum(now[q] != answers[q] for q in questions)
        top1 = sum(now[q][:1] != answers[q][:1] for q in questions)
        print(
            f"hnsw efSearch={ef}: recall@100 mean {statistics.mean(recall):.4f}, all 100 on "
            f"{sum(r == 1.0 for r in recall)}/{len(recall)} questions, worst "
            f"{recall[worst]:.2f} ({questions[worst]!r}); CPU/search p50 "
            f"{statistics.median(t for _, t in got) * 1000:.2f} ms; answers changed: top 5 "
            f"{top5}/{len(questions)}, top 1 {top1}/{len(questions)}"
        )


if __name__ == "__main__":
    main()
