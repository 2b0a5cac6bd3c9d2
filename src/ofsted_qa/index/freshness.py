"""Whether a built index still matches its documents, their metadata, the model and the format.

Cheap enough to run each time an index is opened: sizes and modification times first, a file's
hash only when those differ, and the small metadata files hashed whole.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

from ofsted_qa.index.embedding import ModelSource
from ofsted_qa.index.manifest import FORMAT_VERSION, Manifest
from ofsted_qa.index.settings import Settings
from ofsted_qa.ingest.chunking import CHUNKER_VERSION
from ofsted_qa.ingest.documents import (
    METADATA_FILE,
    DocumentMeta,
    content_hash,
    discover_files,
    read_source_text,
)


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


def stale_reasons(manifest: Manifest, settings: Settings, model: ModelSource) -> list[str]:
    """Why the index no longer matches the documents, model or format; empty when fresh."""
    reasons = []
    if manifest.format_version != FORMAT_VERSION:
        reasons.append(f"index format {manifest.format_version} is not {FORMAT_VERSION}")
    if manifest.model_fingerprint != model.fingerprint:
        reasons.append(f"model changed ({manifest.model_name} -> {model.name})")
    if manifest.chunker_version != CHUNKER_VERSION:
        reasons.append("chunker changed")
    if manifest.doc_dirs != doc_dir_names(settings):
        reasons.append("document folders changed")
    if not reasons and _documents_changed(manifest, settings):
        reasons.append("documents changed")
    return reasons


def _documents_changed(manifest: Manifest, settings: Settings) -> bool:
    """Cheap check by size and mtime; a file that differs is hashed to be sure."""
    files = discover_files([d for d in settings.doc_dirs if d.is_dir()])
    if len(files) != len(manifest.documents):
        return True
    for path in files:
        record = manifest.record(path.stem)
        if record is None:
            return True
        stat = path.stat()
        touched = (stat.st_size, stat.st_mtime_ns) != (record.size, record.mtime_ns)
        if touched and content_hash(read_source_text(path)[0]) != record.content_hash:
            return True
    # Metadata edits change citations; hashing the small metadata files avoids re-reading texts.
    return metadata_hashes(settings) != manifest.metadata_files


def metadata_hashes(settings: Settings) -> dict[str, str]:
    """Content hash of each document folder's metadata file, keyed by the folder's name."""
    hashes = {}
    for name, folder in zip(doc_dir_names(settings), settings.doc_dirs, strict=True):
        path = folder / METADATA_FILE
        if path.is_file():
            hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes
