"""The chunk store's SQLite file: written once by a build, then only read, by primary key.

Opened read-only and immutable (a published generation never changes), from any thread: the
TUI searches off its app thread, so one connection is shared under a lock. Any SQLite error
while reading means the file is not what the build wrote, and is reported as a damaged index.
"""

from __future__ import annotations

import json
import operator
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, overload

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.ingest.documents import DocumentMeta

STORE_FILE = "chunks.sqlite"
# Passages kept decoded: a question reads a few hundred (candidates, hits, their neighbours).
CACHED_PASSAGES = 8192
_FETCH = 4096  # rows per fetch when walking every passage
_BATCH = 500  # ids per query when reading many (SQLite's old limit is 999 parameters)

_SCHEMA = """
CREATE TABLE facts (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE documents (
    position INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE,
    first INTEGER NOT NULL, stop INTEGER NOT NULL, meta TEXT NOT NULL);
CREATE TABLE chunks (
    id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, ordinal INTEGER NOT NULL,
    paragraph TEXT NOT NULL, section TEXT NOT NULL, start INTEGER NOT NULL,
    stop INTEGER NOT NULL, text TEXT NOT NULL, context TEXT NOT NULL);
CREATE TABLE ordinary_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
"""
_COLUMNS = "doc, ordinal, paragraph, section, start, stop, text, context"


def damaged(exc: Exception | str) -> OfstedQAError:
    """The error for a store file that cannot be read as the build wrote it."""
    return OfstedQAError(
        f"The index file {STORE_FILE} is damaged ({exc})", hint="run `ofsted-qa index --rebuild`"
    )


def write_store(
    path: Path,
    chunks: Sequence[Chunk],
    documents: Mapping[str, DocumentMeta],
    ranges: Mapping[str, tuple[int, int]],
    ordinary: Iterable[str],
) -> None:
    """Write a new store file. Raises KeyError for a passage of a document not in
    `documents`. Not synced here: the build syncs the whole generation before publishing."""
    position = {doc_id: i for i, doc_id in enumerate(documents)}
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode=OFF")
        connection.executescript(_SCHEMA)
        connection.executemany(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?)",
            (
                (
                    i,
                    doc_id,
                    *ranges.get(doc_id, (0, 0)),
                    json.dumps(asdict(meta), ensure_ascii=False),
                )
                for i, (doc_id, meta) in enumerate(documents.items())
            ),
        )
        connection.executemany(
            "INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (i, position[c.doc_id], c.ordinal, c.paragraph, json.dumps(c.section),
                 c.start, c.end, c.text, c.context)
                for i, c in enumerate(chunks)
            ),
        )  # fmt: skip
        connection.executemany("INSERT INTO ordinary_words VALUES (?)", ((w,) for w in ordinary))
        connection.execute("INSERT INTO facts VALUES ('passages', ?)", (len(chunks),))
        connection.commit()
    finally:
        connection.close()


class PassageDatabase:
    """A read-only store file. Raises OfstedQAError when it is missing or damaged."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise OfstedQAError(f"The index is missing {STORE_FILE}")
        self._lock = threading.Lock()
        try:
            self._connection = sqlite3.connect(
                path.resolve().as_uri() + "?mode=ro&immutable=1",
                uri=True,
                check_same_thread=False,
            )
        except sqlite3.Error as exc:
            raise damaged(exc) from exc
        (row,) = self._rows("SELECT value FROM facts WHERE name = 'passages'") or [(None,)]
        if not isinstance(row[0], int):
            raise damaged("no passage count")
        self.count: int = row[0]
        self._ordinary: dict[str, bool] = {}

    def _rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            with self._lock:
                return self._connection.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise damaged(exc) from exc

    def ranges(self) -> dict[str, tuple[int, int]]:
        """Each document's passage ids as (first, end), in document order."""
        rows = self._rows("SELECT doc_id, first, stop FROM documents ORDER BY position")
        return {doc_id: (first, stop) for doc_id, first, stop in rows}

    def documents(self) -> list[tuple[str, dict[str, Any]]]:
        """(doc id, metadata as saved) per document, in document order."""
        rows = self._rows("SELECT doc_id, meta FROM documents ORDER BY position")
        try:
            return [(doc_id, json.loads(meta)) for doc_id, meta in rows]
        except ValueError as exc:
            raise damaged(exc) from exc

    @cached_property
    def _doc_ids(self) -> list[str]:
        return list(self.ranges())

    def _chunk(self, row: tuple[Any, ...]) -> Chunk:
        doc, ordinal, paragraph, section, start, stop, text, context = row
        try:
            return Chunk(
                self._doc_ids[doc], ordinal, paragraph, tuple(json.loads(section)), start, stop,
                text, context,
            )  # fmt: skip
        except (ValueError, IndexError, TypeError) as exc:
            raise damaged(exc) from exc

    def passage(self, chunk_id: int) -> Chunk:
        rows = self._rows(f"SELECT {_COLUMNS} FROM chunks WHERE id = ?", (chunk_id,))
        if not rows:
            raise damaged(f"passage {chunk_id} is missing")
        return self._chunk(rows[0])

    def texts(self, ids: Sequence[int]) -> list[str]:
        """The texts of these passages, in the order asked, read in a few queries."""
        found: dict[int, str] = {}
        for begin in range(0, len(ids), _BATCH):
            batch = ids[begin : begin + _BATCH]
            marks = ", ".join("?" * len(batch))
            rows = self._rows(f"SELECT id, text FROM chunks WHERE id IN ({marks})", tuple(batch))
            found.update(rows)
        try:
            return [found[i] for i in ids]
        except KeyError as exc:
            raise damaged(f"passage {exc} is missing") from exc

    def shared(self, min_docs: int, min_section: int, section_share: float) -> list[int]:
        """Ids of the passages whose exact text stands in at least `min_docs` documents, and of
        those under a section heading whose passages are such, `min_section` at least and
        `section_share` of them (`ChunkStore.shared_passages`)."""
        rows = self._rows(
            "WITH s AS (SELECT text FROM chunks GROUP BY text HAVING count(DISTINCT doc) >= ?), "
            "sec AS (SELECT section FROM chunks GROUP BY section "
            "HAVING sum(text IN s) >= ? AND sum(text IN s) >= ? * count(*)) "
            "SELECT id FROM chunks WHERE text IN s OR section IN sec",
            (min_docs, min_section, section_share),
        )
        return [i for (i,) in rows]

    def passages(self) -> Iterator[Chunk]:
        """Every passage in id order, read a few thousand at a time."""
        after = -1
        while rows := self._rows(
            f"SELECT id, {_COLUMNS} FROM chunks WHERE id > ? ORDER BY id LIMIT ?", (after, _FETCH)
        ):
            yield from (self._chunk(r[1:]) for r in rows)
            after = rows[-1][0]

    def find(self, ids: range, paragraph: str) -> int | None:
        """The first id in `ids` of a passage numbered `paragraph`."""
        rows = self._rows(
            "SELECT id FROM chunks WHERE id >= ? AND id < ? AND paragraph = ? ORDER BY id LIMIT 1",
            (ids.start, ids.stop, paragraph),
        )
        return int(rows[0][0]) if rows else None

    def ordinary(self, word: str) -> bool:
        known = self._ordinary.get(word)
        if known is None:
            known = self._ordinary[word] = bool(
                self._rows("SELECT 1 FROM ordinary_words WHERE word = ?", (word,))
            )
        return known


class SqlitePassages(Sequence[Chunk]):
    """The passages of a store file as a read-only sequence, each read on first use."""

    def __init__(self, database: PassageDatabase) -> None:
        self._database = database
        self._read = lru_cache(maxsize=CACHED_PASSAGES)(database.passage)

    def __len__(self) -> int:
        return self._database.count

    @overload
    def __getitem__(self, index: int) -> Chunk: ...
    @overload
    def __getitem__(self, index: slice) -> list[Chunk]: ...
    def __getitem__(self, index: int | slice) -> Chunk | list[Chunk]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        i = operator.index(index)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(f"passage {index} out of range")
        return self._read(i)

    def __iter__(self) -> Iterator[Chunk]:
        return self._database.passages()
