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
