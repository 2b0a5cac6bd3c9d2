"""The index on disk: generations published by an atomic symlink swap under a file lock.

A build writes a fresh folder beside the live one and only then points `current` at it, so a
build killed at any instant leaves the previous index untouched and usable. Every file and
folder is fsynced before the swap and the index folder after it (`durability`), so a power cut
leaves either the old generation or the new one live, whole. A reader resolves `current` once and
reads everything from that one folder; the generation it may have just resolved is kept, so a
swap never pulls files from under it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.arrays import load_array
from ofsted_qa.index.checksums import file_sha256
from ofsted_qa.index.dense_index import DenseIndex
from ofsted_qa.index.durability import fsync_dir, fsync_tree
from ofsted_qa.index.lexical_index import LexicalIndex
from ofsted_qa.index.manifest import MANIFEST_FILE, Manifest
from ofsted_qa.index.passage_terms import IDS_FILE, PassageTerms
from ofsted_qa.index.store import ChunkStore
from ofsted_qa.index.vocabulary import VOCABULARY_FILE, Vocabulary

CURRENT = "current"
BUILD_PREFIX = ".build-"
GENERATION_PREFIX = "gen-"
VECTORS_FILE = "vectors.npy"
DENSE_FILE = "dense.faiss"
LEXICAL_DIR = "lexical"
# Generations replaced less than this long ago are kept for readers that resolved them just
# before the swap (a load takes well under a second; a long `ask` session holds its own mmap).
KEEP_REPLACED_S = 120
LOAD_ATTEMPTS = 3


def current_generation(index_dir: Path) -> Path | None:
    """The live generation's folder, read from the `current` link exactly once."""
    link = index_dir / CURRENT
    try:
        target = index_dir / os.readlink(link)
    except OSError:
        # Not a link: an index folder laid out by hand (or a copy) may hold a real folder.
        return link.resolve() if link.is_dir() else None
    return target.resolve() if target.is_dir() else None


def new_build_dir(index_dir: Path) -> Path:
    index_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return Path(tempfile.mkdtemp(prefix=f"{BUILD_PREFIX}{stamp}-", dir=index_dir))


def remove_abandoned_builds(index_dir: Path) -> None:
    """Folders of builds that were killed; only called while holding the build lock."""
    for path in index_dir.glob(f"{BUILD_PREFIX}*"):
        shutil.rmtree(path, ignore_errors=True)


def _parts(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.rglob("*")) if p.is_file() and p.name != MANIFEST_FILE]


def file_sizes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_size for p in _parts(folder)}


def file_checksums(folder: Path) -> dict[str, str]:
    """SHA-256 of every file of a generation but the manifest that records them."""
    return {p.relative_to(folder).as_posix(): file_sha256(p) for p in _parts(folder)}


def publish(index_dir: Path, build_dir: Path) -> Path:
    """Make `build_dir` the live index atomically and durably, then drop old generations."""
    fsync_tree(build_dir)  # the data is on disk before any name points at it
    generation = index_dir / f"{GENERATION_PREFIX}{build_dir.name[len(BUILD_PREFIX) :]}"
    replaced = current_generation(index_dir)
    os.replace(build_dir, generation)
    temp_link = index_dir / f".{CURRENT}-{os.getpid()}"
    if temp_link.is_symlink():
        temp_link.unlink()
    temp_link.symlink_to(generation.name)
    fsync_dir(index_dir)  # the renamed generation and the new link's inode
    os.replace(temp_link, index_dir / CURRENT)
    fsync_dir(index_dir)  # the swap itself
    if replaced is not None:
        os.utime(replaced)  # its mtime now says when it stopped being current
    _remove_old_generations(index_dir, keep={generation, replaced})
    return generation


def _remove_old_generations(index_dir: Path, keep: set[Path | None]) -> None:
    """Generations replaced long enough ago that no reader can still be opening them."""
    now = time.time()
    for old in index_dir.glob(f"{GENERATION_PREFIX}*"):
        try:
            if old.resolve() in keep or now - old.stat().st_mtime < KEEP_REPLACED_S:
                continue
        except OSError:
            continue
        shutil.rmtree(old, ignore_errors=True)


@dataclass(frozen=True)
class IndexBundle:
    """Everything a search needs, loaded from one generation."""

    folder: Path
    manifest: Manifest
    store: ChunkStore
    dense: DenseIndex
    lexical: LexicalIndex
    vectors: np.ndarray

    @cached_property
    def passage_terms(self) -> PassageTerms | None:
        """Each passage's terms as the build saved them, memory-mapped on first use; None for
        an index without them (built in memory, or of an older format).

        Raises OfstedQAError when the saved files are damaged."""
        if f"{LEXICAL_DIR}/{IDS_FILE}" not in self.manifest.files:
            return None
        try:
            return PassageTerms.open(self.folder / LEXICAL_DIR, len(self.store))
        except (OSError, ValueError) as exc:
            raise OfstedQAError(f"The index at {self.folder} is corrupt ({exc})") from exc

    def vocabulary(self) -> Vocabulary:
        """The corpus's words as the build saved them (worked out here for an older one).

        Raises OfstedQAError when the saved file is damaged."""
        if VOCABULARY_FILE not in self.manifest.files:
            return Vocabulary.of(self.store)  # built in memory (BEIR), or before the file
        try:
            saved = Vocabulary.load(self.folder)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise OfstedQAError(f"The index at {self.folder} is corrupt ({exc})") from exc
        return saved if saved is not None else Vocabulary.of(self.store)

    @classmethod
    def load(cls, folder: Path) -> IndexBundle:
        manifest = Manifest.read(folder)
        manifest.check_files(folder)
        store = ChunkStore.load(folder)  # opens the SQLite file; OfstedQAError if damaged
        try:
            # Still memory-mapped, but a plain ndarray view: np.memmap's Python-level
            # __getitem__ costs more than the few hundred rows each query takes.
            vectors = np.asarray(load_array(folder / VECTORS_FILE, mmap=True))
            dense = DenseIndex.load(folder / DENSE_FILE, manifest.dense_kind, vectors)
            lexical = LexicalIndex.load(folder / LEXICAL_DIR, len(store))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise OfstedQAError(f"The index at {folder} is corrupt ({exc})") from exc
        sizes = {len(store), dense.size, lexical.size, len(vectors), manifest.chunk_count}
        if len(sizes) != 1:
            raise OfstedQAError(f"The index at {folder} is inconsistent (counts {sorted(sizes)})")
        return cls(folder, manifest, store, dense, lexical, vectors)


def write_parts(
    folder: Path,
    store: ChunkStore,
    vectors: np.ndarray,
    dense: DenseIndex,
    lexical: LexicalIndex,
    vocabulary: Vocabulary | None = None,
) -> None:
    """`vocabulary`: the store's, when the build has it already (counted from scratch if not)."""
    store.save(folder)
    (vocabulary or Vocabulary.of(store)).save(folder)
    np.save(folder / VECTORS_FILE, vectors, allow_pickle=False)
    dense.save(folder / DENSE_FILE)
    lexical.save(folder / LEXICAL_DIR)


def check_index_path(index_dir: Path) -> None:
    """A path that is a file can never hold an index: say so rather than try to build there."""
    if index_dir.exists() and not index_dir.is_dir():
        raise OfstedQAError(
            f"The index path {index_dir} is a file, not a folder", hint="pass --index DIR"
        )


def load_current(index_dir: Path) -> IndexBundle:
    """The live generation, all of it from the one folder `current` named when it was read.

    Should that generation vanish while it loads (removed by builds after two swaps), the load
    is retried from whatever `current` names now; a damaged index that stays current is
    reported."""
    check_index_path(index_dir)
    for attempt in range(1, LOAD_ATTEMPTS + 1):
        generation = current_generation(index_dir)
        if generation is None:
            raise OfstedQAError(f"No index at {index_dir}", hint="run `ofsted-qa index`")
        try:
            return IndexBundle.load(generation)
        except OfstedQAError:
            if attempt == LOAD_ATTEMPTS or current_generation(index_dir) == generation:
                raise
    raise AssertionError("unreachable: the last attempt returns or raises")
