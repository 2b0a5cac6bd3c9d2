"""A report's cover lines give way unless the question asks what they say."""

from __future__ import annotations

import numpy as np
import pytest

from ofsted_qa.index.store import ChunkStore
from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.retrieval import furniture
from ofsted_qa.retrieval.boosts import ChunkFacts
from ofsted_qa.retrieval.query import interpret

TEXTS = [
    "Inspection dates: 11 to 22 May 2026",
    "Lead inspector: David Cohen, His Majesty’s Inspector",
    "Report published: 16 May 2016",
    "The inspection dates were agreed with leaders, who said: 'we were ready'. " * 3,
    "Services for children in Luton are inadequate.",
]


def _facts() -> ChunkFacts:
    meta = DocumentMeta("d", "d", "d", "Ofsted", "inspection report", "2026-07-07")
    chunks = [Chunk("d", n, str(n), (), 0, len(t), t) for n, t in enumerate(TEXTS)]
    return ChunkFacts(ChunkStore(chunks, {"d": meta}))


def test_cover_lines_give_way_to_a_question_that_does_not_ask_for_them() -> None:
    penalty = furniture.penalty(_facts(), np.arange(len(TEXTS)), interpret("Luton ofsted 2026"))
    assert penalty.tolist() == pytest.approx([-furniture.FURNITURE_PENALTY] * 3 + [0, 0])


@pytest.mark.parametrize(
    "question",
    ["when was Luton inspected", "who was the lead inspector", "Luton inspection dates 2026"],
)
def test_a_question_asking_what_a_cover_line_says_keeps_it(question: str) -> None:
    penalty = furniture.penalty(_facts(), np.arange(len(TEXTS)), interpret(question))
    assert not penalty.any()
