"""An answer says which filters narrowed it (`--year`, `--kind`, `--council`, `--doc`,
`--publisher`): a "filters:" line under the question in text, a "filters" object in JSON (and
in each answer of a stdin batch); nothing when none is set."""

from __future__ import annotations

import json

from ofsted_qa.render_filters import filters_json, filters_line
from ofsted_qa.retrieval.search import Filters
from test_cli import run  # the CLI runner; the `env` fixture is in conftest
from test_council_search import indexed  # noqa: F401 (a fixture: reports of three councils)


def test_the_filters_in_words_and_for_programs() -> None:
    filters = Filters(years=(2019, 2020, 2021), kinds=("focused visit",), councils=("west",))
    places = ["West Berkshire", "West Sussex"]
    assert filters_line(filters, places) == (
        "year 2019–2021 · kind focused visit · council west (West Berkshire, West Sussex)"
    )
    assert filters_json(filters, places) == {
        "years": [2019, 2020, 2021],
        "kinds": ["focused visit"],
        "councils": ["west"],
        "council_places": places,
    }
    assert filters_line(Filters(years=(2014, 2019), doc_ids=("003",))) == (
        "year 2014, 2019 · document 003"
    )
    assert filters_line(Filters(councils=("bexley",)), ["Bexley"]) == "council Bexley"
    # --region narrows as --council does, so it is said too
    assert filters_line(Filters(kinds=("report",), regions=("London",))) == (
        "kind report · region London"
    )
    assert filters_json(Filters(regions=("north-east",))) == {"regions": ["north-east"]}
    many = [f"Place {i}" for i in range(7)]
    assert "Place 4, and 2 more)" in filters_line(Filters(councils=("p",)), many)
    assert filters_line(Filters()) == "" and filters_json(Filters()) == {}


def test_ask_says_its_filters_in_text_and_json(env: list[str]) -> None:
    options = ["--year", "2014", "--kind", "Inspection_Reports", "--publisher", "Ofsted"]
    code, out = run([*env, "ask", "care leavers", "--k", "1", *options])
    lines = out.splitlines()
    assert code == 0 and lines[2] == (
        "   filters: year 2014 · kind Inspection_Reports · publisher Ofsted"
    )
    code, out = run([*env, "ask", "care leavers", "--k", "1", "--json", *options])
    assert json.loads(out)["filters"] == {
        "years": [2014],
        "kinds": ["Inspection_Reports"],
        "publishers": ["Ofsted"],
    }
    code, out = run([*env, "ask", "--json", *options], stdin="care leavers\nIRO\n")
    assert [json.loads(line)["filters"]["years"] for line in out.splitlines()] == [[2014], [2014]]


def test_an_unfiltered_answer_says_no_filters(env: list[str]) -> None:
    _, out = run([*env, "ask", "care leavers", "--k", "1"])
    assert "filters:" not in out
    _, out = run([*env, "ask", "care leavers", "--k", "1", "--json"])
    assert "filters" not in json.loads(out)


def test_a_council_filter_names_the_councils_it_matched(indexed: list[str]) -> None:  # noqa: F811
    _, out = run([*indexed, "ask", "care leavers", "--k", "1", "--council", "westhaven"])
    assert out.splitlines()[2] == "   filters: council Westhaven"
    typed = ["--council", "Westhaven Borough Council"]
    _, out = run([*indexed, "ask", "care leavers", "--k", "1", *typed])
    assert out.splitlines()[2] == "   filters: council Westhaven Borough Council (Westhaven)"
    _, out = run([*indexed, "ask", "care leavers", "--k", "1", "--json", *typed])
    said = json.loads(out)["filters"]
    assert said == {"councils": ["Westhaven Borough Council"], "council_places": ["Westhaven"]}
