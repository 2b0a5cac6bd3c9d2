"""Build the index incrementally: unchanged documents keep their chunks and vectors, and any
other passage whose text the previous index embedded takes that vector (the paragraphs an edit
left alone, boilerplate a new report shares with an indexed one). The model sees each remaining
distinct text once (a quote carried by two articles)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index import generations, incremental
from ofsted_qa.index.dense_index import DenseIndex
from ofsted_qa.index.embedding import ModelSource
from ofsted_qa.index.freshness import doc_dir_names, meta_hash, metadata_hashes
from ofsted_qa.index.generations import IndexBundle
from ofsted_qa.index.incremental import Segment
from ofsted_qa.index.locking import build_lock
from ofsted_qa.index.manifest import (
    FORMAT_VERSION,
    MANIFEST_FILE,
    VECTORS_REUSABLE_FROM,
    DocRecord,
    Manifest,
)
from ofsted_qa.index.settings import Settings
from ofsted_qa.index.store import ChunkStore
from ofsted_qa.index.typo_words import TypoWords
from ofsted_qa.index.vector_cache import VectorCache
from ofsted_qa.index.vector_fill import fill_vectors
from ofsted_qa.ingest.chunk_pool import chunk_all
from ofsted_qa.ingest.chunking import CHUNKER_VERSION, Chunk
from ofsted_qa.ingest.documents import Document, DocumentMeta, LoadResult, load_documents
from ofsted_qa.ingest.extract_cache import READERS_VERSION, ExtractCache

# A build phase's label and step count -> advance(steps done). The phases, in order:
READING = "Reading documents"
EMBEDDING = "Embedding passages"
ProgressFactory = Callable[[str, int], Callable[[int], None]]
READING_BAR_MIN_FILES = 20


@dataclass(frozen=True)
class BuildReport:
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    chunks: int = 0
    embedded: int = 0  # distinct texts the model embedded
    reused: int = 0  # passages of new or edited documents that needed no embedding of their own
    seconds: float = 0.0
    warnings: tuple[str, ...] = ()
    reason: str = ""
    published: bool = True

    def summary(self) -> str:
        if not self.published:
            return f"Index up to date: {len(self.unchanged)} documents, {self.chunks} passages."
        return (
            f"Indexed {len(self.added) + len(self.changed) + len(self.unchanged)} documents, "
            f"{self.chunks} passages in {self.seconds:.1f}s: {len(self.added)} added, "
            f"{len(self.changed)} changed, {len(self.removed)} removed, "
            f"{len(self.unchanged)} unchanged; {self.embedded} "
            f"passage{'' if self.embedded == 1 else 's'} embedded"
            + (f", {self.reused} reused from identical text" if self.reused else "")
            + (f" ({self.reason})" if self.reason else "")
            + "."
        )


def _previous(settings: Settings, model: ModelSource, rebuild: bool) -> IndexBundle | None:
    """The live index when its vectors can be reused by this build: a format that still reads
    (`VECTORS_REUSABLE_FROM`) and the same model weights (a vector depends only on the weights
    and the text, so a new chunker or format still takes the vector of every passage whose text
    it leaves as it was)."""
    if rebuild:
        return None
    try:
        bundle = generations.load_current(settings.index_dir)
    except OfstedQAError:
        return None
    m = bundle.manifest
    compatible = (
        VECTORS_REUSABLE_FROM <= m.format_version <= FORMAT_VERSION
        and m.model_fingerprint == model.fingerprint
    )
    return bundle if compatible else None


def _same_chunking(previous: IndexBundle, model: ModelSource) -> bool:
    """The previous index's passages are what this build's chunker would cut."""
    m = previous.manifest
    return m.chunker_version == CHUNKER_VERSION and m.chunker_max_tokens == model.max_tokens


@dataclass
class _Plan:
    chunks: list[Chunk] = field(default_factory=list)
    vectors: list[np.ndarray | None] = field(default_factory=list)
    records: list[DocRecord] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    fresh: int = 0  # passages of new or edited documents
    segments: list[Segment] = field(default_factory=list)  # where each run of passages came from


def _record(doc: Document, stamp: tuple[int, int], chunks: int) -> DocRecord:
    """The size and time are those of the file this document was read from (never another
    file that would share its name)."""
    size, mtime_ns = stamp
    return DocRecord(
        doc.meta.doc_id,
        doc.meta.source,
        doc.content_hash,
        meta_hash(doc.meta),
        size,
        mtime_ns,
        chunks,
    )


def _plan(loaded: LoadResult, previous: IndexBundle | None, model: ModelSource) -> _Plan:
    """Reuse the chunks and vectors of unchanged documents; chunk the others afresh, on every
    core."""
    plan = _Plan()
    documents = loaded.documents
    keep_chunks = previous is not None and _same_chunking(previous, model)
    olds = {d.meta.doc_id: previous.manifest.record(d.meta.doc_id) if previous else None
            for d in documents}  # fmt: skip

    def unchanged(doc: Document) -> bool:
        old = olds[doc.meta.doc_id]
        return bool(
            keep_chunks
            and old
            and old.content_hash == doc.content_hash
            and old.source == doc.meta.source
        )

    fresh = [d for d in documents if not unchanged(d)]
    cut = chunk_all(
        [(d.text, d.meta.doc_id) for d in fresh],
        max_tokens=model.max_tokens,
        count_tokens=model.count_tokens,
    )
    new_chunks = {d.meta.doc_id: chunks for d, chunks in zip(fresh, cut, strict=True)}
    for doc in documents:
        doc_id = doc.meta.doc_id
        if doc_id not in new_chunks and previous is not None:
            ids = previous.store.doc_range(doc_id)
            plan.segments.append(Segment(len(plan.chunks), len(plan.chunks) + len(ids), ids))
            plan.chunks.extend(previous.store.get(i) for i in ids)
            # Row views of the previous vectors: copied once, by the stack in _write.
            plan.vectors.extend(previous.vectors[ids.start : ids.stop])
            plan.unchanged.append(doc_id)
            count = len(ids)
        else:
            chunks = new_chunks[doc_id]
            plan.segments.append(Segment(len(plan.chunks), len(plan.chunks) + len(chunks)))
            plan.chunks.extend(chunks)
            plan.vectors.extend([None] * len(chunks))
            plan.fresh += len(chunks)
            (plan.changed if olds[doc_id] else plan.added).append(doc_id)
            count = len(chunks)
        plan.records.append(_record(doc, loaded.stamps[doc_id], count))
    if previous:
        known = {d.meta.doc_id for d in documents}
        plan.removed = [r.doc_id for r in previous.manifest.documents if r.doc_id not in known]
    return plan


def _nothing_to_do(
    plan: _Plan, previous: IndexBundle | None, settings: Settings, loaded: LoadResult
) -> bool:
    return (
        previous is not None
        and previous.manifest.format_version == FORMAT_VERSION
        and previous.manifest.readers_version == READERS_VERSION
        and not (plan.added or plan.changed or plan.removed)
        and all(previous.manifest.record(r.doc_id) == r for r in plan.records)
        and previous.manifest.skipped == loaded.skipped
        and previous.manifest.doc_dirs == doc_dir_names(settings)
        and previous.manifest.dense_kind == settings.dense_kind
        and previous.manifest.metadata_files == metadata_hashes(settings)
    )


def build_index(
    settings: Settings,
    model: ModelSource,
    *,
    rebuild: bool = False,
    progress: ProgressFactory | None = None,
    force_publish: bool = False,
) -> BuildReport:
    """Index `settings.doc_dirs` into `settings.index_dir`; the old index survives any failure."""
    started = time.perf_counter()
    with build_lock(settings.index_dir):
        generations.remove_abandoned_builds(settings.index_dir)
        cache = ExtractCache(settings.extracted_dir)
        loaded = load_documents(
            list(settings.doc_dirs),
            settings.root,
            cache=cache,
            progress=_phase(progress, READING, READING_BAR_MIN_FILES),
        )
        if not loaded.documents:
            why = "; ".join(loaded.warnings[:3]) + (" ..." if len(loaded.warnings) > 3 else "")
            raise OfstedQAError(
                "No readable documents to index in "
                + ", ".join(map(str, settings.doc_dirs))
                + (f" ({why})" if why else ""),
                hint="add .txt or .md files, or pass --docs DIR",
            )
        previous = _previous(settings, model, rebuild)
        plan = _plan(loaded, previous, model)
        if not force_publish and _nothing_to_do(plan, previous, settings, loaded):
            return BuildReport(
                unchanged=tuple(plan.unchanged),
                chunks=len(plan.chunks),
                warnings=tuple(loaded.warnings),
                published=False,
            )
        if not plan.chunks:
            raise OfstedQAError("The documents contain no passages to index")
        resume = VectorCache(settings.index_dir, model.fingerprint)
        embedded = fill_vectors(
            plan.chunks, plan.vectors, previous, model, _phase(progress, EMBEDDING), resume
        )
        generations.publish(settings.index_dir, _write(settings, model, plan, loaded, previous))
        resume.clear()
        cache.prune(loaded.extract_keys.values())
    return BuildReport(
        added=tuple(plan.added),
        changed=tuple(plan.changed),
        removed=tuple(plan.removed),
        unchanged=tuple(plan.unchanged),
        chunks=len(plan.chunks),
        embedded=embedded,
        reused=plan.fresh - embedded,
        seconds=time.perf_counter() - started,
        warnings=tuple(loaded.warnings),
        reason="full rebuild" if rebuild else ("" if previous else "no reusable index"),
    )


def _phase(
    progress: ProgressFactory | None, label: str, shown_above: int = 0
) -> Callable[[int], Callable[[int], None]] | None:
    """One phase's bar, started once its size is known; shown only above `shown_above` steps
    (reading a handful of files needs no bar)."""
    if progress is None:
        return None

    def start(total: int) -> Callable[[int], None]:
        return progress(label, total) if total > shown_above else lambda _n: None

    return start


def _write(
    settings: Settings,
    model: ModelSource,
    plan: _Plan,
    loaded: LoadResult,
    previous: IndexBundle | None,
) -> Path:
    metas: dict[str, DocumentMeta] = {d.meta.doc_id: d.meta for d in loaded.documents}
    folder = generations.new_build_dir(settings.index_dir)
    vectors = np.vstack([v for v in plan.vectors if v is not None]).astype(np.float32)
    # IVF-PQ quantisers trained by an earlier build are reused (training takes minutes).
    dense = DenseIndex.build(vectors, settings.dense_kind, previous.dense if previous else None)
    # BM25 terms and vocabulary counts of kept passages come from the previous generation.
    lexical = incremental.lexical_index(plan.chunks, plan.segments, previous)
    vocabulary = incremental.vocabulary(plan.chunks, plan.segments, previous)
    generations.write_parts(
        folder, ChunkStore(plan.chunks, metas), vectors, dense, lexical, vocabulary
    )
    TypoWords.of(vocabulary.counts).save(folder)  # 0.02 s: rebuilt, never patched
    manifest = Manifest(
        format_version=FORMAT_VERSION,
        model_name=model.name,
        model_fingerprint=model.fingerprint,
        dimension=int(vectors.shape[1]),
        chunker_version=CHUNKER_VERSION,
        chunker_max_tokens=model.max_tokens,
        dense_kind=dense.kind,
        doc_dirs=doc_dir_names(settings),
        documents=tuple(plan.records),
        chunk_count=len(plan.chunks),
        created=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        files=generations.file_sizes(folder),
        metadata_files=metadata_hashes(settings),
        checksums=generations.file_checksums(folder),
        skipped=loaded.skipped,
        readers_version=READERS_VERSION,
    )
    # The manifest goes last: a folder without one is never mistaken for a finished build.
    (folder / MANIFEST_FILE).write_text(manifest.to_json(), encoding="utf-8")
    return folder
