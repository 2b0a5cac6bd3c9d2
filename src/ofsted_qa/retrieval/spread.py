"""Spread: a question that names no council and no report is answered from several reports,
not five paragraphs of one; a question that names an inspection gets that inspection's passages
first (a boost, shown as `report_boost`), and is not spread."""

from __future__ import annotations

from collections.abc import Collection, Mapping

import numpy as np

PER_REPORT = 2  # passages one report may hold among the first k of an unnamed question
REPORT_BOOST = 1.0  # passage of an inspection the question names: above any other


def spread(order: np.ndarray, candidates: np.ndarray, chunk_doc: np.ndarray, k: int) -> np.ndarray:
    """`order` (positions into `candidates`, best first) with the first `k` places holding at
    most PER_REPORT passages of any one document; the passages passed over follow, in order.
    Unchanged where fewer than two documents are among the candidates."""
    docs = chunk_doc[candidates[order]].tolist()
    if len(set(docs[: k * 3])) < 2:
        return order
    held: dict[int, int] = {}
    lead: list[int] = []
    for at, doc in enumerate(docs):
        if len(lead) == k:
            break
        if held.get(doc, 0) < PER_REPORT:
            held[doc] = held.get(doc, 0) + 1
            lead.append(at)
    taken = set(lead)
    rest = [at for at in range(len(docs)) if at not in taken]
    return order[np.array(lead + rest, dtype=np.int64)]


def report_passages(
    chunk_doc: np.ndarray, position: Mapping[str, int], doc_ids: Collection[str]
) -> np.ndarray:
    """Per passage of the index: it belongs to one of these documents."""
    wanted = [position[d] for d in doc_ids if d in position]
    return np.isin(chunk_doc, wanted)
