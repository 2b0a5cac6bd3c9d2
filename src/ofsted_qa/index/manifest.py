"""What an index was built from, so a stale or mismatched index is noticed on load."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.checksums import cached_sha256, file_sha256

# 2: checksums of every file, files left out remembered, document ids from relative paths.
# 3: the BM25 vocabulary folds invisible characters, accents and hyphenated compounds.
# 4: passages and documents in SQLite (chunks.sqlite, read by id), with the words the documents
#    use as ordinary words.
FORMAT_VERSION = 4
# An index of this format or later lends its vectors to a rebuild (same model, same text, same
# vector): a format change need not re-embed the corpus.
VECTORS_REUSABLE_FROM = 3
MANIFEST_FILE = "manifest.json"
# Files up to this size are checksummed on every load (a few milliseconds); larger ones (the
# vectors, FAISS and SQLite files of a big corpus) by size only, and whole by `ofsted-qa index
# --check`: hashing 40 MB of passages would cost more than the whole question.
VERIFY_ON_LOAD_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class DocRecord:
    doc_id: str
    source: str
    content_hash: str
    meta_hash: str
    size: int
    mtime_ns: int
    chunks: int


@dataclass(frozen=True)
class Manifest:
    format_version: int
    model_name: str
    model_fingerprint: str
    dimension: int
    chunker_version: str
    chunker_max_tokens: int
    dense_kind: str
    doc_dirs: tuple[str, ...]
    documents: tuple[DocRecord, ...]
    chunk_count: int
    created: str
    files: dict[str, int] = field(default_factory=dict)
    metadata_files: dict[str, str] = field(default_factory=dict)
    checksums: dict[str, str] = field(default_factory=dict)  # file -> sha256
    # Files found but not indexable (empty, binary, too large): doc id -> (size, mtime_ns), so
    # an unchanged bad file does not make the index look stale.
    skipped: dict[str, tuple[int, int]] = field(default_factory=dict)
    # The readers (`ingest.extract_cache.READERS_VERSION`) whose text and report facts the
    # documents' metadata holds; 0 in a manifest written before it was recorded.
    readers_version: int = 0

    @cached_property
    def _records(self) -> dict[str, DocRecord]:
        return {r.doc_id: r for r in self.documents}

    def record(self, doc_id: str) -> DocRecord | None:
        """O(1): the freshness check asks once per document file."""
        return self._records.get(doc_id)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, ensure_ascii=False)

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        path = folder / MANIFEST_FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            raw["doc_dirs"] = tuple(raw["doc_dirs"])
            raw["documents"] = tuple(DocRecord(**r) for r in raw["documents"])
            raw["skipped"] = {k: (int(v[0]), int(v[1])) for k, v in raw.get("skipped", {}).items()}
            return cls(**raw)
        except FileNotFoundError as exc:
            raise OfstedQAError(f"No index manifest at {path}") from exc
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise OfstedQAError(f"The index manifest {path} is corrupt ({exc})") from exc

    @staticmethod
    def _sha256(path: Path, cache_dir: Path | None) -> str:
        return cached_sha256(path, cache_dir) if cache_dir is not None else file_sha256(path)

    def check_files(self, folder: Path, *, everything: bool = False) -> None:
        """Missing, truncated or altered files betray a damaged index before any library reads
        them: sizes always, checksums of small files (of all with `everything`, read whole).

        A small file's checksum is remembered in the index folder (the generation's parent) by
        size and modification time (`checksums.cached_sha256`): a published generation never
        changes, so later loads cost a stat instead of hashing 25 MB, and a file rewritten is
        hashed again."""
        for name, size in self.files.items():
            path = folder / name
            if not path.exists():
                raise OfstedQAError(f"The index is missing {name}")
            if not path.is_file():
                continue
            if path.stat().st_size != size:
                raise OfstedQAError(f"The index file {name} is damaged (size changed)")
            expected = self.checksums.get(name)
            checked = expected and (everything or size <= VERIFY_ON_LOAD_BYTES)
            if checked and self._sha256(path, None if everything else folder.parent) != expected:
                raise OfstedQAError(f"The index file {name} is damaged (checksum differs)")
