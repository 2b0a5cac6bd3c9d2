"""A council whose name is an ordinary word ("Reading", "Bury", "Beds") named as a question's first
word, or in lower case: the words after it say whether it is the place (`council_context`).

Which names are ordinary words comes from the documents (`ordinary_in`), never from a list: here
from a few sentences, so "Poole", which they never write in lower case, is a place however typed.
"""

from __future__ import annotations

import pytest

from ofsted_qa.retrieval.council_context import PlaceCues, words_of
from ofsted_qa.retrieval.council_question import CouncilFinder, ordinary_in
from ofsted_qa.retrieval.councils import Councils
from ofsted_qa.retrieval.glossary import default_glossary

SPELLINGS = [
    "Reading Borough Council",
    "Bury Metropolitan Borough Council",
    "Slough",
    "Wokingham",
    "Bedford Borough",
    "Central Bedfordshire",
    "Bournemouth, Christchurch and Poole",
    "Bath and North East Somerset",
]
# how the documents use these words: "reading", "bury", "beds" and "bath" as ordinary words
TEXTS = [
    "Children's reading age is assessed and their progress in reading and writing is good.",
    "Leaders do not bury concerns raised by staff.",
    "The unit has four beds for children in crisis.",
    "Carers keep to routines such as bath time and bedtime.",
]


@pytest.fixture(scope="module")
def finder() -> CouncilFinder:
    return CouncilFinder(
        Councils(SPELLINGS),
        ordinary=ordinary_in(TEXTS),
        acronyms=default_glossary().known_words,
    )


def names(finder: CouncilFinder, question: str) -> list[str]:
    return sorted(c.name for c in finder.find(question))


def test_the_ordinary_words_come_from_the_documents() -> None:
    ordinary = ordinary_in(TEXTS)
    assert ordinary("reading") and ordinary("bury") and ordinary("beds") and ordinary("bath")
    assert not ordinary("poole") and not ordinary("slough")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a year next
        ("Reading 2016 agency social workers", ["Reading"]),
        ("Bury 2019 care leavers", ["Bury"]),
        ("Reading 2016/17 care leavers", ["Reading"]),
        ("Beds 2016 care leavers", ["Bedford", "Central Bedfordshire"]),
        # a colon or a spaced dash
        ("Reading: care leavers", ["Reading"]),
        ("Reading - MASH thresholds", ["Reading"]),
        ("Bury \u2013 early help", ["Bury"]),
        ("Bath - MASH", ["Bath and North East Somerset"]),  # a place of a several-place name
        ("Bath 2019 care leavers", ["Bath and North East Somerset"]),
        # a word that only follows a council
        ("Reading children's services", ["Reading"]),
        ("Reading council adoption", ["Reading"]),
        ("Reading Ofsted rating", ["Reading"]),
        ("Reading inspection findings", ["Reading"]),
        ("Reading LSCB", ["Reading"]),
        ("Reading MASH", ["Reading"]),  # the field's acronym, in capitals
        ("Reading Borough care leavers", ["Reading"]),  # the rest of its own spelling
        ("Bury metropolitan borough", ["Bury"]),
        # alone
        ("Reading", ["Reading"]),
        ("Reading?", ["Reading"]),
        # another council by a joining word or a comma
        ("Reading and Slough 2016", ["Reading", "Slough"]),
        ("Reading and Slough care leavers", ["Reading", "Slough"]),
        ("Reading, Slough and Wokingham", ["Reading", "Slough", "Wokingham"]),
        ("Slough and reading care leavers", ["Reading", "Slough"]),
        ("Reading v Bury", ["Bury", "Reading"]),
        # lower case with a strong cue
        ("reading 2016 agency social workers", ["Reading"]),
        ("reading council care leavers", ["Reading"]),
        ("care leavers in reading 2019", ["Reading"]),
        # as before: a capital past the first word, a possessive, a name no document uses as a word
        ("care leavers in Reading", ["Reading"]),
        ("Reading's rating", ["Reading"]),
        ("Poole care leavers", ["Bournemouth, Christchurch and Poole"]),
        ("poole care leavers", ["Bournemouth, Christchurch and Poole"]),
    ],
)
def test_the_words_after_an_ordinary_word_make_it_a_council(
    finder: CouncilFinder, question: str, expected: list[str]
) -> None:
    assert names(finder, question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "Reading the 2016 report, what did inspectors say",
        "Reading age of children in care",
        "Reading-age checks for care leavers",
        "Reading, writing and maths for children looked after",
        "Reading to children in foster care",
        "Reading in care",
        "Bury the past: what do care leavers say",
        "bath time for young children in care",
        "Bath time routines in foster homes",
        "reading and writing attainment 2016",
        "reading: how are case records kept",
        "reading",  # lower case alone is the topic
        "reading age",
        "how many beds 2016",  # a lower-case short form stays the word
        "beds: how many does the unit have",
        "Reading and",
    ],
)
def test_an_ordinary_word_read_as_the_word_is_no_council(
    finder: CouncilFinder, question: str
) -> None:
    assert names(finder, question) == []


def test_the_words_after_a_council_come_from_its_spellings_and_the_data_file() -> None:
    cues = PlaceCues(Councils(["Medway Children's Services"]), ["ofsted"], {"mash"})
    assert cues.follows(["children", "services"], caps=False)  # the rest of a spelling
    assert cues.follows(["ofsted"], caps=False)
    assert cues.follows(["2016", "care"], caps=False)
    assert cues.follows(["mash"], caps=True) and not cues.follows(["mash"], caps=False)
    assert not cues.follows(["children"], caps=False)  # "Reading children stories"
    assert not cues.follows(["council"], caps=False)  # not a word of these spellings
    assert not cues.follows([], caps=False)
    assert words_of("Children's Services") == ("children", "services")


def test_a_heading_is_a_colon_a_spaced_dash_or_the_whole_question() -> None:
    assert PlaceCues.set_apart(": ", ": care leavers")
    assert PlaceCues.set_apart(" - ", " - MASH")
    assert PlaceCues.set_apart(" \u2014", " \u2014MASH")
    assert PlaceCues.set_apart("", "?")
    assert not PlaceCues.set_apart("-", "-age checks")
    assert not PlaceCues.set_apart(", ", ", writing and maths")
    assert not PlaceCues.set_apart(" ", " age of children")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # leading the question in lower case, before one of the field's services
        ("reading children in need of protection - how different was 2016 from 2024", ["Reading"]),
        ("bury care leavers", ["Bury"]),
        ("reading's fostering", ["Reading"]),
        ("reading social workers caseloads", ["Reading"]),
        ("bath adoption", ["Bath and North East Somerset"]),
        ("Reading early help", ["Reading"]),  # a capital that only starts the sentence
        ("poole early help", ["Bournemouth, Christchurch and Poole"]),
        ("Poole: the 2019 report", ["Bournemouth, Christchurch and Poole"]),  # a heading
    ],
)
def test_a_name_leading_the_question_before_a_service_is_a_council(
    finder: CouncilFinder, question: str, expected: list[str]
) -> None:
    assert names(finder, question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "reading age of children in care",
        "reading ages",
        "reading's role in education",
        "reading attainment of children in care",
        "wellbeing in children in care",
        "reading children stories",  # "children" alone follows the activity too
        "care leavers reading fostering",  # not leading the question
        # before an article: a verb, even where the documents never use the word
        "bury the bad news",
        "poole the resources",
        "Bury the past: what do care leavers say",
    ],
)
def test_an_ordinary_word_leading_the_question_otherwise_is_no_council(
    finder: CouncilFinder, question: str
) -> None:
    assert names(finder, question) == []


def test_the_services_come_from_the_data_file() -> None:
    cues = PlaceCues(Councils(["Slough"]), [], (), ["care leavers", "children's homes"])
    assert cues.leads(["care", "leavers", "2019"])
    assert cues.leads(["children", "homes"])  # the possessive's "s" dropped, as tokens give it
    assert not cues.leads(["care"]) and not cues.leads(["age", "of"]) and not cues.leads([])
    assert cues.verb(["the", "bad"], False) and not cues.verb(["care"], True)
    assert not cues.verb(["the", "care", "leavers", "report"], False)  # a topic follows
    assert cues.verb(["the", "care", "leavers", "report"], True)  # the documents' own word


def test_a_name_of_two_councils_leading_the_question_still_says_so() -> None:
    finder = CouncilFinder(
        Councils(["Kingston upon Hull City Council", "Royal Borough of Kingston upon Thames"])
    )
    found = sorted(c.name for c in finder.find("kingston care leavers"))
    assert found == ["Kingston upon Hull", "Kingston upon Thames"]
    (note,) = finder.notes("kingston care leavers", found)
    assert "“kingston” names Kingston upon Hull and Kingston upon Thames" in note
    assert finder.find("kingston the report") == ()  # a verb's place: no council


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("slough the last inspection", ["Slough"]),
        ("wokingham the one before last", ["Wokingham"]),
        ("poole the care leavers report", ["Bournemouth, Christchurch and Poole"]),
        # a word the documents use: before an article it reads as the word, whatever follows
        ("reading the last inspection report", []),
        ("poole the resources", []),
    ],
)
def test_a_name_no_document_uses_as_a_word_before_an_article_and_an_inspection_is_a_council(
    finder: CouncilFinder, question: str, expected: list[str]
) -> None:
    assert names(finder, question) == expected
