"""What a build takes from the previous generation besides vectors: each kept passage's BM25
terms and the vocabulary's counts, so adding one report to 58,000 passages tokenizes that
report's passages, not every passage.

A build lists its passages as segments, each either new (cut by this build) or a range of the
previous generation's rows (a document kept as it was). Both results are exactly what a build
from nothing would give (tests/test_incremental.py holds them to that).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ofsted_qa.index.generations import LEXICAL_DIR, IndexBundle
from ofsted_qa.index.lexical_index import LexicalIndex, terms
from ofsted_qa.index.passage_terms import PassageTerms
from ofsted_qa.index.vocabulary import VOCABULARY_FILE, Vocabulary
from ofsted_qa.ingest.chunking import Chunk


@dataclass(frozen=True)
class Segment:
    """Passages `start`..`stop` of a build, new (`previous_rows` None) or the previous
    generation's rows `previous_rows`, in the same order."""

    start: int
    stop: int
    previous_rows: range | None = None


def lexical_index(
    chunks: Sequence[Chunk], segments: Sequence[Segment], previous: IndexBundle | None
) -> LexicalIndex:
    """BM25 over `chunks`' embedding texts, tokenizing only passages the previous generation
    did not keep terms for."""
    earlier = PassageTerms.load(previous.folder / LEXICAL_DIR) if previous else None
    if earlier is not None and previous is not None and len(earlier) != len(previous.store):
        earlier = None  # not this generation's passages: tokenize afresh
    parts: list[list[Sequence[str]] | tuple[PassageTerms, range]] = []
    for segment in segments:
        if earlier is not None and segment.previous_rows is not None:
            parts.append((earlier, segment.previous_rows))
        else:
            parts.append([terms(c.embedding_text) for c in chunks[segment.start : segment.stop]])
    return LexicalIndex.from_terms(PassageTerms.assemble(parts))


def vocabulary(
    chunks: Sequence[Chunk], segments: Sequence[Segment], previous: IndexBundle | None
) -> Vocabulary:
    """The vocabulary of `chunks`: the previous generation's, less the passages this build
    dropped and plus the ones it cut, when that is less work than counting every passage."""
    kept = [s.previous_rows for s in segments if s.previous_rows is not None]
    if previous is None or not kept:
        return Vocabulary.of(chunks)
    kept_rows = set().union(*kept)
    dropped = [previous.store.get(i) for i in range(len(previous.store)) if i not in kept_rows]
    added = [c for s in segments if s.previous_rows is None for c in chunks[s.start : s.stop]]
    if len(dropped) + len(added) >= len(chunks):
        return Vocabulary.of(chunks)
    try:
        saved = VOCABULARY_FILE in previous.manifest.files
        before = Vocabulary.load(previous.folder) if saved else None
    except (OSError, ValueError, KeyError, TypeError):
        before = None  # damaged: count afresh, which gives the same result
    if before is None or not before.updatable:
        return Vocabulary.of(chunks)
    return before.updated(added, dropped)
