"""The index on disk: generations published by an atomic symlink swap under a file lock.

A build writes a fresh folder beside the live one and only then points `current` at it, so a
build killed at any instant leaves the previous index untouched and usable.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.dense_index import DenseIndex
from ofsted_qa.index.lexical_index import LexicalIndex
from ofsted_qa.index.manifest import MANIFEST_FILE, Manifest
from ofsted_qa.index.store import ChunkStore

CURRENT = "current"
LOCK_FILE = ".lock"
BUILD_PREFIX = ".build-"
GENERATION_PREFIX = "gen-"
VECTORS_FILE = "vectors.npy"
DENSE_FILE = "dense.faiss"
LEXICAL_DIR = "lexical"
LOCK_TIMEOUT_S = 600


def current_generation(index_dir: Path) -> Path | None:
    link = index_dir / CURRENT
    if not link.is_symlink() and not link.is_dir():
        return None
    target = link.resolve()
    return target if target.is_dir() else None


def build_lock(index_dir: Path):
    from filelock import FileLock

    index_dir.mkdir(parents=True, exist_ok=True)
    return FileLock(str(index_dir / LOCK_FILE), timeout=LOCK_TIMEOUT_S)


def new_build_dir(index_dir: Path) -> Path:
    index_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return Path(tempfile.mkdtemp(prefix=f"{BUILD_PREFIX}{stamp}-", dir=index_dir))


def remove_abandoned_builds(index_dir: Path) -> None:
    """Folders of builds that were killed; only called while holding the build lock."""
    for path in index_dir.glob(f"{BUILD_PREFIX}*"):
        shutil.rmtree(path, ignore_errors=True)


def file_sizes(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_size
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MANIFEST_FILE
    }


def publish(index_dir: Path, build_dir: Path) -> Path:
    """Make `build_dir` the live index atomically, then drop older generations."""
    generation = index_dir / f"{GENERATION_PREFIX}{build_dir.name[len(BUILD_PREFIX) :]}"
    os.replace(build_dir, generation)
    temp_link = index_dir / f".{CURRENT}-{os.getpid()}"
    if temp_link.is_symlink():
        temp_link.unlink()
    temp_link.symlink_to(generation.name)
    os.replace(temp_link, index_dir / CURRENT)
    for old in index_dir.glob(f"{GENERATION_PREFIX}*"):
        if old != generation:
            shutil.rmtree(old, ignore_errors=True)
    return generation


@dataclass(frozen=True)
class IndexBundle:
    """Everything a search needs, loaded from one generation."""

    folder: Path
    manifest: Manifest
    store: ChunkStore
    dense: DenseIndex
    lexical: LexicalIndex
    vectors: np.ndarray

    @classmethod
    def load(cls, folder: Path) -> IndexBundle:
        manifest = Manifest.read(folder)
        manifest.check_files(folder)
        try:
            store = ChunkStore.load(folder)
            # Still memory-mapped, but a plain ndarray view: np.memmap's Python-level
            # __getitem__ costs more than the few hundred rows each query takes.
            vectors = np.asarray(np.load(folder / VECTORS_FILE, allow_pickle=False, mmap_mode="r"))
            dense = DenseIndex.load(folder / DENSE_FILE, manifest.dense_kind, vectors)
            lexical = LexicalIndex.load(folder / LEXICAL_DIR, len(store))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise OfstedQAError(f"The index at {folder} is corrupt ({exc})") from exc
        sizes = {len(store), dense.size, lexical.size, len(vectors), manifest.chunk_count}
        if len(sizes) != 1:
            raise OfstedQAError(f"The index at {folder} is inconsistent (counts {sorted(sizes)})")
        return cls(folder, manifest, store, dense, lexical, vectors)


def write_parts(
    folder: Path, store: ChunkStore, vectors: np.ndarray, dense: DenseIndex, lexical: LexicalIndex
) -> None:
    store.save(folder)
    np.save(folder / VECTORS_FILE, vectors, allow_pickle=False)
    dense.save(folder / DENSE_FILE)
    lexical.save(folder / LEXICAL_DIR)


def load_current(index_dir: Path) -> IndexBundle:
    generation = current_generation(index_dir)
    if generation is None:
        raise OfstedQAError(f"No index at {index_dir}", hint="run `ofsted-qa index`")
    return IndexBundle.load(generation)
