"""A build that adds, removes or edits a few documents reuses the previous generation's BM25
terms and vocabulary counts, and ends exactly where a build from nothing of the same documents
does: same vocabulary, typo words, passage terms and BM25 scores."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from fakes import FakeModel
from ofsted_qa.index import generations, incremental
from ofsted_qa.index.bm25_arrays import build_retriever
from ofsted_qa.index.build import build_index
from ofsted_qa.index.dense_index import DenseIndex
from ofsted_qa.index.generations import LEXICAL_DIR, IndexBundle
from ofsted_qa.index.lexical_index import terms
from ofsted_qa.index.passage_terms import IDS_FILE, NAMES_FILE, OFFSETS_FILE, PassageTerms
from ofsted_qa.index.settings import Settings
from ofsted_qa.index.typo_words import TypoWords
from ofsted_qa.index.vocabulary import Vocabulary

HELD_OUT = "002_e7d3b80cb6f79f70.txt"
REMOVED = "004_d11720999f465dce.txt"
EDITED = "001_900efe804ed2a3da.txt"


def _scratch(settings: Settings, tmp_path: Path) -> IndexBundle:
    """A build from nothing of the same documents, in its own index folder."""
    fresh = Settings(settings.root, tmp_path / "scratch-index", settings.doc_dirs)
    build_index(fresh, FakeModel())
    return generations.load_current(fresh.index_dir)


def _assert_same(incremental_: IndexBundle, scratch: IndexBundle) -> None:
    a, b = incremental_.folder, scratch.folder
    assert Vocabulary.load(a) == Vocabulary.load(b)
    assert TypoWords.load(a) == TypoWords.load(b)
    assert PassageTerms.load(a / LEXICAL_DIR) == PassageTerms.load(b / LEXICAL_DIR)
    assert dict(incremental_.lexical.vocabulary) == dict(scratch.lexical.vocabulary)
    queries = {t for chunk in list(scratch.store)[::7] for t in terms(chunk.text)}
    for query in sorted(queries)[:200]:
        assert np.array_equal(incremental_.lexical.scores([query]), scratch.lexical.scores([query]))
    lexical = (f"{LEXICAL_DIR}/{name}" for name in (IDS_FILE, OFFSETS_FILE, NAMES_FILE))
    for path in ("vocabulary.json", "typo_words.json", *lexical):
        assert (a / path).read_bytes() == (b / path).read_bytes(), path


class Tokenized:
    """Counts the passages the BM25 side tokenizes."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.passages = 0
        real = incremental.terms

        def counting(text: str) -> list[str]:
            self.passages += 1
            return real(text)

        monkeypatch.setattr(incremental, "terms", counting)


def _no_full_count(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_chunks: object) -> Vocabulary:
        raise AssertionError("the vocabulary was counted afresh, not updated")

    monkeypatch.setattr(incremental.Vocabulary, "of", classmethod(lambda cls, c: refuse(c)))


@pytest.fixture
def held_out(settings: Settings, docs_dir: Path, tmp_path: Path) -> Path:
    """The index built without one seed, which waits beside the folder."""
    aside = tmp_path / HELD_OUT
    shutil.move(docs_dir / HELD_OUT, aside)
    build_index(settings, FakeModel())
    return aside


def test_adding_a_report_equals_building_from_scratch(
    settings: Settings, docs_dir: Path, held_out: Path, tmp_path: Path, monkeypatch
) -> None:
    shutil.copy(held_out, docs_dir / HELD_OUT)
    with monkeypatch.context() as patched:
        tokenized = Tokenized(patched)
        _no_full_count(patched)
        report = build_index(settings, FakeModel())
    assert report.added == (HELD_OUT.removesuffix(".txt"),)
    added = generations.load_current(settings.index_dir)
    # Work grows with the report added, not with the corpus already indexed.
    assert tokenized.passages == added.store.chunk_count(report.added[0])
    _assert_same(added, _scratch(settings, tmp_path))


def test_removing_and_editing_equal_building_from_scratch(
    settings: Settings, docs_dir: Path, built: Settings, tmp_path: Path, monkeypatch
) -> None:
    (docs_dir / REMOVED).unlink()
    edited = docs_dir / EDITED
    edited.write_text(edited.read_text() + "\n\nA new paragraph on chronologies.\n")
    with monkeypatch.context() as patched:
        tokenized = Tokenized(patched)
        _no_full_count(patched)
        report = build_index(settings, FakeModel())
    assert report.removed and report.changed
    after = generations.load_current(settings.index_dir)
    assert tokenized.passages == after.store.chunk_count(report.changed[0])
    scratch = _scratch(settings, tmp_path)
    _assert_same(after, scratch)
    assert "chronologies" in Vocabulary.load(after.folder).counts  # type: ignore[union-attr]


def test_a_previous_build_without_saved_terms_is_tokenized_afresh(
    settings: Settings, docs_dir: Path, held_out: Path, tmp_path: Path
) -> None:
    before = generations.current_generation(settings.index_dir)
    assert before is not None
    (before / LEXICAL_DIR / IDS_FILE).write_bytes(b"damaged")
    (before / "vocabulary.json").write_text('{"counts": {}, "idf": {}}')  # an older format
    shutil.copy(held_out, docs_dir / HELD_OUT)
    build_index(settings, FakeModel(), force_publish=True)
    _assert_same(generations.load_current(settings.index_dir), _scratch(settings, tmp_path))


def test_vocabulary_update_subtracts_what_it_added(settings: Settings, built: Settings) -> None:
    bundle = generations.load_current(settings.index_dir)
    chunks = list(bundle.store)
    whole = Vocabulary.of(chunks)
    first, rest = chunks[:40], chunks[40:]
    assert Vocabulary.of(rest).updated(first, []) == whole
    assert whole.updated([], first) == Vocabulary.of(rest)
    with pytest.raises(ValueError, match="document frequencies"):
        Vocabulary(whole.counts, whole.idf).updated(first, [])


def test_bm25_from_arrays_is_bm25s_own_build(settings: Settings, built: Settings) -> None:
    import bm25s

    chunks = list(generations.load_current(settings.index_dir).store)
    passage_terms = PassageTerms.of(terms(c.embedding_text) for c in chunks)
    ours = build_retriever(passage_terms)
    bounds = passage_terms.offsets.tolist()
    ids = passage_terms.ids.tolist()
    theirs = bm25s.BM25(k1=1.2, b=0.75)
    theirs.index(
        ([ids[a:b] for a, b in zip(bounds, bounds[1:], strict=False)], passage_terms.vocabulary()),
        show_progress=False,
    )
    for part in ("data", "indices", "indptr"):
        assert ours.scores[part].dtype == theirs.scores[part].dtype
        assert np.array_equal(ours.scores[part], theirs.scores[part]), part
    assert ours.vocab_dict == theirs.vocab_dict


def _centroids(index: DenseIndex) -> np.ndarray:
    import faiss

    ivf = faiss.downcast_index(index._index)
    return faiss.rev_swig_ptr(faiss.downcast_index(ivf.quantizer).get_xb(), ivf.nlist * ivf.d)


def test_ivfpq_quantisers_are_reused_while_the_corpus_is_near_their_size() -> None:
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(6000, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    first = DenseIndex.build(vectors[:5000], "ivfpq")
    grown = DenseIndex.build(vectors[:5200], "ivfpq", trained=first)
    assert np.array_equal(_centroids(grown), _centroids(first)), "trained again"
    assert grown.size == 5200
    ids, _ = grown.top(vectors[5100], 1)  # a vector added by the second build is found
    assert ids.tolist() == [5100]
    doubled = np.vstack([vectors, vectors[:4000] * -1])
    retrained = DenseIndex.build(doubled, "ivfpq", trained=first)  # far bigger: trained anew
    assert len(_centroids(retrained)) != len(_centroids(first))
