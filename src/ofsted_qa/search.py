"""Hybrid retrieval: lexical and dense candidates, fused, boosted by what the question says."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from .chunking import Chunk
from .citation import house_citation, ref
from .documents import DocumentMeta
from .embedding import Embedder
from .errors import OfstedQAError
from .fusion import convex, normalise
from .index_store import IndexBundle
from .lexical_index import terms
from .query import Interpretation, interpret

MODES = ("hybrid", "dense", "bm25")
MAX_K = 50
CANDIDATES = 100
YEAR_BOOST = 0.25
SOURCE_BOOST = 0.10
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+['\u2019\u201d\"]?|$)")


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
            and (not self.kinds or meta.kind in self.kinds)
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


def best_sentence(text: str, query_terms: set[str]) -> tuple[int, int]:
    """Offsets in `text` of the sentence sharing most query terms (the first on ties)."""
    best, best_score = (0, len(text)), -1
    for match in _SENTENCE.finditer(text):
        score = len(query_terms & set(terms(match.group())))
        if score > best_score and match.group().strip():
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            best, best_score = (start, match.end()), score
    return best


class Searcher:
    def __init__(self, bundle: IndexBundle, embedder: Embedder | None = None) -> None:
        self.bundle = bundle
        self.embedder = embedder

    def search(
        self, query: str, *, k: int = 5, mode: str = "hybrid", filters: Filters | None = None
    ) -> SearchResponse:
        if mode not in MODES:
            raise OfstedQAError(f"Unknown mode {mode!r}", hint=f"use one of {', '.join(MODES)}")
        if k < 1:
            raise OfstedQAError("k must be at least 1")
        k = min(k, MAX_K)
        understood = interpret(query)
        dense_used = mode != "bm25" and self.embedder is not None
        if mode == "dense" and not dense_used:
            raise OfstedQAError("Dense search needs the model, which is not loaded yet")
        allowed = self._allowed(filters or Filters())
        query_terms = understood.search_terms
        lexical = self.bundle.lexical.scores(query_terms) if mode != "dense" else None
        query_vector = self.embedder.embed_query(understood.query) if dense_used else None  # type: ignore[union-attr]
        candidates = self._candidates(lexical, query_vector, allowed)
        if not candidates.size:
            return SearchResponse(understood.query, mode, understood, (), dense_used)
        parts = self._score(candidates, lexical, query_vector, mode, understood)
        order = np.argsort(-parts["score"], kind="stable")[:k]
        term_set = set(query_terms)
        hits = tuple(
            self._hit(
                rank, int(candidates[i]), {n: float(v[i]) for n, v in parts.items()}, term_set
            )
            for rank, i in enumerate(order, start=1)
        )
        return SearchResponse(understood.query, mode, understood, hits, dense_used)

    def _allowed(self, filters: Filters) -> np.ndarray | None:
        if filters == Filters():
            return None
        store = self.bundle.store
        admitted = {d for d, meta in store.documents.items() if filters.admits(meta)}
        return np.array([c.doc_id in admitted for c in store.chunks], dtype=bool)

    def _candidates(
        self,
        lexical: np.ndarray | None,
        query_vector: np.ndarray | None,
        allowed: np.ndarray | None,
    ) -> np.ndarray:
        ids: set[int] = set()
        if lexical is not None:
            masked = lexical if allowed is None else np.where(allowed, lexical, 0)
            top = np.argsort(-masked, kind="stable")[:CANDIDATES]
            ids.update(int(i) for i in top if masked[i] > 0)
        if query_vector is not None:
            if allowed is None:
                ids.update(h.chunk_id for h in self.bundle.dense.search(query_vector, CANDIDATES))
            else:  # filtered: exact scores over the admitted chunks only
                admitted = np.flatnonzero(allowed)
                sims = np.asarray(self.bundle.vectors[admitted]) @ query_vector
                ids.update(int(admitted[i]) for i in np.argsort(-sims)[:CANDIDATES])
        return np.array(sorted(ids), dtype=np.int64)

    def _score(
        self,
        candidates: np.ndarray,
        lexical: np.ndarray | None,
        query_vector: np.ndarray | None,
        mode: str,
        understood: Interpretation,
    ) -> dict[str, np.ndarray]:
        zeros = np.zeros(len(candidates), dtype=np.float32)
        bm25 = lexical[candidates] if lexical is not None else zeros
        dense = (
            np.asarray(self.bundle.vectors[candidates]) @ query_vector
            if query_vector is not None
            else zeros
        )
        if mode == "bm25" or query_vector is None:
            base = normalise(bm25)
        elif mode == "dense":
            base = dense.astype(np.float32)
        else:
            base = convex(bm25, dense)
        metas = [self.bundle.store.meta(int(i)) for i in candidates]
        year = np.array([bool(m.years & set(understood.years)) for m in metas], dtype=np.float32)
        source = np.array([m.publisher in understood.publishers for m in metas], dtype=np.float32)
        score = base + YEAR_BOOST * year + SOURCE_BOOST * source
        return {
            "score": score,
            "bm25": bm25,
            "dense": dense,
            "fused": base,
            "year_boost": YEAR_BOOST * year,
            "source_boost": SOURCE_BOOST * source,
        }

    def _hit(self, rank: int, chunk_id: int, parts: dict[str, float], terms_: set[str]) -> Hit:
        store = self.bundle.store
        chunk = store.get(chunk_id)
        return Hit(
            rank=rank,
            chunk_id=chunk_id,
            score=parts.pop("score"),
            chunk=chunk,
            meta=store.meta(chunk_id),
            contributions=parts,
            best_sentence=best_sentence(chunk.text, terms_),
        )
