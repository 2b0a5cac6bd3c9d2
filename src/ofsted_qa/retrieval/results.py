"""What a search returns (`SearchResponse`, `Hit`) and the filters a user may set (`Filters`).

Import them from `ofsted_qa.retrieval.search`, which re-exports them with `Searcher`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ofsted_qa.citations.citation import house_citation, ref
from ofsted_qa.errors import OfstedQAError
from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.retrieval.choices import unknown_value
from ofsted_qa.retrieval.council_question import typed_council
from ofsted_qa.retrieval.councils import Councils
from ofsted_qa.retrieval.inspections import Inspection
from ofsted_qa.retrieval.judgement_card import Judged
from ofsted_qa.retrieval.judgements import JudgementRow
from ofsted_qa.retrieval.kinds import kind_named, kinds_of
from ofsted_qa.retrieval.query import Interpretation
from ofsted_qa.retrieval.regions import region_named, spellings_in

__all__ = ["Filters", "Hit", "Judged", "SearchResponse", "TimelineEntry", "unknown_value"]


@dataclass(frozen=True)
class Filters:
    """Hard filters the user chose explicitly (interpreted cues are boosts, not filters)."""

    years: tuple[int, ...] = ()
    doc_ids: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    councils: tuple[str, ...] = ()  # as typed ("bexley", "RBWM") until `resolved`
    regions: tuple[str, ...] = ()  # as typed ("Yorkshire", "north-east")
    region_councils: tuple[str, ...] = ()  # their councils' spellings, set by `resolved`

    def check(self, documents: Mapping[str, DocumentMeta]) -> None:
        """Raise, naming the value and the valid ones, for a value no document has."""
        metas = documents.values()
        years = sorted({y for m in metas for y in m.years})
        kinds = sorted({k for m in metas for k in kinds_of(m)})
        publishers = sorted({m.publisher for m in metas})
        # a range ("--year 2019-2023") may span years no document has; not all of them
        if self.years and not set(self.years) & set(years):
            unknown_value("--year", str(self.years[0]), [str(y) for y in years], "year")
        for doc in self.doc_ids:
            if not any(d.startswith(doc) for d in documents):
                unknown_value("--doc", doc, list(documents), "document")
        for kind in self.kinds:  # "focused visits", "Inspection_Report"
            if kind_named(kind, kinds) is None:
                unknown_value("--kind", kind, kinds, "kind")
        for publisher in self.publishers:
            if publisher.lower() not in {p.lower() for p in publishers}:
                unknown_value("--publisher", publisher, publishers, "publisher")
        if self.councils or self.regions:
            self.resolved(Councils(m.local_authority for m in metas))

    def resolved(self, councils: Councils) -> Filters:
        """The same filters with each typed council replaced by every spelling the index uses
        for the places it names, which `admits` compares. Raises, naming the nearest councils,
        for a name that matches none."""
        if not self.councils and not self.regions:
            return self
        spellings = {s for typed in self.councils for s in typed_council(councils, typed)}
        resolved = replace(self, councils=tuple(sorted(spellings)))
        if not self.regions:
            return resolved
        regions = tuple(dict.fromkeys(r for typed in self.regions for r in region_named(typed)))
        inside = spellings_in(councils, regions, "--region")
        if spellings and not spellings & inside:
            raise OfstedQAError(
                f"--council {', '.join(self.councils)} is not in {' or '.join(regions)}.",
                hint="drop --region, or name a council of the region",
            )
        return replace(resolved, region_councils=tuple(sorted(inside)))

    def _kind_admits(self, meta: DocumentMeta) -> bool:
        kinds = kinds_of(meta)
        return any(kind_named(typed, kinds) for typed in self.kinds)

    def admits(self, meta: DocumentMeta) -> bool:
        return (
            (not self.years or bool(meta.years & set(self.years)))
            and (not self.doc_ids or any(meta.doc_id.startswith(d) for d in self.doc_ids))
            and (not self.kinds or self._kind_admits(meta))
            and (
                not self.publishers
                or meta.publisher.lower() in {p.lower() for p in self.publishers}
            )
            and (not self.councils or meta.local_authority in self.councils)
            and (not self.regions or meta.local_authority in self.region_councils)
        )


@dataclass(frozen=True)
class Hit:
    rank: int
    chunk_id: int
    score: float
    chunk: Chunk
    meta: DocumentMeta
    contributions: dict[str, float] = field(default_factory=dict)
    best_sentence: tuple[int, int] = (0, 0)
    duplicates: tuple[Hit, ...] = ()  # near-identical passages grouped under this one
    paragraph_parts: int = 0  # passages its paragraph was cut into (citations.parts); 0: whole
    # the councils its document is about as the index reads it: the one the report states, or
    # for a letter, story or post that states none, the one its title or opening names
    councils: tuple[str, ...] = ()

    @property
    def citation(self) -> str:
        return house_citation(self.meta, self.chunk, self.paragraph_parts)

    @property
    def ref(self) -> str:
        return ref(self.chunk)


@dataclass(frozen=True)
class TimelineEntry:
    """One inspection in a timeline (timeline.py): its grades (maybe none) and its best
    passages on the topic (maybe none)."""

    inspection: Inspection
    grades: tuple[JudgementRow, ...]
    hits: tuple[Hit, ...]


@dataclass(frozen=True)
class SearchResponse:
    query: str
    mode: str
    interpretation: Interpretation
    hits: tuple[Hit, ...]
    dense_used: bool
    notes: tuple[str, ...] = ()  # what could not be taken as asked (caveats.py), to be shown
    judged: Judged | None = None  # a grade question's cards or listing, shown before the hits
    timeline: tuple[TimelineEntry, ...] = ()  # "how has X changed": by inspection, oldest first
