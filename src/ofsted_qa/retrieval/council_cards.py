"""Which inspections of the councils a grade question names its cards are of: those of the
years asked, or since the year asked, or every one for a question over time, else the latest;
and, for a grade asked of the past with no year ("was Sandwell inadequate"), those that gave
that grade (judgement_card.py shows them)."""

from __future__ import annotations

from collections.abc import Sequence

from ofsted_qa.index.store import ChunkStore
from ofsted_qa.retrieval.inspections import Inspection
from ofsted_qa.retrieval.judgement_terms import AREA_LABELS
from ofsted_qa.retrieval.judgements import report_rows
from ofsted_qa.retrieval.query import Interpretation


def of_councils(
    graded: Sequence[Inspection],
    understood: Interpretation,
    years: set[int],
    year_from: int | None,
) -> tuple[list[Inspection], tuple[str, ...]]:
    """Per council named: its inspections of the years asked (on site in them before published
    in them), or since the year asked, else every one for a question over time ("how has X been
    judged over the years"), else its latest."""
    chosen: list[Inspection] = []
    notes: list[str] = []
    for council in understood.councils:
        own = [i for i in graded if i.council == council]
        if not own:
            notes.append(f"The index holds no graded inspection of {council}.")
            continue
        if understood.span and not years:  # "in the last year": published in the span
            spanned = [i for i in own if understood.in_span(i.published)]
            chosen += spanned or own[-1:]
            notes += [
                f"{council} has no graded inspection among {understood.span_said}; "
                "its latest is shown."
            ] * (not spanned)
            continue
        if year_from is not None and not years:
            since = [i for i in own if i.since(year_from)]
            chosen += since or own[-1:]
            continue
        if not years:  # "judged over the years": every inspection, oldest first
            chosen += own if understood.over_time else own[-1:]
            continue
        dated = [i for i in own if any(i.years_matched(y) for y in years)]
        on_site = [i for i in dated if any("on site" in i.years_matched(y) for y in years)]
        chosen += on_site + [i for i in dated if i not in on_site]
        if not dated:
            held = "; ".join(f"{i.framework or i.kind} {i.when[:4]}" for i in own)
            asked = ", ".join(str(y) for y in sorted(years))
            notes.append(
                f"{council} has no graded inspection dated {asked} in the index; "
                f"its graded inspections: {held}."
            )
    return chosen, tuple(notes)


def graded_so(
    store: ChunkStore,
    graded: Sequence[Inspection],
    councils: Sequence[str],
    grade: str,
    areas: tuple[str, ...],
) -> tuple[list[Inspection], tuple[str, ...]]:
    """ "was Sandwell inadequate", "has Leeds ever been outstanding", "did Croydon get
    inadequate": per council, its inspections that gave `grade` (canonical) to the areas asked
    (else overall effectiveness), newest first, then, with no area asked, those that gave it to
    another area, each named in a note; where none did, all of them, newest first, and a note
    saying so. The latest alone would read as "no" for a council graded so before."""
    asked = areas or ("overall_effectiveness",)
    said = " or ".join(dict.fromkeys(AREA_LABELS.get(a, a) for a in asked))
    chosen: list[Inspection] = []
    notes: list[str] = []
    for council in councils:
        own = [i for i in graded if i.council == council][::-1]  # newest first
        so = [i for i in own if report_rows(store, store.documents[i.doc_id], asked, grade)]
        # with no area asked, a grade of another area answers "ever inadequate" too (Doncaster
        # 2022: leaders inadequate, overall requires improvement), named so it is not misread
        others = {} if areas else {i: _other_areas(store, i, grade) for i in own if i not in so}
        elsewhere = [i for i, labels in others.items() if labels]
        so += elsewhere  # after those the area asked (overall) gave that grade
        notes += [
            f"{council} {i.when[:4]}: {said} not {grade}, but {' and '.join(others[i])} {grade}."
            for i in elsewhere
        ]
        chosen += so or own
        if own and not so:
            notes.append(
                f"None of the {len(own)} graded inspection{'s' * (len(own) != 1)} of {council} "
                f"in the index judged {said} {grade}; "
                f"{'each is' if len(own) > 1 else 'it is'} shown, newest first."
            )
    return chosen, tuple(notes)


def _other_areas(store: ChunkStore, inspection: Inspection, grade: str) -> list[str]:
    """The areas other than overall effectiveness that `inspection` judged `grade`, as labelled."""
    rows = report_rows(store, store.documents[inspection.doc_id], None, grade)
    return list(dict.fromkeys(r.area_label for r in rows if r.area != "overall_effectiveness"))
