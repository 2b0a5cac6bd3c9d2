"""Metric definitions, proved against ir-measures where they coincide."""

from __future__ import annotations

import ir_measures
import pytest
from ir_measures import RR, R, Success, nDCG

from ofsted_qa.evaluation.metrics import (
    Judgement,
    card_id,
    evaluate,
    first_relevant_rank,
    mean,
    unit_recall,
)

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


def test_a_judgement_card_of_an_asked_document_counts_first_and_not_for_recall() -> None:
    judged = {"q": Judgement({"a": 1}, {"a": frozenset([0])}, 1, frozenset({card_id("d1")}))}
    right = evaluate({"q": [[card_id("d1")], ["x"], ["a"]]}, judged)["q"]
    assert (right["Hit@1"], right["MRR@10"]) == (1.0, 1.0)
    # R@k is over passages: the card does not take one of the k places, nor count as a unit
    assert evaluate({"q": [[card_id("d1")], ["x"], ["y"], ["z"], ["w"], ["a"]]}, judged)["q"][
        "R@5"
    ] == pytest.approx(1.0)
    assert first_relevant_rank([[card_id("d1")], ["a"]], judged["q"]) == 1


def test_a_card_of_another_inspection_is_a_wrong_answer_at_its_rank() -> None:
    judged = {"q": Judgement({"a": 1}, {"a": frozenset([0])}, 1, frozenset({card_id("d1")}))}
    wrong = evaluate({"q": [[card_id("d2")], ["a"]]}, judged)["q"]
    assert (wrong["Hit@1"], wrong["MRR@10"]) == (0.0, 0.5)


def test_a_relevant_card_not_shown_does_not_raise_the_ideal_ranking() -> None:
    judged = {"q": Judgement({"a": 1}, {"a": frozenset([0])}, 1, frozenset({card_id("d1")}))}
    assert evaluate({"q": [["a"]]}, judged)["q"]["nDCG@10"] == pytest.approx(1.0)


def test_a_card_alone_answers_a_question_whose_evidence_no_passage_holds() -> None:
    judged = {"q": Judgement({}, {}, 1, frozenset({card_id("d1")}))}
    assert evaluate({"q": [[card_id("d1")]]}, judged)["q"]["Hit@1"] == 1.0
    assert evaluate({"q": [["x"]]}, judged)["q"]["Hit@1"] == 0.0


def test_a_response_ranks_one_group_per_card_naming_every_document_of_its_inspection() -> None:
    from types import SimpleNamespace

    from ofsted_qa.evaluation.runs import card_groups
    from ofsted_qa.retrieval.inspections import Inspection
    from ofsted_qa.retrieval.judgement_card import Judged, JudgementCard

    def card(doc: str, also: tuple[str, ...] = ()) -> JudgementCard:
        return JudgementCard(Inspection(doc, "X", "inspection", "", "", "", "", True, also), ())

    response = SimpleNamespace(judged=Judged(cards=(card("d1", ("seed1",)), card("d2"))))
    assert card_groups(response) == [[card_id("d1"), card_id("seed1")], [card_id("d2")]]
    assert card_groups(SimpleNamespace(judged=None)) == []
