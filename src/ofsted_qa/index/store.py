"""The one place that maps integer chunk ids to text, document and citation.

A generation keeps its passages in one SQLite file (`chunks.sqlite`): passages by id, the
documents with the range of ids each holds, and the words the documents use as ordinary words
(`ordinary_words`). Opening it reads one row; a passage is read when asked for (a lookup by
primary key, the latest few thousand kept), the documents' metadata on first use. Indexes of
format 3 and before kept JSON Lines (`chunks.jsonl`, `documents.json`): still read whole, so a
rebuild can take their vectors.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict
from functools import cached_property
from pathlib import Path

import numpy as np

from ofsted_qa.index.ordinary_words import ordinary_words
from ofsted_qa.index.passage_db import STORE_FILE, PassageDatabase, SqlitePassages, write_store
from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.ingest.facts import Judgement

__all__ = ["STORE_FILE", "ChunkStore", "chunk_from_json", "chunk_to_json", "meta_from_json"]

LEGACY_CHUNKS = "chunks.jsonl"
LEGACY_DOCUMENTS = "documents.json"


def chunk_to_json(chunk: Chunk) -> str:
    return json.dumps(asdict(chunk), ensure_ascii=False)


def chunk_from_json(line: str) -> Chunk:
    raw = json.loads(line)
    raw["section"] = tuple(raw["section"])
    return Chunk(**raw)


def meta_from_json(raw: dict[str, object]) -> DocumentMeta:
    """A document's metadata as the store keeps it (lists back to tuples).

    Raises TypeError, KeyError or ValueError on a damaged entry."""
    fields = dict(raw)
    inferred = fields.get("inferred") or ()
    fields["inferred"] = tuple(inferred) if isinstance(inferred, list | tuple) else ()
    judgements = fields.get("judgements") or ()
    if not isinstance(judgements, list | tuple):
        raise TypeError("judgements must be a list")
    fields["judgements"] = tuple(
        Judgement(str(j["area"]), str(j["label"]), str(j["grade"]), int(j["page"]))
        for j in judgements
    )
    pages = fields.get("page_starts") or ()
    if not isinstance(pages, list | tuple):
        raise TypeError("page_starts must be a list")
    fields["page_starts"] = tuple(int(p) for p in pages)
    return DocumentMeta(**fields)  # type: ignore[arg-type]


class ChunkStore:
    """Chunks in id order, grouped by document in document order: in memory (a build, BEIR,
    tests) or read by id from a generation's SQLite file (`load`)."""

    def __init__(
        self,
        chunks: Sequence[Chunk],
        documents: Mapping[str, DocumentMeta] | None = None,
        *,
        database: PassageDatabase | None = None,
    ) -> None:
        self.chunks = chunks
        self._given = documents
        self._database = database

    def __len__(self) -> int:
        return len(self.chunks)

    def __iter__(self) -> Iterator[Chunk]:
        return iter(self.chunks)

    @cached_property
    def documents(self) -> Mapping[str, DocumentMeta]:
        """Each document's metadata by id, in document order (read on first use)."""
        if self._given is not None:
            return self._given
        assert self._database is not None
        return {doc_id: meta_from_json(raw) for doc_id, raw in self._database.documents()}

    @cached_property
    def _doc_ranges(self) -> dict[str, tuple[int, int]]:
        if self._database is not None:
            return self._database.ranges()
        ranges: dict[str, tuple[int, int]] = {}
        for chunk_id, chunk in enumerate(self.chunks):
            first, _ = ranges.get(chunk.doc_id, (chunk_id, chunk_id))
            ranges[chunk.doc_id] = (first, chunk_id + 1)
        return ranges

    def get(self, chunk_id: int) -> Chunk:
        return self.chunks[chunk_id]

    def texts(self, chunk_ids: Sequence[int]) -> list[str]:
        """The texts of these passages, in order: one read for many (candidates' marks)."""
        if self._database is not None:
            return self._database.texts(chunk_ids)
        return [self.chunks[i].text for i in chunk_ids]

    def shared_passages(
        self, min_docs: int, min_section: int = 20, section_share: float = 0.9
    ) -> np.ndarray:
        """Per passage (bool, shape (len,)): the publisher's template, the same in every report
        (licence notes, what the grades mean): its exact text stands in at least `min_docs`
        documents, or it stands under a section heading (the whole heading path) whose
        passages are such, `min_section` at least and `section_share` of them (a template's
        reworded copy: "...services in which widespread..." beside "...where there are...")."""
        shared = np.zeros(len(self), dtype=bool)
        if self._database is not None:
            shared[self._database.shared(min_docs, min_section, section_share)] = True
            return shared
        docs: dict[str, set[str]] = {}
        for chunk in self.chunks:
            docs.setdefault(chunk.text, set()).add(chunk.doc_id)
        sections: dict[tuple[str, ...], list[bool]] = {}
        for chunk_id, chunk in enumerate(self.chunks):
            shared[chunk_id] = len(docs[chunk.text]) >= min_docs
            sections.setdefault(tuple(chunk.section), []).append(bool(shared[chunk_id]))
        template = {
            s
            for s, marks in sections.items()
            if sum(marks) >= min_section and sum(marks) >= section_share * len(marks)
        }
        for chunk_id, chunk in enumerate(self.chunks):
            shared[chunk_id] |= tuple(chunk.section) in template
        return shared

    def meta(self, chunk_id: int) -> DocumentMeta:
        return self.documents[self.chunks[chunk_id].doc_id]

    def doc_range(self, doc_id: str) -> range:
        first, end = self._doc_ranges.get(doc_id, (0, 0))
        return range(first, end)

    def chunk_count(self, doc_id: str) -> int:
        return len(self.doc_range(doc_id))

    def neighbours(self, chunk_id: int, around: int = 1) -> range:
        """Ids of the passages around one, never crossing into another document."""
        doc = self.doc_range(self.chunks[chunk_id].doc_id)
        return range(max(doc.start, chunk_id - around), min(doc.stop, chunk_id + around + 1))

    def find(self, doc_id: str, paragraph: str) -> int | None:
        ids = self.doc_range(doc_id)
        if self._database is not None:
            return self._database.find(ids, paragraph)
        for chunk_id in ids:
            if self.chunks[chunk_id].paragraph == paragraph:
                return chunk_id
        return None

    @cached_property
    def document_positions(self) -> np.ndarray:
        """Per passage, its document's position in `documents` (int32, one per passage): built
        from the documents' id ranges, never by reading the passages."""
        position = {d: i for i, d in enumerate(self.documents)}
        out = np.zeros(len(self), dtype=np.int32)
        for doc_id, (first, end) in self._doc_ranges.items():
            out[first:end] = position[doc_id]
        return out

    @cached_property
    def _ordinary(self) -> set[str]:
        return ordinary_words(c.text for c in self.chunks)

    def ordinary(self, word: str) -> bool:
        """Some passage uses `word` (lower case) as an ordinary word inside a sentence
        (`ordinary_words`)."""
        if self._database is not None:
            return self._database.ordinary(word)
        return word in self._ordinary

    def save(self, folder: Path) -> None:
        """Write `chunks.sqlite` into a generation being built."""
        write_store(
            folder / STORE_FILE,
            self.chunks,
            self.documents,
            self._doc_ranges,
            ordinary_words(c.text for c in self.chunks),
        )

    @classmethod
    def load(cls, folder: Path) -> ChunkStore:
        """Open a generation's store; reads only its row count. Raises OfstedQAError when the
        file is missing or not a store; an older index's JSON Lines are read whole."""
        path = folder / STORE_FILE
        if not path.is_file() and (folder / LEGACY_CHUNKS).is_file():
            return cls._load_json_lines(folder)
        database = PassageDatabase(path)
        return cls(SqlitePassages(database), database=database)

    @classmethod
    def _load_json_lines(cls, folder: Path) -> ChunkStore:
        with (folder / LEGACY_CHUNKS).open(encoding="utf-8") as handle:
            chunks = [chunk_from_json(line) for line in handle if line.strip()]
        raw = json.loads((folder / LEGACY_DOCUMENTS).read_text(encoding="utf-8"))
        return cls(chunks, {doc_id: meta_from_json(meta) for doc_id, meta in raw.items()})
