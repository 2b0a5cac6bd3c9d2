"""Whether a built index still matches its documents, their metadata, the model and the format.

Cheap enough to run each time an index is opened: the folders are walked with the same rules
as the build (`ingest.discovery`), sizes and modification times compared first, a file's hash
only when those differ, and the small metadata files hashed whole. Files the build left out
(empty, binary, too large) are remembered with their size and time, so they never make an
index look stale until they change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Protocol

from ofsted_qa.index.manifest import FORMAT_VERSION, Manifest
from ofsted_qa.index.settings import Settings
from ofsted_qa.ingest.chunking import CHUNKER_VERSION
from ofsted_qa.ingest.discovery import METADATA_FILE, Discovery, discover
from ofsted_qa.ingest.documents import (
    DocumentMeta,
    content_hash,
    file_stamp,
    relative_source,
)
from ofsted_qa.ingest.extract_cache import READERS_VERSION, ExtractCache
from ofsted_qa.ingest.readers import UnreadableDocument


class Weights(Protocol):
    """What freshness needs of a model: its name and the fingerprint of its weights."""

    @property
    def name(self) -> str: ...

    @property
    def fingerprint(self) -> str: ...


def meta_hash(meta: DocumentMeta) -> str:
    return hashlib.sha256(json.dumps(asdict(meta), sort_keys=True).encode()).hexdigest()[:16]


def doc_dir_names(settings: Settings) -> tuple[str, ...]:
    names = []
    for folder in settings.doc_dirs:
        try:
            names.append(folder.resolve().relative_to(settings.root).as_posix())
        except ValueError:
            names.append(folder.resolve().as_posix())
    return tuple(names)


def stale_reasons(manifest: Manifest, settings: Settings, model: Weights) -> list[str]:
    """Why the index no longer matches the documents, model or format; empty when fresh."""
    reasons = []
    if manifest.format_version != FORMAT_VERSION:
        reasons.append(f"index format {manifest.format_version} is not {FORMAT_VERSION}")
    if manifest.model_fingerprint != model.fingerprint:
        reasons.append(f"model changed ({manifest.model_name} -> {model.name})")
    if manifest.chunker_version != CHUNKER_VERSION:
        reasons.append("chunker changed")
    if manifest.readers_version != READERS_VERSION:
        # new readers may read other facts (grades, dates) from the same files
        reasons.append("document readers changed")
    if manifest.doc_dirs != doc_dir_names(settings):
        reasons.append("document folders changed")
    if not reasons and _documents_changed(manifest, settings):
        reasons.append("documents changed")
    return reasons


def _documents_changed(manifest: Manifest, settings: Settings) -> bool:
    """Cheap check by size and mtime; a file that differs is hashed to be sure."""
    found = discover(settings.doc_dirs)
    known = {r.doc_id for r in manifest.documents} | set(manifest.skipped)
    if {f.doc_id for f in found.files} != known:
        return True
    for item in found.files:
        try:
            stamp = file_stamp(item.path)
        except OSError:
            return True
        record = manifest.record(item.doc_id)
        if record is None:  # left out last time: stale only once the file changes
            if stamp != manifest.skipped.get(item.doc_id):
                return True
            continue
        if record.source != relative_source(item.path, settings.root):
            return True  # the id now names another file (a.md removed, a.txt takes its id)
        if stamp != (record.size, record.mtime_ns) and _text_hash(item.path, settings) != (
            record.content_hash
        ):
            return True
    # Metadata edits change citations; hashing the small metadata files avoids re-reading texts.
    return metadata_hashes(settings, found) != manifest.metadata_files


def _text_hash(path: Path, settings: Settings) -> str:
    """Hash of the text a reader recovers from `path` (read once, then cached by content);
    "" when it can no longer be read, which never equals a recorded hash."""
    try:
        return content_hash(ExtractCache(settings.extracted_dir).read(path).text)
    except (UnreadableDocument, OSError):
        return ""


def metadata_hashes(settings: Settings, found: Discovery | None = None) -> dict[str, str]:
    """Content hash of every metadata file beside the documents, keyed by its path."""
    found = found or discover(settings.doc_dirs)
    folders = {*settings.doc_dirs, *(f.path.parent for f in found.files)}
    hashes = {}
    for folder in sorted(folders):
        path = folder / METADATA_FILE
        try:
            hashes[relative_source(path, settings.root)] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()
        except OSError:
            continue  # absent (or unreadable, which the build reported)
    return hashes
