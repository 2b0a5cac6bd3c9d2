"""A paragraph a question names by number ("what does paragraph 23 of the Herefordshire 2018
report say", "para 23", "§23", "paras 23-24", "paragraphs 4, 6 and 9"): the report's own
paragraph, so it comes first, whole (every passage of one cut into parts), from the report the
question names, as its inspection references read it (inspection_question.py), or a council and
year, or a council with one report holding that paragraph. Where the report is missing or
ambiguous nothing is guessed: a note says how `show` opens the paragraph in each candidate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from ofsted_qa.citations.citation import human_date
from ofsted_qa.citations.parts import find_paragraph, numbering, paragraph_range
from ofsted_qa.index.store import ChunkStore
from ofsted_qa.retrieval.inspections import Inspection
from ofsted_qa.retrieval.results import SearchResponse

MAX_NAMED = 10  # paragraphs one question may name ("paras 1-200" is not a reading request)
NAMED_BOOST = 1.0  # above every passage the search ranked: the reader asked for this one
CANDIDATES_SHOWN = 4  # reports a note offers when the question does not say which

_NUMBER = r"(\d{1,3})(?!\d)"
_JOIN = r"\s*(,|and|&|-|–|to)\s*"
_NAMED = re.compile(
    rf"(?:\b(?:paragraphs?|paras?)\.?\s*|§§?\s*)\#?{_NUMBER}((?:{_JOIN}{_NUMBER})*)", re.I
)
_PAIR = re.compile(rf"{_JOIN}{_NUMBER}", re.I)


def named(text: str) -> tuple[int, ...]:
    """The paragraph numbers a question names, in order, ranges spelled out ("paras 23-25":
    23, 24, 25), at most MAX_NAMED; () for none."""
    out: list[int] = []
    for found in _NAMED.finditer(text):
        previous = int(found.group(1))
        out.append(previous)
        for join, number in ((m.group(1), int(m.group(2))) for m in _PAIR.finditer(found[2])):
            if join.lower() in ("-", "–", "to") and previous < number:
                out.extend(range(previous + 1, min(number, previous + MAX_NAMED) + 1))
            else:
                out.append(number)
            previous = number
    return tuple(dict.fromkeys(out))[:MAX_NAMED]


def candidates(searcher: Any, response: SearchResponse) -> list[Inspection]:
    """The inspections the question may mean, oldest first: those its references name; else
    the named councils' of the years named; else all the named councils'."""
    understood = response.interpretation
    inspections: Sequence[Inspection] = searcher.inspections
    if understood.report_ids:
        asked = set(understood.report_ids)
        return [i for i in inspections if asked & set(i.doc_ids)]
    own = [i for i in inspections if i.council and i.council in understood.councils]
    if understood.years:
        return [i for i in own if any(i.years_matched(y) for y in understood.years)]
    return own


def _document(store: ChunkStore, inspection: Inspection, number: int) -> str | None:
    """The copy of the inspection that holds paragraph `number`, a paged one (the PDF a reader
    can check) before a text copy; None where no copy has it."""
    held = [d for d in inspection.doc_ids if find_paragraph(store, d, str(number)) is not None]
    return next((d for d in held if store.documents[d].page_starts), held[0] if held else None)


def put_first(
    searcher: Any, response: SearchResponse, admitted: np.ndarray | None = None
) -> SearchResponse:
    """The response with the paragraphs the question names first (their score above every
    other passage's, `named_paragraph` among its parts) where one report is meant, else a note
    saying how to open them; unchanged for a question that names no paragraph. `admitted`
    (per document, None: no filter) keeps the filters' reports only, and names the report
    where the question does not."""
    numbers = named(response.query)
    if not numbers:
        return response
    store: ChunkStore = searcher.bundle.store
    pool = meant_by(searcher, response, admitted)
    # the one report that holds it of those meant, or the one meant, which then says it has not
    meant = [i for i in pool if any(_document(store, i, n) for n in numbers)] or pool
    if len(meant) != 1:
        return replace(response, notes=(*response.notes, _note(store, numbers, pool, response)))
    inspection = meant[0]
    chosen: list[int] = []
    missing: list[int] = []
    for number in numbers:
        doc = _document(store, inspection, number)
        found = find_paragraph(store, doc, str(number)) if doc else None
        if found is None:
            missing.append(number)
            continue
        chosen.extend(i for i in paragraph_range(store, found) if i not in chosen)
    response = lead_with(searcher, response, chosen, "named_paragraph")
    if missing:
        return replace(response, notes=(*response.notes, _absent(store, missing, inspection)))
    return response


def meant_by(
    searcher: Any, response: SearchResponse, admitted: np.ndarray | None
) -> list[Inspection]:
    """The inspections a question naming a paragraph or page may mean (`candidates`), of those
    the filters keep (`admitted`, per document; None: no filter): a question that names no
    report asks of the reports the filters keep (`--doc`)."""
    pool = candidates(searcher, response)
    if admitted is None:
        return pool
    store: ChunkStore = searcher.bundle.store
    kept = {d for d, ok in zip(store.documents, admitted.tolist(), strict=True) if ok}
    return [i for i in pool or searcher.inspections if kept & set(i.doc_ids)]


def lead_with(
    searcher: Any, response: SearchResponse, chosen: Sequence[int], part: str
) -> SearchResponse:
    """The response with the passages `chosen` (chunk ids, in order) first, each scored above
    every other passage and showing `part` (NAMED_BOOST) among its score parts."""
    top = max((h.score for h in response.hits), default=0.0) + NAMED_BOOST
    terms = set(response.interpretation.search_terms)
    lead = [
        searcher._hit(0, chunk_id, {"score": top, part: NAMED_BOOST}, terms, ())
        for chunk_id in chosen
    ]
    rest = [h for h in response.hits if h.chunk_id not in chosen]
    hits = tuple(replace(h, rank=rank) for rank, h in enumerate([*lead, *rest], start=1))
    return replace(response, hits=hits)


def _said(numbers: Sequence[int]) -> str:
    listed = ", ".join(str(n) for n in numbers)
    return f"paragraph {listed}" if len(numbers) == 1 else f"paragraphs {listed}"


def _absent(store: ChunkStore, missing: Sequence[int], inspection: Inspection) -> str:
    """ "The Herefordshire inspection (on site 11 June 2018) has no paragraph 230; its
    numbered paragraphs run 1–62; unnumbered passages u1–u80."."""
    return (
        f"{report_name(inspection)} has no {_said(missing)}; {numbering(store, inspection.doc_id)}."
    )


def report_name(inspection: Inspection) -> str:
    """ "The Herefordshire inspection (on site 11 June 2018)"."""
    whose = f"{inspection.council} {inspection.kind}" if inspection.council else inspection.kind
    return f"The {whose} ({inspection.label})"


def _note(
    store: ChunkStore, numbers: Sequence[int], pool: Sequence[Inspection], response: SearchResponse
) -> str:
    """How to open the paragraph where the question does not say which report holds it: `show`
    with the ref in each candidate report (the newest few), or the ranked passages' reports."""
    asked = _said(numbers)
    number = numbers[0]
    docs = [d for i in pool if (d := _document(store, i, number))][-CANDIDATES_SHOWN:]
    if not docs:
        docs = list(dict.fromkeys(h.chunk.doc_id for h in response.hits))
        docs = [d for d in docs if find_paragraph(store, d, str(number)) is not None]
        docs = docs[:CANDIDATES_SHOWN]
    which = "which report" if not pool else f"which of {len(pool)} reports"
    if not docs:
        return (
            f"The question names {asked} but not {which} holds it; name the council and the "
            f"year (“paragraph {number} of Leeds's 2018 report”), or open it with "
            f'`ofsted-qa show "DOC#{number}"` (document ids: `ofsted-qa docs`).'
        )
    refs = "; ".join(
        f'`ofsted-qa show "{d}#{number}"` ({store.documents[d].local_authority or d}, '
        f"{human_date(store.documents[d].date)})"
        for d in docs
    )
    return f"The question names {asked} but not {which} holds it; to read it: {refs}."
