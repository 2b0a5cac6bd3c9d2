"""Inspections a question names: "the 2018 inspection", "the last focused visit", "the latest
report", "the one before", "the 2025 visit", resolved against the inspections of the council the
question names or, where it names none, of the whole index.

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
from ofsted_qa.retrieval.change_cue import over_time

_Y = r"(19[89]\d|20[0-4]\d)"
_DOCUMENT = (
    r"focused\s+visits?|monitoring\s+visits?|(?:full\s+|standard\s+|short\s+)?inspections?|"
    r"visits?|(?:inspection\s+)?reports?|letters?"
)
_NOUN = f"({_DOCUMENT}|ofsted)"  # "its last Ofsted" is its last inspection
MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH = rf"(?:({'|'.join(MONTHS)})\s+)?"
_LATEST = r"(last|latest|most\s+recent|newest|previous|earlier|prior|first|earliest|oldest)"
# "the 2018 inspection", "Bexley's 2025 visit", "the 2014 report"
# "the 2018 and 2023 inspections": each year its own reference
_ANY_Y = f"(?:{_Y[1:-1]})"
_BY_YEAR = re.compile(
    rf"\b(?:the\s+)?{_MONTH}({_ANY_Y}(?:\s*(?:,|and|&)\s*{_ANY_Y})*)\s+(?:ofsted\s+)?{_NOUN}\b",
    re.I,
)
_ONE_YEAR = re.compile(_Y)
# "the last focused visit", "the latest report", "the previous inspection"
_BY_ORDER = re.compile(rf"\b(?:the\s+|its\s+|their\s+)?{_LATEST}\s+(?:ofsted\s+)?{_NOUN}\b", re.I)
# "the one before", "the inspection before that", "the one before it"
_BEFORE = re.compile(
    rf"\b(?:the\s+)?(?:one|{_DOCUMENT})\s+before(?:\s+(?:that|it|this|then))?\b",
    re.I,
)
# An inspection named as the point change is counted from ("since the 2022 inspection", "since
# Bexley's last visit", "after the 2018 inspection" in a question of change): what changed is
# said by the inspections after it, which look back. "After" alone is when, not since ("what did
# Ofsted recommend after the 2018 inspection"): it counts only in a question of change.
_SINCE = re.compile(r"\b(since|after|following)\s+(?:(?:[\w-]+\s+){0,3}[\w-]+['’]s?\s+)?$", re.I)
# "since it was last inspected", "since Ofsted last visited", "since Trafford was last judged",
# "since it was last inspected in 2019" (that year's inspection)
_LAST_SEEN = re.compile(
    r"\bsince\s+((?:[\w'’-]+\s+){0,4}?(?:(?:was|were|has\s+been|had\s+been)\s+)?last\s+"
    rf"(inspected|visited|judged|graded|rated|came)(?:\s+in\s+{_MONTH}{_Y})?)\b",
    re.I,
)
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

    def years_matched(self, year: int) -> str:
        """Which of its dates fall in `year`: "on site", "published", both, or ""."""
        on_site = (
            self.start[:4] <= str(year) <= (self.end or self.start)[:4] if self.start else False
        )
        published = self.published[:4] == str(year)
        return " and ".join(w for w, ok in (("on site", on_site), ("published", published)) if ok)


@dataclass(frozen=True)
class InspectionRef:
    """An inspection named in a question: by year, by order ("latest", "first", "previous")
    or as "the one before" another; `since`: named as the point change is counted from."""

    surface: str  # as typed
    noun: str  # "inspection", "focused visit", "visit", "report", "one"
    year: int | None = None
    order: str = ""  # "latest", "first", "before"
    month: int = 0  # 1-12 where a month was typed before the year ("the November 2022 ...")
    # "since", "after", "following" as typed before it where change since it is asked for
    since: str = ""

    @property
    def said(self) -> str:
        """As typed with its cue: "since the 2022 inspection"."""
        return f"{self.since} {self.surface}" if self.since else self.surface


def references(text: str) -> tuple[InspectionRef, ...]:
    """The inspections a question names, in the order typed. "Latest" with no inspection word
    after it ("the latest on care leavers") is a recency cue, not a reference. A reference
    after "since" (or "after"/"following" in a question of change) is a baseline (`since`);
    the cue stays out of its surface, and so is searched ("since the last inspection" is how
    a report looks back)."""
    found: list[tuple[int, InspectionRef]] = []
    for m in _BY_YEAR.finditer(text):
        month = MONTHS.index(m.group(1).lower()) + 1 if m.group(1) else 0
        for year in _ONE_YEAR.findall(m.group(2)):
            ref = InspectionRef(m.group().strip(), _noun(m.group(3)), int(year), month=month)
            found.append((m.start(), ref))
    for m in _BY_ORDER.finditer(text):
        word = " ".join(m.group(1).lower().split())
        order = "first" if word in ("first", "earliest", "oldest") else "latest"
        if word in ("previous", "earlier", "prior"):
            order = "before"
        found.append((m.start(), InspectionRef(m.group().strip(), _noun(m.group(2)), order=order)))
    for m in _BEFORE.finditer(text):
        if not any(m.start() <= at < m.end() for at, _ in found):
            found.append((m.start(), InspectionRef(m.group().strip(), "one", order="before")))
    for m in _LAST_SEEN.finditer(text):
        noun = "visit" if m.group(2).lower() in ("visited", "came") else "inspection"
        month = MONTHS.index(m.group(3).lower()) + 1 if m.group(3) else 0
        year, order = (int(m.group(4)), "") if m.group(4) else (None, "latest")
        ref = InspectionRef(m.group(1), noun, year, order, month, since=m.group()[:5])
        found.append((m.start(1), ref))
    return tuple(_since(text, at, ref) for at, ref in sorted(found, key=lambda f: f[0]))


def _since(text: str, at: int, ref: InspectionRef) -> InspectionRef:
    """`ref` (found at `at`) as a baseline where "since" (or, in a question of change, "after")
    comes before it."""
    cue = _SINCE.search(text, 0, at)
    if ref.since or cue is None:
        return ref
    if cue.group(1).lower() != "since" and not over_time(text):
        return ref
    between = " ".join(text[cue.end(1) : at].split())  # "Bexley's"
    surface = f"{between} {ref.surface}" if between else ref.surface
    return replace(ref, surface=surface, since=cue.group(1))


def _noun(typed: str) -> str:
    word = " ".join(typed.lower().split()).removesuffix("s")
    for noun in ("focused visit", "monitoring visit", "visit", "report", "letter"):
        if word.endswith(noun):
            return "visit" if noun == "letter" else noun  # visits are written up as letters
    return "inspection"


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
        if ref.year is not None:
            match = [i for i in pool if i.years_matched(ref.year)]
            # "the November 2022 inspection": of that year's, the one on site or out that month
            month = f"{ref.year}-{ref.month:02d}"
            match = [i for i in match if month in (i.start[:7], i.published[:7])] or match
        elif ref.order == "first":
            match = pool[:1]
        elif ref.order == "latest":
            match = pool[-1:]
        elif ref.order == "before" and pool:
            if anchor is None and ref.noun == "one":  # "the previous inspection" needs no note
                notes.append(
                    f"“{ref.surface}” has no inspection named before it to count back from; "
                    f"read as the one before {where}'s latest."
                )
            latest = anchor or pool[-1]
            match = [i for i in pool if i.when < latest.when][-1:]
        for i in match:
            said = f"{i.years_matched(ref.year)} {ref.year}" if ref.year else i.label
            whose = f"{i.council} {i.kind}" if i.council else i.kind
            chosen.setdefault(i.doc_id, (i, f"{ref.surface} → {whose} ({said})"))
        if not match:
            notes.append(_missing(ref, inspections, where))
        anchor = match[-1] if len(match) == 1 else (match[0] if match else anchor)
    ordered = sorted(chosen.values(), key=lambda pair: pair[0].when)
    return tuple(ordered), tuple(notes)


def _missing(ref: InspectionRef, inspections: Sequence[Inspection], where: str) -> str:
    """ "Bexley has no 2016 inspection in the index; the inspections it holds: ..."."""
    surface = ref.surface.removeprefix("the ").removeprefix("The ")
    asked = f"{ref.year} {ref.noun}" if ref.year is not None else surface
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
