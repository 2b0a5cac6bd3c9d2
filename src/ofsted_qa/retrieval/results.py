"""What a search returns (`SearchResponse`, `Hit`) and the filters a user may set (`Filters`).

Import them from `ofsted_qa.retrieval.search`, which re-exports them with `Searcher`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ofsted_qa.citations.citation import house_citation, ref
from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.retrieval.query import Interpretation


@dataclass(frozen=True)
class Filters:
    """Hard filters the user chose explicitly (interpreted cues are boosts, not filters)."""

    years: tuple[int, ...] = ()
    doc_ids: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()

    def admits(self, meta: DocumentMeta) -> bool:
        return (
            (not self.years or bool(meta.years & set(self.years)))
            and (not self.doc_ids or any(meta.doc_id.startswith(d) for d in self.doc_ids))
            and (not self.kinds or meta.kind.lower() in {k.lower() for k in self.kinds})
            and (
                not self.publishers
                or meta.publisher.lower() in {p.lower() for p in self.publishers}
            )
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

    @property
    def citation(self) -> str:
        return house_citation(self.meta, self.chunk)

    @property
    def ref(self) -> str:
        return ref(self.chunk)


@dataclass(frozen=True)
class SearchResponse:
    query: str
    mode: str
    interpretation: Interpretation
    hits: tuple[Hit, ...]
    dense_used: bool
