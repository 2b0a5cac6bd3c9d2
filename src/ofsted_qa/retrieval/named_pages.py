"""A page a question names ("page 12 of the Bexley 2023 report", "what's on p. 7 of Leeds's
latest report", "pages 4-5"): the passages of the report that stand on it come first, in
reading order, from the report the question names, as for a paragraph named
(named_paragraphs.py: its references, or a council and year, or a council's one report). Where
no one paged report is meant, nothing is guessed: a note says so. Pages are the PDF's own,
counted from 1, as citations give them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import numpy as np

from ofsted_qa.index.store import ChunkStore
from ofsted_qa.ingest.readers import page_span
from ofsted_qa.retrieval.inspections import Inspection
from ofsted_qa.retrieval.named_paragraphs import lead_with, meant_by, report_name
from ofsted_qa.retrieval.results import SearchResponse

MAX_PAGES = 5  # pages one question may name ("pages 1-60" is not a reading request)

_PAGE = re.compile(
    r"\b(?:pages?|pp?\.|pg\.?)\s*(\d{1,3})(?:\s*(?:-|–|to|and|&)\s*(\d{1,3}))?(?!\d)", re.I
)


def named(text: str) -> tuple[int, ...]:
    """The pages a question names, in order, a range spelled out ("pages 4-6": 4, 5, 6), at
    most MAX_PAGES; () for none."""
    out: list[int] = []
    for found in _PAGE.finditer(text):
        first = int(found.group(1))
        last = int(found.group(2)) if found.group(2) else first
        out.extend(range(first, max(first, min(last, first + MAX_PAGES - 1)) + 1))
    return tuple(dict.fromkeys(p for p in out if p > 0))[:MAX_PAGES]


def _paged(store: ChunkStore, inspection: Inspection) -> str | None:
    """The copy of the inspection with pages (the PDF), or None."""
    return next((d for d in inspection.doc_ids if store.documents[d].page_starts), None)


def put_first(
    searcher: Any, response: SearchResponse, admitted: np.ndarray | None = None
) -> SearchResponse:
    """The response with the passages on the pages the question names first (their score
    above every other passage's, `named_page` among its parts) where one paged report is meant,
    else a note; unchanged for a question that names no page. `admitted` (per document, None:
    no filter) keeps the filters' reports only."""
    pages = named(response.query)
    if not pages:
        return response
    store: ChunkStore = searcher.bundle.store
    meant = [i for i in meant_by(searcher, response, admitted) if _paged(store, i)]
    said = _said(pages)
    if len(meant) != 1:
        which = "which report" if not meant else f"which of {len(meant)} reports"
        note = (
            f"The question names {said} but not {which} it is of; name the council and the "
            "year (“page 12 of Leeds's 2018 report”)."
        )
        return replace(response, notes=(*response.notes, note))
    doc = _paged(store, meant[0])
    assert doc is not None
    meta = store.documents[doc]
    on_pages = [
        i
        for i in store.doc_range(doc)
        if (span := page_span(meta.page_starts, (c := store.get(i)).start, c.end))
        and any(span[0] <= p <= span[1] for p in pages)
    ]
    if not on_pages:
        pages_held = len(meta.page_starts)
        note = f"{report_name(meant[0])} has no {said}: it has {pages_held} pages."
        return replace(response, notes=(*response.notes, note))
    return lead_with(searcher, response, on_pages, "named_page")


def _said(pages: tuple[int, ...]) -> str:
    listed = ", ".join(str(p) for p in pages)
    return f"page {listed}" if len(pages) == 1 else f"pages {listed}"
