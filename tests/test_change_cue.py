"""Which questions ask about change over time (answered as a timeline): the ways people type it,
and words like "history" or "journey" that are a cue only beside an inspection's words."""

from __future__ import annotations

import pytest

from ofsted_qa.retrieval.change_cue import change_words, over_time
from ofsted_qa.retrieval.query import interpret


@pytest.mark.parametrize(
    "question",
    [
        "trafford ofsted history",
        "Leeds inspection history",
        "Kent ratings history",
        "the history of Bexley's Ofsted judgements",
        "Bexley's history with Ofsted",
        "Norfolk's track record",
        "Sunderland's ofsted record",
        "darlington improvement journey 2015 to 2026",
        "Worcestershire children's services journey since the 2016 inadequate judgement",
        "Stoke on Trent childrens services over the years",
        "Leeds down the years",
        "Bexley through the years",
        "Slough's trajectory",
        "how has Leeds done over the last ten years",
        "Leeds over the past decade",
        "ups and downs of Slough children's services",
        "is Knowsley better or worse now",
        "what has improved in Bexley",
        "what has got worse in Trafford since its last inspection",
        "Lambeth: what has changed since it was judged inadequate in 2015?",
        "care leavers improved since the last inspection",
        "all of Leeds's inspections",
        "every inspection of Bexley",
        "what did previous inspections say about care leavers in Leeds",
        "how has Leeds changed",
        "Hull since 2015",
        # "has" contracted, with or without the apostrophe
        "isle of wight whats changed",
        "what's changed in the isle of wight",
        "what’s improved in Leeds",
        "whats improved in leeds",
        "how's Leeds changed",
        "what've they improved in Hull",
    ],
)
def test_questions_over_time(question: str) -> None:
    assert over_time(question)


@pytest.mark.parametrize(
    "question",
    [
        "children's health histories",
        "case history recording",
        "chronology of events in case files",
        "children with a history of domestic abuse",
        "family history and genograms",
        "the child's journey through services",
        "care leavers journey into adulthood",
        "the young person's journey since leaving care",
        "what did inspectors say about case records",
        "What did Ofsted recommend Bexley improve after the 2018 inspection?",
        "what should Leeds improve",
        "what's the change programme in Leeds",
        "whatsoever changed",
        "what did the previous inspection say",
        "what has the council done about caseloads",
        "what did Ofsted say about care leavers in 2014",
    ],
)
def test_topic_questions_are_not_over_time(question: str) -> None:
    assert over_time(question) == ""


def test_cues_that_name_the_topic_are_still_searched() -> None:
    # "improvement journey": the words of the cue are the question; not searched, nothing is
    assert change_words("Norfolk improvement journey 2018 to 2026") == ()
    reading = interpret("Norfolk improvement journey 2018 to 2026")
    assert reading.over_time == "improvement journey"
    assert {"improv", "journey"} <= set(reading.base_terms)
    # words of change proper are how to answer, not what to find
    assert change_words("what has got worse in Trafford") == ("got worse",)
    assert "worse" not in interpret("what has got worse in Trafford").base_terms
