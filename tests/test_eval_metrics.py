"""Metric definitions, proved against ir-measures where they coincide."""

from __future__ import annotations

import ir_measures
import pytest
from ir_measures import RR, R, Success, nDCG

from ofsted_qa.evaluation.metrics import Judgement, evaluate, first_relevant_rank, mean, unit_recall

RUN = {"q1": [["x"], ["a"], ["y"], ["b"]], "q2": [["z"], ["w"], ["c"]], "q3": [["c"]]}
JUDGED = {
    "q1": Judgement({"a": 1, "b": 1}, {"a": frozenset([0]), "b": frozenset([1])}, 2),
    "q2": Judgement({"c": 1, "d": 1}, {"c": frozenset([0]), "d": frozenset([1])}, 2),
    "q3": Judgement({"e": 1}, {"e": frozenset([0])}, 1),
}


def _reference(measure, run=RUN, judged=JUDGED) -> dict[str, float]:
    qrels = {q: dict(j.relevance) for q, j in judged.items()}
    scored = {q: {g[0]: float(len(r) - i) for i, g in enumerate(r)} for q, r in run.items()}
    return {m.query_id: m.value for m in ir_measures.iter_calc([measure], qrels, scored)}


@pytest.mark.parametrize(
    ("name", "measure"),
    [
        ("Hit@1", Success @ 1),
        ("Success@5", Success @ 5),
        ("MRR@10", RR @ 10),
        ("nDCG@10", nDCG @ 10),
        ("R@5", R @ 5),
        ("R@10", R @ 10),
    ],
)
def test_equal_to_ir_measures_when_units_are_passages(name: str, measure) -> None:
    ours = evaluate(RUN, JUDGED)
    reference = _reference(measure)
    for q in JUDGED:
        assert ours[q][name] == pytest.approx(reference.get(q, 0.0)), (q, name)


def test_unit_recall_counts_a_quote_once() -> None:
    # Two passages carry the same evidence string (unit 0): finding both is still 1 of 2 units.
    judged = Judgement(
        {"a": 1, "a2": 1, "b": 1},
        {"a": frozenset([0]), "a2": frozenset([0]), "b": frozenset([1])},
        2,
    )
    assert unit_recall([["a"], ["a2"]], judged, 5) == 0.5
    assert unit_recall([["a"], ["x"], ["b"]], judged, 2) == 0.5
    assert unit_recall([["a"], ["x"], ["b"]], judged, 3) == 1.0


def test_grouped_duplicates_count() -> None:
    judged = Judgement({"dup": 1}, {"dup": frozenset([0])}, 1)
    scores = evaluate({"q": [["shown", "dup"]]}, {"q": judged})["q"]
    assert scores["Hit@1"] == 1.0 and scores["R@5"] == 1.0
    assert first_relevant_rank([["x"], ["shown", "dup"]], judged) == 2


def test_unanswered_and_unjudged_questions_score_zero() -> None:
    scores = evaluate({}, JUDGED)
    assert all(v == 0.0 for row in scores.values() for v in row.values())
    empty = Judgement({}, {}, 1)
    assert not empty.answerable
    assert evaluate({"q": [["a"]]}, {"q": empty})["q"]["Hit@1"] == 0.0


def test_mean() -> None:
    assert (
        mean(
            [
                {"Hit@1": 1.0, "Success@5": 1.0, "R@5": 0.5, "R@10": 1, "MRR@10": 1, "nDCG@10": 1},
                {"Hit@1": 0.0, "Success@5": 0.0, "R@5": 0.5, "R@10": 0, "MRR@10": 0, "nDCG@10": 0},
            ]
        )["Hit@1"]
        == 0.5
    )
    assert mean([])["R@5"] == 0.0
