"""The command line at its edges (issue 18, items 16, 21 and 23): folders are added and removed
deliberately, path and permission problems are one clear line, `index --check` verifies."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from ofsted_qa import cli
from ofsted_qa.index import generations


def run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(args, stdin=io.StringIO(""), stdout=out)
    return code, out.getvalue()


def _one_clear_line(capsys: pytest.CaptureFixture[str], code: int, *needles: str) -> None:
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1, err
    for needle in needles:
        assert needle in err


def test_docs_folders_are_added_and_removed_deliberately(
    env: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "x.txt").write_text("My own report about family help.\n")
    run([*env, "index"])
    code, out = run([*env, "index", "--docs", str(mine)])
    assert code == 0 and "1 added" in out and "0 removed" in out and "5 unchanged" in out
    assert f"Document folders: {tmp_path / 'seeds'}, {mine} (remembered" in out
    code, out = run([*env, "index"])  # remembered
    assert out.startswith("Index up to date: 6 documents")
    code, out = run([*env, "index", "--remove-docs", str(tmp_path / "seeds")])
    assert code == 0 and "5 removed" in out and f"Document folders: {mine} " in out
    capsys.readouterr()
    code, _ = run([*env, "index", "--remove-docs", str(tmp_path / "nowhere")])
    _one_clear_line(capsys, code, "is not a document folder of this index")
    code, _ = run([*env, "index", "--remove-docs", str(mine)])
    _one_clear_line(capsys, code, "would leave no document folders")


def test_index_path_that_is_a_file_is_one_clear_line(
    env: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "a-file"
    target.write_text("not an index")
    for command in (["index"], ["ask", "IRO"], ["docs"], ["index", "--check"]):
        code, _ = run(["--index", str(target), *command])
        _one_clear_line(capsys, code, str(target))
    code, _ = run(["--index", str(target / "below"), "index"])
    _one_clear_line(capsys, code, str(target / "below"))


def test_unwritable_index_folder_is_one_clear_line(
    env: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    real_access = os.access
    # Root ignores permission bits, so the refusal a user would meet is simulated here.
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == index_dir else real_access(p, mode)
    )
    code, _ = run([*env, "index"])
    _one_clear_line(capsys, code, "Cannot write to", "permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permission bits")
def test_read_only_index_folder_really_refused(
    env: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    index_dir.chmod(0o500)
    try:
        code, _ = run([*env, "index"])
    finally:
        index_dir.chmod(0o700)
    _one_clear_line(capsys, code, "Cannot write to")


def test_unreadable_only_docs_folder_is_one_clear_line(
    env: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # No index yet: the folders given are the only ones (nothing indexed is dropped).
    code, _ = run([*env, "index", "--docs", str(tmp_path / "missing")])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and "No readable documents" in err
    assert "missing: not a folder; skipped" in err


@pytest.mark.parametrize("folder", ["/etc", "empty"])
def test_model_that_is_not_a_model_is_one_clear_line(
    tmp_path: Path, folder: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = Path(folder) if folder.startswith("/") else tmp_path / folder
    path.mkdir(exist_ok=True)
    code, _ = run(["--index", str(tmp_path / "index"), "--model", str(path), "ask", "IRO"])
    _one_clear_line(capsys, code, "is not a sentence-transformers model folder")


def test_index_check_verifies_everything(
    env: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run([*env, "index"])
    code, out = run([*env, "index", "--check"])
    assert code == 0 and "match their checksums" in out and "documents: up to date" in out
    folder = generations.current_generation(tmp_path / "index")
    assert folder is not None
    data = bytearray((folder / "dense.faiss").read_bytes())
    data[-4:] = b"\x01\x02\x03\x04"
    (folder / "dense.faiss").write_bytes(bytes(data))
    capsys.readouterr()
    code, _ = run([*env, "index", "--check"])
    _one_clear_line(capsys, code, "dense.faiss is damaged (checksum differs)")


def test_bad_metadata_dates_never_crash_ask_or_docs(
    env: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    meta_path = tmp_path / "seeds" / "metadata.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    names = sorted(meta)
    meta[names[0]]["date"] = "2014-15"
    meta[names[1]]["date"] = "2019-13"
    meta[names[2]]["date"] = "23/05/2014"
    meta[names[3]] = "a string, not an entry"
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    code, _ = run([*env, "index"])
    err = capsys.readouterr().err
    assert code == 0 and "field 'date': cannot read '2019-13' as a date" in err
    assert f"entry {names[3]!r} is not an object" in err
    for command in (["ask", "care leavers in 2014"], ["docs"], ["docs", "--json"]):
        code, out = run([*env, *command])
        assert code == 0 and out
    docs = {d["doc_id"]: d for d in json.loads(run([*env, "docs", "--json"])[1])}
    assert docs[names[2].rsplit(".", 1)[0]]["date"] == "2014-05-23"


def test_no_build_works_right_after_index_despite_skipped_files(
    env: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "seeds" / "empty.txt").write_text("")
    (tmp_path / "seeds" / "scan.pdf").write_bytes(b"%PDF-1.4")
    code, _ = run([*env, "index"])
    err = capsys.readouterr().err
    assert code == 0 and err.count("empty.txt: empty file") == 1
    assert err.count("scan.pdf: corrupt or truncated PDF") == 1
    code, out = run([*env, "ask", "IRO", "--no-build"])
    err = capsys.readouterr().err
    assert code == 0 and out and "Building" not in err and "warning" not in err
