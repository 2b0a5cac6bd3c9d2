"""Vectors embedded by a build that has not finished yet, kept so that a rerun resumes.

Embedding the whole corpus takes most of an hour on two cores. The build embeds in slices and
writes each slice here as soon as it is done; a build killed at any moment loses at most the
slice in flight, and the next build takes every text it finds here instead of embedding it
again. The cache belongs to one model (its fingerprint names the folder) and is emptied once a
build has published its vectors in a generation.

Layout: `<index>/resume/<fingerprint>/<n>.npy` (float32, one row per text) beside `<n>.keys`
(one SHA-1 of the text per line, same order). The keys file is written last, by rename, so a
slice without one is ignored as unfinished.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from ofsted_qa.index.arrays import load_array

RESUME_DIR = "resume"


def text_key(text: str) -> str:
    """Stable key of a passage's embedding text (40 hex characters)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class VectorCache:
    """Slices of finished vectors for one model under `index_dir/resume/<fingerprint>/`."""

    def __init__(self, index_dir: Path, fingerprint: str) -> None:
        self.folder = index_dir / RESUME_DIR / fingerprint
        self.root = index_dir / RESUME_DIR

    def load(self, wanted: Iterable[str]) -> dict[str, np.ndarray]:
        """Vectors for those of the `wanted` keys that an earlier, unfinished build embedded."""
        wanted = set(wanted)
        found: dict[str, np.ndarray] = {}
        if not wanted or not self.folder.is_dir():
            return found
        for keys_file in sorted(self.folder.glob("*.keys")):
            try:
                keys = keys_file.read_text(encoding="ascii").split()
                vectors = load_array(keys_file.with_suffix(".npy"))
            except (OSError, ValueError):
                continue  # a damaged slice is only work to redo
            if vectors.ndim != 2 or len(vectors) != len(keys):
                continue
            for key, vector in zip(keys, vectors, strict=True):
                if key in wanted:
                    found[key] = vector
        return found

    def save(self, keys: list[str], vectors: np.ndarray) -> None:
        """Keep one finished slice; `vectors[i]` embeds the text whose key is `keys[i]`."""
        if not keys:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        n = len(list(self.folder.glob("*.keys")))
        while (self.folder / f"{n:06d}.keys").exists():
            n += 1
        stem = self.folder / f"{n:06d}"
        np.save(stem.with_suffix(".npy"), np.asarray(vectors, dtype=np.float32))
        partial = stem.with_suffix(".keys.tmp")
        partial.write_text("\n".join(keys) + "\n", encoding="ascii")
        os.replace(partial, stem.with_suffix(".keys"))

    def clear(self) -> None:
        """Forget every unfinished build's vectors, of every model (after a publish)."""
        shutil.rmtree(self.root, ignore_errors=True)
