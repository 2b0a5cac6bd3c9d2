"""A build killed while embedding resumes from the vectors it had finished, not from zero."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from fakes import FakeEmbedder, FakeModel
from ofsted_qa.index import generations, vector_fill
from ofsted_qa.index.build import build_index
from ofsted_qa.index.settings import Settings
from ofsted_qa.index.vector_cache import RESUME_DIR, VectorCache, text_key


class Killed(Exception):
    """Stands in for the process dying mid-build."""


class DiesAfter(FakeEmbedder):
    """Embeds `allowed` texts, then dies before returning the next slice."""

    def __init__(self, allowed: int) -> None:
        super().__init__()
        self.allowed = allowed

    def embed_documents(self, texts: Sequence[str], *, on_progress=None) -> np.ndarray:  # type: ignore[no-untyped-def]
        if self.embedded + len(texts) > self.allowed:
            raise Killed
        return super().embed_documents(texts, on_progress=on_progress)


class DyingModel(FakeModel):
    def __init__(self, allowed: int) -> None:
        super().__init__()
        self.embedder = DiesAfter(allowed)


def test_a_killed_build_resumes_from_finished_slices(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vector_fill, "RESUME_SLICE", 50)
    dying = DyingModel(allowed=120)  # two slices of 50 finish, the third dies
    with pytest.raises(Killed):
        build_index(settings, dying)
    assert generations.current_generation(settings.index_dir) is None
    assert dying.embedder.embedded == 100

    resumed = FakeModel()
    report = build_index(settings, resumed)
    total = len(generations.load_current(settings.index_dir).store)
    # Only what the killed build had not finished is embedded again.
    assert report.embedded == resumed.embedder.embedded
    assert resumed.embedder.embedded + 100 >= report.embedded + 100
    assert resumed.embedder.embedded <= total - 100
    assert not (settings.index_dir / RESUME_DIR).exists(), "published: the resume cache is emptied"


def test_resumed_vectors_are_the_ones_the_model_gives(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vector_fill, "RESUME_SLICE", 40)
    with pytest.raises(Killed):
        build_index(settings, DyingModel(allowed=90))
    build_index(settings, FakeModel())
    bundle = generations.load_current(settings.index_dir)
    reference = FakeEmbedder()
    for i in range(0, len(bundle.store), 17):
        expected = reference.embed_documents([bundle.store.get(i).embedding_text])[0]
        assert np.allclose(bundle.vectors[i], expected)


def test_unfinished_or_damaged_slices_are_ignored(tmp_path: Path) -> None:
    cache = VectorCache(tmp_path, "fp")
    cache.save([text_key("a"), text_key("b")], np.ones((2, 3), dtype=np.float32))
    (cache.folder / "000009.npy").write_bytes(b"not an array")  # no keys file: unfinished
    (cache.folder / "000010.keys").write_text(text_key("c") + "\n")  # keys without vectors
    found = cache.load([text_key("a"), text_key("c")])
    assert list(found) == [text_key("a")]
    assert VectorCache(tmp_path, "other-model").load([text_key("a")]) == {}
