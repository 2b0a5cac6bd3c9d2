"""Source documents: reading files safely and attaching their metadata.

Which files are documents is `discovery`; each is read by the reader its content calls for
(`readers`: text, PDF, web page, Word), once, through a cache keyed by its bytes (`extract_cache`),
on every core (`reading`). Their `metadata.json` (beside them keyed by file name, or in the
document folder keyed by the path inside it) is read and validated by `metadata`, and wins field
by field over what a report states about itself (`report_meta`: council, kind, dates, judgements);
what neither gives is inferred from the text and marked so.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ofsted_qa.ingest.discovery import discover
from ofsted_qa.ingest.extract_cache import ExtractCache
from ofsted_qa.ingest.facts import Judgement, ReportFacts
from ofsted_qa.ingest.metadata import KINDS as KINDS  # re-exported: the one list of kinds
from ofsted_qa.ingest.metadata import Entry, MetadataLookup
from ofsted_qa.ingest.readers import ReadText, format_of
from ofsted_qa.ingest.reading import Advance, read_all
from ofsted_qa.ingest.report_meta import describe

MAX_FILE_BYTES = 20 * 1024 * 1024  # plain text; larger is a log or a dump, not a document
# PDFs, web pages and Word files carry images and fonts: a 500-page report is well under this.
MAX_PACKAGED_BYTES = 200 * 1024 * 1024

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
    # What an Ofsted report states about itself (empty for other documents).
    local_authority: str = ""
    framework: str = ""
    lead_inspector: str = ""
    judgements: tuple[Judgement, ...] = ()
    # Offset in the document's text where page 1, 2, ... begins; empty for unpaged text.
    page_starts: tuple[int, ...] = ()

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
    extract_keys: dict[str, str] = field(default_factory=dict)  # doc id -> its cache entry


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


def _meta(
    doc_id: str, source: str, read: ReadText, entry: Entry | None, path: Path
) -> DocumentMeta:
    """Given fields win, then what the document states about itself (a report's cover, a web
    page's or Word file's own metadata); the rest (and any field the validation refused) are
    inferred from the text and named in `inferred`."""
    guessed = infer_meta(doc_id, source, read.text)
    own = describe(read, path)
    entry = entry or Entry()
    given = dict(entry.text, kind=entry.kind, date=entry.date)
    stated = {f for f in ("title", "publisher", "kind", "date") if getattr(own, f)}
    period = entry.period if any(entry.period) else (own.period_start, own.period_end)
    facts: ReportFacts | None = read.facts
    return DocumentMeta(
        doc_id=doc_id,
        source=source,
        title=given.get("title") or own.title or guessed.title,
        publisher=given.get("publisher") or own.publisher or guessed.publisher,
        kind=entry.kind or own.kind or guessed.kind,
        date=entry.date or own.date or guessed.date,
        period_start=period[0],
        period_end=period[1],
        url=given.get("url", ""),
        inferred=tuple(f for f in guessed.inferred if not given.get(f) and f not in stated),
        local_authority=given.get("local_authority")
        or ((facts.local_authority or "") if facts else ""),
        framework=facts.framework if facts and facts.framework != "unknown" else "",
        lead_inspector=(facts.lead_inspector or "") if facts else "",
        judgements=facts.judgements if facts else (),
        page_starts=read.page_starts,
    )


def _problem(path: Path) -> str | None:
    """Why a file cannot be indexed before any reader opens it, or None. Raises OSError."""
    size = path.stat().st_size
    if size == 0:
        return "empty file"
    text = format_of(path) in (None, "text")
    limit = MAX_FILE_BYTES if text else MAX_PACKAGED_BYTES
    if size > limit:
        return f"too large ({size // (1024 * 1024)} MiB > {limit // (1024 * 1024)} MiB)"
    if text:
        with path.open("rb") as handle:
            if b"\x00" in handle.read(8192):
                return "binary file"
    return None


def file_stamp(path: Path) -> tuple[int, int]:
    """Size and modification time: what the freshness check compares before hashing."""
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def load_documents(
    folders: list[Path],
    root: Path,
    *,
    cache: ExtractCache | None = None,
    workers: int | None = None,
    progress: Callable[[int], Advance] | None = None,
) -> LoadResult:
    """Read every document under `folders`; problems become warnings, never a failed build.

    `cache` keeps what the readers recovered (without one each file is read afresh); `workers`
    processes read the uncached files (default: every core); `progress(files)` is called once
    the files are known and returns `advance`, called with 1 as each file is read.
    """
    found = discover(folders)
    advance = progress(len(found.files)) if progress else None
    warnings = list(found.skipped)
    metadata = MetadataLookup(warnings)
    result = LoadResult([], warnings)
    readable = []
    for item in found.files:
        try:
            stamp = file_stamp(item.path)
            problem = _problem(item.path)
        except OSError as exc:
            warnings.append(f"{item.path}: unreadable ({exc.strerror or exc}); skipped")
            continue
        if problem is not None:
            # Remembered with its size and time, so an unchanged bad file never makes the
            # index look stale (and is not re-read on every question).
            warnings.append(f"{item.path}: {problem}; skipped")
            result.skipped[item.doc_id] = stamp
            if advance:
                advance(1)
            continue
        result.stamps[item.doc_id] = stamp
        readable.append(item)
    outcomes = read_all([i.path for i in readable], cache, workers=workers, advance=advance)
    for item, outcome in zip(readable, outcomes, strict=True):
        read = outcome.read
        if read is None or not read.text.strip():
            warnings.append(f"{item.path}: {outcome.problem or 'no text'}; skipped")
            result.skipped[item.doc_id] = result.stamps.pop(item.doc_id)
            continue
        if read.encoding == "cp1252":
            warnings.append(f"{item.path}: not UTF-8; decoded as cp1252")
        source = relative_source(item.path, root)
        meta = _meta(item.doc_id, source, read, metadata.entry(item.path, item.folder), item.path)
        result.encodings[item.doc_id] = read.encoding
        result.extract_keys[item.doc_id] = outcome.key
        result.documents.append(Document(meta, read.text, content_hash(read.text)))
    warnings.extend(metadata.unused())
    return result
