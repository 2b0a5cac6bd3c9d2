"""Grade questions in other words (no index needed): "who got outstanding", "RI" as the grade
beside a word that takes one, "the number of councils", a council and a grade with nothing
else ("herts outstanding?"), and the `judgements` command a listing offers, which carries
every filter the listing was narrowed by."""

from __future__ import annotations

import io
import shlex

import pytest

from ofsted_qa.cli.parser import parse
from ofsted_qa.render_answers import judgements_command, print_judged
from ofsted_qa.retrieval.grade_question import asks_for_grades
from ofsted_qa.retrieval.grade_terse import asks_tersely
from ofsted_qa.retrieval.judgement_card import Judged
from ofsted_qa.retrieval.judgement_listing import asks_count, asks_which, grade_named
from ofsted_qa.retrieval.judgement_terms import AREA_LABELS, area_keys, area_words, areas_in
from ofsted_qa.retrieval.judgements import JudgementRow


@pytest.mark.parametrize(
    "text",
    [
        "who got outstanding overall in 2023",
        "who was rated inadequate for care leavers in 2016",
        "who has been judged requires improvement",
        "number of councils requires improvement 2022",
        "the number of local authorities rated good",
        "how many of the councils were inadequate",
        "councils RI in 2022",
    ],
)
def test_listing_cues_in_other_words(text: str) -> None:
    assert asks_which(text)


@pytest.mark.parametrize(
    "text",
    [
        "who is the DCS in Leeds",
        "who were the outstanding leaders in Leeds",  # a grade word, not a grade given
        "who is good at reducing exploitation",  # practice, not a grade
        "how many children in care in Leeds",
        "a number of children were seen",
    ],
)
def test_not_listing_cues(text: str) -> None:
    assert not (asks_which(text) and grade_named(text))


@pytest.mark.parametrize(
    "text",
    [
        "which councils were RI in 2022",
        "which councils were RI overall in 2022",
        "how many councils got RI in 2022",
        "is Leeds rated RI",
        "RI for help and protection",
    ],
)
def test_ri_beside_a_grade_word_is_the_grade(text: str) -> None:
    assert grade_named(text) == "requires improvement"


@pytest.mark.parametrize(
    "text",
    [
        "one regulatory inspector (RI) and two additional inspectors",
        "what does an RI do on an inspection",
        "the RI joined the team",
    ],
)
def test_ri_elsewhere_is_the_inspector(text: str) -> None:
    assert grade_named(text) is None


def test_how_many_in_every_phrasing_asks_a_count() -> None:
    for text in (
        "how many councils were inadequate in 2019",
        "number of councils requires improvement 2022",
        "the count of councils rated good",
        "total of LAs outstanding",
    ):
        assert asks_count(text), text
    assert not asks_count("which councils were inadequate in 2019")


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        ("herts outstanding?", "herts"),
        ("did essex get outstanding in 2018", "essex"),
        ("did croydon get inadequate", "croydon"),
        ("birmingham's overall effectiveness", "birmingham"),
        ("knowsley overall", "knowsley"),
        ("was leeds RI for care leavers", "leeds"),
        ("how many times has sandwell been inadequate", "sandwell"),
        ("Leeds City Council’s overall judgement", "leeds"),
        ("when was leeds outstanding", "leeds"),
        ("what year did essex get outstanding", "essex"),
        ("herts: outstanding or not?", "herts"),
        ("was bexley's LSCB inadequate", "bexley"),
    ],
)
def test_a_council_and_a_grade_alone_ask_for_its_grade(text: str, typed: str) -> None:
    assert asks_tersely(text, [typed])
    assert asks_for_grades(text, [typed])


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        ("herts outstanding practice", "herts"),  # a topic beside the grade word
        ("leeds care leavers", "leeds"),  # an area without a grade
        ("good practice in leeds", "leeds"),
        ("how many children in care in Leeds", "leeds"),
        ("outstanding overall in 2023", ""),  # no council: a listing's business, not a card's
    ],
)
def test_a_grade_word_beside_a_topic_is_not_a_grade_question(text: str, typed: str) -> None:
    assert not asks_tersely(text, [typed] if typed else [])


@pytest.mark.parametrize(
    ("areas", "words"),
    [
        (("in_care", "children_looked_after"), ("children in care",)),
        (("care_leavers",), ("care leavers",)),
        (("overall_effectiveness",), ("overall effectiveness",)),
    ],
)
def test_area_words_name_the_areas_asked(areas: tuple[str, ...], words: tuple[str, ...]) -> None:
    assert area_words(areas) == words


@pytest.mark.parametrize(
    "typed",
    [
        "children in care",
        "looked after children",
        "care leavers",
        "leadership",
        "help and protection and care leavers",
        "overall effectiveness and children in care",
        *AREA_LABELS.values(),
    ],
)
def test_area_words_read_back_as_the_same_areas(typed: str) -> None:
    areas = areas_in(typed)
    assert areas
    read_back = {a for word in area_words(areas) for a in area_keys(word)}
    assert read_back == set(areas)


def _row(doc: str, council: str, area: str, grade: str) -> JudgementRow:
    return JudgementRow(
        council=council,
        council_as_written=council,
        doc_id=doc,
        kind="inspection report",
        framework="ILACS",
        inspection_start="2024-01-08",
        inspection_end="2024-01-19",
        published="2024-03-01",
        area=area,
        area_label=AREA_LABELS[area],
        report_label=AREA_LABELS[area],
        grade=grade,
        page=1,
        citation=f"Ofsted, {doc}, p. 1",
        ref=f"{doc}#1",
    )


def test_the_judgements_command_carries_every_filter() -> None:
    # two areas for "children in care" (ILACS's and SIF's) once dropped --area altogether
    judged = Judged(
        listing=(
            _row("a", "Eastmere", "in_care", "inadequate"),
            _row("b", "Westmere", "children_looked_after", "inadequate"),
        ),
        listing_said="inadequate · in care, children looked after · 2024",
        listing_years=(2024,),
        listing_areas=("in_care", "children_looked_after"),
        listing_grade="inadequate",
        listing_regions=("North East",),
        listing_councils=("eastmere", "westmere"),
    )
    command = judgements_command(judged)
    assert command == (
        "ofsted-qa judgements --grade inadequate --area 'children in care' --year 2024 "
        "--region 'North East' --council eastmere --council westmere"
    )
    args = parse(shlex.split(command)[1:])  # the command runs as offered
    assert args.area == ["children in care"] and args.region == ["North East"]
    assert args.council == ["eastmere", "westmere"] and args.year == ["2024"]
    since = judgements_command(Judged(listing=judged.listing, listing_since=2020))
    latest = judgements_command(Judged(listing=judged.listing, listing_latest=True))
    assert since.endswith("--since 2020") and latest.endswith("--latest")
    assert parse(shlex.split(since)[1:]).since == 2020 and parse(shlex.split(latest)[1:]).latest


def test_a_count_asked_is_answered_first_plainly() -> None:
    rows = (
        _row("a", "Eastmere", "overall_effectiveness", "inadequate"),
        _row("b", "Eastmere", "overall_effectiveness", "inadequate"),
        _row("c", "Westmere", "overall_effectiveness", "inadequate"),
    )
    said = "inadequate · overall effectiveness · 2024"
    out = io.StringIO()
    print_judged(Judged(listing=rows, listing_said=said, count_asked=True), out)
    first = out.getvalue().strip().splitlines()[0]
    assert first == f"Answer: 2 councils (3 inspections) ({said})"
    out = io.StringIO()
    print_judged(Judged(listing=rows, listing_said=said), out)
    assert "Answer:" not in out.getvalue()  # "which councils": the listing is the answer
    from ofsted_qa.tui.judgement_view import JudgementView  # the app says it the same way

    shown = str(JudgementView(Judged(listing=rows, listing_said=said, count_asked=True)).content)
    assert shown.startswith(first + "\n")


@pytest.mark.parametrize(
    "text",
    [
        "how many inadequate councils were there in 2019",
        "which outstanding councils were inspected in 2023",
        "number of RI councils in 2022",
        "how many were rated inadequate in 2019",
    ],
)
def test_a_grade_before_councils_or_after_how_many_lists(text: str) -> None:
    assert asks_which(text) and grade_named(text)
