"""FAISS inner-product search over unit vectors; chunk ids are row positions.

`flat` is exact. `hnsw` (a graph over the full vectors) answers in well under a millisecond at
a million chunks for ~0.98 recall@10. `ivfpq` keeps only 48-byte codes in memory and re-ranks
its candidates exactly against the stored vectors (memory-mapped `vectors.npy`), for machines
short of memory. Indexes are memory-mapped on load where FAISS allows, so opening a large
index costs little more than reading the HNSW graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ofsted_qa.errors import OfstedQAError

INDEX_KINDS = ("flat", "hnsw", "ivfpq")
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 256  # recall@10 0.96 on near-duplicate real text (64: 0.88); ~0.3 ms
IVFPQ_MIN_VECTORS = 4096  # below this, quantisers cannot be trained well: exact search instead
IVFPQ_NPROBE = 32
IVFPQ_RERANK_FACTOR = 20  # 10: recall@10 0.935, 20: 0.958, 40: 0.967 (real text, 25k)
IVFPQ_MAX_NLIST = 4096
IVFPQ_TRAIN_PER_LIST = 40
# Quantisers are reused while the lists a corpus calls for (sqrt of its size) stay within 10%
# of those trained: a corpus within about a fifth of its size at training.
IVFPQ_REUSE_LISTS = 0.1  # FAISS's own rule of thumb is 39 points per centroid
IVFPQ_DIMS_PER_BYTE = 8  # 384-d MiniLM vectors: 1536 bytes -> 48-byte codes (32x smaller)
IVFPQ_PQ_TRAIN = 256 * 40  # PQ k-means is slow on few cores: a fixed sample is plenty
# One query at a time gains nothing from OpenMP below this size and loses to its wake-ups
# (and to other thread pools in the process, e.g. onnxruntime's spinning workers).
SINGLE_THREAD_BELOW = 1 << 18


@dataclass(frozen=True)
class DenseHit:
    chunk_id: int
    score: float


def _ivf_lists(count: int) -> int:
    return int(min(IVFPQ_MAX_NLIST, max(16, round(np.sqrt(count)))))


def _pq_subquantizers(dim: int) -> int:
    """About one byte per 8 dimensions, a divisor of `dim` (one byte per sub-quantiser)."""
    return next(m for m in range(max(1, dim // IVFPQ_DIMS_PER_BYTE), 0, -1) if dim % m == 0)


def _tune(
    index: Any, kind: str, *, ef_search: int = HNSW_EF_SEARCH, nprobe: int = IVFPQ_NPROBE
) -> None:
    concrete: Any = _downcast(index)
    if kind == "hnsw" and hasattr(concrete, "hnsw"):
        concrete.hnsw.efSearch = ef_search
    elif kind == "ivfpq" and hasattr(concrete, "nprobe"):
        concrete.nprobe = nprobe


def _downcast(index: Any) -> Any:
    import faiss

    return faiss.downcast_index(index)


def _reusable(trained: DenseIndex | None, count: int, dim: int) -> bool:
    """Whether `trained`'s IVF-PQ quantisers suit `count` vectors of `dim` dimensions: the list
    count they were trained with is within IVFPQ_REUSE_LISTS of the one `count` calls for."""
    if trained is None or trained._index.d != dim:
        return False
    lists = trained._trained_lists()
    return lists > 0 and abs(_ivf_lists(count) - lists) <= IVFPQ_REUSE_LISTS * lists


class DenseIndex:
    def __init__(self, index: Any, kind: str, vectors: np.ndarray | None = None) -> None:
        self._index = index
        self.kind = kind
        # Kept for exact re-ranking of compressed candidates (a memory map when loaded).
        self._vectors = vectors if self._compressed(index) else None

    @staticmethod
    def _compressed(index: Any) -> bool:
        return hasattr(_downcast(index), "pq")

    @property
    def size(self) -> int:
        return int(self._index.ntotal)

    def tune(self, *, ef_search: int = HNSW_EF_SEARCH, nprobe: int = IVFPQ_NPROBE) -> None:
        """Trade speed for recall at search time (HNSW's efSearch, IVF's lists probed)."""
        _tune(self._index, self.kind, ef_search=ef_search, nprobe=nprobe)

    def _trained_lists(self) -> int:
        """The inverted lists of a trained IVF-PQ index (0 for any other kind)."""
        concrete: Any = _downcast(self._index)
        return int(concrete.nlist) if hasattr(concrete, "pq") and concrete.is_trained else 0

    @classmethod
    def build(
        cls, vectors: np.ndarray, kind: str = "flat", trained: DenseIndex | None = None
    ) -> DenseIndex:
        """An index of `vectors` (unit rows). `trained`: the previous build's index, whose
        IVF-PQ quantisers are reused rather than trained again while the corpus is within
        about a fifth of the size they were trained for (training is the minute-long part;
        adding the codes takes seconds). Raises OfstedQAError for an unknown kind."""
        import faiss

        if kind not in INDEX_KINDS:
            raise OfstedQAError(
                f"Unknown dense index kind {kind!r}", hint=f"use one of {INDEX_KINDS}"
            )
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        count, dim = vectors.shape
        index: Any
        if kind == "hnsw":
            index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        elif kind == "ivfpq" and count >= IVFPQ_MIN_VECTORS and _reusable(trained, count, dim):
            assert trained is not None
            index = faiss.clone_index(trained._index)
            index.reset()  # drops the codes; the coarse quantiser and PQ codebooks stay
        elif kind == "ivfpq" and count >= IVFPQ_MIN_VECTORS:
            nlist = _ivf_lists(count)
            index = faiss.index_factory(
                dim, f"IVF{nlist},PQ{_pq_subquantizers(dim)}", faiss.METRIC_INNER_PRODUCT
            )
            ivf: Any = faiss.downcast_index(index)
            ivf.do_polysemous_training = False  # we never search polysemously; it costs minutes
            ivf.pq.cp.max_points_per_centroid = IVFPQ_PQ_TRAIN // 256
            # Training on a fixed-size sample keeps a million-vector build to seconds.
            sample = min(count, max(nlist * IVFPQ_TRAIN_PER_LIST, IVFPQ_PQ_TRAIN))
            rows = np.random.default_rng(0).choice(count, sample, replace=False)
            index.train(vectors[np.sort(rows)])
        else:
            # Too few vectors to train quantisers: exact search is both faster and lossless here.
            index = faiss.IndexFlatIP(dim)
        index.add(vectors)
        _tune(index, kind)
        return cls(index, kind, vectors)

    def search(self, query: np.ndarray, k: int) -> list[DenseHit]:
        ids, scores = self.top(query, k)
        return [DenseHit(int(i), float(s)) for i, s in zip(ids, scores, strict=True)]

    def top(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """`search` as two arrays (ids, scores), best first: no per-hit objects on the hot path."""
        if self.size == 0 or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        query = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        rerank = self._vectors is not None
        wanted = min(k * IVFPQ_RERANK_FACTOR if rerank else k, self.size)
        scores, ids = self._search(query, wanted)
        found = ids[0] >= 0
        if not rerank:
            return ids[0][found], scores[0][found]
        assert self._vectors is not None
        rows = np.sort(ids[0][found])  # sorted reads are kinder to a memory-mapped file
        exact = np.asarray(self._vectors[rows], dtype=np.float32) @ query[0]
        order = np.argsort(-exact, kind="stable")[:k]
        return rows[order], exact[order]

    def _search(self, query: np.ndarray, wanted: int) -> tuple[np.ndarray, np.ndarray]:
        import faiss

        if self.kind == "flat" and self.size >= SINGLE_THREAD_BELOW:
            return self._index.search(query, wanted)
        threads = faiss.omp_get_max_threads()  # per calling thread in OpenMP, so this is local
        faiss.omp_set_num_threads(1)
        try:
            return self._index.search(query, wanted)
        finally:
            faiss.omp_set_num_threads(threads)

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path, kind: str, vectors: np.ndarray | None = None) -> DenseIndex:
        """Read (memory-mapping the vectors or codes where FAISS can) and apply search params."""
        import faiss

        if not Path(path).is_file():
            raise OfstedQAError(f"The dense index {path} is missing")
        # MMAP_IFC maps flat/HNSW vector storage (the bulk of those files). IVF-PQ codes are
        # small and searched 5x slower from mapped inverted lists, so they are read whole.
        flags = [] if kind == "ivfpq" else [getattr(faiss, "IO_FLAG_MMAP_IFC", None)]
        index: Any = None
        error: Exception | None = None
        for flag in [f for f in flags if f is not None] + [0]:
            try:
                index = faiss.read_index(str(path), flag)
                break
            except RuntimeError as exc:
                error = exc
        if index is None:
            raise OfstedQAError(
                f"The dense index {path} is unreadable: {error}".splitlines()[0]
            ) from error
        _tune(index, kind)
        loaded = cls(index, kind, vectors)
        if loaded._compressed(index) and vectors is None:
            raise OfstedQAError(f"The compressed dense index {path} needs its stored vectors")
        if vectors is not None and len(vectors) and vectors.shape[1] != index.d:
            raise OfstedQAError(
                f"The dense index {path} has dimension {index.d}, the vectors {vectors.shape[1]}"
            )
        return loaded
