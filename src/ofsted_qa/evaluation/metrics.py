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

A grade question's judgement cards (retrieval/judgement_card.py) are shown before its passages,
so they rank first: each card is one ranked result, `card_id(doc)` for its inspection's
documents, relevant when one of them is one of the question's `docs` (document-level credit; a
card for another inspection is a wrong answer at its rank). A relevant card joins the
question's qrels only when it is shown, so nDCG's ideal ranking is not raised for questions
answered without a card. Cards carry no evidence units and R@k is counted over the passages
alone (cards dropped before the cut-off), so R@5 says what the first five passages hold.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

METRICS = ("Hit@1", "Success@5", "R@5", "R@10", "MRR@10", "nDCG@10")
RECALL_CUTOFFS = {"R@5": 5, "R@10": 10}
Group = Sequence[str]  # one ranked result: its passage id first, grouped duplicates after
CARD = "card:"  # prefix of a judgement card's ranked id: "card:<document id>"


def card_id(doc_id: str) -> str:
    """The ranked id of a judgement card for the inspection reported in `doc_id`."""
    return CARD + doc_id


@dataclass(frozen=True)
class Judgement:
    """What counts as relevant for one question."""

    relevance: Mapping[str, int]  # passage id -> grade (> 0 relevant)
    units: Mapping[str, frozenset[int]] = field(default_factory=dict)  # passage id -> units
    unit_count: int = 0
    cards: frozenset[str] = frozenset()  # card_id of each document a judgement card may answer

    @property
    def answerable(self) -> bool:
        return any(g > 0 for g in self.relevance.values())

    def grade(self, pid: str) -> int:
        """The relevance of a ranked id: a passage's grade, 1 for a card of the right inspection."""
        return 1 if pid in self.cards else self.relevance.get(pid, 0)


def passages_only(ranking: Sequence[Group]) -> list[Group]:
    """The ranking without its judgement cards."""
    return [g for g in ranking if not g[0].startswith(CARD)]


def unit_recall(ranking: Sequence[Group], judgement: Judgement, k: int) -> float:
    if judgement.unit_count == 0:
        return 0.0
    found: set[int] = set()
    for members in passages_only(ranking)[:k]:
        for pid in members:
            found |= judgement.units.get(pid, frozenset())
    return len(found) / judgement.unit_count


def _representative(members: Group, judgement: Judgement) -> str:
    """The group's relevant member if it has one, else its first (the displayed passage)."""
    return next((m for m in members if judgement.grade(m) > 0), members[0])


def passage_run(ranking: Sequence[Group], judgement: Judgement) -> dict[str, float]:
    """A strictly decreasing score per passage, so ties never reorder the ranking."""
    run: dict[str, float] = {}
    for rank, members in enumerate(ranking):
        pid = _representative(members, judgement)
        run.setdefault(pid, float(len(ranking) - rank))
    return run


def _qrels(ranking: Sequence[Group], judgement: Judgement) -> dict[str, int]:
    """The question's passage grades, and 1 for each relevant card the ranking shows."""
    shown = {
        _representative(members, judgement): 1
        for members in ranking
        if members[0].startswith(CARD) and any(judgement.grade(m) > 0 for m in members)
    }
    return {pid: int(g) for pid, g in judgement.relevance.items()} | shown


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
    qrels = {q: _qrels(runs.get(q, ()), j) for q, j in judgements.items()}
    qrels = {q: r for q, r in qrels.items() if any(g > 0 for g in r.values())}
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
        if any(judgement.grade(m) > 0 for m in members):
            return rank
    return None
