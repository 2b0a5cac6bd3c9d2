"""Combine lexical and dense scores so neither side swamps the other.

Three methods, all over the same candidate set (the union of each side's top passages):

- `zscore` (default): each side standardised over the candidates (distance from its mean in
  standard deviations), mixed with a fixed weight, the mix rescaled to [0, 1]. A passage far
  ahead of the rest on one side ("too many false dawns": BM25 finds one passage, cosine sees a
  dozen similar ones) keeps its lead; min-max would squeeze that lead into the same 0..1 as a
  close call.
- `convex`: each side min-max normalised over the candidates, then mixed with a fixed weight.
  Raw BM25 is unbounded and cosine lives in a narrow band, so without normalising one side
  would decide every ranking.
- `rrf`: reciprocal rank fusion, which ignores score magnitudes altogether.

The method and weight were chosen on the tuning split (`ofsted-qa eval --sweep`; see
eval/results/report.md).
"""

from __future__ import annotations

import numpy as np

DENSE_WEIGHT = 0.6
RRF_K = 60
METHODS = ("convex", "rrf", "zscore")


def normalise(scores: np.ndarray) -> np.ndarray:
    """Min-max to [0, 1]; a constant side gives 1 where it scored and 0 where it did not."""
    if scores.size == 0:
        return scores.astype(np.float32)
    low, high = float(scores.min()), float(scores.max())
    if high - low < 1e-9:
        return np.where(scores > 0, 1.0, 0.0).astype(np.float32)
    return ((scores - low) / (high - low)).astype(np.float32, copy=False)


def convex(
    lexical: np.ndarray, dense: np.ndarray, dense_weight: float = DENSE_WEIGHT
) -> np.ndarray:
    """Both inputs aligned on the same candidates; the result lies in [0, 1]."""
    return (1 - dense_weight) * normalise(lexical) + dense_weight * normalise(dense)


def standardise(scores: np.ndarray) -> np.ndarray:
    """(x - mean) / standard deviation; a constant side gives zeros."""
    if scores.size == 0:
        return scores.astype(np.float32)
    spread = float(scores.std())
    if spread < 1e-9:
        return np.zeros(len(scores), dtype=np.float32)
    return ((scores - float(scores.mean())) / spread).astype(np.float32, copy=False)


def zscore(
    lexical: np.ndarray, dense: np.ndarray, dense_weight: float = DENSE_WEIGHT
) -> np.ndarray:
    """Both inputs aligned on the same candidates; the result lies in [0, 1] (1 for the best
    mix; all 0 when neither side tells the candidates apart)."""
    mixed = (1 - dense_weight) * standardise(lexical) + dense_weight * standardise(dense)
    return normalise(mixed)


def ranks(scores: np.ndarray) -> np.ndarray:
    """1-based rank of each entry, best first (ties broken by position, deterministically)."""
    order = np.argsort(-scores, kind="stable")
    out = np.empty(len(scores), dtype=np.int64)
    out[order] = np.arange(1, len(scores) + 1)
    return out


def rrf(
    lexical: np.ndarray, dense: np.ndarray, dense_weight: float = 0.5, k: int = RRF_K
) -> np.ndarray:
    """Weighted RRF rescaled to [0, 1]; a passage with no lexical match gets no lexical share."""
    lexical_part = np.where(lexical > 0, 1.0 / (k + ranks(lexical)), 0.0)
    dense_part = 1.0 / (k + ranks(dense))
    fused = (1 - dense_weight) * lexical_part + dense_weight * dense_part
    return (fused * (k + 1)).astype(np.float32)


def fuse(
    lexical: np.ndarray,
    dense: np.ndarray,
    method: str = "zscore",
    dense_weight: float = DENSE_WEIGHT,
) -> np.ndarray:
    if method == "convex":
        return convex(lexical, dense, dense_weight)
    if method == "rrf":
        return rrf(lexical, dense, dense_weight)
    if method == "zscore":
        return zscore(lexical, dense, dense_weight)
    raise ValueError(f"unknown fusion method {method!r}; use one of {METHODS}")


def reciprocal_rank(rankings: list[list[int]], size: int, k: int = RRF_K) -> np.ndarray:
    """Classic unweighted RRF over whole rankings of chunk ids."""
    fused = np.zeros(size, dtype=np.float32)
    for ranking in rankings:
        for rank, chunk_id in enumerate(ranking):
            fused[chunk_id] += 1.0 / (k + rank + 1)
    return fused
