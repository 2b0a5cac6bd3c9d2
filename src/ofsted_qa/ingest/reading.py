"""Reading many documents at once: cached results first, the rest on every core.

PDF extraction and layout recovery are CPU-bound, so the files not yet in the cache are read by
a pool of processes, one per core. Each worker writes its result to the cache itself, so a build
killed half-way keeps every document already read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ofsted_qa.ingest.extract_cache import ExtractCache
from ofsted_qa.ingest.process_pool import process_pool
from ofsted_qa.ingest.readers import ReadText, UnreadableDocument, read_document

Advance = Callable[[int], None]
# Below this many uncached files a pool costs more to start than it saves.
POOL_MIN_FILES = 4


@dataclass(frozen=True)
class Outcome:
    """One file's result: its text, or why it could not be read (a one-line reason), and the
    cache entry that holds it ("" when read without a cache)."""

    path: Path
    read: ReadText | None = None
    problem: str = ""
    key: str = ""


def _read_one(cache_folder: str | None, path: str) -> Outcome:
    file = Path(path)
    try:
        if cache_folder is None:
            return Outcome(file, read=read_document(file))
        cache = ExtractCache(Path(cache_folder))
        key = cache.key(file)
        return Outcome(file, read=cache.read(file, key), key=key)
    except UnreadableDocument as exc:
        return Outcome(file, problem=exc.message)
    except OSError as exc:
        return Outcome(file, problem=f"unreadable ({exc.strerror or exc})")


def read_all(
    paths: Sequence[Path],
    cache: ExtractCache | None,
    *,
    workers: int | None = None,
    advance: Advance | None = None,
) -> list[Outcome]:
    """Read `paths` in order: cached files inline, the others across `workers` processes
    (default: the machine's cores). `advance(1)` is called as each file finishes."""
    outcomes: dict[Path, Outcome] = {}
    pending: list[Path] = []
    for path in paths:
        cached = _cached(cache, path)
        if cached is not None:
            outcomes[path] = cached
            if advance:
                advance(1)
        else:
            pending.append(path)
    folder = str(cache.folder) if cache is not None else None
    workers = min(workers or os.cpu_count() or 1, len(pending))
    if len(pending) < POOL_MIN_FILES or workers <= 1:
        for path in pending:
            outcomes[path] = _read_one(folder, str(path))
            if advance:
                advance(1)
    else:
        with process_pool(workers) as pool:  # not forked: see process_pool.py
            futures = [pool.submit(_read_one, folder, str(p)) for p in pending]
            for future in futures:
                outcome = future.result()
                outcomes[outcome.path] = outcome
                if advance:
                    advance(1)
    return [outcomes[p] for p in paths]


def _cached(cache: ExtractCache | None, path: Path) -> Outcome | None:
    if cache is None:
        return None
    try:
        key = cache.key(path)
    except OSError:
        return None  # _read_one reports the error with the file's name
    read = cache.get(key)
    return Outcome(path, read=read, key=key) if read is not None else None
