"""What a question reads of the index once and keeps: each store's judgement rows, the texts a
question's candidate tests share, and the lexical candidates taken among the passages that
score. Each is kept per store (never across stores) and gives what working it out again gives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from ofsted_qa.index.store import ChunkStore
from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.retrieval import scoring
from ofsted_qa.retrieval.boosts import ChunkFacts
from ofsted_qa.retrieval.judgements import report_rows
from test_judgement_rows import CHUNKS, SIF


class CountingStore(ChunkStore):
    """A store that counts its passage reads."""

    def __init__(self, chunks: Sequence[Chunk], documents: dict) -> None:
        super().__init__(chunks, documents)
        self.reads = 0
        self.text_reads = 0

    def get(self, chunk_id: int) -> Chunk:
        self.reads += 1
        return super().get(chunk_id)

    def texts(self, chunk_ids: Sequence[int]) -> list[str]:
        self.text_reads += 1
        return super().texts(chunk_ids)


def test_a_reports_judgement_rows_read_its_passages_once_per_store() -> None:
    store = CountingStore(CHUNKS, {"sif": SIF})
    first = report_rows(store, SIF)
    assert store.reads  # the rows cite the passage stating each grade
    reads = store.reads
    assert report_rows(store, SIF) == first
    assert report_rows(store, SIF, areas=("lscb",)) == tuple(r for r in first if r.area == "lscb")
    assert store.reads == reads


def test_judgement_rows_are_never_shared_between_stores() -> None:
    moved = [replace(c, paragraph="¶9") if "LSCB is inadequate" in c.text else c for c in CHUNKS]
    (lscb,) = report_rows(ChunkStore(CHUNKS, {"sif": SIF}), SIF, areas=("lscb",))
    (other,) = report_rows(ChunkStore(moved, {"sif": SIF}), SIF, areas=("lscb",))
    assert (lscb.ref, other.ref) == ("sif#u3", "sif#u9")


def test_a_report_with_other_facts_gets_rows_of_its_own() -> None:
    store = ChunkStore(CHUNKS, {"sif": SIF})
    (paged,) = report_rows(store, SIF, areas=("lscb",))
    (unpaged,) = report_rows(store, replace(SIF, page_starts=()), areas=("lscb",))
    assert paged.citation.endswith("p. 2") and unpaged.citation.endswith("judgements")


def test_a_questions_tests_read_the_candidates_texts_once() -> None:
    store = CountingStore(CHUNKS, {"sif": SIF})
    facts = ChunkFacts(store)
    candidates = np.array([0, 2, 3])
    names_lscb = facts.marks(candidates, "lscb", lambda t: "LSCB" in t)
    leaders = facts.marks(candidates, "leaders", lambda t: t.startswith("Leaders"))
    assert names_lscb.tolist() == [0, 1, 0] and leaders.tolist() == [0, 0, 1]
    assert store.text_reads == 1
    assert facts.marks(np.array([1, 2]), "lscb", lambda t: "LSCB" in t).tolist() == [0, 1]
    assert store.text_reads == 2  # only passage 1 was new


def _old_lexical_candidates(scores: np.ndarray, allowed: np.ndarray | None) -> np.ndarray:
    """The candidates as taken before: the top over every passage, then the zeros dropped."""
    masked = scores if allowed is None else np.where(allowed, scores, 0)
    top = np.argsort(-masked, kind="stable")[: scoring.CANDIDATES]
    return np.sort(top[masked[top] > 0])


@pytest.mark.parametrize("seed", range(20))
def test_lexical_candidates_are_the_top_of_those_that_score(seed: int) -> None:
    rng = np.random.default_rng(seed)
    size = int(rng.integers(1, 3000))
    # few distinct values: many ties, at the cut too; most passages score nothing
    scores = rng.integers(0, 6, size).astype(np.float32) * (rng.random(size) < rng.random())
    allowed = rng.random(size) < 0.5 if seed % 2 else None
    got = scoring.candidates(None, scores, None, allowed)  # type: ignore[arg-type]
    assert got.tolist() == _old_lexical_candidates(scores, allowed).tolist()
