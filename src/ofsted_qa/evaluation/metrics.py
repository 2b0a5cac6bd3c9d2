"""Retrieval metrics for the eval: ir-measures for the ranking metrics, units for recall.

Definitions (per question, averaged over questions; a question with no run scores 0):

- Hit@1, Success@5 (any relevant passage in the top 5: the issue's "Recall@5"), MRR@10,
  nDCG@10: over passages, binary (or graded, for BEIR) relevance, computed by ir-measures
  (Success@1/5, RR@10, nDCG@10).
  A ranked result counts as relevant when it, or a near-duplicate grouped under it, is.
- R@k (strict recall): the share of the question's *units* found in the top k, where a unit is one
  evidence string (one answering paragraph) of the golden set, or one relevant document of a
  BEIR qrels file. Several passages holding the same quote count once; when every relevant
  passage is its own unit this equals ir-measures' R@k (tests/test_eval_metrics.py checks it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

METRICS = ("Hit@1", "Success@5", "R@5", "R@10", "MRR@10", "nDCG@10")
RECALL_CUTOFFS = {"R@5": 5, "R@10": 10}
Group = Sequence[str]  # one ranked result: its passage id first, grouped duplicates after


@dataclass(frozen=True)
class Judgement:
    """What counts as relevant for one question."""

    relevance: Mapping[str, int]  # passage id -> grade (> 0 relevant)
    units: Mapping[str, frozenset[int]] = field(default_factory=dict)  # passage id -> units
    unit_count: int = 0

    @property
    def answerable(self) -> bool:
        return any(g > 0 for g in self.relevance.values())


def unit_recall(ranking: Sequence[Group], judgement: Judgement, k: int) -> float:
    if judgement.unit_count == 0:
        return 0.0
    found: set[int] = set()
    for members in ranking[:k]:
        for pid in members:
            found |= judgement.units.get(pid, frozenset())
    return len(found) / judgement.unit_count


def _representative(members: Group, judgement: Judgement) -> str:
    """The group's relevant member if it has one, else its first (the displayed passage)."""
    return next((m for m in members if judgement.relevance.get(m, 0) > 0), members[0])


def passage_run(ranking: Sequence[Group], judgement: Judgement) -> dict[str, float]:
    """A strictly decreasing score per passage, so ties never reorder the ranking."""
    run: dict[str, float] = {}
    for rank, members in enumerate(ranking):
        pid = _representative(members, judgement)
        run.setdefault(pid, float(len(ranking) - rank))
    return run


def evaluate(
    runs: Mapping[str, Sequence[Group]], judgements: Mapping[str, Judgement]
) -> dict[str, dict[str, float]]:
    """Per-question scores for every metric in METRICS; every judged question gets a row."""
    import ir_measures
    from ir_measures import RR, Success, nDCG

    measures = {
        "Hit@1": Success @ 1,
        "Success@5": Success @ 5,
        "MRR@10": RR @ 10,
        "nDCG@10": nDCG @ 10,
    }
    qrels = {
        q: {pid: int(g) for pid, g in j.relevance.items()}
        for q, j in judgements.items()
        if j.answerable
    }
    run = {q: passage_run(runs.get(q, ()), judgements[q]) for q in qrels}
    run = {q: r for q, r in run.items() if r}
    scores = {q: dict.fromkeys(METRICS, 0.0) for q in judgements}
    by_measure = {str(m): name for name, m in measures.items()}
    if run:
        for metric in ir_measures.iter_calc(list(measures.values()), qrels, run):
            scores[metric.query_id][by_measure[str(metric.measure)]] = float(metric.value)
    for q, judgement in judgements.items():
        for name, k in RECALL_CUTOFFS.items():
            scores[q][name] = unit_recall(runs.get(q, ()), judgement, k)
    return scores


def mean(rows: Iterable[Mapping[str, float]]) -> dict[str, float]:
    rows = list(rows)
    if not rows:
        return dict.fromkeys(METRICS, 0.0)
    return {m: sum(r[m] for r in rows) / len(rows) for m in METRICS}


def first_relevant_rank(ranking: Sequence[Group], judgement: Judgement) -> int | None:
    for rank, members in enumerate(ranking, start=1):
        if any(judgement.relevance.get(m, 0) > 0 for m in members):
            return rank
    return None
