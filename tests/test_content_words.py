"""The notes for questions with nothing to match: only common words typed ("the the the",
"a"), or content words no document has ("nothing about anything xyz qwerty"); and none for a
question whose only unknown word is a number or decade ("Leeds in the 2020s")."""

from __future__ import annotations

import pytest

from ofsted_qa.retrieval.caveats import content_terms, unknown_words
from ofsted_qa.retrieval.query import Interpretation, interpret

# the stemmed words of the documents (the index's vocabulary), as many as a test needs
VOCABULARY = {"care": 9, "leaver": 5, "noth": 3, "anyth": 2, "leed": 4, "say": 1}


@pytest.mark.parametrize("question", ["the the the the", "a", "what did they say", "Tell me?"])
def test_only_common_words_are_said_so(question: str) -> None:
    (note,) = unknown_words(interpret(question), VOCABULARY)
    assert "only common words" in note


def test_content_words_found_nowhere_are_named_beside_common_words_found() -> None:
    understood = interpret("nothing about anything xyz qwerty")
    assert content_terms(understood) == ["xyz", "qwerti"]
    (note,) = unknown_words(understood, VOCABULARY)
    assert note.startswith("No word of the question naming a topic (xyz, qwerty) occurs")


def test_all_words_found_nowhere_keep_the_plain_note() -> None:
    (note,) = unknown_words(interpret("xylophone quasar"), VOCABULARY)
    assert note.startswith("No word of the question occurs in any document")


def test_a_decade_no_document_has_is_no_unknown_word() -> None:
    # "Leeds" read as a council (its words framed), "2020s" left: a time, not a topic
    understood = Interpretation("leeds in the 2020s", councils=("Leeds",), framing=("leeds",))
    assert understood.search_terms == ["2020s"]
    assert unknown_words(understood, VOCABULARY) == ()


def test_a_contraction_typed_without_its_apostrophe_is_a_common_word() -> None:
    understood = Interpretation(
        "isle of wight whats changed",
        councils=("Isle of Wight",),
        framing=("isle of wight", "changed"),
    )
    assert content_terms(understood) == []
    assert unknown_words(understood, VOCABULARY) == ()


def test_words_found_give_no_note() -> None:
    assert unknown_words(interpret("care leavers"), VOCABULARY) == ()
