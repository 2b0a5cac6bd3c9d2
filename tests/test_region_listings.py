"""A region as a modifier of councils ("London boroughs", "Yorkshire councils", "north west
LAs") reads as "councils in <region>" does, and a region with a grade and a year alone gets the
listing; "more than once", "twice", "at least three times", "repeatedly", "every time" count each
council's inspections and keep those that meet the count, with a note. Cue tests need no index;
the listings are of small PDFs made here for real councils (as test_region_search's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ofsted_qa.retrieval.grade_repeats import repeat_asked
from ofsted_qa.retrieval.judgement_listing import asks_count, asks_which, grade_named
from ofsted_qa.retrieval.region_grades import councils_for_regions
from test_cli import run  # the CLI runner; the `env` fixture is in conftest
from test_judgements import report_pdf
from test_region_search import GOOD, INADEQUATE, REPORTS, ask, listed, write_2023_reports


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("which london councils were outstanding in 2025", ["london"]),
        ("how many London boroughs were inadequate in 2019", ["London"]),
        ("yorkshire councils outstanding 2025", ["yorkshire"]),
        ("london councils requires improvement", ["london"]),
        ("north west LAs inadequate 2023", ["north west"]),
        ("Greater Manchester's local authorities rated good", ["Greater Manchester"]),
        ("London boroughs rated outstanding 2025", ["London"]),
        ("which councils in the North East were inadequate", ["North East"]),
        ("london outstanding 2025", ["london"]),
        ("is yorkshire inadequate", ["yorkshire"]),
        ("northern councils outstanding", ["northern councils"]),
        ("outstanding london councils 2025", ["london"]),  # the grade first
        ("inadequate Yorkshire LAs", ["Yorkshire"]),
    ],
)
def test_a_region_beside_councils_or_alone_with_a_grade_asks_which_councils(
    text: str, regions: list[str]
) -> None:
    read = councils_for_regions(text, regions)
    assert asks_which(read) and grade_named(read), read
    assert not any(r.lower() in read.lower() for r in regions), read


def test_a_region_count_is_a_count() -> None:
    assert asks_count(councils_for_regions("how many london boroughs were inadequate", ["london"]))


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("london outstanding practice", ["london"]),  # a topic: passages
        ("leaders know their services in London", ["London"]),
        ("how did the North East do", ["North East"]),  # kept as typed (a region's latest)
    ],
)
def test_a_region_beside_a_topic_is_left_as_typed(text: str, regions: list[str]) -> None:
    read = councils_for_regions(text, regions)
    assert regions[0] in read and not (asks_which(read) and grade_named(read))


def test_a_council_named_keeps_a_terse_question_its_own() -> None:
    # "Leeds and Yorkshire outstanding": Leeds's card; the region stays as typed
    read = councils_for_regions("leeds yorkshire outstanding", ["yorkshire"], ["leeds"])
    assert not read.startswith("which councils")


@pytest.mark.parametrize(
    ("text", "least", "most", "every"),
    [
        ("which councils have been inadequate more than once", 2, None, False),
        ("which councils were inadequate twice", 2, None, False),
        ("councils outstanding at least three times", 3, None, False),
        ("which councils were RI 3 or more times", 3, None, False),
        ("which councils were inadequate more than twice", 3, None, False),
        ("which councils were repeatedly inadequate", 2, None, False),
        ("which councils were inadequate at more than one inspection", 2, None, False),
        ("which councils were outstanding every time", 1, None, True),
        ("which councils were good at each inspection", 1, None, True),
        ("which councils were inadequate only once", 1, 1, False),
    ],
)
def test_a_repeat_is_read(text: str, least: int, most: int | None, every: bool) -> None:
    repeat = repeat_asked(text)
    assert repeat is not None
    assert (repeat.least, repeat.most, repeat.every) == (least, most, every)


@pytest.mark.parametrize(
    "text",
    ["which councils were inadequate in 2019", "which councils were inadequate at least once"],
)
def test_no_repeat_is_read_where_none_is_asked(text: str) -> None:
    assert repeat_asked(text) is None


@pytest.mark.parametrize(
    ("text", "grades", "kept"),
    [
        # "in a row": a run of matching inspections, one after another
        ("inadequate twice in a row", "XX.X", [0, 1]),
        ("inadequate at two consecutive inspections", "X.X.X", []),
        ("inadequate three times in a row", "XX.XXX", [3, 4, 5]),
        ("inadequate back to back", ".XX", [1, 2]),
        ("inadequate at three successive inspections", "XX.XXX", [3, 4, 5]),
        # a count: every matching inspection of a council that meets it
        ("inadequate more than once", "X.X", [0, 2]),
        ("inadequate more than once", "X..", []),
        ("inadequate at least three times", "XX.X", [0, 1, 3]),
        ("inadequate every time", "XXX", [0, 1, 2]),
        ("inadequate every time", "XX.", []),
        ("inadequate only once", ".X.", [1]),
        ("inadequate only once", "XX", []),
    ],
)
def test_each_councils_inspections_kept_by_the_count(
    text: str, grades: str, kept: list[int]
) -> None:
    repeat = repeat_asked(text)
    assert repeat is not None
    assert repeat.kept([(i, g == "X") for i, g in enumerate(grades)]) == kept


def test_the_note_says_how_the_count_was_read() -> None:
    repeat = repeat_asked("which councils were inadequate twice in a row")
    assert repeat is not None and repeat.run
    note = repeat.note("overall effectiveness", "inadequate")
    assert note.startswith("“twice in a row” is read as councils whose inspections graded")
    assert "inadequate at least twice in a row" in note


@pytest.fixture
def indexed(env: list[str], tmp_path: Path) -> list[str]:
    reports = write_2023_reports(tmp_path / "reports", REPORTS)
    for folder, council, grades in (
        ("80101_gateshead", "Gateshead", GOOD),
        ("80104_bexley", "Bexley", INADEQUATE),  # Bexley: inadequate twice
        ("80103_leeds", "Leeds", GOOD),  # Leeds: good every time
    ):
        earlier = reports / folder / "children's services inspection - 15 april 2019.pdf"
        earlier.write_bytes(report_pdf(council, "4 March to 15 March 2019", grades))
    assert run([*env, "index", "--docs", str(reports)])[0] == 0
    return env


@pytest.mark.parametrize(
    "question",
    [
        "which london councils were inadequate in 2023",
        "how many london boroughs were inadequate in 2023",
        "london councils inadequate 2023",
        "london boroughs rated inadequate 2023",
        "london inadequate 2023",
        "inadequate london boroughs 2023",
    ],
)
def test_a_region_as_a_modifier_lists_its_councils(indexed: list[str], question: str) -> None:
    answer = ask(indexed, question)
    assert answer["interpretation"]["regions"] == ["London"]
    rows = answer["judgements"]["listing"]
    assert {(r["council"], r["area"], r["published"][:4]) for r in rows} == {
        ("Bexley", "overall_effectiveness", "2023")
    }


def test_yorkshire_councils_and_north_east_las(indexed: list[str]) -> None:
    assert listed(ask(indexed, "yorkshire councils inadequate 2023")) == {"North East Lincolnshire"}
    assert listed(ask(indexed, "yorkshire councils good")) == {"Leeds"}
    assert listed(ask(indexed, "north east LAs inadequate")) == {"Gateshead"}


def test_more_than_once_keeps_the_councils_graded_so_more_than_once(indexed: list[str]) -> None:
    answer = ask(indexed, "which councils have been inadequate more than once")
    rows = answer["judgements"]["listing"]
    assert {(r["council"], r["published"][:4]) for r in rows} == {
        ("Bexley", "2019"),
        ("Bexley", "2023"),
    }
    assert any("“more than once” is read as" in n for n in answer["notes"])
    twice = ask(indexed, "how many councils were inadequate twice")
    assert listed(twice) == {"Bexley"}
    assert twice["judgements"]["listing_said"].endswith("at least twice")
    assert listed(ask(indexed, "which councils were inadequate twice in a row")) == {"Bexley"}
    once = ask(indexed, "which councils were inadequate only once")
    assert listed(once) == {"Gateshead", "North East Lincolnshire"}


def test_every_time_keeps_councils_never_graded_otherwise(indexed: list[str]) -> None:
    # Gateshead was good in 2019 but inadequate in 2023: not good every time
    assert listed(ask(indexed, "which councils were good every time")) == {"Leeds"}
    assert listed(ask(indexed, "which councils were inadequate every time")) == {
        "Bexley",
        "North East Lincolnshire",
    }


def test_a_repeat_lists_each_councils_inspections_together(indexed: list[str]) -> None:
    answer = ask(indexed, "which councils were inadequate every time")
    councils = [r["council"] for r in answer["judgements"]["listing"]]
    assert councils == sorted(councils)  # Bexley 2019, Bexley 2023, then NE Lincolnshire


def test_the_hint_of_a_cut_repeat_listing_says_the_count_is_no_option() -> None:
    from ofsted_qa.render_answers import listing_more
    from ofsted_qa.retrieval.judgement_card import Judged
    from test_grade_phrasings import _row

    rows = tuple(
        _row(f"d{i}", f"Council{i // 2}", "overall_effectiveness", "inadequate") for i in range(30)
    )
    said = "inadequate · overall effectiveness · at least twice"
    more = listing_more(Judged(listing=rows, listing_said=said, listing_repeat="at least twice"))
    assert "“at least twice” is no option of it" in more
    assert "no option" not in listing_more(Judged(listing=rows, listing_said=said))
