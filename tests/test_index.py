from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from fakes import FakeModel
from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index import generations
from ofsted_qa.index.build import build_index
from ofsted_qa.index.freshness import stale_reasons
from ofsted_qa.index.session import open_index
from ofsted_qa.index.settings import Settings

REPORT = "003_365e1ef2b819a726"
NEWS = "001_900efe804ed2a3da"


def _live(settings: Settings) -> generations.IndexBundle:
    return generations.load_current(settings.index_dir)


def test_build_writes_a_complete_index(built: Settings) -> None:
    bundle = _live(built)
    manifest = bundle.manifest
    assert manifest.model_fingerprint == "fake-hash-v1" and manifest.dimension == 64
    assert {r.doc_id for r in manifest.documents} == set(bundle.store.documents)
    assert manifest.chunk_count == len(bundle.store) == bundle.dense.size == len(bundle.vectors)
    assert all(len(r.content_hash) == 64 for r in manifest.documents)
    names = {p.name for p in bundle.folder.iterdir()}
    assert {
        "manifest.json",
        "chunks.sqlite",
        "vectors.npy",
        "dense.faiss",
        "lexical",
    } <= names
    assert not any(p.suffix in {".pkl", ".pickle"} for p in bundle.folder.rglob("*"))


def test_rebuild_with_nothing_changed_embeds_nothing(built: Settings) -> None:
    model = FakeModel()
    report = build_index(built, model)
    assert not report.published and report.embedded == 0 and model.loads == 0


def test_incremental_reembeds_only_what_changed(built: Settings, docs_dir: Path) -> None:
    before = _live(built)
    news = docs_dir / f"{NEWS}.txt"
    news.write_text(news.read_text() + "\n\nA new closing paragraph about kinship carers.\n")
    (docs_dir / "004_d11720999f465dce.txt").unlink()
    (docs_dir / "005_new.txt").write_text(
        "Fresh report\n\nInspectors praised the fostering service.\n"
    )
    model = FakeModel()
    report = build_index(built, model)
    assert report.changed == (NEWS,)
    assert report.removed == ("004_d11720999f465dce",)
    assert report.added == ("005_new",)
    after = _live(built)
    assert "004_d11720999f465dce" not in after.store.documents
    # Only the appended paragraph and the new document's passage meet the model; the edited
    # article's other passages keep their vectors.
    old_vectors = {
        before.store.get(i).embedding_text: before.vectors[i] for i in before.store.doc_range(NEWS)
    }
    fresh = [i for d in (NEWS, "005_new") for i in after.store.doc_range(d)]
    unseen = [after.store.get(i).embedding_text for i in fresh]
    unseen = [t for t in unseen if t not in old_vectors]
    assert len(unseen) == 2 and model.embedder.texts == unseen
    assert (report.embedded, report.reused) == (2, len(fresh) - 2)
    for i in after.store.doc_range(NEWS):
        kept = old_vectors.get(after.store.get(i).embedding_text)
        assert kept is None or (after.vectors[i] == kept).all()
    # Vectors of an untouched document are carried over exactly.
    old_ids, new_ids = before.store.doc_range(REPORT), after.store.doc_range(REPORT)
    assert (
        before.vectors[old_ids.start : old_ids.stop] == after.vectors[new_ids.start : new_ids.stop]
    ).all()
    assert before.folder.exists(), "the replaced generation is kept for readers that resolved it"


def test_editing_one_paragraph_reembeds_that_passage_alone(built: Settings, docs_dir: Path) -> None:
    path = docs_dir / f"{REPORT}.txt"
    text = path.read_text()
    typed = "do not routinely audit the work done by social workers"
    assert text.count(typed) == 1
    path.write_text(
        text.replace(typed, "do not yet routinely audit the work done by social workers")
    )
    model = FakeModel()
    report = build_index(built, model)
    assert report.changed == (REPORT,) and report.embedded == 1
    assert "do not yet routinely audit" in model.embedder.texts[0]
    assert report.reused == _live(built).store.chunk_count(REPORT) - 1
    assert "; 1 passage embedded, " in report.summary()


def test_a_new_document_repeating_indexed_text_takes_its_vectors(
    built: Settings, docs_dir: Path
) -> None:
    (docs_dir / "006_reprint.txt").write_text((docs_dir / f"{NEWS}.txt").read_text())
    model = FakeModel()
    report = build_index(built, model)
    bundle = _live(built)
    copy, original = bundle.store.doc_range("006_reprint"), bundle.store.doc_range(NEWS)
    assert report.added == ("006_reprint",) and report.embedded == 0 and model.loads == 0
    assert report.reused == len(copy) == len(original) > 1
    assert (bundle.vectors[copy] == bundle.vectors[original]).all()


def test_a_text_repeated_across_documents_is_embedded_once(built: Settings, docs_dir: Path) -> None:
    boilerplate = (
        "Information about this inspection\n\nInspectors spoke to children, families and staff.\n"
    )
    for name in ("006_first.txt", "007_second.txt"):
        (docs_dir / name).write_text(boilerplate)
    model = FakeModel()
    report = build_index(built, model)
    assert report.added == ("006_first", "007_second")
    assert (report.embedded, report.reused) == (1, 1) and len(model.embedder.texts) == 1
    bundle = _live(built)
    first, second = (bundle.store.doc_range(d).start for d in report.added)
    assert (bundle.vectors[first] == bundle.vectors[second]).all()


def test_stale_index_is_detected(built: Settings, docs_dir: Path) -> None:
    bundle = _live(built)
    assert stale_reasons(bundle.manifest, built, FakeModel()) == []
    assert stale_reasons(bundle.manifest, built, FakeModel("other-model")) == [
        "model changed (fake-hash -> fake-hash)"
    ]
    path = docs_dir / "000_e6b9569f94716482.txt"
    path.write_text(path.read_text().replace("outstanding", "OUTSTANDING"))
    assert stale_reasons(bundle.manifest, built, FakeModel()) == ["documents changed"]


def test_touched_but_identical_file_is_not_stale(built: Settings, docs_dir: Path) -> None:
    path = docs_dir / "000_e6b9569f94716482.txt"
    os.utime(path, ns=(1, 1))
    assert stale_reasons(_live(built).manifest, built, FakeModel()) == []


def test_metadata_edit_is_stale_but_reuses_vectors(built: Settings, docs_dir: Path) -> None:
    meta = docs_dir / "metadata.json"
    meta.write_text(meta.read_text().replace('"News Shopper"', '"The News Shopper"'))
    assert stale_reasons(_live(built).manifest, built, FakeModel()) == ["documents changed"]
    model = FakeModel()
    report = build_index(built, model)
    assert report.published and report.embedded == 0
    assert _live(built).store.documents["001_900efe804ed2a3da"].publisher == "The News Shopper"
    assert stale_reasons(_live(built).manifest, built, FakeModel()) == []


def test_metadata_edit_that_changes_no_citation_settles_after_one_build(
    built: Settings, docs_dir: Path
) -> None:
    meta = docs_dir / "metadata.json"
    meta.write_text(
        meta.read_text().replace('"notes": "No headline', '"notes": "Still no headline')
    )
    assert stale_reasons(_live(built).manifest, built, FakeModel()) == ["documents changed"]
    report = build_index(built, FakeModel())
    assert report.published and report.embedded == 0
    assert stale_reasons(_live(built).manifest, built, FakeModel()) == []


def test_stale_index_refused_under_no_build(built: Settings, docs_dir: Path) -> None:
    (docs_dir / "005_new.txt").write_text("Another report.\n")
    with pytest.raises(OfstedQAError, match="needs rebuilding: documents changed"):
        open_index(built, FakeModel(), allow_build=False)
    bundle = open_index(built, FakeModel(), allow_build=True)
    assert "005_new" in bundle.store.documents


def test_model_change_rebuilds_everything(built: Settings) -> None:
    model = FakeModel("another-fingerprint")
    bundle = open_index(built, model)
    assert bundle.manifest.model_fingerprint == "another-fingerprint"
    assert model.embedder.embedded == len(bundle.store)


@pytest.mark.parametrize(
    "damage", ["truncate_faiss", "bad_chunks_json", "bad_manifest", "missing_vectors"]
)
def test_corrupt_index_gives_clear_error_then_rebuilds(built: Settings, damage: str) -> None:
    folder = _live(built).folder
    if damage == "truncate_faiss":
        path = folder / "dense.faiss"
        path.write_bytes(path.read_bytes()[:100])
    elif damage == "bad_chunks_json":
        (folder / "chunks.sqlite").write_text('{"doc_id": "x", broken\n')
    elif damage == "bad_manifest":
        (folder / "manifest.json").write_text("{")
    else:
        (folder / "vectors.npy").unlink()
    with pytest.raises(OfstedQAError) as caught:
        generations.load_current(built.index_dir)
    assert "index" in caught.value.message.lower()
    with pytest.raises(OfstedQAError, match="needs rebuilding"):
        open_index(built, FakeModel(), allow_build=False)
    bundle = open_index(built, FakeModel())
    assert len(bundle.store) > 200


def test_failed_build_keeps_previous_index(built: Settings, docs_dir: Path) -> None:
    class Exploding(FakeModel):
        def document_embedder(self):  # type: ignore[no-untyped-def]
            raise RuntimeError("model crashed mid-build")

    before = _live(built)
    (docs_dir / "005_new.txt").write_text("New text to embed.\n")
    with pytest.raises(RuntimeError):
        build_index(built, Exploding())
    after = _live(built)
    assert after.folder == before.folder and len(after.store) == len(before.store)
    build_index(built, FakeModel())  # the next build cleans the abandoned folder
    assert not list(built.index_dir.glob(".build-*"))


def test_build_with_no_documents_refuses_and_keeps_index(built: Settings, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(OfstedQAError, match="No readable documents"):
        build_index(replace(built, doc_dirs=(empty,)), FakeModel())
    assert len(_live(built).store) > 0


KILLED_BUILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from pathlib import Path
    from fakes import FakeModel
    from ofsted_qa.index.settings import Settings
    from ofsted_qa.index.build import build_index

    class Slow(FakeModel):
        def document_embedder(self):
            embedder = super().document_embedder()
            original = embedder.embed_documents
            def slow(texts, on_progress=None):
                print("embedding", flush=True)
                time.sleep(60)
                return original(texts, on_progress=on_progress)
            embedder.embed_documents = slow
            return embedder

    settings = Settings(root=Path({root!r}), index_dir=Path({index!r}), doc_dirs=(Path({docs!r}),))
    build_index(settings, Slow(), rebuild=True)
    """
)


def test_killed_build_leaves_previous_index_usable(built: Settings, docs_dir: Path) -> None:
    before = _live(built)
    script = KILLED_BUILD.format(
        tests=str(Path(__file__).parent),
        root=str(built.root),
        index=str(built.index_dir),
        docs=str(docs_dir),
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "embedding"
    process.send_signal(signal.SIGKILL)
    process.wait()
    after = _live(built)
    assert after.folder == before.folder and len(after.store) == len(before.store)
    report = build_index(built, FakeModel(), rebuild=True)
    assert report.published
    assert not list(built.index_dir.glob(".build-*"))


def test_a_new_chunker_rechunks_but_reembeds_no_unchanged_text(
    built: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ofsted_qa.index import build

    monkeypatch.setattr(build, "CHUNKER_VERSION", "next")
    model = FakeModel()
    report = build_index(built, model)
    assert report.published and len(report.changed) == 5
    assert model.embedder.embedded == 0  # every passage's text was embedded by the old index
    assert _live(built).manifest.chunker_version == "next"


def test_new_readers_make_an_index_stale_until_it_is_rebuilt(
    built: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Readers' facts (grades, dates) are the documents' metadata: other readers may read other
    # facts from unchanged files, so the index must say so rather than answer from the old ones.
    from ofsted_qa.index import build, freshness

    assert stale_reasons(_live(built).manifest, built, FakeModel()) == []
    monkeypatch.setattr(freshness, "READERS_VERSION", 10_000)
    monkeypatch.setattr(build, "READERS_VERSION", 10_000)
    assert stale_reasons(_live(built).manifest, built, FakeModel()) == ["document readers changed"]
    report = build_index(built, FakeModel())
    # the seeds' facts are the same, yet the manifest must record the new readers
    assert report.published and _live(built).manifest.readers_version == 10_000
    assert stale_reasons(_live(built).manifest, built, FakeModel()) == []
