"""Fusion never lets one side swamp the other."""

from __future__ import annotations

import numpy as np
import pytest

from ofsted_qa.retrieval.fusion import convex, fuse, normalise, ranks, reciprocal_rank, rrf


def test_normalise() -> None:
    assert normalise(np.array([2.0, 4.0, 6.0])).tolist() == [0.0, 0.5, 1.0]
    assert normalise(np.array([3.0, 3.0])).tolist() == [1.0, 1.0]
    assert normalise(np.array([0.0, 0.0])).tolist() == [0.0, 0.0]
    assert normalise(np.array([])).size == 0


def test_convex_is_scale_invariant() -> None:
    bm25 = np.array([1.0, 30.0, 5.0])
    dense = np.array([0.52, 0.50, 0.55])
    small = convex(bm25, dense, 0.5)
    assert np.allclose(small, convex(bm25 * 1000, dense, 0.5))
    assert float(small.max()) <= 1.0 and float(small.min()) >= 0.0


def test_neither_side_swamps() -> None:
    # Huge BM25 spread against a narrow cosine band: each side's winner still ties at 0.5.
    bm25 = np.array([500.0, 0.0])
    dense = np.array([0.30, 0.31])
    fused = convex(bm25, dense, 0.5)
    assert fused[0] == pytest.approx(fused[1])


def test_ranks_and_rrf() -> None:
    assert ranks(np.array([0.1, 0.9, 0.5])).tolist() == [3, 1, 2]
    fused = rrf(np.array([3.0, 0.0, 1.0]), np.array([0.1, 0.9, 0.2]))
    assert fused[0] > fused[2] and fused.max() <= 1.0 + 1e-6
    # No lexical match: no lexical share.
    assert rrf(np.array([0.0]), np.array([1.0]), dense_weight=0.5)[0] == pytest.approx(0.5)


def test_fuse_dispatch() -> None:
    a, b = np.array([1.0, 2.0]), np.array([0.2, 0.1])
    assert np.allclose(fuse(a, b, "convex", 0.3), convex(a, b, 0.3))
    assert np.allclose(fuse(a, b, "rrf", 0.3), rrf(a, b, 0.3))
    with pytest.raises(ValueError):
        fuse(a, b, "max")


def test_reciprocal_rank() -> None:
    fused = reciprocal_rank([[2, 0], [2, 1]], size=3)
    assert int(np.argmax(fused)) == 2
