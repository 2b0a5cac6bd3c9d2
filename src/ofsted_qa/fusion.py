"""Combine lexical and dense scores so neither side swamps the other.

Each side is min-max normalised over its own candidates, then mixed convexly; a passage found
by one side only keeps that side's share instead of being halved to nothing.
"""

from __future__ import annotations

import numpy as np

DENSE_WEIGHT = 0.6


def normalise(scores: np.ndarray) -> np.ndarray:
    if scores.size == 0:
        return scores
    low, high = float(scores.min()), float(scores.max())
    if high - low < 1e-9:
        return np.where(scores > 0, 1.0, 0.0).astype(np.float32)
    return ((scores - low) / (high - low)).astype(np.float32)


def convex(
    lexical: np.ndarray, dense: np.ndarray, dense_weight: float = DENSE_WEIGHT
) -> np.ndarray:
    """Scores for all chunks; both inputs are full-length arrays aligned on chunk id."""
    return (1 - dense_weight) * normalise(lexical) + dense_weight * normalise(dense)


def reciprocal_rank(rankings: list[list[int]], size: int, k: int = 60) -> np.ndarray:
    """Classic RRF, kept for comparison in the eval report."""
    fused = np.zeros(size, dtype=np.float32)
    for ranking in rankings:
        for rank, chunk_id in enumerate(ranking):
            fused[chunk_id] += 1.0 / (k + rank + 1)
    return fused
