"""Plain-terminal and JSON renderings of what an answer gives before its passages: judgement
cards and listings (a grade question) and timelines (how something changed). Every line carries
document text, so each goes through `inert`."""

from __future__ import annotations

import shlex
import textwrap
from collections.abc import Callable
from typing import Any, TextIO

from ofsted_qa.citations.citation import human_date, place_label
from ofsted_qa.inert import inert
from ofsted_qa.render_judgements import AREA_WIDTH, cite_lines, inspection_dates, print_table
from ofsted_qa.retrieval import judgement_listing
from ofsted_qa.retrieval.judgement_card import Judged, JudgementCard
from ofsted_qa.retrieval.judgement_terms import area_words
from ofsted_qa.retrieval.judgements import JudgementRow
from ofsted_qa.retrieval.results import Hit, SearchResponse, TimelineEntry

WRAP = 88
LISTED_REPORTS = 12  # reports a listing prints in an answer; `ofsted-qa judgements` prints all


def _say(out: TextIO, text: str = "") -> None:
    print(inert(text), file=out)


def card_head(card: JudgementCard) -> str:
    """ "Norfolk · SIF inspection · inspected 6 July 2015–30 July 2015 · published 19 October
    2015"."""
    first = card.rows[0]
    kind = " ".join(p for p in (first.framework, card.inspection.kind) if p)
    head = [card.inspection.council, kind, inspection_dates(first)]
    if first.inspection_start:
        head.append(f"published {human_date(first.published)}")
    return " · ".join(head)


def badges(rows: tuple[JudgementRow, ...]) -> str:
    """A row of grades: "[overall effectiveness: good] [help and protection: good] ..."."""
    return " ".join(f"[{r.area_label}: {r.grade}]" for r in rows)


def print_card(card: JudgementCard, out: TextIO) -> None:
    """One inspection's judgements: every area and grade (those asked marked ▸), cited (each
    cite naming the grades it backs where they are stated in more than one place)."""
    _say(out, "Judgements: " + card_head(card))
    for row in card.rows:
        mark = "▸" if card.is_asked(row) else " "
        _say(out, f" {mark} {row.area_label:<{AREA_WIDTH}} {row.grade}")
    for line in cite_lines(card.rows, "   "):
        _say(out, line)


def print_judged(judged: Judged, out: TextIO) -> None:
    """A grade question's cards, or its listing (the first reports of it, and how to see all);
    a count asked for ("how many councils ...") first, as a plain answer."""
    if line := count_line(judged):
        _say(out)
        _say(out, line)
    for card in judged.cards:
        _say(out)
        print_card(card, out)
    if judged.listing:
        _say(out)
        _say(out, f"{judged.listing_title}:")
        print_table(listed(judged), out, footer=False)  # the heading counts what matched
        if more := listing_more(judged):
            _say(out, more)


def count_line(judged: Judged) -> str:
    """ "Answer: 10 councils (inadequate · overall effectiveness · 2019)" where a count was
    asked ("how many councils ...", "the number of ..."), else ""."""
    if not judged.count_asked or not (judged.cards or judged.listing):
        return ""
    said = f" ({judged.listing_said})" if judged.listing else ""
    return f"Answer: {judged.count_answer}{said}"


def listed(judged: Judged) -> tuple[JudgementRow, ...]:
    """The rows of the listing's first `LISTED_REPORTS` inspections: what an answer shows."""
    shown = set(list(dict.fromkeys(r.doc_id for r in judged.listing))[:LISTED_REPORTS])
    return tuple(r for r in judged.listing if r.doc_id in shown)


def listing_more(judged: Judged) -> str:
    """Where a listing is cut, two lines or more: how many of its inspections and councils are
    shown, of how many it matched, and how to see them all; "" when all are shown. "Shown: the
    first 12 of 77 inspections (12 of 62 councils); all 77 are in this answer's --json.\nEvery
    judgement of this grade and area: ofsted-qa judgements --grade outstanding --area 'care
    leavers'". A listing past its cap of MAX_LISTED rows still counts all it matched: "...; the
    first 59 (403 rows: an answer stops at the inspection that reaches 400) are in this answer's
    --json"."""
    reports, councils = judged.listing_counts
    rows = listed(judged)
    shown = len({r.doc_id for r in rows})
    if shown == reports and not judged.listing_capped:
        return ""
    held = (
        f"the first {judged.listing_held} ({len(judged.listing)} rows: an answer stops at the "
        f"inspection that reaches {judgement_listing.MAX_LISTED})"
        if judged.listing_capped
        else f"all {reports}"
    )
    return (
        f"Shown: the first {shown} of {reports} inspections "
        f"({len({r.council for r in rows})} of {councils} councils); "
        f"{held} are in this answer's --json.\n"
        f"Every judgement of {_asked(judged)}: {judgements_command(judged)}"
        + " (it lists every such grade; the change of grade is no option of it)"
        * judged.listing_change
        + f" (it lists every such grade; “{judged.listing_repeat}” is no option of it)"
        * bool(judged.listing_repeat and not judged.listing_change)
    )


def judgements_command(judged: Judged) -> str:
    """The `ofsted-qa judgements` line that lists what the listing was narrowed to: its grade,
    areas, years (or "since"), latest inspections only, regions and councils, each as the
    question or the filters gave it ("ofsted-qa judgements --grade good --area 'children in
    care' --year 2019 --region London"); `judgements` takes each option repeated."""
    grades = {r.grade for r in judged.listing}
    grade = judged.listing_grade or (next(iter(grades)) if len(grades) == 1 else "")
    areas = judged.listing_areas or tuple({judged.listing_area} - {""})
    options = ["ofsted-qa judgements"]
    options += [f"--grade {shlex.quote(grade)}"] * bool(grade)
    options += [f"--area {shlex.quote(w)}" for w in area_words(areas)]
    options += [f"--year {y}" for y in judged.listing_years]
    options += [f"--since {judged.listing_since}"] * (judged.listing_since is not None)
    options += ["--latest"] * judged.listing_latest
    options += [f"--region {shlex.quote(r)}" for r in judged.listing_regions]
    options += [f"--council {shlex.quote(c)}" for c in judged.listing_councils]
    # `judgements` takes one kind: a listing of several kinds is said without one
    options += [f"--kind {shlex.quote(k)}" for k in judged.listing_kinds] * (
        len(judged.listing_kinds) == 1
    )
    return " ".join(options)


def _asked(judged: Judged) -> str:
    """ "this grade and area and year", "this grade and area in London", "this grade and years
    in 2019, 2020", or "every grade" where the listing narrows by none of them: what its
    `judgements` command keeps."""
    grades = {r.grade for r in judged.listing}
    areas = area_words(judged.listing_areas or tuple({judged.listing_area} - {""}))
    years = judged.listing_years or (judged.listing_since,) * (judged.listing_since is not None)
    one = [
        what + "s" * (n > 1)
        for what, n in (
            ("grade", 1 if judged.listing_grade or len(grades) == 1 else 0),
            ("area", len(areas)),
            ("year", len(years) + (judged.listing_since is not None)),
        )
        if n
    ]
    several = [str(y) for y in judged.listing_years] * (len(judged.listing_years) > 1)
    within = ", ".join((*judged.listing_councils, *judged.listing_regions, *several))
    latest = " (each council's latest inspection)" * judged.listing_latest
    return (
        (f"this {' and '.join(one)}" if one else "every grade")
        + f" in {within}" * bool(within)
        + latest
    )


def print_timeline(entries: tuple[TimelineEntry, ...], out: TextIO) -> None:
    """Oldest inspection first: its dates, its grades as badges, its best passages."""
    _say(out)
    _say(out, f"Timeline: {len(entries)} inspection{'s' * (len(entries) != 1)}, oldest first")
    for entry in entries:
        i = entry.inspection
        _say(out)
        dated = (
            f"on site {human_date(i.start)}" if i.start else f"published {human_date(i.published)}"
        )
        _say(out, " · ".join(p for p in (i.when[:4], i.council, i.framework or i.kind, dated) if p))
        if entry.grades:
            _say(
                out,
                textwrap.fill(
                    badges(entry.grades), WRAP, initial_indent="   ", subsequent_indent="   "
                ),
            )
        if not entry.hits:
            _say(out, "   (no passage of this inspection on the topic among the best found)")
        for hit in entry.hits:
            start, end = hit.best_sentence
            quote = hit.chunk.text[start:end] if end > start else hit.chunk.text
            _say(
                out,
                textwrap.fill(
                    "“" + " ".join(quote.split()) + "”",
                    WRAP,
                    initial_indent="   ",
                    subsequent_indent="    ",
                ),
            )
            place = place_label(hit.meta, hit.chunk, hit.paragraph_parts)
            _say(out, f"    {place} · ref {hit.ref}")


def print_before_passages(response: SearchResponse, out: TextIO) -> bool:
    """Print the cards or listing, then the timeline; True when a timeline was printed (it
    holds the passages, so the flat list is not printed again)."""
    if response.judged:
        print_judged(response.judged, out)
    if response.timeline:
        print_timeline(response.timeline, out)
    return bool(response.timeline)


def answer_json(
    response: SearchResponse, hit_json: Callable[[Hit], dict[str, Any]]
) -> dict[str, Any]:
    """The `judgements` and `timeline` keys of an answer's JSON, where it has them."""
    payload: dict[str, Any] = {}
    if response.judged:
        payload["judgements"] = judged_json(response.judged)
    if response.timeline:
        payload["timeline"] = timeline_json(response.timeline, hit_json)
    return payload


def judged_json(judged: Judged) -> dict[str, Any]:
    return {
        "cards": [c.as_json() for c in judged.cards],
        "listing": [r.as_json() for r in judged.listing],
        "listing_said": judged.listing_said,
        "listing_inspections": judged.listing_counts[0],
        "listing_councils": judged.listing_counts[1],
        # the counts are of every match; the listing holds every match unless at its cap
        "listing_complete": not judged.listing_capped,
        "listing_held": judged.listing_held,  # the inspections `listing` holds
        "listing_shown_in_text": len({r.doc_id for r in listed(judged)}),
        "judgements_command": judgements_command(judged) if judged.listing else "",
        # "how many councils ...": the count, as the text answer says it
        "count": judged.count_answer if judged.count_asked else "",
    }


def timeline_json(
    entries: tuple[TimelineEntry, ...], hit_json: Callable[[Hit], dict[str, Any]]
) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": e.inspection.doc_id,
            "council": e.inspection.council,
            "inspection": e.inspection.kind,
            "framework": e.inspection.framework,
            "inspection_start": e.inspection.start,
            "inspection_end": e.inspection.end,
            "published": e.inspection.published,
            "grades": [{"area": r.area, "grade": r.grade, "page": r.page} for r in e.grades],
            "results": [hit_json(h) for h in e.hits],
        }
        for e in entries
    ]
