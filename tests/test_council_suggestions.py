"""An unknown council given as an option (`--council`, `judgements --council`) is answered with
the nearest councils' names: a misspelling, a part of a name, two equally near; none for a name
near nothing."""

from __future__ import annotations

import pytest

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.retrieval.council_question import typed_council
from ofsted_qa.retrieval.councils import Councils, councils_named, nearest_councils
from test_cli import run  # the CLI runner; the `env` fixture is in conftest
from test_council_search import indexed  # noqa: F401 (a fixture: reports of three councils)

SPELLINGS = [
    "Cheshire West and Chester Council",
    "West Berkshire Council",
    "Westminster City Council",
    "Norfolk County Council",
    "Herefordshire Council",
    "Hertfordshire County Council",
    "London Borough of Bexley",
    "Bexley",
    "Manchester City Council",
    "Kent County Council",
]
COUNCILS = Councils(SPELLINGS)


def hint(typed: str) -> str:
    with pytest.raises(OfstedQAError) as raised:
        typed_council(COUNCILS, typed)
    assert f"--council {typed!r} matches no council in the index." == raised.value.message
    return raised.value.hint or ""


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("Westhavn", ["Cheshire West and Chester", "West Berkshire"]),  # difflib found none
        ("Manchster", ["Manchester"]),
        ("Hereforshire", ["Herefordshire", "Hertfordshire"]),  # two as near: both
        ("Norfok", ["Norfolk"]),
    ],
)
def test_an_unknown_council_gets_the_nearest_places(typed: str, suggested: list[str]) -> None:
    said = hint(typed)
    assert said.startswith("did you mean ")
    for name in suggested:
        assert repr(name) in said
    assert "'Kent'" not in said  # not every council: the near ones


def test_each_place_is_suggested_once_as_shown() -> None:
    assert hint("Bexly") == "did you mean 'Bexley'?"  # not also 'London Borough of Bexley'


def test_a_name_near_nothing_gets_where_to_look_instead() -> None:
    assert "did you mean" not in hint("Xyz") and "ofsted-qa judgements" in hint("Xyz")


def test_nearest_councils_best_first_within_reach_of_the_best() -> None:
    near = nearest_councils("hereforshire", SPELLINGS)
    assert near[:2] == ["Herefordshire Council", "Hertfordshire County Council"]
    assert nearest_councils("norfok", SPELLINGS) == ["Norfolk County Council"]
    assert nearest_councils("zzzz", SPELLINGS) == []
    with pytest.raises(OfstedQAError, match="did you mean 'West Berkshire Council'"):
        councils_named("West Berkshir", ["West Berkshire Council", "Kent"])


def test_ask_suggests_for_a_misspelt_council(
    indexed: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    capsys.readouterr()
    code, _ = run([*indexed, "ask", "care leavers", "--council", "Wsthavn"])
    err = capsys.readouterr().err
    assert code == 2 and "did you mean 'Westhaven'?" in err


def test_the_tuis_filter_search_offers_the_nearest_councils_for_a_misspelt_one() -> None:
    from ofsted_qa.tui.engine import Choices
    from ofsted_qa.tui.filter_search import filter_entries, search

    places = tuple(sorted(c.name for c in COUNCILS.all))
    entries = filter_entries(Choices(years=(2019,), documents=(), kinds=(), councils=places))
    found = [entry.value for _, entry in search(entries, "council westhavn")]
    assert found[:2] == ["Cheshire West and Chester", "West Berkshire"]
    assert [e.value for _, e in search(entries, "Hereforshire", keys=("council",))] == [
        "Herefordshire",
        "Hertfordshire",
    ]
    assert [e.value for _, e in search(entries, "council west berk")] == ["West Berkshire"]
    assert (
        search(entries, "council xyz") == [] and search(entries, "westhavn", keys=("year",)) == []
    )


def test_a_short_place_inside_a_longer_name_is_not_near_it() -> None:
    # WRatio put Kent (4 letters found in "westhaven") first; a misspelling is near, a fragment is
    assert nearest_councils("westhaven", ["Kent", "Essex"]) == []
    assert nearest_councils("kensingten", ["Kent", "Kensington and Chelsea"]) == [
        "Kensington and Chelsea"
    ]


def test_the_tuis_filter_search_suggests_councils_only_when_councils_are_sought() -> None:
    from ofsted_qa.tui.engine import Choices
    from ofsted_qa.tui.filter_search import filter_entries, search

    places = tuple(sorted(c.name for c in COUNCILS.all))
    entries = filter_entries(Choices(years=(2019,), documents=(), kinds=(), councils=places))
    assert search(entries, "inspectoin") == []  # no council asked for: nothing near
    assert [e.value for _, e in search(entries, "manchster")] == []
    assert [e.value for _, e in search(entries, "council manchster")] == ["Manchester"]
