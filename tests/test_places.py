"""A place named where a council goes, matching none of the index's, is found; ordinary
capitalised words and known councils are not."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ofsted_qa.retrieval.places import note, unknown_places
from ofsted_qa.retrieval.query import interpret

CORPUS_WORDS = {"care", "leavers", "children", "in", "ofsted", "the", "mash", "rated", "how"}


def places(question: str) -> tuple[str, ...]:
    return unknown_places(interpret(question), CORPUS_WORDS.__contains__)


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("how was Narnia rated in 2023", ("Narnia",)),
        ("care leavers in Narnia", ("Narnia",)),
        ("Narnia's care leavers", ("Narnia",)),
        ("what did Ofsted say about Gondor and Rohan", ("Gondor and Rohan",)),
        ("MASH in Kingston upon Narnia 2019", ("Kingston upon Narnia",)),
    ],
)
def test_an_unknown_place_where_a_council_goes_is_found(question: str, found: tuple) -> None:
    assert places(question) == found


@pytest.mark.parametrize(
    "question",
    [
        "help for Children in Care",  # capitalised corpus words
        "what did Ofsted say about care leavers",
        "care leavers in 2014",
        "Narnia",  # no council slot: a word, not a place named
        "what is the MASH",
    ],
)
def test_ordinary_words_and_no_slot_are_no_unknown_place(question: str) -> None:
    assert places(question) == ()


def test_a_council_read_from_the_question_leaves_nothing_unknown() -> None:
    reading = replace(interpret("care leavers in Narnia and Norfolk"), councils=("Norfolk",))
    assert unknown_places(reading, CORPUS_WORDS.__contains__) == ()
    assert "No council called Narnia or Gondor is in the index (153" in note(
        ("Narnia", "Gondor"), 153
    )


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("care leavers in Narnia County Council", ("Narnia County Council",)),
        ("MASH at Narnia Metropolitan Borough Council", ("Narnia Metropolitan Borough Council",)),
        ("how was Royal Borough of Narnia rated", ("Royal Borough of Narnia",)),
        ("children in care in the London Borough of Narnia", ("Narnia",)),
        ("care leavers in Narnia upon Tyne City Council", ("Narnia upon Tyne City Council",)),
    ],
)
def test_a_council_style_does_not_make_an_unknown_place_known(question: str, found: tuple) -> None:
    style = {"county", "council", "borough", "city", "metropolitan", "royal", "london", "of"}
    known = (CORPUS_WORDS | style | {"upon"}).__contains__
    assert unknown_places(interpret(question), known) == found


def test_a_known_place_with_its_council_style_is_known() -> None:
    known = (CORPUS_WORDS | {"county", "council", "norfolk", "london"}).__contains__
    assert unknown_places(interpret("care leavers in Norfolk County Council"), known) == ()
    assert unknown_places(interpret("care leavers in London"), known) == ()


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("narnia county council care leavers", ("narnia",)),
        ("gotham city children's services", ("gotham",)),
        ("how was narnia rated in 2019", ("narnia",)),
        ("care leavers at gondor borough", ("gondor",)),
    ],
)
def test_a_lower_case_name_where_only_a_council_goes_is_found(question: str, found: tuple) -> None:
    assert places(question) == found


@pytest.mark.parametrize(
    "question",
    ["the city children in care", "the county council's care leavers", "how was care rated"],
)
def test_known_words_before_council_words_are_no_unknown_place(question: str) -> None:
    assert places(question) == ()


def _beside(question: str, *named: tuple[str, str]) -> tuple[str, ...]:
    reading = replace(interpret(question), councils=tuple(c for _, c in named), council_words=named)
    known = (CORPUS_WORDS | {"leeds", "solihull", "bradford", "front", "door"}).__contains__
    return unknown_places(reading, known)


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("solihull vs narnia care leavers", ("narnia",)),
        ("Leeds v Gotham", ("Gotham",)),
        ("solihull versus hogwarts front door", ("hogwarts",)),
        ("compare narnia and leeds", ("narnia",)),
        ("Compare Narnia and Leeds care leavers", ("Narnia",)),
        ("compare leeds with gondor", ("gondor",)),
        ("leeds or narnia children in care", ("narnia",)),
        ("Leeds vs Bradford vs Narnia", ("Narnia",)),
    ],
)
def test_the_other_side_of_a_comparison_with_a_council_is_an_unknown_place(
    question: str, found: tuple
) -> None:
    named = [("Leeds", "Leeds"), ("Bradford", "Bradford"), ("Solihull", "Solihull")]
    held = tuple(n for n in named if n[0].lower() in question.lower())
    assert _beside(question, *held) == found


@pytest.mark.parametrize(
    "question",
    [
        "leeds vs bradford care leavers",  # both councils
        "leeds or anywhere else",  # ordinary English beside "or"
        "compare leeds with good practice",  # ... and beside "compare ... with"
        "care leavers in leeds or children in care",  # the reports' words
    ],
)
def test_a_comparison_of_councils_or_ordinary_words_names_no_unknown_place(question: str) -> None:
    named = [("Leeds", "Leeds"), ("Bradford", "Bradford")]
    held = tuple(n for n in named if n[0].lower() in question.lower())
    assert _beside(question, *held) == ()
    # with no council named, "narnia vs gotham" compares nothing known: no comparison note
    assert _beside("narnia vs gotham care leavers") == ()


def test_the_note_beside_a_council_says_the_answer_is_about_it_only() -> None:
    said = note(("narnia",), 153, ("Solihull",))
    assert said.startswith("No council called narnia is in the index (153")
    assert "about Solihull only" in said and "any of them" not in said
