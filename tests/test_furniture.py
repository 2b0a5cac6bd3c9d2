"""A report's cover lines give way unless the question asks what they say."""

from __future__ import annotations

from pathlib import Path

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


# The publisher's template: the same text in many reports, or a section made of it.
DEFINITION = (
    "A local authority that is inadequate is providing services where there are widespread "
    "or serious failures that create or leave children being harmed or at risk of harm."
)
REWORDED = DEFINITION.replace("where there are", "in which")
TABLE = "Judgement Grade Help and protection Good Children in care Good Overall effectiveness Good"


def _reports(n: int = 21) -> ChunkStore:
    """n reports sharing the grade definition and a judgement table; the last one's definition
    is reworded (under the same heading); each has one finding of its own."""
    chunks, documents = [], {}
    for d in range(n):
        doc = f"r{d}"
        documents[doc] = DocumentMeta(doc, doc, doc, "Ofsted", "inspection report", "2014-07-07")
        own = [
            (REWORDED if d == n - 1 else DEFINITION, ("What the inspection judgements mean",)),
            (TABLE, ("Judgements",)),
            (f"Permanence planning in council {d} is ineffective and children drift.", ()),
        ]
        chunks += [Chunk(doc, k, str(k), s, 0, len(t), t) for k, (t, s) in enumerate(own)]
    return ChunkStore(chunks, documents)


def test_template_passages_give_way_but_tables_and_findings_stay() -> None:
    store = _reports()
    penalty = furniture.penalty(
        ChunkFacts(store), np.arange(len(store)), interpret("newham permanence since 2014")
    )
    kinds = penalty.reshape(-1, 3)
    assert (kinds[:, 0] == -furniture.TEMPLATE_PENALTY).all()  # the reworded copy too
    assert not kinds[:, 1:].any()


@pytest.mark.parametrize(
    "question", ["what does inadequate mean", "definition of requires improvement"]
)
def test_a_question_asking_what_a_grade_means_keeps_the_template(question: str) -> None:
    store = _reports()
    assert not furniture.penalty(
        ChunkFacts(store), np.arange(len(store)), interpret(question)
    ).any()


def test_too_few_reports_sharing_a_text_is_no_template() -> None:
    store = _reports(furniture.TEMPLATE_DOCS - 1)
    assert not store.shared_passages(furniture.TEMPLATE_DOCS).any()


def test_the_passage_database_finds_the_same_template(tmp_path: Path) -> None:
    store = _reports()
    store.save(tmp_path)
    loaded = ChunkStore.load(tmp_path)
    expected = store.shared_passages(furniture.TEMPLATE_DOCS)
    assert expected.reshape(-1, 3)[:, 0].all()
    assert (loaded.shared_passages(furniture.TEMPLATE_DOCS) == expected).all()


@pytest.mark.parametrize(
    "line",
    [
        "Team inspectors: Jansy Kelly, Shirley Bailey",
        "Deputy lead inspector: Mandy Nightingale",
        "Quality assurance manager: Lynn Radley",
        "Senior data analyst: Matthew King",
        "Shadow inspectors: Steve Lowe",
    ],
)
def test_the_inspection_teams_lines_are_cover_lines(line: str) -> None:
    assert furniture.is_cover_line(line)
    assert not furniture.is_cover_line("Team managers: most have manageable caseloads and say so.")
