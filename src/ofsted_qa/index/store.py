"""The one place that maps integer chunk ids to text, document and citation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.ingest.facts import Judgement


def chunk_to_json(chunk: Chunk) -> str:
    return json.dumps(asdict(chunk), ensure_ascii=False)


def chunk_from_json(line: str) -> Chunk:
    raw = json.loads(line)
    raw["section"] = tuple(raw["section"])
    return Chunk(**raw)


def meta_from_json(raw: dict[str, object]) -> DocumentMeta:
    """A document's metadata as documents.json stores it (lists back to tuples).

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
    """Chunks in id order, grouped by document in document order."""

    def __init__(self, chunks: list[Chunk], documents: dict[str, DocumentMeta]) -> None:
        self.chunks = chunks
        self.documents = documents
        self._doc_ranges: dict[str, tuple[int, int]] = {}
        for chunk_id, chunk in enumerate(chunks):
            first, _ = self._doc_ranges.get(chunk.doc_id, (chunk_id, chunk_id))
            self._doc_ranges[chunk.doc_id] = (first, chunk_id + 1)

    def __len__(self) -> int:
        return len(self.chunks)

    def __iter__(self) -> Iterator[Chunk]:
        return iter(self.chunks)

    def get(self, chunk_id: int) -> Chunk:
        return self.chunks[chunk_id]

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
        for chunk_id in self.doc_range(doc_id):
            if self.chunks[chunk_id].paragraph == paragraph:
                return chunk_id
        return None

    def save(self, folder: Path) -> None:
        with (folder / "chunks.jsonl").open("w", encoding="utf-8") as handle:
            for chunk in self.chunks:
                handle.write(chunk_to_json(chunk) + "\n")
        documents = {doc_id: asdict(meta) for doc_id, meta in self.documents.items()}
        (folder / "documents.json").write_text(
            json.dumps(documents, ensure_ascii=False, indent=1), encoding="utf-8"
        )

    @classmethod
    def load(cls, folder: Path) -> ChunkStore:
        with (folder / "chunks.jsonl").open(encoding="utf-8") as handle:
            chunks = [chunk_from_json(line) for line in handle if line.strip()]
        raw = json.loads((folder / "documents.json").read_text(encoding="utf-8"))
        return cls(chunks, {doc_id: meta_from_json(meta) for doc_id, meta in raw.items()})
