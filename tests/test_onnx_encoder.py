"""The ONNX encoder must agree with sentence-transformers and never pull torch onto its path."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.embedding import bundled_model_path, model_fingerprint
from ofsted_qa.index.models import ONNX_DOCUMENT_BATCH, LocalModel, SentenceTransformerEmbedder
from ofsted_qa.index.onnx_encoder import OnnxEmbedder, ensure_onnx_export, onnx_cache_ready

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS = [
    p.strip()
    for f in sorted((ROOT / "seeds").glob("*.txt"))
    for p in f.read_text(encoding="utf-8").split("\n\n")
    if p.strip()
]
LONG_QUERY = " ".join(PARAGRAPHS)[:6000]  # far past 256 tokens: both must truncate alike
QUERIES = [
    "IRO",
    "care leavers",
    "How well are children missing education tracked?",
    "leadership and management of social workers",
    "domestic abuse",
    " ",
    LONG_QUERY,
]


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = tmp_path_factory.mktemp("onnx-cache")
    ensure_onnx_export(bundled_model_path(), cache, name="all-MiniLM-L6-v2")
    return cache


@pytest.fixture(scope="session")
def onnx_dir(cache_dir: Path) -> Path:
    folder = onnx_cache_ready(bundled_model_path(), cache_dir)
    assert folder is not None
    return folder


@pytest.fixture(scope="session")
def onnx(onnx_dir: Path) -> OnnxEmbedder:
    return OnnxEmbedder(onnx_dir)


@pytest.fixture(scope="session")
def reference() -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def paragraph_vectors(
    onnx: OnnxEmbedder, reference: SentenceTransformerEmbedder
) -> tuple[np.ndarray, np.ndarray]:
    return onnx.embed_documents(PARAGRAPHS), reference.embed_documents(PARAGRAPHS)


def test_metadata_matches_source(
    onnx: OnnxEmbedder, reference: SentenceTransformerEmbedder
) -> None:
    assert onnx.fingerprint == reference.fingerprint == model_fingerprint(bundled_model_path())
    assert (onnx.dimension, onnx.max_tokens) == (reference.dimension, reference.max_tokens)
    assert onnx.name == "all-MiniLM-L6-v2"


def test_paragraphs_match(paragraph_vectors: tuple[np.ndarray, np.ndarray]) -> None:
    ours, theirs = paragraph_vectors
    assert ours.dtype == np.float32 and ours.shape == theirs.shape
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.999, PARAGRAPHS[int(cosines.argmin())][:80]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q[:20])
def test_queries_match(
    onnx: OnnxEmbedder, reference: SentenceTransformerEmbedder, query: str
) -> None:
    ours, theirs = onnx.embed_query(query), reference.embed_query(query)
    assert ours.shape == (384,) and ours.dtype == np.float32
    assert float(ours @ theirs) >= 0.999
    assert onnx.count_tokens(query) == reference.count_tokens(query)


def test_long_query_is_truncated(onnx: OnnxEmbedder) -> None:
    assert onnx.count_tokens(LONG_QUERY) > 256  # counting does not truncate...
    # ...but embedding does: text past token 256 cannot change the vector.
    same = onnx.embed_query(LONG_QUERY + " entirely different words about ponies")
    assert float(same @ onnx.embed_query(LONG_QUERY)) > 0.99999


def test_same_top5(
    onnx: OnnxEmbedder,
    reference: SentenceTransformerEmbedder,
    paragraph_vectors: tuple[np.ndarray, np.ndarray],
) -> None:
    ours, theirs = paragraph_vectors
    for query in QUERIES[:5]:
        top_ours = np.argsort(-(ours @ onnx.embed_query(query)))[:5]
        top_theirs = np.argsort(-(theirs @ reference.embed_query(query)))[:5]
        assert list(top_ours) == list(top_theirs), query


def test_batches_keep_order_and_report_progress(onnx: OnnxEmbedder) -> None:
    texts = PARAGRAPHS[:40]
    seen: list[int] = []
    vectors = onnx.embed_documents(texts, on_progress=seen.append)
    assert sum(seen) == len(texts) and max(seen) <= onnx.batch_size
    for i in (0, 17, 39):
        assert float(vectors[i] @ onnx.embed_query(texts[i])) > 0.9999
    assert onnx.embed_documents([]).shape == (0, 384)


def test_batches_side_by_side_give_the_same_vectors(onnx_dir: Path) -> None:
    texts = PARAGRAPHS[:60]
    one_at_a_time = OnnxEmbedder(onnx_dir, batch_size=8, document_workers=1)
    side_by_side = OnnxEmbedder(onnx_dir, batch_size=8, document_workers=3)
    seen: list[int] = []
    parallel = side_by_side.embed_documents(texts, on_progress=seen.append)
    assert sum(seen) == len(texts) and side_by_side._batch_session is not None
    # Same batches, only the threads differ: the same vectors (bit-equal on the reference box).
    reference = one_at_a_time.embed_documents(texts)
    assert np.abs(parallel - reference).max() < 1e-6
    # The indexer's own setting (small batches, single-threaded sessions) pads less: the
    # vectors move by float noise only, and no ranking changes.
    shipped = LocalModel(onnx_cache=onnx_dir.parent).document_embedder()
    assert isinstance(shipped, OnnxEmbedder) and shipped.batch_size == ONNX_DOCUMENT_BATCH
    vectors = shipped.embed_documents(texts)
    assert np.abs(vectors - reference).max() < 1e-5
    for query in QUERIES[:5]:
        q = one_at_a_time.embed_query(query)
        assert list(np.argsort(-(vectors @ q))[:10]) == list(np.argsort(-(reference @ q))[:10])


class _PaddingMeter:
    """A session stand-in that counts the tokens each run is fed, padding included."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.fed = 0

    def run(self, outputs: list[str], feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
        self.fed += feeds["attention_mask"].size
        return self.session.run(outputs, feeds)


def _padded(lengths: list[int], size: int) -> int:
    return sum(
        max(lengths[i : i + size]) * len(lengths[i : i + size])
        for i in range(0, len(lengths), size)
    )


def test_batches_of_equal_token_counts_carry_no_padding(onnx_dir: Path) -> None:
    # Made-up words split into many pieces: sorted by characters, these texts would pair a
    # 6-token text with a 5-token one twice; sorted by token count, each pair is even.
    texts = ["xq zv", "care leavers", "the children and their", "qz xv"]
    embedder = OnnxEmbedder(onnx_dir, batch_size=2, document_workers=1)
    counts = [min(embedder.count_tokens(t), embedder.max_tokens) for t in texts]
    by_chars = [counts[i] for i in sorted(range(len(texts)), key=lambda i: len(texts[i]))]
    assert _padded(by_chars, 2) > sum(counts)  # the texts tell the two orders apart
    meter = _PaddingMeter(embedder._session)
    embedder._session = meter
    vectors = embedder.embed_documents(texts)
    assert meter.fed == _padded(sorted(counts), 2) == sum(counts)
    for i, text in enumerate(texts):
        assert float(vectors[i] @ embedder.embed_query(text)) > 0.9999


def test_windows_sort_apart_and_keep_order(onnx_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = PARAGRAPHS[:23]
    embedder = OnnxEmbedder(onnx_dir, batch_size=2)
    whole = embedder.embed_documents(texts)
    monkeypatch.setattr("ofsted_qa.index.onnx_encoder.SORT_WINDOW", 5)
    seen: list[int] = []
    windowed = embedder.embed_documents(texts, on_progress=seen.append)
    assert seen == [2, 2, 1] * 4 + [2, 1]  # no batch spans two windows of 5
    assert np.abs(windowed - whole).max() < 1e-5


def test_query_path_never_imports_torch(onnx_dir: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from ofsted_qa.index.onnx_encoder import OnnxEmbedder\n"
        f"OnnxEmbedder(Path({str(onnx_dir)!r})).embed_query('care leavers')\n"
        "heavy = {'torch', 'transformers', 'sentence_transformers'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OfstedQAError, match="No usable ONNX encoder"):
        OnnxEmbedder(tmp_path / "nowhere")


def test_corrupt_model_is_a_clear_error(onnx_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(onnx_dir, broken)
    (broken / "model.onnx").write_bytes(b"not a protobuf at all")
    with pytest.raises(OfstedQAError, match="corrupt"):
        OnnxEmbedder(broken)
    (broken / "encoder.json").write_text("{half a json")
    with pytest.raises(OfstedQAError, match="No usable ONNX encoder"):
        OnnxEmbedder(broken)


def test_cache_ready_checks_fingerprint(cache_dir: Path, onnx_dir: Path, tmp_path: Path) -> None:
    assert onnx_dir.name == f"onnx-{model_fingerprint(bundled_model_path())}"
    assert not [p for p in cache_dir.iterdir() if p.name.startswith(".")]  # no temp leftovers
    # Same folder name, but the export was made from other weights: not ready.
    other_cache = tmp_path / "cache"
    shutil.copytree(onnx_dir, other_cache / onnx_dir.name)
    meta_path = other_cache / onnx_dir.name / "encoder.json"
    meta = json.loads(meta_path.read_text())
    meta["fingerprint"] = "0" * 16
    meta_path.write_text(json.dumps(meta))
    assert onnx_cache_ready(bundled_model_path(), other_cache) is None
    assert onnx_cache_ready(bundled_model_path(), tmp_path / "empty") is None
    # A cached export is reused without touching torch again.
    assert ensure_onnx_export(bundled_model_path(), cache_dir) == onnx_dir


def test_idle_workers_sleep_rather_than_spin(onnx: OnnxEmbedder) -> None:
    options = onnx._session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
