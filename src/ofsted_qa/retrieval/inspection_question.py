"""The inspections a question names, resolved against the index: relative to the council the
question names (each council in turn where it names several) or, where it names none, to the
whole index. A year alone with no council is left to the year boost: every council was inspected
in most years."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ofsted_qa.retrieval.inspections import Inspection, resolve
from ofsted_qa.retrieval.query import Interpretation


def read(
    understood: Interpretation, inspections: Sequence[Inspection]
) -> tuple[Interpretation, tuple[str, ...]]:
    """The reading with `reports` set to the inspections its references mean (chip, document
    id), and notes for references no inspection matches."""
    refs = understood.inspection_refs
    if not refs or understood.reports:
        return understood, ()
    if not understood.councils:
        refs = tuple(r for r in refs if r.year is None)
        if not refs:
            return understood, ()
        chosen, notes = resolve(refs, inspections, "the index")
    else:
        chosen, notes = (), ()
        for council in understood.councils:
            own = [i for i in inspections if i.council == council]
            more, said = resolve(refs, own, council)
            chosen, notes = chosen + more, notes + said
    reports = tuple((chip, doc) for inspection, chip in chosen for doc in inspection.doc_ids)
    if not reports:
        return understood, notes
    # "the latest report" resolved names its inspection: no longer a since-the-newest-year boost
    recent = understood.recent
    if recent and any(recent.lower() in r.surface.lower() for r in refs):
        recent = ""
    return replace(understood, reports=reports, recent=recent), notes
