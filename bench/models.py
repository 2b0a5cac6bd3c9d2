"""Encoders the benchmark compares: the shipped path, faster indexing candidates, and a fake.

The candidates keep the shipped model's name and fingerprint, so an index they build is the
same index as far as the app can tell; the benchmark proves the rankings agree before anyone
adopts one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from ofsted_qa.index.embedding import Embedder, ProgressCallback
from ofsted_qa.index.models import LocalModel, SentenceTransformerEmbedder

FAKE_DIM = 48


class SortedSTEmbedder(SentenceTransformerEmbedder):
    """sentence-transformers (which sorts texts by length across the whole job), optionally in
    bfloat16 (AVX512-BF16 CPUs run it ~2x faster), re-normalised in float32."""

    def __init__(self, *, batch_size: int = 8, bf16: bool = True) -> None:
        super().__init__(batch_size=batch_size)
        self.bf16 = bf16
        if bf16:
            import torch

            self._model.to(torch.bfloat16)

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = np.asarray(super()._encode(texts), dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True).clip(min=1e-12)


class CandidateModel:
    """A ModelSource that indexes through `factory()` and queries like the shipped model."""

    def __init__(self, base: LocalModel, factory: Any, label: str) -> None:
        self.base = base
        self.factory = factory
        self.label = label
        self.name = base.name
        self.fingerprint = base.fingerprint
        self.max_tokens = base.max_tokens
        self._embedder: Embedder | None = None

    def count_tokens(self, text: str) -> int:
        return self.base.count_tokens(text)

    def document_embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = self.factory()
        return self._embedder

    def query_embedder(self) -> Embedder:
        return self.base.query_embedder()


class HashEmbedder:
    """Deterministic bag-of-words vectors: for smoke runs and tests, no model involved."""

    name = "bench-hash"
    fingerprint = "bench-hash-v1"
    dimension = FAKE_DIM
    max_tokens = 256

    def count_tokens(self, text: str) -> int:
        return len(text.split()) * 4 // 3 + 2

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(FAKE_DIM, dtype=np.float32)
        for word in re.findall(r"[a-z0-9]+", text.lower()) or ["empty"]:
            bucket = int(hashlib.md5(word.encode()).hexdigest()[:8], 16)
            vector[bucket % FAKE_DIM] += 1.0 if bucket & 1 << 20 else -1.0
        return vector / (float(np.linalg.norm(vector)) or 1.0)

    def embed_documents(
        self, texts: Sequence[str], *, on_progress: ProgressCallback | None = None
    ) -> np.ndarray:
        if on_progress:
            on_progress(len(texts))
        if not texts:
            return np.zeros((0, FAKE_DIM), dtype=np.float32)
        return np.vstack([self._vector(t) for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self._vector(text)


class HashModel:
    name = HashEmbedder.name
    fingerprint = HashEmbedder.fingerprint
    max_tokens = HashEmbedder.max_tokens

    def __init__(self) -> None:
        self.embedder = HashEmbedder()

    def count_tokens(self, text: str) -> int:
        return self.embedder.count_tokens(text)

    def document_embedder(self) -> Embedder:
        return self.embedder

    def query_embedder(self) -> Embedder:
        return self.embedder


class TimedEmbedder:
    """Wraps an embedder and records how long each query embedding took."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.fingerprint = inner.fingerprint
        self.dimension = inner.dimension
        self.max_tokens = inner.max_tokens
        self.last_s = 0.0

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def embed_documents(
        self, texts: Sequence[str], *, on_progress: ProgressCallback | None = None
    ) -> np.ndarray:
        return self.inner.embed_documents(texts, on_progress=on_progress)

    def embed_query(self, text: str) -> np.ndarray:
        import time

        started = time.perf_counter()
        vector = self.inner.embed_query(text)
        self.last_s = time.perf_counter() - started
        return vector
