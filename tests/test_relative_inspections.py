"""A council's latest or previous inspection named by order alone, in any word order around the
council: "stockport the latest", "the previous one in Wiltshire", "salford before the last one",
"the one before the last for Luton", "the last but one", "the penultimate inspection". Each is
that council's inspection (never "since <the newest year>"), the council is kept, and no note
says the reference lacks what it counts back from."""

from __future__ import annotations

import pytest

from ofsted_qa.retrieval.council_question import CouncilFinder
from ofsted_qa.retrieval.councils import Councils
from ofsted_qa.retrieval.inspection_question import read
from ofsted_qa.retrieval.inspection_refs import references
from ofsted_qa.retrieval.inspections import Inspection, resolve
from ofsted_qa.retrieval.query import interpret


def inspection(doc: str, kind: str, start: str, published: str) -> Inspection:
    return Inspection(doc, "Stockport", kind, "", start, start, published, kind == "inspection")


S15 = inspection("s15", "inspection", "2015-03-02", "2015-05-11")
S19 = inspection("s19", "inspection", "2019-06-03", "2019-07-22")
S21 = inspection("s21", "focused visit", "2021-10-04", "2021-11-12")
S25 = inspection("s25", "inspection", "2025-05-12", "2025-07-15")
STOCKPORT = (S15, S19, S21, S25)

FINDER = CouncilFinder(Councils(["Stockport", "Wiltshire Council"]))

# each family of phrases, and the inspection of STOCKPORT it means
FAMILIES = {
    "the latest": "s25",
    "the newest one": "s25",
    "the most recent report": "s25",
    "the latest inspection": "s25",
    "the previous one": "s19",
    "the previous inspection": "s19",
    "the one before the last": "s19",
    "before the last one": "s19",
    "the one before the last one": "s19",
    "the last but one": "s19",
    "the penultimate inspection": "s19",
    "the penultimate": "s19",
}
# the council before the phrase, or after it
ORDERS = [
    "stockport {phrase}",
    "Stockport {phrase}?",
    "{phrase} for stockport",
    "{phrase} in Stockport",
]


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("phrase", list(FAMILIES))
def test_a_relative_phrase_names_the_councils_inspection_in_any_word_order(
    phrase: str, order: str
) -> None:
    question = order.format(phrase=phrase)
    reading = interpret(question, councils=FINDER)
    assert reading.councils == ("Stockport",)  # the council is kept
    (ref,) = reading.inspection_refs
    assert phrase in ref.surface.lower()
    found, notes = resolve((ref,), STOCKPORT, "Stockport")
    assert [i.doc_id for i, _ in found] == [FAMILIES[phrase]]
    assert notes == ()  # no note contradicting what was resolved


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("phrase", ["the latest", "the newest"])
def test_the_latest_with_a_council_is_its_latest_inspection_not_a_year_from(
    phrase: str, order: str
) -> None:
    reading = interpret(order.format(phrase=phrase), councils=FINDER)
    resolved, notes = read(reading, STOCKPORT)
    assert resolved.recent == "" and resolved.year_from is None
    assert [doc for _, doc in resolved.reports] == ["s25"] and notes == ()


@pytest.mark.parametrize(
    ("question", "doc"),
    [
        ("Stockport's latest", "s25"),
        ("stockport’s newest?", "s25"),
        ("stockport latest", "s25"),
        ("Stockport's previous", "s19"),
        ("stockport's last but one", "s19"),
    ],
)
def test_the_councils_own_order_word_with_no_article(question: str, doc: str) -> None:
    resolved, notes = read(interpret(question, councils=FINDER), STOCKPORT)
    assert resolved.recent == "" and resolved.year_from is None
    assert [d for _, d in resolved.reports] == [doc] and notes == ()


@pytest.mark.parametrize(
    "question", ["wiltshire the previous one", "wiltshire the latest", "wiltshire the last but one"]
)
def test_a_council_leading_an_order_phrase_is_kept(question: str) -> None:
    assert [c.name for c in FINDER.find(question)] == ["Wiltshire"]


@pytest.mark.parametrize(
    "question",
    [
        "the latest on care leavers",  # no council: a recency cue
        "what happened before the war",  # "before" with no inspection
        "the report before last year",  # a year
        "the second to last year",
    ],
)
def test_no_relative_inspection_where_none_is_named(question: str) -> None:
    assert all(r.order != "latest" or r.noun != "report" for r in references(question))
    assert not any(r.anchor for r in references(question))


def test_the_latest_without_a_council_named_stays_a_recency_cue() -> None:
    assert references("the latest") == ()
    assert references("the latest on Stockport care leavers", ["Stockport"]) == ()
