"""England's regions: each council's region from `regions.json` (matched to an index's councils
by place), region names read from a question as removable chips, never from inside a council's
name, and `--region` names checked against the nine."""

from __future__ import annotations

import pytest

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.retrieval.council_question import CouncilFinder
from ofsted_qa.retrieval.councils import Councils
from ofsted_qa.retrieval.query import interpret
from ofsted_qa.retrieval.region_question import region_mentions
from ofsted_qa.retrieval.regions import councils_in, region_data, region_named, region_of
from ofsted_qa.retrieval.results import Filters

NINE = (
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)
SPELLINGS = (
    "Kingston upon Hull City Council",
    "London Borough of Bexley",
    "Gateshead Council",
    "Cumbria County Council",
    "Northamptonshire County Council",
    "Bournemouth Borough Council",
    "Bournemouth, Christchurch and Poole Council",
    "City of London",
    "North East Lincolnshire Council",
    "Durham County Council",
    "East Sussex County Council",
    "Leeds City Council",
)
COUNCILS = Councils(SPELLINGS)
FINDER = CouncilFinder(COUNCILS)


def test_the_data_holds_the_nine_regions_and_every_council_in_one() -> None:
    data = region_data()
    assert data.names == NINE
    assert [data.codes[n] for n in NINE] == [f"E1200000{i}" for i in range(1, 10)]
    assert set(data.by_place.values()) == set(NINE)
    assert len(data.by_place) > 150  # every English council with children's services


@pytest.mark.parametrize(
    ("spelling", "region"),
    [
        ("Kingston upon Hull City Council", "Yorkshire and The Humber"),
        ("London Borough of Bexley", "London"),
        ("Gateshead Council", "North East"),
        ("Cumbria County Council", "North West"),  # reorganised in 2023: keeps its region
        ("Northamptonshire County Council", "East Midlands"),
        ("Bournemouth Borough Council", "South West"),
        ("Bournemouth, Christchurch and Poole Council", "South West"),
        ("City of London", "London"),
        ("North East Lincolnshire Council", "Yorkshire and The Humber"),
        ("Durham County Council", "North East"),
        ("East Sussex County Council", "South East"),
    ],
)
def test_each_council_of_an_index_has_its_region(spelling: str, region: str) -> None:
    council = next(c for c in COUNCILS.all if spelling in c.spellings)
    assert region_of(council) == region


def test_the_councils_of_a_region() -> None:
    assert {c.name for c in councils_in(COUNCILS, ["North East"])} == {"Durham", "Gateshead"}
    midlands = region_named("the Midlands")
    assert {c.name for c in councils_in(COUNCILS, midlands)} == {"Northamptonshire"}


@pytest.mark.parametrize(
    ("question", "regions"),
    [
        ("which councils in Yorkshire were inadequate", ["Yorkshire and The Humber"]),
        ("councils in Yorkshire and the Humber", ["Yorkshire and The Humber"]),
        ("London councils care leavers 2023", ["London"]),
        ("care leavers in London boroughs", ["London"]),
        ("how did the North East do in 2024", ["North East"]),
        ("north-east councils", ["North East"]),
        ("NE England care leavers", ["North East"]),
        ("the South West and the East of England", ["South West", "East of England"]),
        ("IROs in the Midlands", ["East Midlands", "West Midlands"]),
        ("West Midlands councils", ["West Midlands"]),
        ("children in care in the North", ["North East", "North West", "Yorkshire and The Humber"]),
    ],
)
def test_a_region_named_is_read(question: str, regions: list[str]) -> None:
    assert [r for m in region_mentions(question) for r in m.regions] == regions


@pytest.mark.parametrize(
    "question",
    [
        "care leavers in North East Lincolnshire",
        "NE Lincs care leavers",
        "East Sussex and West Sussex",
        "London Borough of Bexley care leavers",
        "City of London children in care",
        "East Riding of Yorkshire",
        "Bath and North East Somerset",
        "the north of the county",
        "children in care in the east",
        "Who was Ofsted's regional director for London in 2018?",
        "What did Ofsted's London director say about early help",
        "the North West regional director",
    ],
)
def test_a_region_word_inside_a_council_name_names_no_region(question: str) -> None:
    assert region_mentions(question) == ()


def test_a_council_the_finder_names_is_never_a_region() -> None:
    # "North East Lincolnshire" as the index spells it, matched by the council finder
    assert region_mentions("North East Lincs", ["North East Lincs"]) == ()


def test_the_region_is_a_removable_chip_and_not_a_search_word() -> None:
    read = interpret("care leavers in the North East", councils=FINDER)
    assert "region North East" in read.chips and read.regions == ("North East",)
    assert "north" not in read.base_terms and "east" not in read.base_terms
    dropped = read.without("region North East")
    assert dropped.regions == () and "region North East" not in dropped.chips
    assert "north" in dropped.base_terms  # searched as words again


def test_the_midlands_are_two_chips_and_one_dropped_keeps_the_other() -> None:
    read = interpret("IROs in the Midlands", councils=FINDER)
    assert read.regions == ("East Midlands", "West Midlands")
    kept = read.without("region East Midlands")
    assert kept.regions == ("West Midlands",) and "midland" not in " ".join(kept.base_terms)


def test_a_council_named_is_not_a_region() -> None:
    read = interpret("care leavers in North East Lincolnshire", councils=FINDER)
    assert read.councils == ("North East Lincolnshire",) and read.regions == ()
    read = interpret("London Borough of Bexley care leavers", councils=FINDER)
    assert read.councils == ("Bexley",) and read.regions == ()


@pytest.mark.parametrize(
    ("typed", "regions"),
    [
        ("London", ("London",)),
        ("north-east", ("North East",)),
        ("Yorkshire", ("Yorkshire and The Humber",)),
        ("yorkshire and the humber", ("Yorkshire and The Humber",)),
        ("E12000005", ("West Midlands",)),
        ("the Midlands", ("East Midlands", "West Midlands")),
    ],
)
def test_a_typed_region(typed: str, regions: tuple[str, ...]) -> None:
    assert region_named(typed) == regions


def test_an_unknown_region_lists_the_nine() -> None:
    with pytest.raises(OfstedQAError) as raised:
        region_named("Narnia")
    assert "--region 'Narnia' is not a region of England" in raised.value.message
    assert all(name in str(raised.value.hint) for name in NINE)


def _meta(council: str) -> DocumentMeta:
    return DocumentMeta(
        council, "x.pdf", council, "Ofsted", "inspection report", "2023", local_authority=council
    )


def test_the_region_filter_admits_only_its_councils() -> None:
    filters = Filters(regions=("North East",)).resolved(COUNCILS)
    assert filters.admits(_meta("Gateshead Council"))
    assert not filters.admits(_meta("Leeds City Council"))
    with pytest.raises(OfstedQAError, match="not in London"):
        Filters(councils=("Leeds",), regions=("London",)).resolved(COUNCILS)
    with pytest.raises(OfstedQAError, match="no council in the index is in South West"):
        Filters(regions=("South West",)).resolved(Councils(["Leeds City Council"]))
