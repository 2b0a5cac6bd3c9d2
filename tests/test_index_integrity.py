"""The index against what users feed it (issue 18, items 13, 14, 22, 23 and 24): skipped files
never keep it stale, a file's id never outlives the file, readers see whole generations,
checksums catch altered bytes, and a publish is fsynced."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from fakes import FakeModel
from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index import checksums, durability, generations
from ofsted_qa.index.build import build_index
from ofsted_qa.index.embedding import model_fingerprint
from ofsted_qa.index.freshness import stale_reasons
from ofsted_qa.index.session import open_index
from ofsted_qa.index.settings import Settings

NEWS = "001_900efe804ed2a3da.txt"


def _stale(settings: Settings) -> list[str]:
    return stale_reasons(
        generations.load_current(settings.index_dir).manifest, settings, FakeModel()
    )


@pytest.mark.parametrize("bad", [b"", b"\x00\x01binary" * 10, b"   \n\n  "])
def test_a_skipped_file_does_not_keep_the_index_stale(
    built: Settings, docs_dir: Path, bad: bytes
) -> None:
    (docs_dir / "bad.txt").write_bytes(bad)
    report = build_index(built, FakeModel())
    assert report.published and any("bad.txt" in w for w in report.warnings)
    assert _stale(built) == []
    open_index(built, FakeModel(), allow_build=False)  # `--no-build` right after `index`
    (docs_dir / "bad.txt").write_text("Now a real paragraph about adoption.\n")
    assert _stale(built) == ["documents changed"]


def test_unsupported_files_do_not_make_the_index_stale(built: Settings, docs_dir: Path) -> None:
    (docs_dir / "data.csv").write_text("year,grade\n2014,good\n")
    assert _stale(built) == []


def test_an_unreadable_pdf_is_stale_once_then_remembered(built: Settings, docs_dir: Path) -> None:
    (docs_dir / "report.pdf").write_bytes(b"%PDF-1.4")  # a document, but a corrupt one
    assert _stale(built) == ["documents changed"]
    build_index(built, FakeModel())
    assert _stale(built) == []


def test_a_deleted_file_is_never_cited_under_a_shared_name(built: Settings, docs_dir: Path) -> None:
    (docs_dir / "a.md").write_text("Markdown about fostering households.\n")
    (docs_dir / "a.txt").write_text("Plain text about adoption panels.\n")
    build_index(built, FakeModel())
    store = generations.load_current(built.index_dir).store
    assert {store.documents["a.md"].source, store.documents["a.txt"].source} == {
        "seeds/a.md",
        "seeds/a.txt",
    }
    (docs_dir / "a.md").unlink()
    assert _stale(built) == ["documents changed"]
    build_index(built, FakeModel())
    store = generations.load_current(built.index_dir).store
    assert "a.md" not in store.documents and store.documents["a"].source == "seeds/a.txt"
    assert _stale(built) == []


def test_sub_folders_are_indexed_and_noticed(built: Settings, docs_dir: Path) -> None:
    (docs_dir / "2014").mkdir()
    (docs_dir / "2014" / "x.txt").write_text("A visit in 2014 about care leavers.\n")
    assert _stale(built) == ["documents changed"]
    build_index(built, FakeModel())
    assert "2014/x" in generations.load_current(built.index_dir).store.documents
    assert _stale(built) == []


def test_a_reader_keeps_the_generation_it_resolved(built: Settings, docs_dir: Path) -> None:
    resolved = generations.current_generation(built.index_dir)
    assert resolved is not None
    path = docs_dir / NEWS
    path.write_text(path.read_text() + "\nOne more paragraph.\n")
    build_index(built, FakeModel())
    assert generations.current_generation(built.index_dir) != resolved
    bundle = generations.IndexBundle.load(resolved)  # the swap pulled nothing from under it
    assert len(bundle.store) > 0


def test_generations_replaced_long_ago_are_removed(built: Settings, docs_dir: Path) -> None:
    first = generations.current_generation(built.index_dir)
    path = docs_dir / NEWS
    path.write_text(path.read_text() + "\nParagraph one.\n")
    build_index(built, FakeModel())
    assert first is not None and first.exists()  # just replaced: kept for readers
    os.utime(first, (1, 1))  # replaced long ago
    path.write_text(path.read_text() + "\nParagraph two.\n")
    build_index(built, FakeModel())
    assert not first.exists()
    assert len(list(built.index_dir.glob("gen-*"))) == 2


def test_load_retries_when_its_generation_vanishes(
    built: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = generations.current_generation(built.index_dir)
    answers = iter([built.index_dir / "gen-gone", live, live])
    monkeypatch.setattr(generations, "current_generation", lambda _dir: next(answers))
    assert generations.load_current(built.index_dir).folder == live


def test_altered_bytes_of_the_same_size_are_caught(built: Settings) -> None:
    folder = generations.current_generation(built.index_dir)
    assert folder is not None
    vectors = folder / "vectors.npy"
    data = bytearray(vectors.read_bytes())
    data[-64:] = os.urandom(64)
    vectors.write_bytes(bytes(data))
    with pytest.raises(OfstedQAError, match="vectors.npy is damaged"):
        generations.load_current(built.index_dir)
    assert np.load(vectors).shape[0] > 0  # same size: only the checksum could tell


def test_large_files_are_checked_whole_only_when_asked(
    built: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ofsted_qa.index import manifest as manifest_module

    folder = generations.current_generation(built.index_dir)
    assert folder is not None
    data = bytearray((folder / "vectors.npy").read_bytes())
    data[-8:] = b"\x7f" * 8
    (folder / "vectors.npy").write_bytes(bytes(data))
    monkeypatch.setattr(manifest_module, "VERIFY_ON_LOAD_BYTES", 1024)
    manifest = generations.Manifest.read(folder)
    manifest.check_files(folder)  # big files: size only on load
    with pytest.raises(OfstedQAError, match="checksum differs"):
        manifest.check_files(folder, everything=True)


def test_model_fingerprint_sees_changes_anywhere_in_the_weights(tmp_path: Path) -> None:
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text("{}")
    weights = model / "model.safetensors"
    weights.write_bytes(bytes(1 << 20) * 3)
    before = model_fingerprint(model, tmp_path / "cache")
    data = bytearray(weights.read_bytes())
    data[(1 << 20) + 5] = 1  # the middle, where the old edges-only hash never looked
    weights.write_bytes(bytes(data))
    assert model_fingerprint(model, tmp_path / "cache") != before


def test_model_hashes_are_cached_by_size_and_mtime(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "w.bin").write_bytes(b"weights")
    first = checksums.cached_sha256(tmp_path / "w.bin", tmp_path / "cache")
    checksums._memory.clear()
    monkeypatch.setattr(checksums, "file_sha256", lambda _path: pytest.fail("re-hashed"))
    assert checksums.cached_sha256(tmp_path / "w.bin", tmp_path / "cache") == first


def test_publish_fsyncs_files_and_folders_before_and_after_the_swap(
    built: Settings, docs_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    monkeypatch.setattr(durability, "fsync_file", lambda p: events.append(f"file {p.name}"))
    monkeypatch.setattr(generations, "fsync_dir", lambda p: events.append(f"dir {p.name}"))
    monkeypatch.setattr(durability, "fsync_dir", lambda p: events.append(f"dir {p.name}"))
    real_replace = os.replace

    def replace(src: object, dst: object) -> None:
        events.append(f"replace {Path(str(dst)).name}")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(generations.os, "replace", replace)
    path = docs_dir / NEWS
    path.write_text(path.read_text() + "\nAnother paragraph.\n")
    build_index(built, FakeModel())
    swap = events.index("replace current")
    assert {"file manifest.json", "file vectors.npy", "file dense.faiss"} <= set(events[:swap])
    assert events[swap - 1] == "dir index" and events[swap + 1] == "dir index"


def test_readers_during_rebuilds_always_see_a_whole_generation(
    built: Settings, docs_dir: Path
) -> None:
    import threading

    failures: list[str] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            try:
                bundle = generations.load_current(built.index_dir)
                assert len(bundle.store) == bundle.manifest.chunk_count
            except (OfstedQAError, AssertionError) as exc:
                failures.append(str(exc))
            except Exception as exc:  # noqa: BLE001 - a thread's crash must fail the test, not warn
                failures.append(repr(exc))

    readers = [threading.Thread(target=read) for _ in range(3)]
    for thread in readers:
        thread.start()
    path = docs_dir / NEWS
    try:
        for n in range(4):
            path.write_text(path.read_text() + f"\nParagraph {n} about adoption.\n")
            build_index(built, FakeModel())
    finally:
        done.set()
        for thread in readers:
            thread.join()
    assert failures == []
