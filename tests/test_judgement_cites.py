"""A report whose grades are stated in more than one place (SIF: the judgement table on p. 1,
the LSCB review's grade on a later page; a grade in a sentence of its own) gets one cite per
place, each saying which grades it backs, in `ofsted-qa judgements`, in an answer's judgement
card, in the TUI's card and in the card's JSON. A report stated in one place keeps one plain
cite. The rows are made here, so nothing depends on an index."""

from __future__ import annotations

import io
from dataclasses import replace

from ofsted_qa.render_answers import print_card
from ofsted_qa.render_judgements import cite_lines, print_table
from ofsted_qa.retrieval.inspections import Inspection
from ofsted_qa.retrieval.judgement_card import JudgementCard
from ofsted_qa.retrieval.judgements import JudgementRow

DOC = "80487_barnet/children's services inspection - 07 july 2017"
CITE = "Ofsted, Inspection of ..., London Borough of Barnet (published 7 July 2017), judgements"
AREAS = (
    ("overall_effectiveness", "overall effectiveness"),
    ("help_and_protection", "help and protection"),
    ("care_leavers", "care leavers"),
    ("leadership_management_governance", "leadership, management and governance"),
)


def row(area: str, label: str, page: int = 1, ref: str = "judgements-table") -> JudgementRow:
    return JudgementRow(
        council="Barnet",
        council_as_written="London Borough of Barnet",
        doc_id=DOC,
        kind="inspection report",
        framework="SIF",
        inspection_start="2017-04-25",
        inspection_end="2017-05-18",
        published="2017-07-07",
        area=area,
        area_label=label,
        report_label=label,
        grade="inadequate",
        page=page,
        citation=f"{CITE}, p. {page}",
        ref=f"{DOC}#{ref}",
    )


SIF = (*(row(a, label) for a, label in AREAS), row("lscb", "LSCB", page=33, ref="u171"))


def test_each_cite_of_a_report_stated_in_two_places_says_what_it_backs() -> None:
    assert cite_lines(SIF) == [
        f"  cite (every grade but LSCB): {CITE}, p. 1",
        f"  ref:  {DOC}#judgements-table",
        f"  cite (LSCB): {CITE}, p. 33",
        f"  ref:  {DOC}#u171",
    ]


def test_grades_stated_in_their_own_sentence_are_named_even_on_the_same_page() -> None:
    own = f"{DOC}#u2"
    rows = (replace(SIF[0], ref=own), SIF[1], SIF[2], replace(SIF[3], ref=own))
    assert cite_lines(rows, "") == [
        # areas joined by ";": an area's own label holds commas
        f"cite (overall effectiveness; leadership, management and governance): {CITE}, p. 1",
        f"ref:  {own}",
        f"cite (help and protection; care leavers): {CITE}, p. 1",
        f"ref:  {DOC}#judgements-table",
    ]
    rows = (replace(SIF[0], ref=own), *SIF[1:4])
    assert cite_lines(rows, "")[2] == f"cite (every grade but overall effectiveness): {CITE}, p. 1"


def test_a_report_stated_in_one_place_keeps_one_plain_cite() -> None:
    assert cite_lines(SIF[:4]) == [f"  cite: {CITE}, p. 1", f"  ref:  {DOC}#judgements-table"]


def test_the_judgements_table_labels_its_cites() -> None:
    out = io.StringIO()
    print_table(SIF, out)
    text = out.getvalue()
    assert f"  cite (LSCB): {CITE}, p. 33\n  ref:  {DOC}#u171\n" in text
    assert "  cite: " not in text


def card() -> JudgementCard:
    inspection = Inspection(
        DOC, "Barnet", "inspection", "SIF", "2017-04-25", "2017-05-18", "2017-07-07", True
    )
    return JudgementCard(inspection, SIF, asked=("lscb",))


def test_an_answers_card_cites_the_lscb_page_too() -> None:
    out = io.StringIO()
    print_card(card(), out)
    text = out.getvalue()
    assert f"   cite (every grade but LSCB): {CITE}, p. 1\n" in text
    assert f"   cite (LSCB): {CITE}, p. 33\n   ref:  {DOC}#u171\n" in text


def test_the_tui_card_cites_each_place() -> None:
    from ofsted_qa.tui.judgement_view import card_text

    text = card_text(card()).plain
    assert f"cite (LSCB): {CITE}, p. 33" in text and "cite (every grade but LSCB)" in text


def test_the_cards_json_gives_each_grade_its_citation() -> None:
    grades = card().as_json()["grades"]
    assert isinstance(grades, list)
    lscb = next(g for g in grades if g["area"] == "lscb")
    assert lscb["citation"] == f"{CITE}, p. 33" and lscb["ref"] == f"{DOC}#u171"
    assert all(g["citation"].endswith("p. 1") for g in grades if g["area"] != "lscb")
