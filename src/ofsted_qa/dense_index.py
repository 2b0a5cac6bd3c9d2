"""FAISS inner-product search over unit vectors; chunk ids are row positions.

`flat` is exact. `hnsw` and `ivfpq` trade a little recall for speed or memory at scale;
`ivfpq` re-ranks its candidates exactly against the stored vectors.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .errors import OfstedQAError

INDEX_KINDS = ("flat", "hnsw", "ivfpq")
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 64
IVFPQ_RERANK_FACTOR = 10


@dataclass(frozen=True)
class DenseHit:
    chunk_id: int
    score: float


class DenseIndex:
    def __init__(self, index: Any, kind: str, vectors: np.ndarray | None = None) -> None:
        self._index = index
        self.kind = kind
        self._vectors = vectors  # kept for exact re-ranking of compressed candidates

    @property
    def size(self) -> int:
        return int(self._index.ntotal)

    @classmethod
    def build(cls, vectors: np.ndarray, kind: str = "flat") -> DenseIndex:
        import faiss

        if kind not in INDEX_KINDS:
            raise OfstedQAError(
                f"Unknown dense index kind {kind!r}", hint=f"use one of {INDEX_KINDS}"
            )
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        dim = vectors.shape[1]
        index: Any
        if kind == "hnsw":
            index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
            index.hnsw.efSearch = HNSW_EF_SEARCH
        elif kind == "ivfpq" and len(vectors) >= 4096:
            nlist = int(4 * np.sqrt(len(vectors)))
            index = faiss.index_factory(dim, f"IVF{nlist},PQ{dim // 8}", faiss.METRIC_INNER_PRODUCT)
            index.train(vectors)
            index.nprobe = 16
        else:
            # Too few vectors to train quantisers: exact search is both faster and lossless here.
            index = faiss.IndexFlatIP(dim)
        index.add(vectors)
        return cls(index, kind, vectors if kind == "ivfpq" else None)

    def search(self, query: np.ndarray, k: int) -> list[DenseHit]:
        if self.size == 0 or k <= 0:
            return []
        query = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        wanted = min(k * IVFPQ_RERANK_FACTOR if self._vectors is not None else k, self.size)
        scores, ids = self._index.search(query, wanted)
        hits = [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]
        if self._vectors is not None:
            exact = self._vectors[[i for i, _ in hits]] @ query[0]
            hits = sorted(
                zip((i for i, _ in hits), exact.tolist(), strict=True), key=lambda h: -h[1]
            )
        return [DenseHit(i, s) for i, s in hits[:k]]

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path, kind: str, vectors: np.ndarray | None = None) -> DenseIndex:
        import faiss

        try:
            index: Any = faiss.read_index(str(path))
        except RuntimeError as exc:
            raise OfstedQAError(
                f"The dense index {path} is unreadable: {exc}".splitlines()[0]
            ) from exc
        concrete: Any = faiss.downcast_index(index)
        if kind == "hnsw":
            concrete.hnsw.efSearch = HNSW_EF_SEARCH
        elif kind == "ivfpq" and hasattr(concrete, "nprobe"):
            concrete.nprobe = 16
        return cls(index, kind, vectors if kind == "ivfpq" else None)
