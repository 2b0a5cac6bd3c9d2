"""Which files are documents (issue 18, items 2, 14 and 15): folders recursed, links followed
only inside the document folders, distinct ids, and every file left out said once with why."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ofsted_qa.ingest import discovery
from ofsted_qa.ingest.discovery import discover, unreadable_reason
from ofsted_qa.ingest.documents import load_documents

TEXT = "A paragraph about care leavers and their personal advisers.\n"


def _ids(docs: Path) -> list[str]:
    return [f.doc_id for f in discover([docs]).files]


def test_sub_folders_are_recursed_with_ids_from_relative_paths(tmp_path: Path) -> None:
    # The real corpus has the same file name in many folders: ids must still be distinct.
    for folder in ("2532283_dorset", "2637539_north northamptonshire"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(TEXT)
    (tmp_path / "top.md").write_text(TEXT)
    assert sorted(_ids(tmp_path)) == [
        "2532283_dorset/report",
        "2637539_north northamptonshire/report",
        "top",
    ]
    loaded = load_documents([tmp_path], tmp_path)
    assert len(loaded.documents) == 3 and loaded.warnings == []


def test_links_outside_the_folders_are_skipped_naming_the_target(tmp_path: Path) -> None:
    docs, outside = tmp_path / "docs", tmp_path / "elsewhere"
    docs.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("password: hunter2\n")
    os.symlink(outside / "secret.txt", docs / "x.txt")
    os.symlink(outside, docs / "linked-folder")
    (docs / "inside").mkdir()
    (docs / "inside" / "real.txt").write_text(TEXT)
    # Inside the folder: followed, but the file is indexed once, under where it really lies.
    os.symlink(docs / "inside", docs / "alias")
    os.symlink(docs, docs / "inside" / "loop")  # a loop must not recurse for ever
    os.symlink(docs / "knot-a", docs / "knot-b")  # nor may links that point at each other
    os.symlink(docs / "knot-b", docs / "knot-a")
    found = discover([docs])
    assert [f.doc_id for f in found.files] == ["inside/real"]
    skipped = "\n".join(found.skipped)
    assert f"x.txt: a link to {outside / 'secret.txt'}, outside the document folders" in skipped
    assert f"linked-folder: a link to {outside}, outside the document folders" in skipped
    assert "knot-a: a link that cannot be followed" in skipped
    assert len(found.skipped) == 4


def test_a_link_into_another_given_folder_adds_no_duplicate(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (two / "b.txt").write_text(TEXT)
    os.symlink(two / "b.txt", one / "a.txt")
    found = discover([one, two])
    assert [(f.doc_id, f.folder) for f in found.files] == [("b", two)] and not found.skipped


def test_unsupported_files_are_listed_once_with_why(tmp_path: Path) -> None:
    (tmp_path / "2014").mkdir()
    for name in ("report.pdf", "2014/page.html", "letter.docx", "data.csv", "README"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "scan").write_bytes(b"%PDF-1.4\n")  # no suffix: a PDF by its content
    (tmp_path / ".DS_Store").write_bytes(b"x")  # hidden: ignored silently
    (tmp_path / "ok.txt").write_text(TEXT)
    loaded = load_documents([tmp_path], tmp_path)
    assert [d.meta.doc_id for d in loaded.documents] == ["ok"]
    assert sorted(loaded.warnings) == sorted(
        [
            f"{tmp_path / '2014' / 'page.html'}: web page has no main text; skipped",
            f"{tmp_path / 'README'}: unsupported file type (no suffix); skipped",
            f"{tmp_path / 'data.csv'}: unsupported file type (.csv); skipped",
            f"{tmp_path / 'letter.docx'}: not a Word document (not a zip file); skipped",
            f"{tmp_path / 'report.pdf'}: not a PDF (no %PDF- header); skipped",
            f"{tmp_path / 'scan'}: corrupt or truncated PDF (Failed to load document "
            "(PDFium: Data format error).); skipped",
        ]
    )


def test_readable_suffixes_are_decided_in_one_replaceable_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "report.pdf").write_text(TEXT)
    monkeypatch.setattr(discovery, "unreadable_reason", lambda path: None)
    assert _ids(tmp_path) == ["report"]
    assert unreadable_reason(Path("x.TXT")) is None


def test_same_id_gives_distinct_ids_and_a_clash_left_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "a.md").write_text("Another text entirely, about fostering.\n")
    assert sorted(_ids(tmp_path)) == ["a.md", "a.txt"]
    other = tmp_path.parent / f"{tmp_path.name}-other"
    other.mkdir()
    (other / "a.txt").write_text(TEXT)
    found = discover([tmp_path, other])
    assert [f.path for f in found.files if f.doc_id == "a.txt"] == [tmp_path / "a.txt"]
    assert found.skipped == (
        f"{other / 'a.txt'}: same document id 'a.txt' as {tmp_path / 'a.txt'}; skipped "
        "(rename one of them)",
    )


def test_unreadable_folder_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(discovery.os, "scandir", refuse)
    found = discover([tmp_path])
    assert found.files == () and "unreadable folder (Permission denied)" in found.skipped[0]
