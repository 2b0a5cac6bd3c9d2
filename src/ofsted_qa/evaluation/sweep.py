"""`ofsted-qa eval --sweep`: each tuning knob varied alone around the shipped weights, on the
tune split only (the heldout split is never used to choose weights)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ofsted_qa.evaluation.metrics import Judgement, evaluate, mean
from ofsted_qa.evaluation.runs import run_mode

GRID: tuple[tuple[str, Any], ...] = (
    ("fusion", "convex"),
    ("fusion", "rrf"),
    ("fusion", "zscore"),
    *(("dense_weight", w) for w in (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8)),
    *(("expansion_weight", w) for w in (0.0, 0.25, 0.5, 0.75, 1.0)),
    *(("literal_acronym_weight", w) for w in (0.0, 0.1, 0.25, 0.5)),
    *(("phrase_boost", w) for w in (0.0, 0.05, 0.08, 0.1, 0.15, 0.2)),
    *(("pair_weight", w) for w in (0.0, 0.1, 0.15, 0.2, 0.3)),
    *(("pair_min_idf", w) for w in (3.0, 4.0, 5.0, 6.0, 7.0)),
    ("literal_names", False),
    *(("answer_boost", w) for w in (0.0, 0.05, 0.1, 0.2)),
    *(("year_boost", w) for w in (0.0, 0.1, 0.2, 0.3, 0.5)),
    *(("year_text_share", w) for w in (0.0, 0.3, 0.6)),
    *(("source_boost", w) for w in (0.0, 0.05, 0.1, 0.2)),
    *(("council_word_weight", w) for w in (0.0, 0.1, 0.25, 0.5)),
    *(("latest_boost", w) for w in (0.0, 0.05, 0.1, 0.2)),
    ("dense_expansion", False),
    ("cover_years", 0),
    ("cover_years", 1),
)


def sweep(
    searcher: Any, questions: list[dict[str, Any]], judgements: Mapping[str, Judgement]
) -> list[dict[str, Any]]:
    """One row per (knob, value): the full pipeline's mean scores on the tune split."""
    tune = [q for q in questions if q["split"] == "tune"]
    texts = {q["id"]: q["text"] for q in tune}
    base = searcher.tuning
    out = []
    try:
        for knob, value in GRID:
            searcher.tuning = replace(base, **{knob: value})
            scores = evaluate(run_mode(searcher, texts, "full"), judgements)
            out.append({"knob": knob, "value": value, **mean(scores[q] for q in texts)})
    finally:
        searcher.tuning = base
    return out
