"""The generated council precision@5 check and the corpus question files, without a model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.evaluation import council_precision as cp
from ofsted_qa.evaluation.corpus import load_corpus_questions
from ofsted_qa.index.store import ChunkStore
from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.ingest.documents import DocumentMeta

CORPUS = Path(__file__).resolve().parents[1] / "eval" / "corpus"


def _store() -> ChunkStore:
    reports = {
        "n15": ("Norfolk County Council", "2015-10-19"),
        "n22": ("Norfolk", "2022-11-01"),
        "s22": ("Suffolk County Council", "2022-06-01"),
        "news": ("", "2018"),
    }
    documents = {
        doc: DocumentMeta(
            doc,
            f"{doc}.pdf",
            doc,
            "Ofsted",
            "inspection report" if la else "news",
            date,
            local_authority=la,
        )
        for doc, (la, date) in reports.items()
    }
    chunks = [
        Chunk(doc, n, str(n), (), 0, 1, f"{doc} passage {n}") for doc in documents for n in range(5)
    ]
    return ChunkStore(chunks, documents)


def test_every_council_and_report_year_is_asked_in_several_forms() -> None:
    questions = cp.generate(_store(), per_year=2)
    asked = {(q.council, q.year) for q in questions}
    assert asked == {("Norfolk", 2015), ("Norfolk", 2022), ("Suffolk", 2022)}
    assert len(questions) == 6
    assert len({q.phrasing for q in questions}) == len(cp.PHRASINGS)
    norfolk = {q.name_form for q in questions if q.council == "Norfolk"}
    assert {"Norfolk", "Norfolk County Council"} <= norfolk
    assert all(str(q.year) in q.text and q.name_form in q.text for q in questions)


def test_precision_counts_the_named_councils_passages() -> None:
    store = _store()
    ids = {doc: list(store.doc_range(doc)) for doc in store.documents}
    question = next(q for q in cp.generate(store) if q.council == "Norfolk" and q.year == 2022)
    # two from Norfolk 2022, one from Norfolk 2015, one Suffolk, one news story
    top = ids["n22"][:2] + ids["n15"][:1] + ids["s22"][:1] + ids["news"][:1]
    [score] = cp.score([question], lambda _text: top, store)
    assert score.precision == pytest.approx(3 / 5)
    assert score.year_precision == pytest.approx(2 / 5)
    assert score.others == ("Suffolk County Council", "news")
    result = cp.summary([score])
    assert result["precision@5"] == pytest.approx(0.6)
    assert result["worst"][0]["council"] == "Norfolk"
    assert result["worst"][0]["took_places"] == {"Suffolk County Council": 1, "news": 1}
    assert "Norfolk" in "\n".join(cp.markdown(result))


def test_corpus_question_files_load_and_ids_are_unique(tmp_path: Path) -> None:
    questions = load_corpus_questions(CORPUS)
    assert len(questions) >= 10
    assert all(q.docs and q.evidence for q in questions)
    row = {"id": "cz01", "question": "q", "evidence": ["e"], "docs": ["d"]}
    for name in ("a.jsonl", "b.jsonl"):
        (tmp_path / name).write_text(json.dumps(row) + "\n")
    with pytest.raises(OfstedQAError, match="cz01"):
        load_corpus_questions(tmp_path)
    with pytest.raises(OfstedQAError, match="No corpus questions"):
        load_corpus_questions(tmp_path / "empty")


def test_a_council_is_its_reports_folder_not_its_spelling() -> None:
    """Reports spell one council "Newcastle" and "Newcastle upon Tyne": the corpus folder's URN
    says they are one; a seed text stating no council counts by the place its title names."""
    documents = {
        doc: DocumentMeta(doc, doc, title, "Ofsted", "inspection report", date, local_authority=la)
        for doc, la, date, title in (
            ("80525_newcastle upon tyne/a - 2022", "Newcastle", "2022-02-01", "Newcastle"),
            ("80525_newcastle upon tyne/b - 2025", "Newcastle upon Tyne", "2025-06-25", "N"),
            ("003_seed", "", "2014-05-23", "Inspection of ..., London Borough of Bexley"),
            ("80488_bexley/c - 2014", "London Borough of Bexley", "2014-05-23", "Bexley"),
        )
    }
    store = ChunkStore([Chunk(d, 0, "1", (), 0, 1, d) for d in documents], documents)
    questions = cp.generate(store, per_year=1)
    assert {(q.key, q.year) for q in questions} == {
        ("urn 80525", 2022),
        ("urn 80525", 2025),
        ("urn 80488", 2014),
    }
    newcastle = next(q for q in questions if q.year == 2022)
    assert cp.score([newcastle], lambda _t: [0, 1], store)[0].precision == pytest.approx(2 / 5)
    bexley = next(q for q in questions if q.year == 2014)
    assert cp.score([bexley], lambda _t: [2, 3, 0], store)[0].others == ("Newcastle",)
