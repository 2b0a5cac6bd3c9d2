"""BM25 at a million passages (issue #19's synthetic 10x), beside the corpus's own size.

Passages are the seeds' lines perturbed (another council, other years, synonyms, words
dropped: harness.perturb); their vocabulary (under 2,000 words) is far smaller than real text's,
so each word's postings are longer than real ones and scoring is, if anything, slower. They are
indexed with the project's word forms (`lexical_index.terms`) by `LexicalIndex.from_terms`, as
`LexicalIndex.build` does, each term interned so the token lists fit in memory; then the golden
questions are scored (every passage, as a question does). Each size runs in its own process, so
its peak RSS is its own.

    python bench/bm25_scale.py --count 1000000     # prints one JSON object
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SIZES = (58_131, 1_000_000)  # the whole corpus's passages, and about 17x it


def measure(count: int) -> dict[str, Any]:
    import harness
    import numpy as np

    from ofsted_qa.index.lexical_index import LexicalIndex, terms

    rng = random.Random(0)
    source = [line for p in harness.seed_paragraphs() for line in p.split("\n") if line.strip()]
    started = time.perf_counter()
    tokenized = []
    for _ in range(count):
        text = harness.perturb(rng.choice(source), rng)
        tokenized.append([sys.intern(t) for t in terms(text)] or ["\x00empty"])
    tokens_s = time.perf_counter() - started
    from ofsted_qa.index.passage_terms import PassageTerms

    started = time.perf_counter()
    lexical = LexicalIndex.from_terms(PassageTerms.of(tokenized))
    index_s = time.perf_counter() - started
    del tokenized
    questions = [terms(q["question"]) for q in harness.golden_questions()]
    lexical.scores(questions[0])
    took = []
    for query in questions:
        began = time.perf_counter()
        scores = lexical.scores(query)
        np.argpartition(-scores, 100)[:100]  # the candidates a search keeps
        took.append(time.perf_counter() - began)
    return {
        "passages": count,
        "tokenize_s": round(tokens_s, 1),
        "index_s": round(index_s, 1),
        "vocabulary": len(lexical.vocabulary),
        "query": harness.percentiles(took),
    }


def step_bm25_scale(run: Any) -> dict[str, Any]:
    """Both sizes, each in a fresh process, the corpus-sized one first as the reference."""
    from corpus_proc import measured

    out: dict[str, Any] = {"what": __doc__.split("\n\n")[1].replace("\n", " ")}
    for count in SIZES:
        got = measured([sys.executable, __file__, "--count", str(count)])
        row = json.loads(got["stdout"].strip().splitlines()[-1])
        row["peak_rss_mb"] = got["peak_rss_mb"]
        row["wall_s"] = got["wall_s"]
        out[str(count)] = row
    small, large = (out[str(c)] for c in SIZES)
    out["p50_ratio"] = round(large["query"]["p50_ms"] / small["query"]["p50_ms"], 1)
    return out


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    print(json.dumps(measure(parser.parse_args().count)))
