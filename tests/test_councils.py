"""Councils named in a question, matched to the councils an index holds: every spelling of one
place is one council, and names, short forms, initials, county abbreviations, possessives and
typos find it, while ordinary words and the field's acronyms never become councils."""

from __future__ import annotations

import pytest

from ofsted_qa.retrieval.council_question import CouncilFinder, ordinary_in
from ofsted_qa.retrieval.councils import Councils
from ofsted_qa.retrieval.query import interpret
from ofsted_qa.retrieval.typos import distance

SPELLINGS = [
    "London Borough of Bexley",
    "Bexley",
    "Norfolk County Council",
    "Norfolk",
    "Bournemouth, Christchurch and Poole",
    "the Royal Borough of Windsor and Maidenhead",
    "North Northamptonshire",
    "West Northamptonshire",
    "Northamptonshire",
    "Reading Borough Council",
    "Bury",
    "Kingston upon Thames",
    "Kingston Upon Hull City Council",
    "Hull",
    "Leeds City",
    "Leeds City Council",
    "Kent County Council",
    "City of London",
    "London Borough of Ealing",
]
# Texts the index holds: "reading" and "bury" are ordinary words there, "hull" is not.
TEXTS = [
    "Care leavers' reading age is assessed by the virtual school.",
    "Families bury their differences when plans are clear.",
    "Hull has improved its services.",
]


@pytest.fixture(scope="module")
def finder() -> CouncilFinder:
    return CouncilFinder(
        Councils(SPELLINGS),
        known=lambda w: w in {"leaders", "careers", "reading", "private"},
        ordinary=ordinary_in(TEXTS),
        acronyms={"lac", "iro", "mash"},
    )


def names(finder: CouncilFinder, question: str) -> list[str]:
    return [c.name for c in finder.find(question)]


def test_spellings_of_one_place_are_one_council_shown_as_the_place() -> None:
    councils = {c.name: c for c in Councils(SPELLINGS).all}
    assert councils["Norfolk"].spellings == {"Norfolk", "Norfolk County Council"}
    assert councils["Leeds"].spellings == {"Leeds City", "Leeds City Council"}
    assert councils["Kent"].spellings == {"Kent County Council"}
    assert councils["Ealing"].spellings == {"London Borough of Ealing"}
    assert councils["City of London"].spellings == {"City of London"}
    # "Kingston upon Hull" is Hull where the index also spells it Hull
    assert "Kingston Upon Hull City Council" in councils["Hull"].spellings
    assert "Windsor and Maidenhead" in councils


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("IROs in Bexley", ["Bexley"]),
        ("what did the London Borough of Bexley say", ["Bexley"]),
        ("Bexley's care leavers", ["Bexley"]),
        ("Bexley\u2019s care leavers", ["Bexley"]),
        ("care leavers in norfolk county council", ["Norfolk"]),
        ("how does BCP run its MASH", ["Bournemouth, Christchurch and Poole"]),
        ("Bournemouth, Christchurch & Poole", ["Bournemouth, Christchurch and Poole"]),
        ("RBWM care leavers", ["Windsor and Maidenhead"]),
        ("windsor and maidenhead early help", ["Windsor and Maidenhead"]),
        # the longer place wins where it is named, the place itself where it is
        ("early help in North Northants", ["North Northamptonshire"]),
        ("early help in Northamptonshire", ["Northamptonshire"]),
        ("early help in northants", ["Northamptonshire"]),
        ("private fostering in Kingston", ["Hull", "Kingston upon Thames"]),
        ("Kingston upon Thames", ["Kingston upon Thames"]),
        ("compare Norfolk and Leeds", ["Norfolk", "Leeds"]),
        # the words two councils share said once, after the second
        ("North v West Northamptonshire 2026", ["North Northamptonshire", "West Northamptonshire"]),
        ("north and west northants", ["North Northamptonshire", "West Northamptonshire"]),
        ("care in the north and West Northamptonshire", ["West Northamptonshire"]),
        # typos of council words, five letters or more
        ("care leavers in Norflok", ["Norfolk"]),
        ("Bexly care leavers", ["Bexley"]),
        ("care leavers in Windsr and Maidenhead", ["Windsor and Maidenhead"]),
    ],
)
def test_councils_named(finder: CouncilFinder, question: str, expected: list[str]) -> None:
    assert names(finder, question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "reading age of care leavers",  # an ordinary word in the documents
        "Reading age of care leavers",  # capitalised only as the first word
        "families bury their differences",
        "how do leaders support careers",  # known words are never typos of a council
        "what does LAC mean",  # the field's acronym, not initials
        "care in the north",  # part of a name is not the name
    ],
)
def test_ordinary_words_are_not_councils(finder: CouncilFinder, question: str) -> None:
    assert names(finder, question) == []


def test_a_proper_noun_or_a_word_never_used_ordinarily_is_a_council(
    finder: CouncilFinder,
) -> None:
    assert names(finder, "care leavers in Reading") == ["Reading"]
    assert names(finder, "what happened in Bury") == ["Bury"]
    assert names(finder, "what about hull") == ["Hull"]  # never an ordinary word here
    assert names(finder, "kent") == ["Kent"]


def test_edit_distance_counts_a_swap_as_one() -> None:
    # council words are corrected with the typo corrector's distance (rapidfuzz's OSA)
    assert distance("norflok", "norfolk") == 1
    assert distance("bexly", "bexley") == 1
    assert distance("leeds", "leaders", limit=3) == 3


def test_a_council_is_a_removable_chip_and_not_a_search_word(finder: CouncilFinder) -> None:
    reading = interpret("IROs in Norfolk and Leeds", councils=finder)
    assert reading.councils == ("Norfolk", "Leeds")
    assert [c for c in reading.chips if c.startswith("council")] == [
        "council Norfolk",
        "council Leeds",
    ]
    assert "norfolk" not in reading.base_terms and "Norfolk" not in reading.dense_text
    dropped = reading.without("council Norfolk")
    assert dropped.councils == ("Leeds",)
    assert "council Norfolk" not in dropped.chips
    assert "norfolk" in dropped.base_terms  # searched as a word again
