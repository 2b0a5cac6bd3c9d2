"""Typo tolerance against the corpus vocabulary."""

from __future__ import annotations

from collections import Counter

import pytest

from ofsted_qa.retrieval.typos import Corrector, distance

VOCAB = Counter(
    {
        "adoption": 20,
        "safeguarding": 30,
        "personal": 9,
        "foster": 12,
        "chronologies": 2,
        "timescales": 3,
        "camhs": 5,
        "board": 40,
        "days": 7,
    }
)


@pytest.mark.parametrize(
    ("a", "b", "d"),
    [
        ("adoptoin", "adoption", 1),
        ("fostr", "foster", 1),
        ("abc", "abc", 0),
        ("ab", "ba", 1),
        ("kitten", "sitting", 3),
    ],
)
def test_distance(a: str, b: str, d: int) -> None:
    assert distance(a, b, limit=3) == d


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("adoptoin", "adoption"),
        ("safegaurding", "safeguarding"),
        ("persnal", "personal"),
        ("fostr", "foster"),
        ("chronolgies", "chronologies"),
        ("camsh", "camhs"),
    ],
)
def test_corrects_unknown_words(typed: str, fixed: str) -> None:
    assert Corrector(VOCAB).suggest(typed) == fixed


@pytest.mark.parametrize("word", ["adoption", "board", "dads", "teeth", "the", "abc", "xqzzyv"])
def test_leaves_known_or_hopeless_words(word: str) -> None:
    # indexed words, ordinary English (model vocabulary), stopwords, short words, no neighbour
    assert Corrector(VOCAB).suggest(word) is None


def test_glossary_words_are_never_corrected() -> None:
    assert Corrector(VOCAB, known={"camsh"}).suggest("camsh") is None


def test_corrections_deduplicated() -> None:
    assert Corrector(VOCAB).corrections(["fostr", "fostr", "board"]) == [("fostr", "foster")]


def test_a_short_word_is_never_corrected_into_another_common_word() -> None:
    # "boro", "toon", "sotn": councils' nicknames one edit from common words of the reports
    vocab = Counter({"born": 50, "too": 90, "soon": 40, "care": 500, "mash": 30, "board": 9})
    corrector = Corrector(vocab, known=["care", "MASH", "too"], terms=["care", "MASH"])
    for word in ("boro", "toon", "sotn"):
        assert corrector.suggest(word) is None
    assert corrector.left(["boro", "Toon", "care", "sotn", "boro", "abc", "borad"]) == [
        "boro",
        "toon",
        "sotn",
    ]
    # one edit from a field term (a one-word glossary form), a short word is still fixed
    assert corrector.suggest("crae") == "care" and corrector.suggest("mahs") == "mash"
    assert corrector.suggest("thr") is None  # too short to read at all
    assert corrector.suggest("borad") == "board"  # five letters: any corpus word


def test_a_short_word_left_as_typed_is_said_in_a_note() -> None:
    from ofsted_qa.retrieval.caveats import left_as_typed
    from ofsted_qa.retrieval.query import interpret

    corrector = Corrector(Counter({"born": 50, "children": 80, "care": 90}), known=["care"])
    reading = interpret("boro children in care", corrector=corrector)
    assert reading.corrections == () and reading.left_as_typed == ("boro",)
    (note,) = left_as_typed(reading)
    assert note.startswith("“boro” is no word of the reports") and "not corrected" in note
    assert left_as_typed(interpret("children in care", corrector=corrector)) == ()
