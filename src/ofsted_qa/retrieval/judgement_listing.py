"""A grade question about no one council ("which councils were inadequate for help and
protection last year", "the verdict on care leavers in 2014") is answered by the judgements
it narrows to: the same rows `ofsted-qa judgements` lists, chronologically.

"Which councils are outstanding" names no area: a council's grade is its overall effectiveness,
so that is the area listed (the heading says so). "Now" or "currently" with no year means each
council's latest graded inspection, not the inspections of the newest year."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ofsted_qa.index.store import ChunkStore
from ofsted_qa.retrieval.grade_repeats import Repeat
from ofsted_qa.retrieval.inspections import Inspection
from ofsted_qa.retrieval.judgements import JudgementRow, in_areas, place_names, report_rows
from ofsted_qa.retrieval.listing_notes import lacking_note

_COUNCILS = r"(?:councils?|local\s+authorit(?:y|ies)|authorities|las|boroughs|counties)"
# "how many councils", "the number of councils", "a count of LAs": a count asked for
_COUNT = r"(?:how\s+many(?:\s+of\s+the)?|(?:the\s+)?(?:number|count|total)\s+of(?:\s+the)?)"
_GRADE_BEFORE = (
    r"(?:(?:outstanding|good|inadequate|failing|ri|requires?\s+improvement)(?:-rated)?\s+)"
)
_LISTING = re.compile(
    rf"\b(?:which|what|list(?:\s+the)?|{_COUNT})\s+{_GRADE_BEFORE}?{_COUNCILS}\b"
    rf"|^\s*(?:the\s+|all\s+)?"
    rf"{_COUNCILS}\s+(?:were\s+|are\s+|was\s+|is\s+)?(?:judged|rated|graded|found|"
    r"outstanding|good|inadequate|requires?|failing|ri)\b",
    re.I,
)
_COUNT_ASKED = re.compile(rf"\b{_COUNT}\b", re.I)
# "RI" is the grade only beside the words that take a grade ("councils were RI", "got RI",
# "RI overall", "rated RI"); elsewhere it is Ofsted's "regulatory inspector (RI)"
_RI = re.compile(
    r"(?:\b(?:councils?|authorities|las|were|was|is|are|got|get|gets|rated|judged|graded|"
    r"been|as|received|receive|achieved|remains?|remained|stayed|still|now)\s+(?:an?\s+)?RI\b"
    r"|\bRI\s+(?:overall|rating|grade|judge?ments?|councils?|authorities|las|"
    r"for\s+(?:overall|help|children|care|leaders|the\s+impact)))",
    re.I,
)
_GRADED_VERB = (
    r"(?:got|gets|get|was|were|is|are|has\s+been|have\s+been|had\s+been|has|have|had|"
    r"received|achieved|gained|earned|scored|remains?|remained|stayed)"
)
# "who got outstanding overall", "who was rated inadequate in 2019", "how many were RI": "who"
# lists councils only with a grade straight after its verb ("who is the DCS" and "who were
# the outstanding leaders" do not)
_WHO = re.compile(
    rf"\b(?:who|how\s+many)\s+{_GRADED_VERB}\s+(?:(?:judged|rated|graded|found|given|awarded)\s+)?"
    r"(?:as\s+)?(?:an?\s+)?(?:outstanding|good|inadequate|requires?\s+improvement|failing|"
    r"RI)\b(?!\s+(?:at|with|in\s+(?:terms|practice|their|its|how))\b)",
    re.I,
)
_GRADES = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement": "requires improvement",
    "require improvement": "requires improvement",
    "inadequate": "inadequate",
    "failing": "inadequate",
}
_GRADE_WORD = re.compile(r"\b(" + "|".join(_GRADES) + r")\b", re.I)
_CHANGE = re.compile(
    r"\bfrom\s+("
    + "|".join(_GRADES)
    + r")\s+(?:to|into)\s+(?:being\s+)?("
    + "|".join(_GRADES)
    + r")\b",
    re.I,
)
MAX_LISTED = 400  # judgement rows one answer lists; `ofsted-qa judgements` lists them all
# (doc id, council) of each inspection a listing matched, held or not: what its counts count.
Matched = tuple[tuple[str, str], ...]


def asks_which(text: str) -> bool:
    """ "which councils", "what local authorities", "list the LAs", "how many councils",
    "the number of councils", "councils judged inadequate for care leavers", "who got
    outstanding"."""
    return bool(_LISTING.search(text) or _WHO.search(text))


def asks_count(text: str) -> bool:
    """ "how many councils", "the number of councils": the answer is a count."""
    return bool(_COUNT_ASKED.search(text))


def grade_named(text: str) -> str | None:
    """The grade a question names ("inadequate", "requires improvement", "RI" beside a word
    that takes a grade: "councils were RI"), canonical, or None."""
    found = _GRADE_WORD.search(text)
    if found:
        return _GRADES[found.group(1).lower()]
    return "requires improvement" if _RI.search(text) else None


def grade_change(text: str) -> tuple[str, str] | None:
    """The change of grade a question asks about ("went from inadequate to good"), canonical
    (before, after), or None."""
    found = _CHANGE.search(text)
    if not found:
        return None
    return _GRADES[found.group(1).lower()], _GRADES[found.group(2).lower()]


def listing(
    store: ChunkStore,
    graded: Sequence[Inspection],
    text: str,
    areas: tuple[str, ...],
    years: set[int],
    year_from: int | None,
    *,
    latest: bool = False,
    narrowed: bool = False,
    span: tuple[str, ...] = (),
    span_said: str = "",
    repeat: Repeat | None = None,
) -> tuple[tuple[JudgementRow, ...], str, Matched, str]:
    """Every judgement of the years, areas and grade asked, when the question narrows it by at
    least one of them (or `narrowed`: `graded` is already a region's councils); a bare "how are
    councils rated" is left to the passages. `latest`: only each council's newest graded
    inspection ("which councils are inadequate now"). `span`: (first, last) ISO dates an
    inspection's report is published between ("in the last year"), `span_said` in words; with
    `latest`, also a note naming the councils whose latest inspection grades none of the areas
    ("Liverpool (2026)": the 2026 framework grades no overall effectiveness), else "".
    `repeat`: how often each council must have the grade ("more than once"): only the councils
    that meet it, each council's inspections together (by council, oldest first). The
    rows stop, at a whole inspection, once they reach `MAX_LISTED`; the inspections matched are
    all counted (from the reports' facts, no citation worked out), so a listing can say how many
    it leaves out."""
    change = grade_change(text)
    if change and asks_which(text):
        return (*_changes(store, graded, change, areas or ("overall_effectiveness",), years), "")
    grade = grade_named(text)
    if not (years or year_from or areas or grade or narrowed) or not (
        years or year_from or latest or asks_which(text)
    ):
        return (), "", (), ""
    if grade and not areas and asks_which(text):  # "which councils are outstanding"
        areas = ("overall_effectiveness",)
    if latest:
        newest = {i.council: i for i in graded}  # oldest first: the last one stays
        graded = [i for i in graded if newest[i.council] is i]
    hits: list[Inspection] = []
    # per council: its inspections that grade the areas asked, each with whether it matched
    grading: dict[str, list[tuple[Inspection, bool]]] = {}
    lacking: list[str] = []  # latest only: councils whose latest grades none of the areas
    for inspection in graded:
        if years and not any(inspection.years_matched(y) for y in years):
            continue
        if span and not span[0] <= inspection.published[:10] <= span[1]:
            continue
        if year_from and not span and not inspection.since(year_from):
            continue
        meta = store.documents[inspection.doc_id]
        in_area = [j for j in meta.judgements if not areas or in_areas(j, areas)]
        if latest and areas and not in_area:
            lacking.append(f"{inspection.council} ({inspection.when[:4]})")
        matches = any(grade is None or j.grade == grade for j in in_area)
        if in_area:
            grading.setdefault(inspection.council, []).append((inspection, matches))
        if matches:
            hits.append(inspection)
    if repeat:  # each council that meets the count once, its inspections together
        hits = [i for council in sorted(grading) for i in repeat.kept(grading[council])]
    rows: list[JudgementRow] = []
    matched: list[tuple[str, str]] = []
    places = place_names(store)
    for inspection in hits:
        meta = store.documents[inspection.doc_id]
        matched.append((meta.doc_id, places.get(meta.local_authority, meta.local_authority)))
        if len(rows) < MAX_LISTED:
            rows += report_rows(store, meta, areas or None, grade)
    said = " · ".join(
        [grade or "any grade", ", ".join(a.replace("_", " ") for a in areas) or "every area"]
        + [", ".join(str(y) for y in sorted(years))] * bool(years)
        + [span_said or f"since {year_from}"] * bool(year_from)
        + ["each council's latest inspection"] * latest
        + [repeat.reading if repeat else ""] * bool(repeat)
    )
    return tuple(rows), said, tuple(matched), lacking_note(lacking, areas)


def _changes(
    store: ChunkStore,
    graded: Sequence[Inspection],
    change: tuple[str, str],
    areas: tuple[str, ...],
    years: set[int],
) -> tuple[tuple[JudgementRow, ...], str, Matched]:
    """Each inspection graded `change[1]` whose council's graded inspection before it was
    graded `change[0]` in the same area ("which councils went from inadequate to good"): the
    later inspection's rows, of the years asked if any (whole inspections up to `MAX_LISTED`
    rows), and every inspection matched."""
    before, after = change
    previous: dict[tuple[str, str], str] = {}  # (council, area) -> grade at the last inspection
    rows: list[JudgementRow] = []
    for inspection in graded:  # oldest first within each council
        for row in report_rows(store, store.documents[inspection.doc_id], areas, None):
            key = (inspection.council, row.area)
            was = previous.get(key)
            previous[key] = row.grade
            dated = not years or any(inspection.years_matched(y) for y in years)
            if was == before and row.grade == after and dated:
                rows.append(row)
    said = " · ".join(
        [
            f"{after} after {before} at the inspection before",
            ", ".join(a.replace("_", " ") for a in areas),
        ]
        + [", ".join(str(y) for y in sorted(years))] * bool(years)
    )
    matched = tuple(dict.fromkeys((r.doc_id, r.council) for r in rows))
    held = {d for d, _ in matched[: _whole(rows)]}
    return tuple(r for r in rows if r.doc_id in held), said, matched


def _whole(rows: Sequence[JudgementRow]) -> int:
    """How many of the inspections of `rows` (in order) to hold: whole ones, until their rows
    reach `MAX_LISTED`."""
    held, total = 0, 0
    for count in Counter(r.doc_id for r in rows).values():  # in order of first appearance
        if total >= MAX_LISTED:
            break
        held, total = held + 1, total + count
    return held
