"""The inspections a question names, resolved against the index: relative to the council the
question names (each council in turn where it names several) or, where it names none, to the
whole index. A year alone with no council is left to the year boost: every council was inspected
in most years. An inspection named as a baseline ("since the 2022 inspection") is resolved to the
inspections after it (baseline.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ofsted_qa.retrieval.baseline import Chosen, resolve_since
from ofsted_qa.retrieval.inspections import Inspection, InspectionRef, resolve
from ofsted_qa.retrieval.query import Interpretation
from ofsted_qa.retrieval.years import parse_years


def read(
    understood: Interpretation, inspections: Sequence[Inspection]
) -> tuple[Interpretation, tuple[str, ...]]:
    """The reading with `reports` set to the inspections its references mean (chip, document
    id), `baselines` to those a question of change counts from, and notes for references no
    inspection matches."""
    refs = understood.inspection_refs
    if not refs or understood.reports:
        return understood, ()
    if not understood.councils:
        refs = tuple(r for r in refs if r.year is None)
        if not refs:
            return understood, ()
        chosen, counted_from, notes = _resolved(refs, inspections, "the index")
    else:
        chosen, counted_from, notes = (), (), ()
        for council in understood.councils:
            own = [i for i in inspections if i.council == council]
            more, base, said = _resolved(refs, own, council)
            chosen, counted_from, notes = chosen + more, counted_from + base, notes + said
    reports = tuple((chip, doc) for inspection, chip in chosen for doc in inspection.doc_ids)
    if not reports:
        return understood, notes
    baselines = tuple(
        (chip, doc) for inspection, chip in counted_from for doc in inspection.doc_ids
    )
    # "the latest report" resolved names its inspection: no longer a since-the-newest-year boost
    recent = understood.recent
    if recent and any(recent.lower() in r.surface.lower() for r in refs):
        recent = ""
    understood = _without_anchor_years(understood, refs)
    return replace(understood, reports=reports, baselines=baselines, recent=recent), notes


def _without_anchor_years(
    understood: Interpretation, refs: Sequence[InspectionRef]
) -> Interpretation:
    """ "The inspection before Leeds' 2022 one" asks for an inspection of another year: 2022,
    resolved, is no year to boost (unless the question names it elsewhere too)."""
    anchors = [r for r in refs if r.next_to]
    if not anchors:
        return understood
    text = understood.query
    for ref in anchors:
        text = re.sub(rf"(?<!\w){re.escape(ref.surface)}(?!\w)", " ", text, flags=re.I)
    elsewhere, year_from = parse_years(text)
    dropped = {r.year for r in anchors} - set(elsewhere)
    return replace(
        understood,
        years=tuple(y for y in understood.years if y not in dropped),
        year_from=understood.year_from if understood.year_from == year_from else None,
    )


def _resolved(
    refs: Sequence[InspectionRef], inspections: Sequence[Inspection], where: str
) -> tuple[Chosen, Chosen, tuple[str, ...]]:
    """The inspections named (answers), those counted from, and notes, among `inspections`."""
    plain = [r for r in refs if not r.since]
    chosen, notes = resolve(plain, inspections, where) if plain else ((), ())
    counted_from: Chosen = ()
    for ref in (r for r in refs if r.since):
        after, base, said = resolve_since(ref, inspections, where)
        chosen, counted_from, notes = chosen + after, counted_from + base, notes + said
    return chosen, counted_from, notes
