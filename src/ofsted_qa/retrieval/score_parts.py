"""The score of each candidate passage and each part of it (`Hit.contributions`): BM25 with
its glossary and rare-pair parts, dense, their fusion, and every boost the question earns (year,
source, council, inspection named, verdict, answer shape, newest report) or loses (cover lines).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ofsted_qa.retrieval import (
    boosts,
    furniture,
    headline,
    phrase_rarity,
    recency,
    scoring,
    spread,
)
from ofsted_qa.retrieval.fusion import fuse, normalise
from ofsted_qa.retrieval.query import Interpretation


def score_parts(
    searcher: Any,  # the Searcher (search.py), which imports this module
    candidates: np.ndarray,
    lexical: np.ndarray | None,
    expansion: np.ndarray | None,
    query_vector: np.ndarray | None,
    mode: str,
    understood: Interpretation,
    read: bool,
    report: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """The score and each part of it, per candidate (float32 arrays aligned on `candidates`;
    "score" is their sum); `lexical`, `expansion`: BM25 per passage of the index (None in dense
    mode); `report`: per passage of the index, its share of the boost for an inspection the
    question names (spread.report_passages); `read`: the question was read (the full pipeline)."""
    t = searcher.tuning
    zeros = np.zeros(len(candidates), dtype=np.float32)
    # the question's pairs rare in the corpus ("Family Valued") count as terms of their own
    pairs = (
        phrase_rarity.pair_scores(
            searcher.pair_rarity, searcher.phrases, candidates, understood.base_terms, t
        )
        if read and lexical is not None and t.pair_weight
        else zeros
    )
    bm25 = lexical[candidates] + pairs if lexical is not None else zeros
    dense = (
        np.asarray(searcher.bundle.vectors[candidates]) @ query_vector
        if query_vector is not None
        else zeros
    )
    if mode == "bm25" or query_vector is None:
        base = normalise(bm25)
    elif mode == "dense":
        base = normalise(dense)
    else:
        base = fuse(bm25, dense, t.fusion, t.dense_weight)
    dated = bool(understood.years or understood.year_from is not None)
    year, source = boosts.year_and_source(
        searcher.bundle.store,
        candidates,
        understood,
        text_share=t.year_text_share,
        facts=searcher.facts,
    )
    phrase = (
        t.phrase_boost
        * scoring.phrase_share(searcher.phrases, candidates, understood.base_terms, searcher.idf)
        if read and t.phrase_boost and mode != "dense"
        else zeros
    )
    answer = t.answer_boost * boosts.answer_shape(
        searcher.bundle.store, candidates, understood.answer, searcher.facts
    )
    council = t.council_boost * (
        searcher.council_docs.candidates(candidates, understood.councils)
        if understood.councils
        else zeros
    )
    in_report = spread.REPORT_BOOST * report[candidates] if report is not None else zeros
    # a verdict or change asked for: the headline of a report of the years asked
    lift = headline.boost(understood) if read else 0.0
    verdict = (
        lift * searcher.headlines.marks(candidates) * (year >= 1.0 if dated else 1.0)
        if lift
        else zeros
    )
    cover = furniture.penalty(searcher.facts, candidates, understood) if read else zeros
    latest = (
        t.latest_boost
        * recency.latest_documents(
            searcher.facts.doc_years,
            searcher.council_docs.per_doc,
            searcher.council_years,
            understood.councils,
        )[searcher.facts.chunk_doc[candidates]].astype(np.float32)
        if read and t.latest_boost and recency.asks_how_things_stand(understood)
        else zeros
    )
    # a council's own report of the year named besides any document of that year
    dated_boost = t.year_boost * year + t.council_year_boost * (year >= 1.0) * (council > 0)
    return {
        "score": base
        + phrase
        + answer
        + council
        + in_report
        + verdict
        + cover
        + latest
        + dated_boost
        + t.source_boost * source,
        "bm25": bm25,
        "bm25_glossary": expansion[candidates] if expansion is not None else zeros,
        "bm25_pairs": pairs,
        "dense": dense,
        "fused": base,
        "phrase": phrase,
        "answer_boost": answer,
        "year_boost": dated_boost,
        "source_boost": t.source_boost * source,
        "council_boost": council,
        "report_boost": in_report,
        "headline_boost": verdict,
        "latest_boost": latest,
        "furniture": cover,
    }
