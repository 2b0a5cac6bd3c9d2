"""Hybrid retrieval: lexical and dense candidates, fused, boosted by what the question says.

The full pipeline (`understand=True`, the default) reads the question first (query.py): typos
corrected against the corpus, glossary expansions added to both sides at reduced lexical
weight, years and source cues turned into visible boosts. `understand=False` is the plain
baseline the eval compares against.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from . import dedupe
from .chunking import Chunk
from .citation import house_citation, ref
from .documents import DocumentMeta
from .embedding import Embedder
from .errors import OfstedQAError
from .fusion import fuse, normalise
from .glossary import default_glossary
from .highlight import best_sentence
from .index_store import IndexBundle
from .lexical_index import terms, words
from .query import Interpretation, interpret
from .typos import Corrector

__all__ = ["MODES", "Filters", "Hit", "SearchResponse", "Searcher", "Tuning", "best_sentence"]

MODES = ("hybrid", "dense", "bm25")
MAX_K = 50
CANDIDATES = 100


@dataclass(frozen=True)
class Tuning:
    """Weights chosen on the tuning split of eval/golden.jsonl (see eval/results/report.md)."""

    fusion: str = "convex"
    dense_weight: float = 0.65
    expansion_weight: float = 0.5  # glossary words count this much against typed words
    year_boost: float = 0.5  # document dated in (or covering) a year the question names
    year_text_share: float = 0.3  # share of it for a passage that names the year in its text
    source_boost: float = 0.1  # publisher the question cites ("what did Ofsted say")
    dense_expansion: bool = True  # the model also sees glossary expansions
    cover_years: int = 2  # comparisons ("2014 and 2025"): this many per year lead the ranking


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


class Searcher:
    def __init__(
        self, bundle: IndexBundle, embedder: Embedder | None = None, tuning: Tuning | None = None
    ) -> None:
        self.bundle = bundle
        self.embedder = embedder
        self.tuning = tuning or Tuning()

    @cached_property
    def _vocabulary(self) -> tuple[Counter[str], dict[str, float]]:
        """Word counts (for typo correction) and term IDF (for highlighting) of the corpus."""
        counts: Counter[str] = Counter()
        df: Counter[str] = Counter()
        for chunk in self.bundle.store:
            counts.update(words(chunk.embedding_text))
            df.update(set(terms(chunk.text)))
        n = max(len(self.bundle.store), 1)
        return counts, {t: math.log(1 + n / d) for t, d in df.items()}

    @cached_property
    def corrector(self) -> Corrector:
        return Corrector(self._vocabulary[0], default_glossary().known_words)

    def interpret(self, query: str, *, understand: bool = True) -> Interpretation:
        return interpret(
            query, corrector=self.corrector if understand else None, understand=understand
        )

    def search(
        self,
        query: str,
        *,
        k: int = 5,
        mode: str = "hybrid",
        filters: Filters | None = None,
        understand: bool = True,
        interpretation: Interpretation | None = None,
        group_duplicates: bool = True,
    ) -> SearchResponse:
        """`interpretation` replaces the automatic reading (e.g. with a TUI chip dropped)."""
        if mode not in MODES:
            raise OfstedQAError(f"Unknown mode {mode!r}", hint=f"use one of {', '.join(MODES)}")
        if k < 1:
            raise OfstedQAError("k must be at least 1")
        k = min(k, MAX_K)
        understood = interpretation or self.interpret(query, understand=understand)
        if understood.framing and not self._dated(understood):
            understood = understood.unframed()  # a year no document has: search it as a word
        dense_used = mode != "bm25" and self.embedder is not None
        if mode == "dense" and not dense_used:
            raise OfstedQAError("Dense search needs the model, which is not loaded yet")
        allowed = self._allowed(filters or Filters())
        lexical, expansion = self._lexical(understood) if mode != "dense" else (None, None)
        query_vector = (
            self.embedder.embed_query(  # type: ignore[union-attr]
                understood.dense_text if self.tuning.dense_expansion else understood.corrected
            )
            if dense_used
            else None
        )
        candidates = self._candidates(lexical, query_vector, allowed)
        if not candidates.size:
            return SearchResponse(understood.query, mode, understood, (), dense_used)
        parts = self._score(candidates, lexical, expansion, query_vector, mode, understood)
        order = np.argsort(-parts["score"], kind="stable")
        if len(understood.years) > 1 and self.tuning.cover_years:
            order = self._cover_years(order, candidates, understood)
        weights = self._vocabulary[1]
        term_set = set(understood.search_terms)
        ranked = [int(i) for i in order[: k * 3 if group_duplicates else k]]
        groups = (
            dedupe.group([self.bundle.store.get(int(candidates[i])).text for i in ranked])
            if group_duplicates
            else [[i] for i in range(len(ranked))]
        )
        hits = []
        for rank, members in enumerate(groups[:k], start=1):
            made = [
                self._hit(
                    rank,
                    int(candidates[ranked[m]]),
                    {n: float(v[ranked[m]]) for n, v in parts.items()},
                    term_set,
                    weights,
                )
                for m in members
            ]
            hits.append(replace(made[0], duplicates=tuple(made[1:])))
        return SearchResponse(understood.query, mode, understood, tuple(hits), dense_used)

    def _dated(self, understood: Interpretation) -> bool:
        """Every year the question names is a publication or period year of some document."""
        known = set().union(*(m.years for m in self.bundle.store.documents.values()))
        return all(y in known for y in understood.years) and (
            understood.year_from is None or any(y >= understood.year_from for y in known)
        )

    def _cover_years(
        self, order: np.ndarray, candidates: np.ndarray, understood: Interpretation
    ) -> np.ndarray:
        """A comparison needs both sides: the best passages of each named year go first,
        taken in turns (the year whose best passage scores highest starts), then the rest."""
        store = self.bundle.store
        buckets: dict[int, list[int]] = {y: [] for y in understood.years}
        for i in order:
            years = store.meta(int(candidates[i])).years
            for y in understood.years:
                if y in years and len(buckets[y]) < self.tuning.cover_years:
                    buckets[y].append(int(i))
                    break
        found = [y for y in understood.years if buckets[y]]
        if len(found) < 2:
            return order
        position = {int(i): p for p, i in enumerate(order)}
        found.sort(key=lambda y: position[buckets[y][0]])
        lead: list[int] = []
        for turn in range(self.tuning.cover_years):
            lead.extend(buckets[y][turn] for y in found if turn < len(buckets[y]))
        taken = set(lead)
        rest = [int(i) for i in order if int(i) not in taken]
        return np.array(lead + rest, dtype=np.int64)

    def _lexical(self, understood: Interpretation) -> tuple[np.ndarray, np.ndarray]:
        base = self.bundle.lexical.scores(understood.base_terms)
        extra = understood.expansion_terms
        expansion = (
            self.bundle.lexical.scores(extra) * self.tuning.expansion_weight
            if extra
            else np.zeros_like(base)
        )
        return base + expansion, expansion

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
        expansion: np.ndarray | None,
        query_vector: np.ndarray | None,
        mode: str,
        understood: Interpretation,
    ) -> dict[str, np.ndarray]:
        t = self.tuning
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
            base = normalise(dense)
        else:
            base = fuse(bm25, dense, t.fusion, t.dense_weight)
        store = self.bundle.store
        metas = [store.meta(int(i)) for i in candidates]
        in_year = np.array([understood.wants_year(m.years) for m in metas], dtype=np.float32)
        named = [str(y) for y in understood.years]
        mentions = np.array(
            [any(y in store.get(int(i)).text for y in named) for i in candidates], dtype=np.float32
        )
        year = np.maximum(in_year, t.year_text_share * mentions)
        dated = bool(understood.years or understood.year_from is not None)
        source = np.array(
            [m.publisher in understood.publishers for m in metas], dtype=np.float32
        ) * (in_year if dated else 1.0)
        return {
            "score": base + t.year_boost * year + t.source_boost * source,
            "bm25": bm25,
            "bm25_glossary": expansion[candidates] if expansion is not None else zeros,
            "dense": dense,
            "fused": base,
            "year_boost": t.year_boost * year,
            "source_boost": t.source_boost * source,
        }

    def _hit(
        self,
        rank: int,
        chunk_id: int,
        parts: dict[str, float],
        terms_: set[str],
        weights: dict[str, float],
    ) -> Hit:
        store = self.bundle.store
        chunk = store.get(chunk_id)
        return Hit(
            rank=rank,
            chunk_id=chunk_id,
            score=parts.pop("score"),
            chunk=chunk,
            meta=store.meta(chunk_id),
            contributions=parts,
            best_sentence=best_sentence(chunk.text, terms_, weights),
        )
