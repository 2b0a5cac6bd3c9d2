"""Models on disk: a local sentence-transformers folder, embedded with torch or its ONNX export.

`LocalModel` names and fingerprints a model without loading it; the embedders it hands out load
torch (sentence-transformers) or onnxruntime only when they are built.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.embedding import (
    DEFAULT_MODEL,
    Embedder,
    ProgressCallback,
    model_fingerprint,
    resolve_model_path,
)

# Small batches of token-count-sorted text, one per core side by side, are fastest on 2 cores
# (bench/results/indexing.json; the vectors match larger batches to ~1e-7).
ONNX_DOCUMENT_BATCH = 2


class LocalModel:
    """A sentence-transformers folder on disk; loads nothing heavy until asked to embed."""

    def __init__(self, name: str = DEFAULT_MODEL, *, onnx_cache: Path | None = None) -> None:
        self.name = name
        self.path = resolve_model_path(name)
        self.fingerprint = model_fingerprint(self.path, onnx_cache)
        self.max_tokens = _max_seq_length(self.path)
        self.onnx_cache = onnx_cache
        self._tokenizer: Any = None

    def fresh_fingerprint(self) -> str:
        """The fingerprint with every weight file re-read (and the hash cache refreshed)."""
        return model_fingerprint(self.path, self.onnx_cache, cached=False)

    def count_tokens(self, text: str) -> int:
        if self._tokenizer is None:
            from tokenizers import Tokenizer

            self._tokenizer = Tokenizer.from_file(str(self.path / "tokenizer.json"))
            self._tokenizer.no_truncation()
            self._tokenizer.no_padding()
        return len(self._tokenizer.encode(text).ids)

    def document_embedder(self) -> Embedder:
        """ONNX too: the same vectors (golden rankings identical, bench/results), faster on this
        CPU, and no torch import when only a few documents changed."""
        if self.onnx_cache is not None:
            from ofsted_qa.index.onnx_encoder import OnnxEmbedder, ensure_onnx_export

            try:
                folder = ensure_onnx_export(self.path, self.onnx_cache, name=self.name)
                return OnnxEmbedder(folder, batch_size=ONNX_DOCUMENT_BATCH, threads=1)
            except OfstedQAError:
                pass  # e.g. the export failed: sentence-transformers gives the same vectors
        return SentenceTransformerEmbedder(self.name)

    def query_embedder(self) -> Embedder:
        """The ONNX export when one exists for these exact weights: no torch, sub-second start."""
        if self.onnx_cache is not None:
            from ofsted_qa.index.onnx_encoder import OnnxEmbedder, onnx_cache_ready

            ready = onnx_cache_ready(self.path, self.onnx_cache)
            if ready is not None:
                return OnnxEmbedder(ready)
        return SentenceTransformerEmbedder(self.name)


def _max_seq_length(model_dir: Path) -> int:
    import json

    try:
        config = json.loads((model_dir / "sentence_bert_config.json").read_text())
        return int(config.get("max_seq_length", 256))
    except (OSError, ValueError):
        return 256


class SentenceTransformerEmbedder:
    """Any local sentence-transformers model, all-MiniLM-L6-v2 (bundled) by default."""

    def __init__(self, name: str = DEFAULT_MODEL, *, batch_size: int = 16) -> None:
        self.name = name
        self.path = resolve_model_path(name)
        self.fingerprint = model_fingerprint(self.path)
        self.batch_size = batch_size
        self._model = self._load()
        self.dimension = int(self._model.get_embedding_dimension() or 0)
        self.max_tokens = int(self._model.max_seq_length)

    def _load(self):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from sentence_transformers import SentenceTransformer

        try:
            return SentenceTransformer(str(self.path), device="cpu")
        except (OSError, ValueError) as exc:
            raise OfstedQAError(f"Could not load the model at {self.path}: {exc}") from exc

    def count_tokens(self, text: str) -> int:
        return len(self._model.tokenizer(text, add_special_tokens=True)["input_ids"])

    def embed_documents(
        self, texts: Sequence[str], *, on_progress: ProgressCallback | None = None
    ) -> np.ndarray:
        # Batches of similar length waste little on padding: sort, embed, restore the order.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for begin in range(0, len(order), self.batch_size):
            batch = order[begin : begin + self.batch_size]
            vectors[batch] = self._encode([texts[i] for i in batch])
            if on_progress:
                on_progress(len(batch))
        return vectors

    def embed_query(self, text: str) -> np.ndarray:
        return self._encode([text])[0]

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True
        )
        return np.asarray(vectors, dtype=np.float32)
