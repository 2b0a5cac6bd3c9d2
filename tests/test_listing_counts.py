"""A cut-off grade listing says one story: its heading what matched (inspections, councils),
then, where it is cut, how many of them are shown and how to see them all (this answer's
--json, and the `ofsted-qa judgements` line of its grade, area and year); no second count of
another unit after it. The same in JSON and in the TUI."""

from __future__ import annotations

import io

from ofsted_qa.render_answers import LISTED_REPORTS, judged_json, listing_more, print_judged
from ofsted_qa.retrieval.judgement_card import Judged
from ofsted_qa.retrieval.judgement_listing import MAX_LISTED
from ofsted_qa.retrieval.judgements import JudgementRow


def row(
    i: int, council: str, area: str = "care_leavers", label: str = "care leavers"
) -> JudgementRow:
    return JudgementRow(
        council=council,
        council_as_written=f"{council} Council",
        doc_id=f"doc{i:03d}",
        kind="inspection report",
        framework="SIF",
        inspection_start="2015-01-05",
        inspection_end="2015-01-30",
        published="2015-03-01",
        area=area,
        area_label=label,
        report_label=label,
        grade="outstanding",
        page=1,
        citation=f"Ofsted, report {i}, p. 1",
        ref=f"doc{i:03d}#1",
    )


def listing(reports: int, councils: int) -> Judged:
    rows = [row(i, f"Council {i % councils}") for i in range(reports)]
    # a report grading the joint ILACS area: still the listing of care leavers asked for
    rows.append(row(reports, "Council 0", "in_care", "children in care and care leavers"))
    return Judged(
        listing=tuple(rows),
        listing_said="outstanding · care leavers · 2015",
        listing_years=(2015,),
        listing_areas=("care_leavers",),
    )


def text(judged: Judged) -> str:
    out = io.StringIO()
    print_judged(judged, out)
    return out.getvalue()


def test_a_cut_listing_says_what_matched_then_what_is_shown_and_how_to_see_all() -> None:
    judged = listing(19, 16)  # 20 inspections of 16 councils
    shown = text(judged)
    lines = shown.strip().splitlines()
    assert (
        lines[0] == "Judgements (outstanding · care leavers · 2015): 20 inspections of 16 councils:"
    )
    assert shown.count("inspected 5 January 2015") == LISTED_REPORTS
    assert lines[-2:] == [
        f"Shown: the first {LISTED_REPORTS} of 20 inspections (12 of 16 councils); all 20 are "
        "in this answer's --json.",
        "Every judgement of this grade and area and year: ofsted-qa judgements "
        "--grade outstanding --area 'care leavers' --year 2015",
    ]
    assert "judgements in" not in shown and "more reports" not in shown  # no other count


def test_a_whole_listing_has_its_heading_only() -> None:
    shown = text(listing(3, 3))
    assert shown.strip().splitlines()[0].endswith(": 4 inspections of 3 councils:")
    assert "Shown:" not in shown and "judgements in" not in shown
    assert listing_more(listing(LISTED_REPORTS - 1, 5)) == ""


def test_the_json_counts_agree_with_the_text() -> None:
    said = judged_json(listing(19, 16))
    assert len({r["doc_id"] for r in said["listing"]}) == said["listing_inspections"] == 20
    assert said["listing_councils"] == 16 and said["listing_complete"] is True
    assert said["listing_shown_in_text"] == LISTED_REPORTS
    assert said["judgements_command"] == (
        "ofsted-qa judgements --grade outstanding --area 'care leavers' --year 2015"
    )


def test_a_listing_stopped_at_its_cap_counts_all_it_matched() -> None:
    rows = tuple(row(i, f"Council {i}") for i in range(MAX_LISTED))
    matched = tuple((f"doc{i:03d}", f"Council {i % 500}") for i in range(700))
    judged = Judged(
        listing=rows, listing_said="outstanding · care leavers", listing_matched=matched
    )
    assert "700 inspections of 500 councils" in judged.listing_title
    assert "at least" not in judged.listing_title
    more = listing_more(judged)
    assert f"the first {LISTED_REPORTS} of 700 inspections" in more and "at least" not in more
    assert "the first 400 (400 rows: an answer stops at the inspection that reaches 400)" in more
    payload = judged_json(judged)
    assert payload["listing_complete"] is False and payload["listing_inspections"] == 700
    assert payload["listing_held"] == 400


def test_the_tui_listing_ends_with_the_same_counts() -> None:
    from ofsted_qa.tui.judgement_view import listing_text

    judged = listing(19, 16)
    shown = listing_text(judged).plain
    assert "20 inspections of 16 councils" in shown
    # the conversation scrolls: every inspection is shown, with no cut and no --json advice
    assert len({r.doc_id for r in judged.listing}) == 20 > LISTED_REPORTS
    assert shown.count("\n  Council ") == 20
    assert "Shown:" not in shown and "--json" not in shown and "more reports" not in shown
