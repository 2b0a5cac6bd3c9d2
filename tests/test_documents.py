from __future__ import annotations

import json
from pathlib import Path

from ofsted_qa.ingest.documents import infer_meta, load_documents


def test_seed_metadata_is_complete(docs_dir: Path) -> None:
    loaded = load_documents([docs_dir], docs_dir.parent)
    assert loaded.warnings == []
    metas = {d.meta.doc_id: d.meta for d in loaded.documents}
    assert len(metas) == 5
    report = metas["003_365e1ef2b819a726"]
    assert (report.publisher, report.kind, report.date) == (
        "Ofsted",
        "inspection report",
        "2014-05-23",
    )
    assert report.years == {2014}
    letter = metas["002_e7d3b80cb6f79f70"]
    assert letter.kind == "inspection letter" and letter.years == {2025}
    assert {m.kind for m in metas.values()} == {
        "inspection report",
        "inspection letter",
        "news",
        "blog",
    }
    assert all(m.inferred == () for m in metas.values())
    assert report.source == "seeds/003_365e1ef2b819a726.txt"


def test_document_without_metadata_is_inferred_and_marked(tmp_path: Path) -> None:
    (tmp_path / "new.txt").write_text(
        "Focused visit to Anytown\n\nReport published: 4 June 2021\n\nInspectors found things.\n"
    )
    [doc] = load_documents([tmp_path], tmp_path).documents
    assert doc.meta.title == "Focused visit to Anytown"
    assert doc.meta.date == "2021-06-04"
    assert "date" in doc.meta.inferred and "title" in doc.meta.inferred


def test_odd_files_are_skipped_with_warnings(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (tmp_path / "legacy.txt").write_bytes("Caf\xe9 report \x96 2019 findings.".encode("latin-1"))
    (tmp_path / "ok.md").write_text("A fine paragraph about care leavers.")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "metadata.json").write_text("{not json")
    loaded = load_documents([tmp_path], tmp_path)
    assert sorted(d.meta.doc_id for d in loaded.documents) == ["legacy", "ok"]
    text = "\n".join(loaded.warnings)
    for expected in (
        "empty.txt: empty file",
        "blank.txt: no text",
        "binary.txt: binary file",
        "legacy.txt: not UTF-8; decoded as cp1252",
        "metadata.json: unreadable",
    ):
        assert expected in text
    legacy = next(d for d in loaded.documents if d.meta.doc_id == "legacy")
    assert "Café report – 2019" in legacy.text


def test_huge_file_is_skipped(tmp_path: Path, monkeypatch) -> None:
    import ofsted_qa.ingest.documents as documents

    monkeypatch.setattr(documents, "MAX_FILE_BYTES", 1000)
    (tmp_path / "huge.txt").write_text("word " * 1000)
    loaded = load_documents([tmp_path], tmp_path)
    assert loaded.documents == [] and "too large" in loaded.warnings[0]


def test_metadata_entry_overrides_inference(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some title\n\nText of 2010.")
    entry = {
        "a.txt": {
            "title": "Real title",
            "publisher": "Ofsted",
            "kind": "news",
            "date": "2012-01",
            "period": {"start": "2011-11-01", "end": "2012-01-10"},
        }
    }
    (tmp_path / "metadata.json").write_text(json.dumps(entry))
    [doc] = load_documents([tmp_path], tmp_path).documents
    assert doc.meta.title == "Real title" and doc.meta.years == {2011, 2012}
    assert doc.meta.inferred == ()


def test_infer_meta_without_dates() -> None:
    meta = infer_meta("x", "x.txt", "Just words, nothing dated.")
    assert meta.date == "" and meta.year is None and meta.years == frozenset()
