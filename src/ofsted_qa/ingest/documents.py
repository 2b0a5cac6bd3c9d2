"""Source documents: reading files safely and attaching their metadata.

Metadata lives in a `metadata.json` beside the files (keyed by file name). A document without
an entry still indexes: its title, date and publisher are inferred from its text and marked so.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

METADATA_FILE = "metadata.json"
DOCUMENT_SUFFIXES = {".txt", ".md", ".text"}
MAX_FILE_BYTES = 20 * 1024 * 1024
KINDS = ("inspection report", "inspection letter", "news", "blog", "document")

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_DATE = re.compile(
    r"\b(\d{1,2})\s+(" + "|".join(m.capitalize() for m in _MONTHS) + r")\s+((?:19|20)\d\d)\b"
)


@dataclass(frozen=True)
class DocumentMeta:
    doc_id: str
    source: str
    title: str
    publisher: str
    kind: str
    date: str  # ISO 8601, as precise as known: "2014-05-23", "2018-08" or "2018"
    period_start: str = ""
    period_end: str = ""
    url: str = ""
    inferred: tuple[str, ...] = ()

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date[:4].isdigit() else None

    @property
    def years(self) -> frozenset[int]:
        """Years the document speaks for: its publication and the period it covers."""
        found = {
            int(d[:4]) for d in (self.date, self.period_start, self.period_end) if d[:4].isdigit()
        }
        if self.period_start[:4].isdigit() and self.period_end[:4].isdigit():
            found.update(range(int(self.period_start[:4]), int(self.period_end[:4]) + 1))
        return frozenset(found)


@dataclass(frozen=True)
class Document:
    meta: DocumentMeta
    text: str
    content_hash: str


@dataclass(frozen=True)
class LoadResult:
    documents: list[Document]
    warnings: list[str] = field(default_factory=list)
    encodings: dict[str, str] = field(default_factory=dict)


def read_source_text(path: Path) -> tuple[str, str]:
    """Decode a file exactly as offsets are counted: no newline translation, UTF-8 or cp1252."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Legacy Windows exports are common for reports; cp1252 maps nearly every byte.
        return data.decode("cp1252", errors="replace"), "cp1252"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _relative_source(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def _read_metadata(folder: Path, warnings: list[str]) -> dict[str, dict[str, object]]:
    path = folder / METADATA_FILE
    if not path.exists():
        return {}
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        warnings.append(f"{path}: unreadable metadata ({exc}); inferring from the texts")
        return {}
    if not isinstance(entries, dict):
        warnings.append(f"{path}: expected an object keyed by file name; inferring from the texts")
        return {}
    return {str(k): v for k, v in entries.items() if isinstance(v, dict)}


def _iso_date(day: str, month: str, year: str) -> str:
    return f"{year}-{_MONTHS.index(month.lower()) + 1:02d}-{int(day):02d}"


def infer_meta(doc_id: str, source: str, text: str) -> DocumentMeta:
    """Best guesses from the text itself, each field named in `inferred`."""
    head = text[:3000]
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), doc_id)
    published = re.search(r"published:?\s*" + _DATE.pattern, head, re.IGNORECASE)
    any_date = published or _DATE.search(head)
    date = _iso_date(*any_date.groups()[-3:]) if any_date else ""
    if not date and (year := re.search(r"\b(?:19|20)\d\d\b", head)):
        date = year.group(0)
    is_ofsted = "ofsted.gov.uk" in text or "Majesty's Inspector" in text
    return DocumentMeta(
        doc_id=doc_id,
        source=source,
        title=first_line[:150],
        publisher="Ofsted" if is_ofsted else "unknown",
        kind="document",
        date=date,
        inferred=("title", "publisher", "kind", "date"),
    )


def _meta_from_entry(doc_id: str, source: str, text: str, entry: dict[str, object]) -> DocumentMeta:
    guessed = infer_meta(doc_id, source, text)
    given = {k: str(v) for k, v in entry.items() if v is not None}
    raw_period = entry.get("period")
    period = raw_period if isinstance(raw_period, dict) else {}
    inferred = tuple(f for f in guessed.inferred if not given.get(f))
    kind = given.get("kind", guessed.kind)
    return DocumentMeta(
        doc_id=doc_id,
        source=source,
        title=given.get("title") or guessed.title,
        publisher=given.get("publisher") or guessed.publisher,
        kind=kind if kind in KINDS else "document",
        date=given.get("date") or guessed.date,
        period_start=str(period.get("start") or ""),
        period_end=str(period.get("end") or ""),
        url=given.get("url", ""),
        inferred=inferred,
    )


def _problem(path: Path) -> str | None:
    """Why a file cannot be indexed, or None when it can."""
    size = path.stat().st_size
    if size == 0:
        return "empty file"
    if size > MAX_FILE_BYTES:
        return f"too large ({size // (1024 * 1024)} MiB > {MAX_FILE_BYTES // (1024 * 1024)} MiB)"
    with path.open("rb") as handle:
        if b"\x00" in handle.read(8192):
            return "binary file"
    return None


def discover_files(folders: list[Path]) -> list[Path]:
    files = []
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES:
                files.append(path)
    return files


def load_documents(folders: list[Path], root: Path) -> LoadResult:
    """Read every document under `folders`; problems become warnings, never a failed build."""
    documents: list[Document] = []
    warnings: list[str] = []
    encodings: dict[str, str] = {}
    seen: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            warnings.append(f"{folder}: not a folder; skipped")
            continue
        metadata = _read_metadata(folder, warnings)
        for path in discover_files([folder]):
            doc_id = path.stem
            if doc_id in seen:
                warnings.append(f"{path}: same name as {seen[doc_id]}; skipped")
                continue
            try:
                problem = _problem(path)
                text, encoding = read_source_text(path) if problem is None else ("", "")
            except OSError as exc:
                problem = f"unreadable ({exc.strerror or exc})"
            if problem is None and not text.strip():
                problem = "no text"
            if problem is not None:
                warnings.append(f"{path}: {problem}; skipped")
                continue
            if encoding != "utf-8":
                warnings.append(f"{path}: not UTF-8; decoded as {encoding}")
            source = _relative_source(path, root)
            entry = metadata.get(path.name)
            meta = (
                _meta_from_entry(doc_id, source, text, entry)
                if entry
                else infer_meta(doc_id, source, text)
            )
            seen[doc_id] = path
            encodings[doc_id] = encoding
            documents.append(Document(meta=meta, text=text, content_hash=content_hash(text)))
    return LoadResult(documents=documents, warnings=warnings, encodings=encodings)
