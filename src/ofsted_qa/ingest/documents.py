"""Source documents: reading files safely and attaching their metadata.

Which files are documents is `discovery`; their `metadata.json` (beside them keyed by file name,
or in the document folder keyed by the path inside it) is read and validated by `metadata`. A
document without an entry still indexes: its title, date and publisher are inferred from its
text and marked so.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ofsted_qa.ingest.discovery import discover
from ofsted_qa.ingest.metadata import KINDS as KINDS  # re-exported: the one list of kinds
from ofsted_qa.ingest.metadata import Entry, MetadataLookup

MAX_FILE_BYTES = 20 * 1024 * 1024

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
    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)  # doc id -> (size, mtime)
    skipped: dict[str, tuple[int, int]] = field(default_factory=dict)  # unindexable files too


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


def relative_source(path: Path, root: Path) -> str:
    """The file as cited: relative to the project root when inside it, else absolute."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def _iso_date(day: str, month: str, year: str) -> str:
    return f"{year}-{_MONTHS.index(month.lower()) + 1:02d}-{int(day):02d}"


def infer_meta(doc_id: str, source: str, text: str) -> DocumentMeta:
    """Best guesses from the text itself, each field named in `inferred`."""
    head = text[:3000]
    # A byte-order mark is not part of the title (a citation carrying one is never found again).
    lines = (line.strip().lstrip("\ufeff").strip() for line in text.splitlines())
    first_line = next((line for line in lines if line), doc_id)
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


def _meta_from_entry(doc_id: str, source: str, text: str, entry: Entry) -> DocumentMeta:
    """Given fields win; the rest (and any field the validation refused) are inferred."""
    guessed = infer_meta(doc_id, source, text)
    given = dict(entry.text, kind=entry.kind, date=entry.date)
    return DocumentMeta(
        doc_id=doc_id,
        source=source,
        title=given.get("title") or guessed.title,
        publisher=given.get("publisher") or guessed.publisher,
        kind=entry.kind or guessed.kind,
        date=entry.date or guessed.date,
        period_start=entry.period[0],
        period_end=entry.period[1],
        url=given.get("url", ""),
        inferred=tuple(f for f in guessed.inferred if not given.get(f)),
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


def file_stamp(path: Path) -> tuple[int, int]:
    """Size and modification time: what the freshness check compares before hashing."""
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def _read(path: Path) -> tuple[str, str, str | None]:
    """(text, encoding, None) or ("", "", why the file cannot be indexed)."""
    try:
        problem = _problem(path)
        if problem is not None:
            return "", "", problem
        text, encoding = read_source_text(path)
    except OSError as exc:
        return "", "", f"unreadable ({exc.strerror or exc})"
    return (text, encoding, None) if text.strip() else ("", "", "no text")


def load_documents(folders: list[Path], root: Path) -> LoadResult:
    """Read every document under `folders`; problems become warnings, never a failed build."""
    found = discover(folders)
    warnings = list(found.skipped)
    documents: list[Document] = []
    encodings: dict[str, str] = {}
    stamps: dict[str, tuple[int, int]] = {}
    left_out: dict[str, tuple[int, int]] = {}
    metadata = MetadataLookup(warnings)
    for item in found.files:
        try:
            stamp = file_stamp(item.path)
        except OSError as exc:
            warnings.append(f"{item.path}: unreadable ({exc.strerror or exc}); skipped")
            continue
        text, encoding, problem = _read(item.path)
        if problem is not None:
            # Remembered with its size and time, so an unchanged bad file never makes the
            # index look stale (and is not re-read on every question).
            warnings.append(f"{item.path}: {problem}; skipped")
            left_out[item.doc_id] = stamp
            continue
        if encoding != "utf-8":
            warnings.append(f"{item.path}: not UTF-8; decoded as {encoding}")
        entry = metadata.entry(item.path, item.folder)
        source = relative_source(item.path, root)
        meta = (
            _meta_from_entry(item.doc_id, source, text, entry)
            if entry
            else infer_meta(item.doc_id, source, text)
        )
        encodings[item.doc_id] = encoding
        stamps[item.doc_id] = stamp
        documents.append(Document(meta=meta, text=text, content_hash=content_hash(text)))
    warnings.extend(metadata.unused())
    return LoadResult(documents, warnings, encodings, stamps, left_out)
