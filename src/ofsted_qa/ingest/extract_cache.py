"""Documents read once: what a reader recovered from a file, kept by the file's content hash.

Reading the 497 reports of the real corpus takes minutes (PDF text extraction and layout
recovery); a build, a freshness check and `ofsted-qa show` all need the same text again. Each
result is stored as `<folder>/<sha256 of the file's bytes>.json`, so a file read once is never
read again until its bytes or a reader change (READERS_VERSION is part of the key), and a build
killed half-way keeps every document it had read. Files are written aside and renamed into
place: a reader never sees half an entry.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from ofsted_qa.ingest.facts.model import facts_from_json, facts_to_json
from ofsted_qa.ingest.readers import ReadText, read_document

# Bump when any reader's output changes: cached texts of the old readers are then ignored.
# It is also the index's: the facts stored here (council, dates, judgements) become each
# document's metadata, so an index built by other readers is stale (index.freshness).
# 2: cover field lines stand alone; 3: the LAC/SLAC "Record of main findings" grades are read
READERS_VERSION = 3


def file_digest(path: Path) -> str:
    """SHA-256 of the file's bytes, read in 1 MiB pieces. Raises OSError."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while piece := handle.read(1 << 20):
            digest.update(piece)
    return digest.hexdigest()


def to_json(read: ReadText) -> str:
    return json.dumps(
        {
            "text": read.text,
            "page_starts": list(read.page_starts),
            "encoding": read.encoding,
            "title": read.title,
            "date": read.date,
            "facts": facts_to_json(read.facts) if read.facts else None,
        },
        ensure_ascii=False,
    )


def from_json(raw: str) -> ReadText:
    """Raises ValueError, KeyError or TypeError on an entry that is not one of ours."""
    data = json.loads(raw)
    return ReadText(
        text=str(data["text"]),
        page_starts=tuple(int(p) for p in data["page_starts"]),
        encoding=str(data["encoding"]),
        title=str(data["title"]),
        date=str(data["date"]),
        facts=facts_from_json(data["facts"]) if data.get("facts") else None,
    )


class ExtractCache:
    """Readers' results under `folder`, keyed by file content and READERS_VERSION."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, path: Path) -> str:
        return f"{file_digest(path)}-r{READERS_VERSION}"

    def get(self, key: str) -> ReadText | None:
        """The cached result for `key`, or None (absent, unreadable or damaged: read again)."""
        try:
            return from_json((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, read: ReadText) -> None:
        """Keep `read`; a cache that cannot be written only costs a re-read later."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = self.folder / f".{key}.{os.getpid()}.tmp"
            partial.write_text(to_json(read), encoding="utf-8")
            os.replace(partial, self.folder / f"{key}.json")
        except OSError:
            pass

    def read(self, path: Path, key: str | None = None) -> ReadText:
        """`read_document(path)`, from the cache when this content was read before (`key`:
        the file's key when already computed). Raises UnreadableDocument or OSError."""
        key = key or self.key(path)
        cached = self.get(key)
        if cached is not None:
            return cached
        read = read_document(path)
        self.put(key, read)
        return read

    def prune(self, keep: Iterable[str]) -> None:
        """Drop every entry whose key is not in `keep` (documents no longer indexed)."""
        wanted = {f"{k}.json" for k in keep}
        for entry in self.folder.glob("*.json") if self.folder.is_dir() else ():
            if entry.name not in wanted:
                entry.unlink(missing_ok=True)
