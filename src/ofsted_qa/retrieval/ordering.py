"""The order of the candidates: by score, then the turns a question asks for (two years or
two councils compared: both lead; over time, a council named: each of its inspections in turn)
and, when no council, report or document is named, the spread over several reports."""

from __future__ import annotations

from typing import Any

import numpy as np

from ofsted_qa.retrieval import boosts, recency, spread, year_passages
from ofsted_qa.retrieval import timeline as timelines
from ofsted_qa.retrieval.query import Interpretation
from ofsted_qa.retrieval.results import Filters


def ranked_order(
    searcher: Any,  # the Searcher (search.py), which imports this module
    candidates: np.ndarray,
    score: np.ndarray,
    understood: Interpretation,
    read: bool,
    filters: Filters,
    shown_k: int,
) -> np.ndarray:
    """Positions into `candidates` (and `score`, aligned), best first; `shown_k`: how many
    the answer shows, which the spread and the turns fill."""
    order = np.argsort(-score, kind="stable")
    # over time, a council named: its inspections take turns (below), not every council's
    # passages of each year of a range ("Norfolk 2018 to 2026")
    by_inspection = read and bool(understood.over_time and understood.councils)
    if not by_inspection:
        order = year_passages.cover(
            order,
            candidates,
            understood,
            searcher.tuning.cover_years,
            searcher.facts.years,
            searcher.council_docs.of,
        )
    if len(understood.councils) > 1:  # "compare Norfolk and Leeds": both lead, in turns
        order = boosts.cover(
            order,
            candidates,
            understood.councils,
            searcher.council_docs.of,
            searcher.tuning.cover_councils,
            _newest(searcher, candidates, understood) if read else None,
        )
    if by_inspection:  # several of the council's inspections lead, in turns
        order = timelines.cover(
            order,
            candidates,
            searcher.facts.chunk_doc,
            searcher.doc_position,
            understood,
            searcher.inspections,
            searcher.tuning.cover_inspections,
            shown_k,
        )
    if not (understood.councils or understood.report_ids or filters.doc_ids):
        order = spread.spread(order, candidates, searcher.facts.chunk_doc, shown_k, score)
    return order


def _newest(searcher: Any, candidates: np.ndarray, understood: Interpretation) -> np.ndarray | None:
    """Per candidate: of its council's newest report, where the question dates nothing (each
    council's side is led by how things stand, not by an older report's better wording)."""
    if not recency.asks_how_things_stand(understood):
        return None
    docs = searcher.facts.chunk_doc[candidates]
    unique, back = np.unique(docs, return_inverse=True)
    newest = recency.newest_of_each(
        unique,
        searcher.facts.doc_years,
        searcher.council_docs.per_doc,
        searcher.council_years,
        understood.councils,
    )
    return newest[back]
