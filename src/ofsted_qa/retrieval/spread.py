"""Spread: a question that names no council and no report is answered from several reports,
not five paragraphs of one; a question that names an inspection gets that inspection's passages
first (a boost, shown as `report_boost`), and is not spread."""

from __future__ import annotations

from collections.abc import Collection, Mapping

import numpy as np

PER_REPORT = 2  # passages one report may hold among the first k of an unnamed question
MARGIN = 0.1  # ... unless it outscores another report's best by more (scores are ~0-2)
REPORT_BOOST = 1.0  # passage of an inspection the question names: above any other
BASELINE_SHARE = 0.25  # of it, for the inspection a question of change counts from


def spread(
    order: np.ndarray,
    candidates: np.ndarray,
    chunk_doc: np.ndarray,
    k: int,
    scores: np.ndarray | None = None,
) -> np.ndarray:
    """`order` (positions into `candidates`, best first) with the first `k` places holding at
    most PER_REPORT passages of any one document, unless a passage outscores the best one of
    another document by more than MARGIN (`scores` per position; without them, never): a clearly
    better answer is not pushed down for variety. The passages passed over follow, in order."""
    docs = chunk_doc[candidates[order]].tolist()
    if len(set(docs[: k * 3])) < 2:
        return order
    ranked = scores[order].tolist() if scores is not None else None
    held: dict[int, int] = {}
    lead: list[int] = []
    pending = list(range(len(docs)))
    while len(lead) < k and pending:
        at = pending[0]
        if held.get(docs[at], 0) >= PER_REPORT:
            other = next((p for p in pending if held.get(docs[p], 0) < PER_REPORT), None)
            if other is not None and (ranked is None or ranked[at] - ranked[other] <= MARGIN):
                at = other
        pending.remove(at)
        held[docs[at]] = held.get(docs[at], 0) + 1
        lead.append(at)
    return order[np.array(lead + pending, dtype=np.int64)]


def report_passages(
    chunk_doc: np.ndarray,
    position: Mapping[str, int],
    doc_ids: Collection[str],
    baseline_ids: Collection[str] = (),
) -> np.ndarray:
    """Per passage of the index, its share of REPORT_BOOST (float32): 1 for a passage of one of
    the documents named (`doc_ids`), BASELINE_SHARE for one of those a question of change counts
    from ("since the 2022 inspection": the later reports answer, the 2022 one may follow), else
    0."""
    out = np.zeros(len(chunk_doc), dtype=np.float32)
    for share, docs in ((BASELINE_SHARE, baseline_ids), (1.0, doc_ids)):
        wanted = [position[d] for d in docs if d in position]
        out[np.isin(chunk_doc, wanted)] = share
    return out
