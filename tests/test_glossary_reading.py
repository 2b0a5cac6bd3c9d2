"""Glossary readings as the pipeline uses them: old and new framework words reach each other,
broader topics count less than synonyms, chips that would only repeat the question are not
shown, glued phrases are split."""

from __future__ import annotations

from collections import Counter

import pytest

from ofsted_qa.index.lexical_index import terms
from ofsted_qa.retrieval import scoring
from ofsted_qa.retrieval.glossary import default_glossary
from ofsted_qa.retrieval.query import GlossaryUse, interpret
from ofsted_qa.retrieval.search import Tuning
from ofsted_qa.retrieval.typos import Corrector


def _searched(question: str) -> dict[str, float]:
    """Every term a question searches, with its lexical weight (typed words: 1)."""
    understood = interpret(question)
    weights = scoring.expansion_weights(understood, {}, Tuning())
    return {t: 1.0 for t in understood.base_terms} | weights


# (as one framework or one user words it, words the other uses): each way round
PAIRS = [
    ("early help", "family help"),
    ("family help", "early help"),
    ("UASC", "separated migrant children"),
    ("separated migrant children", "unaccompanied asylum-seeking children"),
    ("designated officer", "Local Authority Designated Officer"),
    ("LADO", "designated officer"),
    ("children's rights advocates", "advocacy"),
    ("advocacy", "children's rights advocates"),
    ("kinship care", "connected carers"),
    ("connected carers", "kinship"),
    ("family and friends care", "kinship"),
    ("kinship care", "family and friends"),
    ("care-experienced young people", "care leavers"),
    ("corporate parents", "corporate parenting"),
]


@pytest.mark.parametrize(("typed", "other"), PAIRS)
def test_old_and_new_framework_words_reach_each_other(typed: str, other: str) -> None:
    searched = _searched(typed)
    assert set(terms(other)) <= set(searched), (typed, other, searched)


def test_a_broader_topic_counts_less_than_a_synonym() -> None:
    tuning = Tuning()
    searched = _searched("staying put")
    assert searched["leaver"] == tuning.broader_weight < tuning.expansion_weight
    assert not any("care leavers" in chip for chip in interpret("staying put").chips)
    # "county lines exploitation": criminal exploitation, and not sexual exploitation
    searched = _searched("county lines exploitation")
    assert "crimin" in searched and "sexual" not in searched


def test_a_chip_that_repeats_the_question_is_not_shown() -> None:
    assert GlossaryUse("focused visits", "focused visit", "d", ()).chip == ""
    assert GlossaryUse("kids in care", "looked after children", "d", ("children in care",)).chip
    chips = interpret("sunderland last focused visit").chips
    assert not any(chip.startswith("focused visit") for chip in chips), chips


def test_a_glued_phrase_is_split_even_where_the_corpus_glues_it() -> None:
    glossary = default_glossary()
    vocabulary = Counter({"care": 50, "leavers": 40, "careleavers": 1, "flat": 3})
    corrector = Corrector(vocabulary, glossary.known_words, glued=glossary.glued)
    understood = interpret("careleavers in bexley", corrector=corrector)
    assert ("careleavers", "care leavers") in understood.corrections
    assert "care leavers" in [g.term for g in understood.glossary]
    assert Corrector(vocabulary, glued={"flat": "f lat"}).suggest("flat") is None  # English
