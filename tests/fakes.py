"""A fast, deterministic stand-in for the model: hashed bag of stemmed words."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from ofsted_qa.index.embedding import Embedder, ProgressCallback
from ofsted_qa.index.lexical_index import terms

DIMENSION = 64


class FakeEmbedder:
    name = "fake-hash"
    fingerprint = "fake-hash-v1"
    dimension = DIMENSION
    max_tokens = 256

    def __init__(self) -> None:
        self.embedded = 0
        self.texts: list[str] = []  # every document text embedded, in order
        self.queries = 0

    def count_tokens(self, text: str) -> int:
        return len(text.split()) * 4 // 3 + 2

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(DIMENSION, dtype=np.float32)
        for term in terms(text) or ["empty"]:
            bucket = int(hashlib.md5(term.encode()).hexdigest()[:8], 16)
            vector[bucket % DIMENSION] += 1.0 if bucket & 1 << 20 else -1.0
        norm = float(np.linalg.norm(vector)) or 1.0
        return vector / norm

    def embed_documents(
        self, texts: Sequence[str], *, on_progress: ProgressCallback | None = None
    ) -> np.ndarray:
        self.embedded += len(texts)
        self.texts.extend(texts)
        if on_progress:
            on_progress(len(texts))
        return np.vstack([self._vector(t) for t in texts]) if texts else np.zeros((0, DIMENSION))

    def embed_query(self, text: str) -> np.ndarray:
        self.queries += 1
        return self._vector(text)


class FakeModel:
    """A ModelSource whose embedders are one shared FakeEmbedder (so tests can count calls)."""

    def __init__(self, fingerprint: str = FakeEmbedder.fingerprint) -> None:
        self.embedder = FakeEmbedder()
        self.name = "fake-hash"
        self.fingerprint = fingerprint
        self.max_tokens = FakeEmbedder.max_tokens
        self.loads = 0

    def count_tokens(self, text: str) -> int:
        return self.embedder.count_tokens(text)

    def fresh_fingerprint(self) -> str:
        return self.fingerprint

    def document_embedder(self) -> Embedder:
        self.loads += 1
        return self.embedder

    def query_embedder(self) -> Embedder:
        return self.embedder
