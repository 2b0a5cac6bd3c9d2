"""Inspections a question names ("the 2018 inspection", "the last focused visit", "the latest
report", "the one before", "the 2025 visit": read by inspection_refs.py), resolved against the
inspections of the council the question names or, where it names none, of the whole index.

An inspection is a document Ofsted wrote about one council's services (a report, a focused or
monitoring visit letter). A year matches an inspection that was on site in it or published in it
(on site November 2017, published January 2018: "the 2018 inspection" finds it); the chip says
which dates matched. An inspection the index does not hold is said in a note naming those it does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ofsted_qa.citations.citation import human_date
from ofsted_qa.index.store import ChunkStore
from ofsted_qa.retrieval.inspection_refs import InspectionRef, references

__all__ = [
    "INSPECTION_KINDS",
    "Inspection",
    "InspectionRef",
    "catalogue",
    "of_kind",
    "references",
    "resolve",
]

INSPECTION_KINDS = (
    "inspection report",
    "inspection letter",
    "focused visit letter",
    "monitoring visit letter",
    "joint targeted area inspection",
)


@dataclass(frozen=True)
class Inspection:
    """One inspection of one council, as its document states it (ISO dates, "" unknown)."""

    doc_id: str
    council: str  # as the index shows it ("Bexley")
    kind: str  # "inspection", "focused visit", "monitoring visit"
    framework: str
    start: str
    end: str
    published: str
    graded: bool
    also: tuple[str, ...] = ()  # other documents of the same inspection (a seed copy of it)
    overall: str = ""  # its overall effectiveness grade, "" where none was given

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return (self.doc_id, *self.also)

    @property
    def when(self) -> str:
        """The date it is ordered by: the first day on site, else publication."""
        return self.start or self.published

    @property
    def label(self) -> str:
        """ "on site 13 February 2025" / "published 23 May 2014"."""
        if self.start:
            return f"on site {human_date(self.start)}"
        return f"published {human_date(self.published)}"

    def since(self, year: int) -> bool:
        """Any of its dates (on site, published) falls in `year` or later: "since 2016" keeps
        the report published in February 2016 of an inspection on site in late 2015."""
        return max(self.start, self.end, self.published)[:4] >= str(year)

    def years_matched(self, year: int) -> str:
        """Which of its dates fall in `year`: "on site", "published", both, or ""."""
        on_site = (
            self.start[:4] <= str(year) <= (self.end or self.start)[:4] if self.start else False
        )
        published = self.published[:4] == str(year)
        return " and ".join(w for w, ok in (("on site", on_site), ("published", published)) if ok)


def catalogue(store: ChunkStore, councils_of: Sequence[frozenset[str]]) -> tuple[Inspection, ...]:
    """Every inspection in the index, oldest first; `councils_of[i]` is the councils document i
    (in `store.documents` order) is about: an inspection document about exactly one is an
    inspection of it, one about none (an index of letters only, with no report stating a
    council) an inspection of no known council ("")."""
    out = []
    for meta, councils in zip(store.documents.values(), councils_of, strict=True):
        if len(councils) > 1 or not (meta.kind in INSPECTION_KINDS or meta.framework):
            continue
        said = f"{meta.kind} {meta.title}".lower()
        kind = next((k for k in ("focused visit", "monitoring visit") if k in said), "inspection")
        out.append(
            Inspection(
                meta.doc_id,
                next(iter(councils), ""),
                kind,
                meta.framework,
                meta.period_start,
                meta.period_end,
                meta.date,
                bool(meta.judgements),
                overall=next(
                    (j.grade for j in meta.judgements if j.area == "overall_effectiveness"), ""
                ),
            )
        )
    return _merged(sorted(out, key=lambda i: (i.when, i.doc_id)))


def _merged(inspections: Sequence[Inspection]) -> tuple[Inspection, ...]:
    """One inspection per council, kind and date: a report indexed twice (the corpus's PDF and
    a seed's text of it) is one inspection, shown through the copy that states its grades."""
    seen: dict[tuple[str, str, str], Inspection] = {}
    for i in inspections:
        key = (i.council, i.kind, i.when[:7])
        held = seen.get(key)
        if held is None:
            seen[key] = i
            continue
        first, second = (i, held) if i.graded and not held.graded else (held, i)
        seen[key] = replace(first, also=(*first.also, *second.doc_ids))
    return tuple(sorted(seen.values(), key=lambda i: (i.when, i.doc_id)))


def of_kind(inspections: Sequence[Inspection], noun: str) -> list[Inspection]:
    if noun in ("focused visit", "monitoring visit"):
        return [i for i in inspections if i.kind == noun]
    if noun == "visit":
        return [i for i in inspections if i.kind != "inspection"] or list(inspections)
    if noun == "inspection":
        return [i for i in inspections if i.kind == "inspection"] or list(inspections)
    return list(inspections)


def resolve(
    refs: Sequence[InspectionRef], inspections: Sequence[Inspection], where: str
) -> tuple[tuple[tuple[Inspection, str], ...], tuple[str, ...]]:
    """The inspections the references mean among `inspections` (one council's, or the index's,
    oldest first; `where` names them in notes: "Bexley", "the index"), each with a chip saying
    what matched ("the 2018 inspection → Norfolk inspection (published 2018)"), oldest first;
    and notes for what could not be matched."""
    chosen: dict[str, tuple[Inspection, str]] = {}
    notes: list[str] = []
    anchor: Inspection | None = None
    for ref in refs:
        pool = of_kind(inspections, ref.noun)
        match: list[Inspection] = []
        if ref.next_to:
            match = next_to(ref, inspections)
        elif ref.grade:
            match = _graded(pool, ref.grade)
        elif ref.year is not None:
            match = [i for i in pool if i.years_matched(ref.year)]
            # "the November 2022 inspection": of that year's, the one on site or out that month
            month = f"{ref.year}-{ref.month:02d}"
            match = [i for i in match if month in (i.start[:7], i.published[:7])] or match
        elif ref.order == "first":
            match = pool[:1]
        elif ref.order == "latest":
            match = pool[-1:]
        elif ref.order == "any":
            match = list(pool)
        elif ref.order == "before" and pool:
            # "the previous inspection", "the one before the latest" need no note
            if anchor is None and ref.noun == "one" and not ref.anchor:
                notes.append(
                    f"“{ref.surface}” has no inspection named before it to count back from; "
                    f"read as the one before {where}'s latest."
                )
            counted = of_kind(inspections, ref.anchor) if ref.anchor else pool
            latest = anchor or (counted or pool)[-1]
            match = [i for i in pool if i.when < latest.when][-1:]
        for i in match:
            said = (
                f"{i.years_matched(ref.year)} {ref.year}"
                if ref.year and not ref.next_to
                else i.label
            )
            whose = f"{i.council} {i.kind}" if i.council else i.kind
            chosen.setdefault(i.doc_id, (i, f"{ref.surface} → {whose} ({said})"))
        if not match:
            notes.append(_missing(ref, inspections, where))
        anchor = match[-1] if len(match) == 1 else (match[0] if match else anchor)
    ordered = sorted(chosen.values(), key=lambda pair: pair[0].when)
    return tuple(ordered), tuple(notes)


def _graded(inspections: Sequence[Inspection], grade: str) -> list[Inspection]:
    """ "The inadequate inspection", "since it was judged outstanding": the first of the latest
    run of inspections graded so overall (Leeds outstanding in 2018, 2022 and 2025: 2018)."""
    first: Inspection | None = None
    previous = ""
    for inspection in (i for i in inspections if i.overall):
        if inspection.overall == grade and previous != grade:
            first = inspection
        previous = inspection.overall
    return [first] if first is not None else []


def next_to(ref: InspectionRef, inspections: Sequence[Inspection]) -> list[Inspection]:
    """The inspection just before (or after) the one of `ref.year` ("the inspection before
    Leeds' 2022 one"), of the kind `ref.noun` names; none where that year has none or nothing
    comes before (after) it."""
    anchors = [i for i in of_kind(inspections, ref.anchor) if i.years_matched(ref.year or 0)]
    month = f"{ref.year}-{ref.month:02d}"
    anchors = [i for i in anchors if month in (i.start[:7], i.published[:7])] or anchors
    if not anchors:
        return []
    pool = of_kind(inspections, ref.noun if ref.noun != "one" else ref.anchor)
    if ref.order == "before":
        return [i for i in pool if i.when < anchors[0].when][-1:]
    return [i for i in pool if i.when > anchors[-1].when][:1]


def _missing(ref: InspectionRef, inspections: Sequence[Inspection], where: str) -> str:
    """ "Bexley has no 2016 inspection in the index; the inspections it holds: ..."."""
    surface = ref.surface.removeprefix("the ").removeprefix("The ")
    if ref.year is None:  # "the last Leeds focused visit": "Leeds has no last focused visit"
        surface = re.sub(rf"(?<!\w){re.escape(where)}(?:['’]s?)?\s+", "", surface, flags=re.I)
    asked = (
        f"inspection judged {ref.grade} overall"
        if ref.grade
        else surface
        if ref.next_to
        else f"{ref.year} {ref.noun}"
        if ref.year is not None
        else ref.noun
        if ref.order == "any"
        else surface
    )
    if not inspections:
        return f"The index holds no inspection of {where}, so “{ref.surface}” is not matched."
    listed = inspections[-8:]
    held = "; ".join(
        f"{i.council + ' ' if i.council and where == 'the index' else ''}{i.kind} {i.when[:4]}"
        for i in listed
    )
    more = f" (and {len(inspections) - 8} earlier)" if len(inspections) > 8 else ""
    if where == "the index":
        return f"The index holds no {asked}; its latest inspections: {held}{more}."
    return f"{where} has no {asked} in the index; the inspections it holds: {held}{more}."
