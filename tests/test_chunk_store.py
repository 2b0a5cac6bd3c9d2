"""The chunk store on disk (SQLite, read by id): the same passages, documents, ranges and
lookups as the store it was written from; nothing a question does reads every passage; a
damaged file is a clear error; an older index's JSON Lines still read, for their vectors."""

from __future__ import annotations

import json
import random
import re
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest

from fakes import FakeEmbedder, FakeModel
from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index import generations
from ofsted_qa.index import manifest as manifest_module
from ofsted_qa.index.build import build_index
from ofsted_qa.index.lexical_index import LexicalIndex, terms
from ofsted_qa.index.ordinary_words import ordinary_words
from ofsted_qa.index.passage_db import STORE_FILE, PassageDatabase
from ofsted_qa.index.passage_terms import EMPTY
from ofsted_qa.index.settings import Settings
from ofsted_qa.index.store import ChunkStore, chunk_to_json
from ofsted_qa.retrieval import scoring
from ofsted_qa.retrieval.council_question import ordinary_in
from ofsted_qa.retrieval.query import interpret
from ofsted_qa.retrieval.results import Filters
from ofsted_qa.retrieval.search import Searcher


def _live(settings: Settings) -> generations.IndexBundle:
    return generations.load_current(settings.index_dir)


def test_the_store_reads_back_what_was_written(built: Settings) -> None:
    disk = _live(built).store
    memory = ChunkStore(list(disk), dict(disk.documents))
    assert len(disk) == len(memory) > 200
    assert [disk.get(i) for i in range(len(disk))] == list(memory.chunks)
    assert list(disk.documents.items()) == list(memory.documents.items())
    for doc_id in memory.documents:
        assert disk.doc_range(doc_id) == memory.doc_range(doc_id)
    assert disk.document_positions.tolist() == memory.document_positions.tolist()
    for i in range(0, len(memory), 7):
        chunk = memory.get(i)
        assert disk.neighbours(i, 2) == memory.neighbours(i, 2)
        assert disk.find(chunk.doc_id, chunk.paragraph) == memory.find(
            chunk.doc_id, chunk.paragraph
        )
        assert disk.meta(i) == memory.meta(i)
    assert disk.find("no such document", "1") is None
    assert disk.get(-1) == memory.get(-1) and disk.chunks[1:3] == memory.chunks[1:3]
    with pytest.raises(IndexError):
        disk.get(len(disk))


TRICKY = [
    "Care leavers' reading age is assessed by the virtual school.",
    "their reading, age",
    "in  reading age",  # two spaces before: not between words
    "in reading\nage",
    "Families bury their differences when plans are clear.",
    "Hull has improved. In Poole they",
    "it\u2019s reading time, poole is",
    "the café bexley éclair",
    "at,reading now and 2014 then",
]


def test_ordinary_words_are_the_words_the_pattern_finds(built: Settings) -> None:
    texts = TRICKY + [c.text for c in _live(built).store]
    words = sorted({w.lower() for t in texts for w in re.findall(r"[^\W_]+", t)})
    sample = set(random.Random(0).sample(words, 400)) | {
        w.lower() for t in TRICKY for w in re.findall(r"[^\W_]+", t)
    }
    found, pattern = ordinary_words(texts), ordinary_in(texts)
    assert {w for w in sample if w in found} == {w for w in sample if pattern(w)}
    assert {"reading", "bury", "poole"} <= found and "hull" not in found


def test_the_saved_ordinary_words_answer_as_the_passages_do(built: Settings) -> None:
    disk = _live(built).store
    memory = ChunkStore(list(disk), dict(disk.documents))
    words = {w.lower() for c in memory for w in re.findall(r"[^\W_]+", c.text)}
    assert any(memory.ordinary(w) for w in words)
    assert all(disk.ordinary(w) == memory.ordinary(w) for w in sorted(words)[:600])


def test_no_question_reads_every_passage(built: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    def every_passage(self: PassageDatabase) -> None:
        raise AssertionError("a question walked every passage")

    monkeypatch.setattr(PassageDatabase, "passages", every_passage)
    searcher = Searcher(_live(built), FakeEmbedder())
    asked = [
        ("what did Ofsted say about care leavers in 2014", Filters()),
        ("compare Bexley in 2014 and 2023", Filters(years=(2014,))),
        ("how many children in care", Filters(doc_ids=(searcher.bundle.store.get(0).doc_id,))),
        ("Reading and Bexley IROs", Filters(kinds=(searcher.bundle.store.meta(0).kind,))),
    ]
    for question, filters in asked:
        assert searcher.search(question, filters=filters).hits


def test_a_damaged_store_file_is_a_clear_error(
    built: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(manifest_module, "VERIFY_ON_LOAD_BYTES", 0)  # size only, as a big file
    path = _live(built).folder / STORE_FILE
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    middle = bytearray(data)
    middle[4096 * (pages // 2) : 4096 * (pages // 2 + 4)] = b"\xff" * 4096 * 4
    path.write_bytes(bytes(middle))  # same size: only reading it can tell
    store = _live(built).store
    with pytest.raises(OfstedQAError, match=f"{STORE_FILE} is damaged"):
        list(store)
    data[:100] = b"\0" * 100
    path.write_bytes(bytes(data))
    with pytest.raises(OfstedQAError, match=f"{STORE_FILE} is damaged"):
        _live(built)
    path.unlink()
    with pytest.raises(OfstedQAError, match=f"missing {STORE_FILE}"):
        _live(built)


def test_lexical_scores_are_those_bm25s_gives(built: Settings) -> None:
    import bm25s

    folder = _live(built).folder / "lexical"
    ours = LexicalIndex.load(folder, len(_live(built).store))
    theirs = bm25s.BM25.load(str(folder))
    for question in ["care leavers in 2014", "IRO IRO caseloads", "MASH front door", "zzqx"]:
        query = terms(question)
        known = [t for t in query if t in theirs.vocab_dict]
        expected = theirs.get_scores(known) if known else np.zeros(ours.size)
        assert np.array_equal(ours.scores(query), np.asarray(expected, dtype=np.float32))
    assert ours.scores(terms("care leavers")).max() > 0


def _as_format_3(folder: Path, store: ChunkStore) -> None:
    """Rewrite a generation as format 3 wrote it: passages in JSON Lines, documents in JSON."""
    (folder / "chunks.jsonl").write_text("".join(chunk_to_json(c) + "\n" for c in store))
    documents = {doc_id: asdict(meta) for doc_id, meta in store.documents.items()}
    (folder / "documents.json").write_text(json.dumps(documents, ensure_ascii=False))
    (folder / STORE_FILE).unlink()
    raw = json.loads((folder / "manifest.json").read_text())
    raw["format_version"] = 3
    for name in ("files", "checksums"):
        raw[name].pop(STORE_FILE)
    raw["files"] |= {n: (folder / n).stat().st_size for n in ("chunks.jsonl", "documents.json")}
    (folder / "manifest.json").write_text(json.dumps(raw))


def test_an_older_index_is_rebuilt_with_its_vectors(built: Settings) -> None:
    before = _live(built)
    _as_format_3(before.folder, ChunkStore(list(before.store), dict(before.store.documents)))
    old = _live(built)
    assert old.manifest.format_version == 3 and list(old.store) == list(before.store)
    model = FakeModel()
    report = build_index(built, model)
    after = _live(built)
    assert report.published and report.embedded == 0 and model.embedder.embedded == 0
    assert after.manifest.format_version == manifest_module.FORMAT_VERSION
    assert (after.folder / STORE_FILE).is_file() and list(after.store) == list(before.store)


def test_saved_terms_give_the_phrase_bonus_the_texts_give(built: Settings) -> None:
    bundle = _live(built)
    saved = bundle.passage_terms
    assert saved is not None
    vocabulary = bundle.lexical.vocabulary
    for i in range(0, len(bundle.store), 11):
        words = terms(bundle.store.get(i).embedding_text) or [EMPTY]
        expected = [vocabulary[t] for t in words]
        assert saved.ids[saved.offsets[i] : saved.offsets[i + 1]].tolist() == expected
    chunks = list(bundle.store)
    from_texts = scoring.Phrases(chunks)
    from_ids = scoring.Phrases(chunks, saved, vocabulary)
    idf = bundle.vocabulary().idf
    every = np.arange(len(chunks))
    rng = np.random.default_rng(0)
    shown = 0.0
    for question in [
        "care leavers personal advisers",
        "what did the cabinet member for children say",
        "children in care placed out of area",
        "multi-agency safeguarding hub front door",
        "the quality of social work practice improved",
    ]:
        query = interpret(question).base_terms
        for candidates in (every, np.sort(rng.choice(every, 40, replace=False))):
            want = scoring.phrase_share(from_texts, candidates, query, idf)
            got = scoring.phrase_share(from_ids, candidates, query, idf)
            assert got.dtype == want.dtype and np.array_equal(got, want), question
            shown += float(want.sum())
    assert shown > 0  # some question's pairs were found side by side


def test_texts_are_read_in_the_order_asked(built: Settings) -> None:
    disk = _live(built).store
    ids = [5, 1, len(disk) - 1, 5, *range(20, 700 if len(disk) > 700 else len(disk))]
    assert disk.texts(ids) == [disk.get(i).text for i in ids]
    assert disk.texts([]) == []


def test_checksums_are_remembered_until_a_file_changes(
    built: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ofsted_qa.index import checksums

    hashed: list[str] = []
    real = checksums.file_sha256
    monkeypatch.setattr(checksums, "file_sha256", lambda p: hashed.append(p.name) or real(p))
    folder = _live(built).folder
    assert "vectors.npy" in hashed  # small files are checked on the first load
    hashed.clear()
    monkeypatch.setattr(checksums, "_memory", {})  # a fresh process: only the file remembers
    _live(built)
    assert hashed == []
    vectors = folder / "vectors.npy"
    data = bytearray(vectors.read_bytes())
    data[-64:] = bytes(64)
    vectors.write_bytes(bytes(data))  # same size, new bytes and time
    with pytest.raises(OfstedQAError, match="vectors.npy is damaged"):
        _live(built)
