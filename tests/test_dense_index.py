"""Dense index kinds: exact, graph and compressed search, on disk and back."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.dense_index import INDEX_KINDS, DenseHit, DenseIndex

DIM = 32


def _unit(rows: int, seed: int = 0, clusters: int = 40) -> np.ndarray:
    """Clustered unit vectors: closer to real embeddings than uniform noise."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((clusters, DIM))
    x = centres[rng.integers(0, clusters, rows)] + 0.6 * rng.standard_normal((rows, DIM))
    x = x.astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def vectors() -> np.ndarray:
    return _unit(5000)


@pytest.fixture(scope="module")
def queries() -> np.ndarray:
    return _unit(50, seed=1)


@pytest.fixture(scope="module")
def built(vectors: np.ndarray) -> dict[str, DenseIndex]:
    """Each kind built once: PQ training is the slow part of this file."""
    return {kind: DenseIndex.build(vectors, kind) for kind in INDEX_KINDS}


def _exact(vectors: np.ndarray, query: np.ndarray, k: int) -> list[int]:
    return [int(i) for i in np.argsort(-(vectors @ query), kind="stable")[:k]]


@pytest.mark.parametrize("kind", INDEX_KINDS)
def test_build_search_save_load_round_trip(
    kind: str,
    built: dict[str, DenseIndex],
    vectors: np.ndarray,
    queries: np.ndarray,
    tmp_path: Path,
) -> None:
    index = built[kind]
    assert index.kind == kind and index.size == len(vectors)
    hits = index.search(queries[0], 10)
    assert len(hits) == 10 and all(isinstance(h, DenseHit) for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    path = tmp_path / "dense.faiss"
    index.save(path)
    loaded = DenseIndex.load(path, kind, vectors)
    assert loaded.size == len(vectors) and loaded.kind == kind
    again = loaded.search(queries[0], 10)
    assert [h.chunk_id for h in again] == [h.chunk_id for h in hits]
    np.testing.assert_allclose([h.score for h in again], [h.score for h in hits], rtol=1e-5)


def test_flat_is_exact(
    built: dict[str, DenseIndex], vectors: np.ndarray, queries: np.ndarray
) -> None:
    index = built["flat"]
    for q in queries[:10]:
        assert [h.chunk_id for h in index.search(q, 10)] == _exact(vectors, q, 10)


def test_hnsw_recall_against_flat(
    built: dict[str, DenseIndex], vectors: np.ndarray, queries: np.ndarray
) -> None:
    index = built["hnsw"]
    found = [
        len({h.chunk_id for h in index.search(q, 10)} & set(_exact(vectors, q, 10)))
        for q in queries
    ]
    assert sum(found) / (10 * len(queries)) >= 0.9


def test_ivfpq_reranks_with_exact_scores(
    built: dict[str, DenseIndex], vectors: np.ndarray, queries: np.ndarray
) -> None:
    index = built["ivfpq"]
    recall = []
    for q in queries:
        hits = index.search(q, 10)
        exact = vectors @ q
        for hit in hits:  # the scores are true inner products, not PQ approximations
            assert hit.score == pytest.approx(float(exact[hit.chunk_id]), abs=1e-5)
        recall.append(len({h.chunk_id for h in hits} & set(_exact(vectors, q, 10))))
    assert sum(recall) / (10 * len(queries)) >= 0.8


def test_ivfpq_falls_back_to_exact_when_too_small_to_train() -> None:
    small = _unit(300)
    index = DenseIndex.build(small, "ivfpq")
    assert index.kind == "ivfpq" and index.size == 300
    q = small[7]
    assert [h.chunk_id for h in index.search(q, 5)] == _exact(small, q, 5)


def test_k_larger_than_index_and_empty_cases() -> None:
    small = _unit(20)
    index = DenseIndex.build(small, "hnsw")
    assert len(index.search(small[0], 50)) == 20
    assert index.search(small[0], 0) == []
    empty = DenseIndex.build(np.zeros((0, DIM), dtype=np.float32), "flat")
    assert empty.size == 0 and empty.search(small[0], 5) == []


def test_unknown_kind_is_a_user_error(vectors: np.ndarray) -> None:
    with pytest.raises(OfstedQAError):
        DenseIndex.build(vectors[:10], "annoy")


@pytest.mark.parametrize("kind", INDEX_KINDS)
def test_corrupt_or_missing_file_is_a_user_error(
    kind: str, built: dict[str, DenseIndex], vectors: np.ndarray, tmp_path: Path
) -> None:
    path = tmp_path / "dense.faiss"
    built[kind].save(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(OfstedQAError):
        DenseIndex.load(path, kind, vectors)
    path.write_bytes(b"not a faiss index at all" * 10)
    with pytest.raises(OfstedQAError):
        DenseIndex.load(path, kind, vectors)
    with pytest.raises(OfstedQAError):
        DenseIndex.load(tmp_path / "missing.faiss", kind, vectors)


def test_loaded_ivfpq_reranks_from_a_memory_map(
    built: dict[str, DenseIndex], vectors: np.ndarray, queries: np.ndarray, tmp_path: Path
) -> None:
    np.save(tmp_path / "vectors.npy", vectors)
    built["ivfpq"].save(tmp_path / "dense.faiss")
    mapped = np.load(tmp_path / "vectors.npy", mmap_mode="r")
    loaded = DenseIndex.load(tmp_path / "dense.faiss", "ivfpq", mapped)
    hit = loaded.search(queries[3], 1)[0]
    assert hit.score == pytest.approx(float(vectors[hit.chunk_id] @ queries[3]), abs=1e-5)
    with pytest.raises(OfstedQAError):
        DenseIndex.load(tmp_path / "dense.faiss", "ivfpq", None)
