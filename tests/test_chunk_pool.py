"""Chunking on every core gives exactly the passages one process gives, in order."""

from __future__ import annotations

from pathlib import Path

from fakes import FakeModel
from ofsted_qa.index.build import build_index
from ofsted_qa.index.generations import load_current
from ofsted_qa.index.settings import Settings
from ofsted_qa.ingest.chunk_pool import POOL_MIN_DOCUMENTS, chunk_all
from ofsted_qa.ingest.chunking import chunk_document

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _documents(copies: int) -> list[tuple[str, str]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return [(texts[i % len(texts)], f"doc{i}") for i in range(copies)]


def test_the_pool_cuts_what_one_process_cuts() -> None:
    documents = _documents(POOL_MIN_DOCUMENTS + 3)
    model = FakeModel()
    pooled = chunk_all(documents, max_tokens=256, count_tokens=model.count_tokens, workers=2)
    alone = [
        chunk_document(text, doc_id, max_tokens=256, count_tokens=model.count_tokens)
        for text, doc_id in documents
    ]
    assert pooled == alone


def test_a_build_of_many_documents_chunks_in_the_pool(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for text, doc_id in _documents(POOL_MIN_DOCUMENTS + 1):
        (docs / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    settings = Settings(root=tmp_path, index_dir=tmp_path / "index", doc_dirs=(docs,))
    report = build_index(settings, FakeModel())
    store = load_current(settings.index_dir).store
    assert len(report.added) == POOL_MIN_DOCUMENTS + 1
    first = [c for c in store if c.doc_id == "doc0"]
    assert first == chunk_document(
        _documents(1)[0][0], "doc0", max_tokens=256, count_tokens=FakeModel().count_tokens
    )
