"""No furniture among the answers: the golden questions (and questions about the real corpus)
asked of an index that holds the whole corpus, each top-10 passage checked by the furniture rule
of `reading_furniture` (running headers and footers, page numbers, contents lines, judgement-
table fragments).

    .venv/bin/python bench/answers_furniture.py --index /tmp/corpus-index

Writes bench/results/answers_furniture.json; prints the count and every flagged passage.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent / "src"), str(BENCH)]

from reading_furniture import classify  # noqa: E402

from ofsted_qa.evaluation.golden import load_golden  # noqa: E402
from ofsted_qa.index.generations import load_current  # noqa: E402
from ofsted_qa.index.models import LocalModel  # noqa: E402
from ofsted_qa.ingest.chunking import TABLE_LABEL  # noqa: E402
from ofsted_qa.retrieval.search import Searcher  # noqa: E402

GOLDEN = BENCH.parent / "eval" / "golden.jsonl"
# Questions people ask of the real corpus: topics every report discusses, councils and years.
CORPUS_QUESTIONS = (
    "what did Ofsted say about care leavers in Norfolk in 2015",
    "how was Bradford rated in 2023",
    "the LADO in Bradford",
    "IROs in Cornwall",
    "MASH front door thresholds",
    "contents",
    "inspection judgements overall effectiveness",
    "page 3",
    "what the inspection judgements mean",
    "summary of findings",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--k", type=int, default=10)
    args = parser.parse_args()
    bundle = load_current(args.index)
    model = LocalModel(onnx_cache=args.index / "encoders")
    searcher = Searcher(bundle, model.query_embedder())
    questions = [q.text for q in load_golden(GOLDEN)] + list(CORPUS_QUESTIONS)
    flagged, checked, started = [], 0, time.perf_counter()
    for question in questions:
        for hit in searcher.search(question, k=args.k).hits:
            checked += 1
            why = classify(hit.chunk.text, is_table=hit.chunk.paragraph.startswith(TABLE_LABEL))
            if why:
                flagged.append({"question": question, "ref": hit.ref, "why": why,
                                "text": hit.chunk.text[:200]})  # fmt: skip
    result = {
        "index": str(args.index),
        "passages_in_index": len(bundle.store),
        "questions": len(questions),
        "top_k": args.k,
        "passages_checked": checked,
        "flagged": flagged,
        "seconds": round(time.perf_counter() - started, 1),
    }
    (BENCH / "results" / "answers_furniture.json").write_text(json.dumps(result, indent=1))
    print(f"{len(flagged)} furniture passages in {checked} top-{args.k} answers to "
          f"{len(questions)} questions over {len(bundle.store)} passages")  # fmt: skip
    for item in flagged:
        print(f"  {item['why']}: {item['ref']} ({item['question']!r}): {item['text'][:100]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
