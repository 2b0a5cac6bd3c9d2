"""metadata.json validated at index time (issue 18, items 11 and 12): UK dates read day first,
bad fields named in a warning and inferred instead, a byte-order mark changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ofsted_qa.citations.citation import house_citation
from ofsted_qa.citations.passages import locate
from ofsted_qa.index.store import ChunkStore
from ofsted_qa.ingest.chunking import chunk_document
from ofsted_qa.ingest.documents import load_documents
from ofsted_qa.ingest.metadata import parse_date

TEXT = "Focused visit to Anytown\n\nReport published: 4 June 2021\n\nInspectors found things.\n"


@pytest.mark.parametrize(
    ("given", "date", "span"),
    [
        ("2014-05-23", "2014-05-23", ("", "")),
        ("2018-08", "2018-08", ("", "")),
        ("2018", "2018", ("", "")),
        (2018, "2018", ("", "")),
        ("23/05/2014", "2014-05-23", ("", "")),  # day first, as in the UK
        ("05/06/2014", "2014-06-05", ("", "")),
        ("23.05.2014", "2014-05-23", ("", "")),
        ("23 May 2014", "2014-05-23", ("", "")),
        ("May 2014", "2014-05", ("", "")),
        ("2014/15", "2014", ("2014", "2015")),
        ("2014-15", "2014", ("2014", "2015")),
        ("2014/2015", "2014", ("2014", "2015")),
        ("2011/12", "2011", ("2011", "2012")),
        ("2011-12", "2011-12", ("", "")),  # ISO December 2011 where a month fits
    ],
)
def test_uk_dates_are_read(given: object, date: str, span: tuple[str, str]) -> None:
    assert parse_date(given) == (date, span)


@pytest.mark.parametrize(
    "given", ["2019-13", "2019-02-30", "next Tuesday", "23 May", "2014-17", ["2014"], True, ""]
)
def test_impossible_dates_are_refused(given: object) -> None:
    assert parse_date(given) is None


def _load(tmp_path: Path, entries: object, *, bom: bool = False) -> tuple[object, list[str]]:
    (tmp_path / "a.txt").write_text(TEXT)
    raw = json.dumps(entries)
    (tmp_path / "metadata.json").write_bytes((b"\xef\xbb\xbf" if bom else b"") + raw.encode())
    loaded = load_documents([tmp_path], tmp_path)
    return loaded.documents[0].meta, loaded.warnings


def test_bad_fields_are_warned_by_file_and_field_then_inferred(tmp_path: Path) -> None:
    meta, warnings = _load(
        tmp_path,
        {
            "a.txt": {
                "title": ["not", "text"],
                "date": "2019-13",
                "kind": "report",
                "period": {"start": "next Tuesday", "end": "2014/15"},
            }
        },
    )
    where = f"{tmp_path / 'metadata.json'}: entry 'a.txt' field"
    assert f"{where} 'title': expected text, got ['not', 'text']; ignored" in warnings
    assert f"{where} 'date': cannot read '2019-13' as a date; inferred from the text" in warnings
    assert any(w.startswith(f"{where} 'kind': 'report' is not one of") for w in warnings)
    assert any(
        w.startswith(f"{where} 'period.start': cannot read 'next Tuesday'") for w in warnings
    )
    assert meta.title == "Focused visit to Anytown" and meta.date == "2021-06-04"  # type: ignore[attr-defined]
    assert meta.kind == "document" and {"title", "date"} <= set(meta.inferred)  # type: ignore[attr-defined]
    assert meta.year == 2021  # type: ignore[attr-defined]


def test_an_entry_that_is_not_an_object_is_named(tmp_path: Path) -> None:
    _meta, warnings = _load(tmp_path, {"a.txt": "Bexley report"})
    assert warnings == [f"{tmp_path / 'metadata.json'}: entry 'a.txt' is not an object; ignored"]


def test_uk_dates_in_metadata_become_iso_and_years(tmp_path: Path) -> None:
    meta, warnings = _load(
        tmp_path, {"a.txt": {"date": "23/05/2014", "period": {"start": "2013/14"}}}
    )
    assert warnings == []
    assert meta.date == "2014-05-23" and meta.years == {2013, 2014}  # type: ignore[attr-defined]


def test_the_council_a_story_is_about_is_given_or_left_unknown(tmp_path: Path) -> None:
    meta, warnings = _load(tmp_path, {"a.txt": {"local_authority": "  Bexley "}})
    assert warnings == [] and meta.local_authority == "Bexley"  # type: ignore[attr-defined]
    meta, warnings = _load(tmp_path, {"a.txt": {"local_authority": 7}})
    assert meta.local_authority == ""  # type: ignore[attr-defined]
    assert warnings == [
        f"{tmp_path / 'metadata.json'}: entry 'a.txt' field 'local_authority': expected text, "
        "got 7; ignored"
    ]


def test_metadata_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    meta, warnings = _load(tmp_path, {"a.txt": {"title": "Real title", "date": "2014"}}, bom=True)
    assert warnings == [] and meta.title == "Real title" and meta.date == "2014"  # type: ignore[attr-defined]


def test_a_document_with_a_byte_order_mark_is_cited_and_found_again(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffBexley report\n\nInspectors found things.\n".encode())
    [doc] = load_documents([tmp_path], tmp_path).documents
    assert doc.meta.title == "Bexley report"
    chunks = chunk_document(doc.text, doc.meta.doc_id)
    store = ChunkStore(chunks, {doc.meta.doc_id: doc.meta})
    citation = house_citation(doc.meta, chunks[0])
    assert "\ufeff" not in citation
    assert locate(store, citation) == 0


def test_unreadable_metadata_is_a_warning_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "metadata.json").write_text("{}")
    real = Path.read_text

    def refuse(self: Path, *args: object, **kwargs: object) -> str:
        if self.name == "metadata.json":
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", refuse)
    loaded = load_documents([tmp_path], tmp_path)
    assert len(loaded.documents) == 1
    assert "metadata.json: unreadable metadata" in loaded.warnings[0]


def test_sub_folder_files_are_described_beside_them_or_by_path(tmp_path: Path) -> None:
    for folder in ("2014", "2015"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(TEXT)
    (tmp_path / "2014" / "metadata.json").write_text(json.dumps({"x.txt": {"date": "2014"}}))
    (tmp_path / "metadata.json").write_text(
        json.dumps({"2015/x.txt": {"date": "May 2015"}, "2015/y.txt": {"date": "2015"}})
    )
    loaded = load_documents([tmp_path], tmp_path)
    dates = {d.meta.doc_id: d.meta.date for d in loaded.documents}
    assert dates == {"2014/x": "2014", "2015/x": "2015-05"}
    assert loaded.warnings == [
        f"{tmp_path / 'metadata.json'}: entry '2015/y.txt' matches no indexed document"
    ]
