"""Whole-file SHA-256, and a cache of it keyed by (path, size, mtime_ns) so re-checking large
unchanged files (the model's weights) costs a stat, not a read."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

CACHE_FILE = "file-hashes.json"
_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    """The SHA-256 of the whole file, read in 1 MiB pieces."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while piece := handle.read(_CHUNK):
            digest.update(piece)
    return digest.hexdigest()


_memory: dict[tuple[str, int, int], str] = {}


def cached_sha256(path: Path, cache_dir: Path | None = None, *, refresh: bool = False) -> str:
    """`file_sha256`, remembered in this process and (when `cache_dir` is given) on disk, keyed
    by the file's absolute path, size and modification time: any rewrite of the file changes
    at least its mtime, so a stale entry is never used for changed bytes written normally.
    `refresh` re-reads the file and rewrites the entry (for bytes changed behind a kept mtime)."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key in _memory and not refresh:
        return _memory[key]
    stored = _load(cache_dir)
    entry = stored.get(key[0])
    if not refresh and entry and entry[:2] == [key[1], key[2]] and isinstance(entry[2], str):
        _memory[key] = entry[2]
        return entry[2]
    digest = file_sha256(path)
    _memory[key] = digest
    if cache_dir is not None:
        stored[key[0]] = [key[1], key[2], digest]
        _save(cache_dir, stored)
    return digest


def _load(cache_dir: Path | None) -> dict[str, list]:
    if cache_dir is None:
        return {}
    try:
        raw = json.loads((cache_dir / CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _save(cache_dir: Path, stored: dict[str, list]) -> None:
    """Best effort and atomic: a cache that cannot be written only costs a re-hash later."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temp = cache_dir / f".{CACHE_FILE}.{os.getpid()}"
        temp.write_text(json.dumps(stored), encoding="utf-8")
        os.replace(temp, cache_dir / CACHE_FILE)
    except OSError:
        pass
