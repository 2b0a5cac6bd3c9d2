"""Years named beside a council that has no report of them ("Leeds care leavers 2019", Leeds
inspected in 2018 and 2022): said in a note, and what the council has searched instead.

Left as typed, the year would show a "year 2019" chip while its boost went to other councils'
2019 reports, which the council named outranks anyway: the answer would come from any of Leeds's
reports, under a chip claiming 2019. What takes the year's place depends on how it was asked:

* a year (or years side by side, "2022 and 2023") none of the councils has a report of: the
  reports either side, the closest the index holds to what was asked (a report describes the
  months before it; the next one, what followed);
* a range ("2019 to 2022", "the 2020s"): the years of it the councils have reports of, those
  only; the nearest either side only when the range holds none;
* an open range ("since 2016"): every report from that year on, never the one before it; the
  council's latest where it has none that recent.

Each council's reports are listed once each, by the year they were published (a report on site
in 2014 and published in 2015 is one report, "2015"), though a report matches a year it was on
site in as well as the year it was published.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from ofsted_qa.retrieval.query import Interpretation


@dataclass(frozen=True)
class CouncilReports:
    """One council's documents: each one's years (on site and published) and the year it was
    published (None where it states no date)."""

    documents: tuple[tuple[frozenset[int], int | None], ...] = ()

    @property
    def years(self) -> frozenset[int]:
        """Every year one of its documents speaks for."""
        return frozenset().union(*(years for years, _ in self.documents))

    @property
    def published(self) -> tuple[int, ...]:
        """The years its documents were published, oldest first, each once."""
        return tuple(sorted({p for _, p in self.documents if p is not None}))

    def dated(self, year: int) -> bool:
        return year in self.years

    def since(self, year: int) -> bool:
        """One of its documents is of `year` or later."""
        return any(y >= year for y in self.years)


def years_of_councils(
    doc_years: Sequence[frozenset[int]], councils_of: Sequence[frozenset[str]]
) -> dict[str, frozenset[int]]:
    """Per council, the years of the documents about it (by document position: `doc_years[i]`
    its years, `councils_of[i]` the councils it is about)."""
    held: dict[str, set[int]] = {}
    for years, councils in zip(doc_years, councils_of, strict=True):
        for council in councils:
            held.setdefault(council, set()).update(years)
    return {council: frozenset(years) for council, years in held.items()}


def reports_of_councils(
    doc_years: Sequence[frozenset[int]],
    published: Sequence[int | None],
    councils_of: Sequence[frozenset[str]],
) -> dict[str, CouncilReports]:
    """Per council, its documents' years and publication years (by document position, as
    `years_of_councils`; `published[i]` the year document i was published, or None)."""
    held: dict[str, list[tuple[frozenset[int], int | None]]] = {}
    for years, year, councils in zip(doc_years, published, councils_of, strict=True):
        for council in councils:
            held.setdefault(council, []).append((years, year))
    return {council: CouncilReports(tuple(docs)) for council, docs in held.items()}


def reconcile(
    understood: Interpretation,
    councils: Collection[str],
    held: Mapping[str, CouncilReports],
) -> tuple[Interpretation, tuple[str, ...]]:
    """The reading with the years and open range asked (module docstring) fitted to the
    reports of `councils` (those the question or the council filter names), and the notes
    that say how. A year one of them has stays (the note says which lack it); years no
    document has at all are `caveats.years`'s to say, already in `understood.undated`."""
    if any(ref.year is not None for ref in understood.inspection_refs):
        return understood, ()  # "the 2019 inspection": inspection_question says what it lacks
    dated = {c: held[c] for c in councils if c in held and held[c].years}
    if not dated:
        return understood, ()
    understood, notes = _years(understood, dated)
    understood, more = _since(understood, dated)
    # "Wiltshire 2035": the index-wide nearest year (caveats.years) may be one the council has
    # no report of; say what the council has, and that every one of them is searched
    undated = tuple(
        f"{council} has no report dated {_listed(understood.undated, 'or')}: "
        f"{_its_reports(reports)}, and each is searched."
        for council, reports in dated.items()
        if understood.undated
        and set(understood.years) <= set(understood.undated)
        and understood.year_from is None
    )
    return understood, notes + more + undated


def _groups(understood: Interpretation, asked: Sequence[int]) -> list[tuple[int, ...]]:
    """The years asked, grouped as asked: each range typed, then each run of years side by
    side ("2022 and 2023", a financial year read from "22/23")."""
    groups: list[tuple[int, ...]] = []
    taken: set[int] = set()
    for first, last in understood.year_ranges:
        group = tuple(y for y in asked if first <= y <= last and y not in taken)
        if group:
            groups.append(group)
            taken.update(group)
    run: list[int] = []
    for year in (y for y in asked if y not in taken):
        if run and year != run[-1] + 1:
            groups.append(tuple(run))
            run = []
        run.append(year)
    return groups + ([tuple(run)] if run else [])


def _years(
    understood: Interpretation, dated: Mapping[str, CouncilReports]
) -> tuple[Interpretation, tuple[str, ...]]:
    asked = [y for y in understood.years if y not in understood.undated]
    if not asked:
        return understood, ()
    groups = _groups(understood, asked)
    lacks: list[str] = []
    for council, reports in dated.items():
        # a range is answered by any year of it: only a range it has none of is lacking
        lacking = [g for g in groups if not any(reports.dated(y) for y in g) or len(g) == 1]
        missing = [y for g in lacking for y in g if not reports.dated(y)]
        if missing:
            lacks.append(
                f"{council} has no report dated {_spans(missing)} in the index; "
                + _its_reports(reports)
            )
    kept: set[int] = set()
    empty: list[tuple[int, ...]] = []
    partly: list[str] = []
    for group in groups:
        found = [y for y in group if any(r.dated(y) for r in dated.values())]
        kept.update(found)
        if not found:
            empty.append(group)
        elif len(found) < len(group):
            partly.append(
                f"Of {_spans(group)}, the reports dated {_listed(found, 'and')} are searched."
            )
    instead = sorted(
        {n for g in empty for r in dated.values() for n in _nearest(g, r.published, r.years)}
    )
    shown = "report, of {}, is" if len(instead) == 1 else "reports, of {}, are"
    nearest = f"the nearest {shown.format(_listed(instead, 'and'))} searched instead"
    if instead and len(dated) == 1:  # one council: what it lacks and what is searched, one note
        notes = [f"{lacks[0]}; {nearest}.", *partly]
    else:
        notes = [f"{lack}." for lack in lacks] + partly
        if instead:
            notes.append(f"For {_spans([y for g in empty for y in g])}, {nearest}.")
    untouched = [y for y in understood.years if y not in asked]
    years = tuple(sorted(kept | set(instead) | set(untouched)))
    return replace(understood, years=years), tuple(notes)


def _nearest(group: Sequence[int], published: Sequence[int], years: Collection[int]) -> set[int]:
    """The publication years of the reports either side of `group` (one side when it is past
    them all); a report whose publication falls inside the group would be dated in it."""
    below = [p for p in published if p < group[0]]
    above = [p for p in published if p > group[-1]]
    if not below and not above:  # no publication date: the years the documents speak for
        below = [y for y in years if y < group[0]]
        above = [y for y in years if y > group[-1]]
    return ({max(below)} if below else set()) | ({min(above)} if above else set())


def _since(
    understood: Interpretation, dated: Mapping[str, CouncilReports]
) -> tuple[Interpretation, tuple[str, ...]]:
    """An open range a council has no report in: said, and its latest searched instead."""
    since = understood.year_from
    if since is None or understood.recent:  # "now": recency.py chose the councils' newest
        return understood, ()
    notes, latest = [], []
    for council, reports in dated.items():
        if not reports.since(since):
            newest = (reports.published or sorted(reports.years))[-1]
            latest.append(newest)
            notes.append(
                f"{council} has no report dated {since} or later in the index; its latest, "
                f"of {newest}, is searched instead."
            )
    if len(latest) == len(dated):  # none has: from the earliest of their latest on
        # a span back from today ("in the last 6 months") gives way to those years too
        understood = replace(understood, year_from=min(latest), span=(), span_words="")
    return understood, tuple(notes)


def _its_reports(reports: CouncilReports) -> str:
    """ "its reports were published in 2015, 2019 and 2023": one year per report."""
    if reports.published:
        return f"its reports were published in {_listed(reports.published, 'and')}"
    return f"its documents are dated {_listed(sorted(reports.years), 'and')}"


def _spans(years: Sequence[int]) -> str:
    """ "2014", "2014 or 2016", "2019–2022": runs of years side by side as one span."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    shown = [f"{r[0]}" if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs]
    return _listed(shown, "or")


def _listed(items: Sequence[object], word: str) -> str:
    names = [str(i) for i in items]
    if not names:
        return ""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {word} {names[-1]}"
