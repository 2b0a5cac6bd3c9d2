"""A vector for every passage lacking one, as cheaply as it can be had: the previous index's
where it embedded the same text (same model, same text, same vector), then an interrupted
build's (`vector_cache`), else the model's, each distinct text once, saved slice by slice so a
killed build resumes."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ofsted_qa.index.embedding import ModelSource
from ofsted_qa.index.generations import IndexBundle
from ofsted_qa.index.vector_cache import VectorCache, text_key
from ofsted_qa.ingest.chunking import Chunk

# Texts embedded between two saves of finished vectors: a killed build loses at most this many
# (about half a minute of embedding on two cores).
RESUME_SLICE = 2048


def fill_vectors(
    chunks: Sequence[Chunk],
    vectors: list[np.ndarray | None],
    previous: IndexBundle | None,
    model: ModelSource,
    progress: Callable[[int], Callable[[int], None]] | None,
    resume: VectorCache,
) -> int:
    """A vector for every passage lacking one, by distinct text: the previous index's where it
    embedded the same text (same model, same text, same vector), then an interrupted build's,
    else the model's, each text once, saved slice by slice so a killed build resumes. Returns
    how many texts the model embedded."""
    todo: dict[str, list[int]] = {}
    for i, vector in enumerate(vectors):
        if vector is None:
            todo.setdefault(chunks[i].embedding_text, []).append(i)
    if previous is not None:
        _take_previous(todo, vectors, previous)
    keys = {text: text_key(text) for text in todo}
    saved = resume.load(keys.values())
    for text in [t for t in todo if keys[t] in saved]:
        _assign(vectors, todo.pop(text), saved[keys[text]])
    if not todo:
        return 0
    embedder = model.document_embedder()
    on_progress = progress(len(todo)) if progress else None
    texts = list(todo)
    for begin in range(0, len(texts), RESUME_SLICE):
        batch = texts[begin : begin + RESUME_SLICE]
        embedded = embedder.embed_documents(batch, on_progress=on_progress)
        resume.save([keys[t] for t in batch], embedded)
        for text, vector in zip(batch, embedded, strict=True):
            _assign(vectors, todo[text], vector)
    return len(texts)


def _assign(vectors: list[np.ndarray | None], positions: list[int], vector: np.ndarray) -> None:
    for i in positions:
        vectors[i] = vector


def _take_previous(
    todo: dict[str, list[int]], vectors: list[np.ndarray | None], previous: IndexBundle
) -> None:
    """Texts the previous index embedded take its vector and leave `todo`."""
    for i, chunk in enumerate(previous.store):
        if not todo:
            return
        positions = todo.pop(chunk.embedding_text, [])
        if positions:
            _assign(vectors, positions, np.array(previous.vectors[i]))
