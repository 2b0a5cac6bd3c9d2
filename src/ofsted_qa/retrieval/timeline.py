"""Timelines: "how has Leeds changed", "Norfolk over time", "since 2014": the answer grouped by
inspection, oldest first, each with its grades and its best passages on the topic.

A question naming a council gets every inspection of it (from "since YEAR" or the inspection
counted from on, or in the years named), those without a matching passage shown with their
grades alone; a question naming none gets the inspections its passages come from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from ofsted_qa.index.store import ChunkStore
from ofsted_qa.retrieval import boosts
from ofsted_qa.retrieval.change_cue import over_time
from ofsted_qa.retrieval.inspections import Inspection
from ofsted_qa.retrieval.judgements import report_rows
from ofsted_qa.retrieval.query import Interpretation
from ofsted_qa.retrieval.results import Hit, TimelineEntry

PER_INSPECTION = 2  # passages shown under each inspection
UNNAMED_INSPECTIONS = 8  # a question naming no council: the inspections of its best passages
WIDE_K = 40  # passages a timeline search ranks, to find some for each inspection
SPREAD_LEAD = 2  # places per inspection within which each must have a passage, or they take turns


def wants_timeline(text: str) -> bool:
    """The question asks how something changed over time."""
    return bool(over_time(text))


def build(
    store: ChunkStore,
    understood: Interpretation,
    inspections: Sequence[Inspection],
    hits: Sequence[Hit],
) -> tuple[TimelineEntry, ...]:
    """The timeline of a question, oldest inspection first, from its ranked passages (those of
    any document of an inspection: a seed copy of a report counts as the report)."""
    of_doc = {d: i for i in inspections for d in i.doc_ids}
    by_inspection: dict[Inspection, list[Hit]] = {}
    for hit in hits:
        if (inspection := of_doc.get(hit.chunk.doc_id)) is not None:
            by_inspection.setdefault(inspection, []).append(hit)
    if understood.councils:
        shown = asked(understood, inspections)
    else:  # the inspections of the best passages, as many as a reader can follow
        best = set(list(by_inspection)[:UNNAMED_INSPECTIONS])
        shown = _in_time(understood, inspections, [i for i in inspections if i in best])
    return tuple(
        TimelineEntry(
            i,
            report_rows(store, store.documents[i.doc_id]),
            tuple(by_inspection.get(i, ())[:PER_INSPECTION]),
        )
        for i in shown
    )


def asked(understood: Interpretation, inspections: Sequence[Inspection]) -> list[Inspection]:
    """The inspections of the councils a question over time names, oldest first: from the one
    counted from ("since the 2022 inspection") or the year ("since 2014") on, or of the years
    named."""
    return _in_time(
        understood, inspections, [i for i in inspections if i.council in understood.councils]
    )


def _in_time(
    understood: Interpretation, inspections: Sequence[Inspection], shown: list[Inspection]
) -> list[Inspection]:
    if understood.baselines:  # "since the 2022 inspection": from the one counted from on
        counted_from = set(understood.baseline_ids)
        first = min((i.when for i in inspections if counted_from & set(i.doc_ids)), default="")
        shown = [i for i in shown if i.when >= first]
    if understood.year_from is not None:
        shown = [i for i in shown if i.since(understood.year_from)]
    elif understood.years:
        shown = [i for i in shown if any(i.years_matched(y) for y in understood.years)]
    return shown


def cover(
    order: np.ndarray,
    candidates: np.ndarray,
    chunk_doc: np.ndarray,
    doc_position: Mapping[str, int],
    understood: Interpretation,
    inspections: Sequence[Inspection],
    per_inspection: int,
    k: int,
) -> np.ndarray:
    """A question over time naming a council is answered from several of its inspections, not
    ten passages of one report: unless the first SPREAD_LEAD places per inspection (at most `k`)
    already hold a passage of every inspection asked that has one among the candidates, the
    best `per_inspection` passages of each (`asked`; of a question of change since one, the
    inspections after it) go first, taken in turns (boosts.cover), then the rest. `order`:
    positions into `candidates` (chunk ids), best first; `chunk_doc`: each passage's document
    position."""
    sides = asked(understood, inspections)
    if understood.report_ids:  # since an inspection: those after it answer
        sides = [i for i in sides if set(i.doc_ids) & set(understood.report_ids)]
    of_doc = {
        doc_position[d]: n for n, i in enumerate(sides) for d in i.doc_ids if d in doc_position
    }
    if len(of_doc) < 2 or per_inspection < 1:
        return order
    docs = chunk_doc[candidates[order]].tolist()
    found = {of_doc.get(d) for d in docs} - {None}
    lead = docs[: min(k, SPREAD_LEAD * len(found))]
    if found <= {of_doc.get(d) for d in lead}:
        return order  # every inspection is in the lead already: a near tie is not reordered

    def side_of(chunk_id: int) -> tuple[int, ...]:
        found = of_doc.get(int(chunk_doc[chunk_id]))
        return () if found is None else (found,)

    return boosts.cover(order, candidates, range(len(sides)), side_of, per_inspection)


def notes(understood: Interpretation, entries: Sequence[TimelineEntry]) -> tuple[str, ...]:
    """A timeline naming no council follows the topic across councils, not one council's
    story: said, with how to follow one."""
    councils = {e.inspection.council for e in entries}
    if understood.councils or len(councils) < 2:
        return ()
    return (
        f"No council named: this timeline follows the topic through {len(entries)} inspections "
        f"of {len(councils)} councils; name one, or filter by council, to follow one council.",
    )
