"""Councils named the way people name them, against the councils of the real corpus: every
council in one to three typed forms (`data/council_forms.tsv`: a place of a several-place name
alone, county short forms, initials, predecessors), and no council in plain questions.

The fixtures were extracted once from the whole-corpus index (`bench/council_names.py
--extract`, which also measures the same lists against the index), so this runs without it:
`council_spellings.txt` (every `local_authority` its documents state),
`council_words.json` (which words of these questions the corpus knows, and which it uses as
ordinary lower-case words), `council_plain.txt` (eval/corpus topic questions naming no council).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from ofsted_qa.retrieval.council_names import short_forms
from ofsted_qa.retrieval.council_question import CouncilFinder
from ofsted_qa.retrieval.councils import Councils
from ofsted_qa.retrieval.glossary import default_glossary
from shared_corpus import corpus_file

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parents[1]
SPELLINGS = (DATA / "council_spellings.txt").read_text(encoding="utf-8").splitlines()
WORDS = json.loads((DATA / "council_words.json").read_text(encoding="utf-8"))
FORMS = [
    (q, sorted(e.split(" | ")))
    for q, e in (
        line.split("\t")
        for line in (DATA / "council_forms.tsv").read_text(encoding="utf-8").splitlines()
    )
]
GOLDEN = [
    json.loads(line)["question"]
    for line in (ROOT / "eval" / "golden.jsonl").read_text(encoding="utf-8").splitlines()
]
PLAIN = (DATA / "council_plain.txt").read_text(encoding="utf-8").splitlines()


def finder_of(spellings: list[str]) -> CouncilFinder:
    ordinary, known = set(WORDS["ordinary"]), set(WORDS["known"])
    return CouncilFinder(
        Councils(spellings),
        known=known.__contains__,
        ordinary=ordinary.__contains__,
        acronyms=default_glossary().known_words,
    )


@pytest.fixture(scope="module")
def corpus() -> CouncilFinder:
    return finder_of(SPELLINGS)


def names(finder: CouncilFinder, question: str) -> list[str]:
    return sorted(c.name for c in finder.find(question))


def test_the_lists_are_the_size_asked() -> None:
    assert len(FORMS) >= 150 and len(GOLDEN) + len(PLAIN) >= 200
    shown = {c.name for c in Councils(SPELLINGS).all}
    named = {n for _, expected in FORMS for n in expected}
    assert named == shown  # every council of the corpus in at least one form


@pytest.mark.parametrize(("question", "expected"), FORMS, ids=[q for q, _ in FORMS])
def test_a_council_named_as_people_name_it(
    corpus: CouncilFinder, question: str, expected: list[str]
) -> None:
    assert names(corpus, question) == expected


@pytest.mark.parametrize("question", GOLDEN + PLAIN)
def test_a_plain_question_names_no_council(corpus: CouncilFinder, question: str) -> None:
    # the golden set's only council is Bexley
    assert names(corpus, question) == (["Bexley"] if "bexley" in question.lower() else [])


@pytest.mark.parametrize(
    ("question", "never"),
    [
        ("NE Lincs care leavers", "Lincolnshire"),
        ("North East Lincolnshire care leavers", "Lincolnshire"),
        ("N Lincs care leavers", "Lincolnshire"),
        ("West Sussex LADO", "East Sussex"),
        ("North Yorkshire LADO", "York"),
        ("N Yorks LADO", "York"),
        ("South Gloucestershire IRO", "Gloucestershire"),
        ("Central Bedfordshire IRO", "Bedford"),
        ("Cheshire West and Chester", "Cheshire East"),
    ],
)
def test_the_longest_name_wins(corpus: CouncilFinder, question: str, never: str) -> None:
    found = names(corpus, question)
    assert len(found) == 1 and never not in found


def test_a_short_form_of_a_council_the_index_lacks_names_nothing() -> None:
    finder = finder_of([s for s in SPELLINGS if "Kensington" not in s and "Cumb" not in s])
    assert names(finder, "K&C care leavers") == []
    assert names(finder, "RBKC care leavers") == []
    assert names(finder, "Chelsea care leavers") == []
    # a successor held still answers for its predecessor
    assert names(finder, "Cumbria care leavers") == ["Westmorland and Furness"]
    finder = finder_of(["Norfolk", "Kent County Council"])
    assert names(finder, "Cumbria care leavers") == []
    assert names(finder, "Cheshire care leavers") == []


def test_a_name_that_fits_two_councils_says_so(corpus: CouncilFinder) -> None:
    (mention,) = corpus.mentions("Kingston care leavers")
    named = [c.name for c in mention.councils]
    assert len(named) == 2
    (note,) = corpus.notes("Kingston care leavers", named)
    assert note.startswith(f"“Kingston” names {named[0]} and {named[1]}: both are searched")
    assert corpus.notes("Kingston care leavers", named[:1]) == ()  # a chip dropped: one left
    assert corpus.notes("Kingston upon Thames care leavers", named) == ()


def test_a_reorganised_council_is_found_with_a_note(corpus: CouncilFinder) -> None:
    (mention,) = corpus.mentions("what did Ofsted say about Cumbria in 2019")
    assert mention.surface == "Cumbria"
    assert [c.name for c in mention.councils] == ["Cumberland", "Westmorland and Furness"]
    assert mention.note == (
        "No report in the index is for Cumbria: since 2023 its reports are under "
        "'Cumberland' and 'Westmorland and Furness', searched instead."
    )
    assert corpus.notes("Cumbria", ["Cumberland"]) == (mention.note,)
    assert corpus.notes("Cumbria", []) == ()  # the chip dropped: nothing to say
    assert corpus.notes("Cumberland care leavers", ["Cumberland"]) == ()
    (bournemouth,) = corpus.mentions("Bournemouth care leavers")
    assert "2019" in bournemouth.note


def test_a_predecessor_the_index_holds_is_itself_with_a_note_on_its_successors() -> None:
    finder = finder_of(["Northamptonshire", "North Northamptonshire", "West Northamptonshire"])
    (mention,) = finder.mentions("early help in Northants")
    assert [c.name for c in mention.councils] == ["Northamptonshire"]
    assert mention.note == (
        "Northamptonshire is searched under its own name; since 2021 its reports are under "
        "'North Northamptonshire' and 'West Northamptonshire'."
    )


def test_an_abbreviation_that_is_an_ordinary_word_needs_a_capital(
    corpus: CouncilFinder,
) -> None:
    assert "beds" in WORDS["ordinary"]
    assert names(corpus, "how many beds does the unit have") == []
    assert names(corpus, "care leavers in Beds") == ["Bedford", "Central Bedfordshire"]


def test_a_council_that_is_an_ordinary_word_is_named_by_its_capital(
    corpus: CouncilFinder,
) -> None:
    assert "reading" in WORDS["ordinary"]
    assert names(corpus, "Reading's Ofsted rating in 2019") == ["Reading"]
    assert names(corpus, "how was Reading rated") == ["Reading"]
    assert names(corpus, "Reading age of children in care") == []
    assert names(corpus, "reading's role in education") == []


def test_london_alone_is_no_council(corpus: CouncilFinder) -> None:
    # "London" is a word of every "London Borough of ..." name, not the City of London
    assert names(corpus, "councils in London") == []
    assert names(corpus, "City of London care leavers") == ["City of London"]


def test_spellings_of_one_place_join(corpus: CouncilFinder) -> None:
    councils = {c.name: c.spellings for c in corpus.councils.all}
    assert {"Bedford", "Bedford Borough"} <= councils["Bedford"]
    assert {"East Riding", "East Riding of Yorkshire"} <= councils["East Riding of Yorkshire"]
    assert {"Newcastle", "Newcastle upon Tyne"} <= councils["Newcastle Upon Tyne"]
    assert "Surrey Safeguarding Children Board" in councils["Surrey"]
    assert len(councils) == 153  # the corpus's 153 local authorities


def test_every_short_form_in_the_data_file_names_a_council_of_the_corpus(
    corpus: CouncilFinder,
) -> None:
    forms = short_forms()
    for short, full in forms.phrases.items():
        assert names(corpus, f"care leavers in {short.upper()}"), short
        assert names(corpus, f"care leavers in {full}"), full
    for old in forms.predecessors:
        assert names(corpus, f"care leavers in {old.name}"), old.name


def test_the_lookup_tables_other_names_find_their_council(corpus: CouncilFinder) -> None:
    rows = csv.DictReader(corpus_file("la_lookup.csv").open(encoding="utf-8-sig"))
    others = [
        (other.strip(), row["local_authority_ons_name"])
        for row in rows
        for other in row["also_known_as"].strip("[]").split(",")
        if other.strip()
    ]
    assert others
    for other, council in others:
        assert names(corpus, f"care leavers in {other}"), f"{other!r} ({council})"


def test_a_typo_is_corrected_towards_a_place_never_a_short_form() -> None:
    finder = finder_of(SPELLINGS)
    assert names(finder, "care leavers in Cumbira") == ["Cumberland", "Westmorland and Furness"]
    assert names(finder, "care leavers in Brightn") == ["Brighton and Hove"]
    assert names(finder, "care leavers in bbanes") == []  # not BANES
