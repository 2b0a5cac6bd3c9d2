"""A year named beside a council that has no report that year ("Leeds care leavers 2019", Leeds
inspected in 2018 and 2022): said in a note, and the council's nearest reports searched instead.

Left as typed, the year would show a "year 2019" chip while its boost went to other councils'
2019 reports, which the council named outranks anyway: the answer would come from any of Leeds's
reports, under a chip claiming 2019. The reports either side of the year are the closest the
index holds to what was asked (a report describes the months before it; the next one, what
followed), so they take the year's place, and the note names every year the council has.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from ofsted_qa.retrieval.caveats import nearest_years
from ofsted_qa.retrieval.query import Interpretation


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


def reconcile(
    understood: Interpretation, councils: Collection[str], held: Mapping[str, Collection[int]]
) -> tuple[Interpretation, tuple[str, ...]]:
    """The reading with each year that none of `councils` (those the question or the council
    filter names) has a report of replaced by each one's nearest report years, and a note per
    council missing a year. A year one of them has stays (the note says which lack it); years
    no document has at all are `caveats.years`'s to say, already in `understood.undated`."""
    if any(ref.year is not None for ref in understood.inspection_refs):
        return understood, ()  # "the 2019 inspection": inspection_question says what it lacks
    asked = [y for y in understood.years if y not in understood.undated]
    dated = {c: sorted(held.get(c, ())) for c in councils}
    dated = {c: years for c, years in dated.items() if years}
    if not asked or not dated:
        return understood, ()
    notes = []
    for council, years in dated.items():
        lacking = [y for y in asked if y not in years]
        if lacking:
            notes.append(
                f"{council} has no report dated {_listed(lacking)} in the index; its reports: "
                f"{', '.join(map(str, years))}."
            )
    found = sorted({y for y in asked if any(y in years for years in dated.values())})
    nobody = [y for y in asked if y not in found]
    # a year beside one found ("2022-23", a financial year) is covered by it: no nearest needed
    covered = [y for y in nobody if y - 1 in found or y + 1 in found]
    nobody = [y for y in nobody if y not in covered]
    if covered:
        notes.append(f"Of {_listed(asked)}, passages of {_listed(found)} are searched.")
        understood = replace(
            understood, years=tuple(y for y in understood.years if y not in covered)
        )
    if not nobody:
        return understood, tuple(notes)
    near = {y: {n for years in dated.values() for n in nearest_years(y, years)} for y in nobody}
    instead = sorted(set().union(*near.values()))
    beside = [y for y in found if y not in instead]
    also = f", beside {_listed(beside)}," if beside else ""
    notes.append(
        f"Passages of {_listed(instead)} (the nearest to {_listed(nobody)}){also} are "
        "searched instead."
    )
    kept = {y for y in understood.years if y not in nobody}
    return replace(understood, years=tuple(sorted(kept | set(instead)))), tuple(notes)


def _listed(years: Sequence[int]) -> str:
    names = [str(y) for y in years]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
