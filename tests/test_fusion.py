"""Fusion never lets one side swamp the other."""

from __future__ import annotations

import numpy as np
import pytest

from ofsted_qa.retrieval.fusion import (
    convex,
    fuse,
    normalise,
    ranks,
    reciprocal_rank,
    rrf,
    standardise,
    zscore,
)


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


def test_standardise() -> None:
    assert np.allclose(standardise(np.array([1.0, 2.0, 3.0])), [-1.2247, 0.0, 1.2247], atol=1e-4)
    assert standardise(np.array([4.0, 4.0])).tolist() == [0.0, 0.0]
    assert standardise(np.array([])).size == 0


def test_zscore_keeps_a_lexical_outlier_ahead() -> None:
    # One passage quotes the question's rare phrase (BM25 far ahead of the pack); cosine sees
    # a band of similar passages and puts that one a little below the best. Min-max squeezes
    # the outlier's lead into the same 0..1 as the dense side's close call; z-scores keep it.
    pack = np.linspace(0.0, 1.0, 49)
    bm25 = np.concatenate(([9.0], 2.0 + pack))  # candidates: a few hundred in a real search
    dense = np.concatenate(([0.43], 0.40 + 0.15 * pack[::-1]))
    assert int(np.argmax(convex(bm25, dense, 0.6))) != 0
    fused = zscore(bm25, dense, 0.6)
    assert int(np.argmax(fused)) == 0
    assert float(fused.max()) == pytest.approx(1.0) and float(fused.min()) == pytest.approx(0.0)


def test_zscore_is_scale_invariant_and_safe_on_constant_sides() -> None:
    bm25 = np.array([1.0, 30.0, 5.0])
    dense = np.array([0.52, 0.50, 0.55])
    assert np.allclose(zscore(bm25, dense, 0.5), zscore(bm25 * 1000, dense, 0.5))
    assert zscore(np.zeros(3), np.full(3, 0.5), 0.5).tolist() == [0.0, 0.0, 0.0]
    assert zscore(np.array([2.0]), np.array([0.3]), 0.5).tolist() == [0.0]


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
    assert np.allclose(fuse(a, b, "zscore", 0.3), zscore(a, b, 0.3))
    assert np.allclose(fuse(a, b), zscore(a, b, 0.6))
    with pytest.raises(ValueError):
        fuse(a, b, "max")


def test_reciprocal_rank() -> None:
    fused = reciprocal_rank([[2, 0], [2, 1]], size=3)
    assert int(np.argmax(fused)) == 2
