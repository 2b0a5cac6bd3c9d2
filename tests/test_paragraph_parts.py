"""A paragraph cut into passages is cited by the report's own number ("para 2 (part 1 of 4)"),
never by the chunker's part letter ("para 2a"); a ref or citation naming the paragraph alone
finds every part, and the old part refs ("#2a") still work."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from ofsted_qa.citations.citation import house_citation, paragraph_label, parse_house_citation
from ofsted_qa.citations.parts import (
    paragraph_parts,
    paragraph_range,
    part_label,
    split_label,
)
from ofsted_qa.citations.passages import locate, locate_paragraph
from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.store import ChunkStore
from ofsted_qa.ingest.chunking import chunk_document
from ofsted_qa.ingest.documents import DocumentMeta

LONG = " ".join(
    f"Sentence number {i} says social workers visit children often and record it."
    for i in range(12)
)
CLOSING = " ".join(
    f"Closing sentence {i} adds more words about care leavers and their plans." for i in range(12)
)
TEXT = (
    "Findings\n\n1. Leaders know their services well and act on what they find.\n\n"
    f"2. {LONG}\n\n3. Managers check plans.\n\nAn unnumbered closing paragraph. {CLOSING}\n"
)
DOC = "leeds report"


@pytest.fixture
def store(tmp_path: Path) -> ChunkStore:
    (tmp_path / "report.txt").write_text(TEXT)
    chunks = chunk_document(TEXT, DOC, max_tokens=80)
    meta = DocumentMeta(DOC, "report.txt", "Inspection of Leeds", "Ofsted", "report", "2018-12-18")
    return ChunkStore(chunks, {DOC: meta})


def _labels(store: ChunkStore) -> list[str]:
    return [paragraph_label(store.get(i), paragraph_parts(store, i)) for i in range(len(store))]


def test_parts_are_cited_by_the_reports_number_with_which_part(store: ChunkStore) -> None:
    labels = _labels(store)
    assert labels[:3] == ["para 1", "para 2 (part 1 of 4)", "para 2 (part 2 of 4)"]
    assert labels[4:6] == ["para 2 (part 4 of 4)", "para 3"]
    assert labels[6] == "unnumbered passage 4 (part 1 of 4)"
    # no label names a paragraph the report does not have ("para 2a", "passage 4a")
    assert not any(label.split(" (")[0][-1].isalpha() for label in labels)


@pytest.mark.parametrize(
    "stored",
    [
        "2",
        "2a",
        "2b",
        "2aa",
        "¶4",
        "¶4c",
        "judgements-table",
        "judgements-table-a",
        "judgements-table-45b",
        "x-7",
    ],
)
def test_stored_labels_split_and_rebuild(stored: str) -> None:
    assert part_label(*split_label(stored)) == stored


def test_every_form_of_a_part_citation_reads_back_to_its_passage(store: ChunkStore) -> None:
    meta = store.documents[DOC]
    for chunk_id in range(len(store)):
        chunk, parts = store.get(chunk_id), paragraph_parts(store, chunk_id)
        cited = house_citation(meta, chunk, parts)
        head, label = parse_house_citation(cited) or ("", "")
        assert label == chunk.paragraph and cited.startswith(head)
        assert ("(part" in cited) == (parts > 0)
        assert locate(store, cited) == chunk_id


def test_a_paragraph_named_alone_finds_all_its_parts(store: ChunkStore) -> None:
    assert locate_paragraph(store, f"{DOC}#2") == range(1, 5)
    assert locate(store, f"{DOC}#2") == 1
    assert locate_paragraph(store, f"{DOC}#u4") == range(6, 10)
    assert locate_paragraph(store, f"{DOC}#2b") == range(2, 3)  # an old part ref still works
    assert locate_paragraph(store, f"{DOC}#3") == range(5, 6)
    assert paragraph_range(store, 3) == range(1, 5) and paragraph_range(store, 0) == range(0, 1)
    # a number it lacks: the message says how its passages are labelled
    with pytest.raises(
        OfstedQAError,
        match="no paragraph 9: its numbered paragraphs run 1–3; unnumbered passages u4 ",
    ):
        locate(store, f"{DOC}#9")


def test_show_prints_a_cut_paragraph_whole_and_a_part_with_a_pointer(
    store: ChunkStore, tmp_path: Path
) -> None:
    from ofsted_qa import render

    out = io.StringIO()
    found = locate_paragraph(store, f"{DOC}#2")
    render.print_in_context(store, found.start, tmp_path, out, around=0, targets=found)
    shown = out.getvalue()
    assert shown.count("▶ para 2 (part") == 4 and "para 2a" not in shown
    assert "Inspection of Leeds (published 18 December 2018), para 2\n" in shown
    assert "verified against the source" in shown
    cited = shown.split("cite: ")[1].splitlines()[0]  # pasted back: the whole paragraph again
    assert locate_paragraph(store, cited) == found

    out = io.StringIO()
    render.print_in_context(store, locate(store, f"{DOC}#2c"), tmp_path, out, around=0)
    shown = out.getvalue()
    assert "para 2 (part 3 of 4)" in shown and f'show "{DOC}#2" shows it whole' in shown


@pytest.mark.parametrize(
    ("stored", "parts", "cited"),
    [
        ("judgements-table", 0, "judgements table"),
        ("judgements-table-111", 0, "judgements table at passage 111"),  # a SIF section's
        ("judgements-table-a", 2, "judgements table (part 1 of 2)"),
        ("¶7b", 3, "unnumbered passage 7 (part 2 of 3)"),
    ],
)
def test_tables_and_unnumbered_passages_are_cited_in_words_and_read_back(
    store: ChunkStore, stored: str, parts: int, cited: str
) -> None:
    chunk = replace(store.get(0), paragraph=stored)
    assert paragraph_label(chunk, parts) == cited
    meta = store.documents[DOC]
    assert parse_house_citation(house_citation(meta, chunk, parts))[1] == stored  # type: ignore[index]
