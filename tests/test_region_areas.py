"""Areas below a region (`areas.json`: the former metropolitan counties) read as their councils,
not their whole region, and "the South" as the South East and South West; a council's name inside
an area's ("Greater Manchester") or a region word near a council's ("southern", "Southend") names
the area or the regions, never the council."""

from __future__ import annotations

import json

import pytest

from ofsted_qa.retrieval.council_question import CouncilFinder
from ofsted_qa.retrieval.councils import Councils
from ofsted_qa.retrieval.query import interpret
from ofsted_qa.retrieval.region_question import region_mentions
from ofsted_qa.retrieval.regions import (
    AREAS_FILE,
    areas,
    councils_in,
    reading_notes,
    region_data,
    region_named,
    unlisted_notes,
)
from ofsted_qa.retrieval.results import Filters

SPELLINGS = (
    "Bradford Metropolitan District Council",
    "Leeds City Council",
    "Sheffield City Council",
    "Kingston upon Hull City Council",
    "Manchester City Council",
    "Trafford Council",
    "Newcastle upon Tyne City Council",
    "St Helens Council",
    "Southend-on-Sea Borough Council",
    "South Gloucestershire Council",
    "South Tyneside Council",
    "Birmingham City Council",
    "Kent County Council",
    "Dudley Metropolitan Borough Council",
    "Wolverhampton City Council",
    "Middlesbrough Council",
    "Stockton-on-Tees Borough Council",
    "Coventry City Council",
)
COUNCILS = Councils(SPELLINGS)
FINDER = CouncilFinder(COUNCILS)


def names(regions: tuple[str, ...]) -> list[str]:
    return sorted(c.name for c in councils_in(COUNCILS, regions))


def test_the_areas_are_the_former_metropolitan_counties_within_one_region() -> None:
    raw = json.loads(AREAS_FILE.read_text(encoding="utf-8"))
    assert "metropolitan count" in raw["_about"] and "ONS" in raw["_about"]
    informal = {"Black Country", "Tees Valley"}  # agreed lists, each with its source
    assert set(areas()) == {
        "West Yorkshire",
        "South Yorkshire",
        "Greater Manchester",
        "Merseyside",
        "Tyne and Wear",
        *informal,
    }
    assert set(raw["sources"]) == set(raw["kinds"]) == informal
    assert all(len(raw["sources"][a]) > 40 for a in informal)
    by_place = region_data().by_place
    for area, places in areas().items():
        # every council of an area is a council of the regions file, all in one region
        assert len({by_place[p] for p in places}) == 1, area


@pytest.mark.parametrize(
    ("question", "read", "councils"),
    [
        (
            "which councils in west yorkshire were inadequate",
            "West Yorkshire",
            ["Bradford", "Leeds"],
        ),
        ("South Yorkshire care leavers", "South Yorkshire", ["Sheffield"]),
        ("care leavers in Greater Manchester", "Greater Manchester", ["Manchester", "Trafford"]),
        ("Merseyside fostering", "Merseyside", ["St Helens"]),
        ("tyne & wear early help", "Tyne and Wear", ["Newcastle upon Tyne", "South Tyneside"]),
        ("black country front door", "Black Country", ["Dudley", "Wolverhampton"]),
        ("Tees Valley children in care", "Tees Valley", ["Middlesbrough", "Stockton on Tees"]),
    ],
)
def test_an_area_is_read_as_its_councils(question: str, read: str, councils: list[str]) -> None:
    understood = interpret(question, councils=FINDER)
    assert understood.regions == (read,) and understood.councils == ()
    assert names(understood.regions) == councils
    assert f"region {read}" in understood.chips


def test_a_council_beside_an_area_is_still_the_council() -> None:
    assert interpret("Manchester care leavers", councils=FINDER).councils == ("Manchester",)
    assert interpret("Manchester care leavers", councils=FINDER).regions == ()
    read = interpret("West Midlands councils", councils=FINDER)  # the ONS region
    assert read.regions == ("West Midlands",)
    assert names(read.regions) == ["Birmingham", "Coventry", "Dudley", "Wolverhampton"]
    # its short form is the region too; the Black Country, four of its councils
    assert interpret("west mids councils inadequate", councils=FINDER).regions == read.regions
    assert interpret("east mids care leavers").regions == ("East Midlands",)


@pytest.mark.parametrize(
    "question",
    [
        "councils in the South",
        "southern councils inadequate",  # not Southend
        "care leavers in the south of England",
        "southern England fostering",
    ],
)
def test_the_south_is_the_south_east_and_south_west(question: str) -> None:
    read = interpret(question, councils=FINDER)
    assert read.regions == ("South East", "South West") and read.councils == ()


@pytest.mark.parametrize(
    ("question", "regions"),
    [
        ("the South East", ["South East"]),
        ("the south west councils", ["South West"]),
        ("the south of the county", []),
        ("South Gloucestershire care leavers", []),
        ("South Tyneside care leavers", []),
    ],
)
def test_a_south_that_is_no_grouping(question: str, regions: list[str]) -> None:
    councils = [m.surface for m in FINDER.mentions(question)]
    assert [r for m in region_mentions(question, councils) for r in m.regions] == regions


def test_the_answer_says_what_an_area_and_a_grouping_stand_for() -> None:
    notes = reading_notes(
        [
            ("west yorkshire", "West Yorkshire"),
            ("the South", "South East"),
            ("the South", "South West"),
        ],
        COUNCILS,
    )
    assert notes == (
        "“west yorkshire” is read as the councils of West Yorkshire (a former metropolitan "
        "county), not its whole region: Bradford and Leeds.",
        "“the South” is read as the regions South East and South West.",
    )
    assert reading_notes([("London", "London")], COUNCILS) == ()


def test_an_area_as_the_region_option() -> None:
    assert region_named("West Yorkshire") == ("West Yorkshire",)
    assert region_named("the south") == ("South East", "South West")
    filters = Filters(regions=("greater manchester",)).resolved(COUNCILS)
    assert set(filters.region_councils) == {"Manchester City Council", "Trafford Council"}


def test_the_tui_offers_the_areas_held_after_the_regions() -> None:
    from ofsted_qa.tui.engine import regions_held

    held = regions_held(Councils(["Leeds City Council", "Kent County Council"]))
    assert held == ("Yorkshire and The Humber", "South East", "West Yorkshire")


def test_an_informal_area_says_what_it_is_and_one_with_no_agreed_list_gets_a_note() -> None:
    (said,) = reading_notes([("black country", "Black Country")], COUNCILS)
    assert said == (
        "“black country” is read as the councils of Black Country (the four Black Country "
        "boroughs), not its whole region: Dudley and Wolverhampton."
    )
    read = interpret("home counties care leavers", councils=FINDER)
    assert read.regions == () and read.councils == ()
    (note,) = unlisted_notes(read.query)
    assert note.startswith("“home counties” has no agreed list of councils (")
    assert unlisted_notes("care leavers in the counties of the north") == ()
