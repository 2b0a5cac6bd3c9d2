"""A build killed at any stage leaves the work it finished for the next one: every document it
read (the extraction cache), every vector it embedded (the resume cache), and the previous
generation's BM25 terms and vocabulary counts, which only a published build replaces."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fakes import FakeModel
from ofsted_qa.index import build, generations, incremental
from ofsted_qa.index.settings import Settings
from ofsted_qa.ingest import extract_cache

ADDED = "002_e7d3b80cb6f79f70.txt"


class Killed(Exception):
    """Stands in for the process dying."""


def _die(*_args: object, **_kwargs: object) -> None:
    raise Killed


def _never_read(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("a document read by the killed build was read again")


def test_documents_read_before_a_kill_are_not_read_again(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        patched.setattr(build, "fill_vectors", _die)  # dies after reading, while embedding
        with pytest.raises(Killed):
            build.build_index(settings, FakeModel())
    monkeypatch.setattr(extract_cache, "read_document", _never_read)
    report = build.build_index(settings, FakeModel())
    assert report.published and len(report.added) == 5


def test_a_kill_while_writing_keeps_vectors_and_the_incremental_route(
    settings: Settings, docs_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.move(docs_dir / ADDED, tmp_path / ADDED)
    build.build_index(settings, FakeModel())
    shutil.copy(tmp_path / ADDED, docs_dir / ADDED)
    with monkeypatch.context() as patched:
        patched.setattr(incremental, "vocabulary", _die)  # dies after embedding, writing
        killed = FakeModel()
        with pytest.raises(Killed):
            build.build_index(settings, killed)
    assert killed.embedder.embedded > 0

    tokenized: list[str] = []
    real_terms = incremental.terms
    monkeypatch.setattr(incremental, "terms", lambda t: tokenized.append(t) or real_terms(t))
    resumed = FakeModel()
    report = build.build_index(settings, resumed)
    assert report.published and report.added == (ADDED.removesuffix(".txt"),)
    assert resumed.embedder.embedded == 0, "the killed build's vectors were kept"
    added = generations.load_current(settings.index_dir).store.chunk_count(report.added[0])
    assert len(tokenized) == added, "still only the added report's passages tokenized"
