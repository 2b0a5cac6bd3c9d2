"""Judgement rows without an index: the words read as areas, grades and councils, the passage a
judgement is cited to, and rows made inert on the way to a terminal."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.store import ChunkStore
from ofsted_qa.ingest.chunking import TABLE_LABEL, Chunk
from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.ingest.facts import AREAS, Judgement
from ofsted_qa.render_judgements import print_csv, print_table
from ofsted_qa.retrieval.councils import council_matches, councils_named
from ofsted_qa.retrieval.judgement_terms import AREA_LABELS, area_keys, grade_key
from ofsted_qa.retrieval.judgements import JudgementFilters, list_judgements


@pytest.mark.parametrize(
    ("typed", "council"),
    [
        ("bexley", "London Borough of Bexley"),
        ("London Borough of Bexley", "Bexley"),
        ("Bexley's", "Bexley"),
        ("RBWM", "Royal Borough of Windsor and Maidenhead"),
        ("BCP", "Bournemouth, Christchurch and Poole"),
        ("windsor and maidenhead", "Royal Borough of Windsor and Maidenhead"),
        ("Kingston", "Kingston upon Hull City Council"),
        ("hull", "Kingston upon Hull City Council"),
        ("Bradford", "Bradford Children and Families Trust"),
        ("bristol", "Bristol, City of"),
    ],
)
def test_a_council_matches_by_any_part_of_its_name(typed: str, council: str) -> None:
    assert council_matches(typed, council)


@pytest.mark.parametrize(("typed", "council"), [("Bexley", "Bexleyheath"), ("of", "Bexley")])
def test_a_council_never_matches_part_of_a_word(typed: str, council: str) -> None:
    assert not council_matches(typed, council)


def test_the_place_itself_beats_places_named_after_it() -> None:
    shires = ["North Northamptonshire", "West Northamptonshire"]
    assert councils_named("Northamptonshire", [*shires, "Northamptonshire"]) == {"Northamptonshire"}
    assert councils_named("northamptonshire", shires) == set(shires)
    assert councils_named("Kingston", ["Kingston upon Thames", "Kingston upon Hull"]) == {
        "Kingston upon Thames",
        "Kingston upon Hull",
    }


def test_an_unknown_council_names_the_nearest() -> None:
    with pytest.raises(OfstedQAError) as err:
        councils_named("Bexly", ["London Borough of Bexley", "Barnet", "Bexley"])
    assert "did you mean 'Bexley', 'London Borough of Bexley'?" in str(err.value)


@pytest.mark.parametrize(
    ("typed", "areas"),
    [
        ("care leavers", ("care_leavers",)),
        ("care_leavers", ("care_leavers",)),
        ("Help and protection", ("help_and_protection",)),
        ("children in care", ("in_care", "children_looked_after")),
        (
            "leaders",
            ("impact_of_leaders", "leadership_management_governance", "leadership_and_management"),
        ),
        ("capacity for improvement", ("capacity_to_improve",)),
        ("quality of provision", ("quality_of_provision",)),
        ("overall", ("overall_effectiveness",)),
        ("LSCB", ("lscb",)),
    ],
)
def test_areas_in_plain_words(typed: str, areas: tuple[str, ...]) -> None:
    assert area_keys(typed) == areas


def test_every_area_has_a_label_and_is_accepted_by_its_key() -> None:
    assert set(AREA_LABELS) == set(AREAS)
    assert all(area_keys(area) == (area,) for area in AREAS)


@pytest.mark.parametrize(
    ("typed", "grade"),
    [
        ("RI", "requires improvement"),
        ("Requires improvement to be good", "requires improvement"),
        ("inadequate", "inadequate"),
        ("Outstanding", "outstanding"),
        ("2", "good"),
    ],
)
def test_grades_in_plain_words(typed: str, grade: str) -> None:
    assert grade_key(typed) == grade


SIF = DocumentMeta(
    "sif",
    "reports/sif.pdf",
    "Inspection of services for children, London Borough of Eastmere",
    "Ofsted",
    "inspection report",
    "2014-05-23",
    period_start="2014-03-11",
    period_end="2014-04-02",
    local_authority="London Borough of Eastmere",
    framework="SIF",
    judgements=(
        Judgement("lscb", "The effectiveness of the LSCB", "inadequate", 2),
        Judgement("adoption", "2.1 Adoption performance", "good", 2),
    ),
    page_starts=(0, 100, 300),
)
CHUNKS = [
    Chunk("sif", 0, "¶1", (), 10, 60, "Cover text of the report"),
    Chunk(
        "sif",
        1,
        TABLE_LABEL,
        (),
        110,
        200,
        "1. Children who need help Good 2.1 Adoption performance Good",
    ),
    Chunk("sif", 2, "¶3", (), 210, 290, "The effectiveness of the LSCB is inadequate."),
    Chunk("sif", 3, "4", (), 310, 400, "Leaders know their services."),
]


def test_a_judgement_is_cited_to_its_page_and_the_passage_that_states_it() -> None:
    store = ChunkStore(CHUNKS, {"sif": SIF})
    adoption, lscb = list_judgements(store, JudgementFilters(council="eastmere"))
    assert adoption.ref == f"sif#{TABLE_LABEL}" and lscb.ref == "sif#u3"  # its own sentence
    assert lscb.citation == (
        "Ofsted, Inspection of services for children, London Borough of Eastmere "
        "(published 23 May 2014), judgements, p. 2"
    )


def test_unpaged_text_is_cited_without_a_page() -> None:
    unpaged = replace(SIF, page_starts=())
    (row,) = list_judgements(ChunkStore(CHUNKS, {"sif": unpaged}), JudgementFilters(area="lscb"))
    assert row.citation.endswith("(published 23 May 2014), judgements") and row.ref == "sif#u3"


def test_document_text_reaches_the_terminal_inert() -> None:
    hostile = replace(SIF, local_authority="Eastmere\x1b]52;c;aGk=\x07", title="T\x1b[2J")
    rows = list_judgements(ChunkStore(CHUNKS, {"sif": hostile}))
    for printer in (print_table, print_csv):
        out = io.StringIO()
        printer(rows, out)
        assert "\x1b" not in out.getvalue() and "␛]52;c;aGk=␇" in out.getvalue()
