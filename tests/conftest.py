from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fakes import FakeModel  # noqa: E402
from ofsted_qa.index.settings import Settings  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture
def docs_dir(tmp_path: Path) -> Path:
    """A private copy of the seeds, free to edit."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def settings(tmp_path: Path, docs_dir: Path) -> Settings:
    return Settings(root=tmp_path, index_dir=tmp_path / "index", doc_dirs=(docs_dir,))


@pytest.fixture
def fake_model() -> FakeModel:
    return FakeModel()


@pytest.fixture
def built(settings: Settings, fake_model: FakeModel) -> Settings:
    from ofsted_qa.index.build import build_index

    build_index(settings, fake_model)
    return settings


@pytest.fixture
def env(tmp_path: Path, docs_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """CLI arguments that point at a private index of the seeds, with the fake model."""
    from ofsted_qa.index import session

    monkeypatch.setenv("OFSTED_QA_ROOT", str(tmp_path))
    model = FakeModel()
    monkeypatch.setattr(session, "local_model", lambda settings: model)
    monkeypatch.setattr(session, "prepare_query_encoder", lambda settings, notify: None)
    return ["--index", str(tmp_path / "index")]


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The seeds indexed once per test session with the real bundled model (and its ONNX export)."""
    from ofsted_qa.index.session import index_documents, local_model

    root = tmp_path_factory.mktemp("real")
    shutil.copytree(SEEDS, root / "seeds")
    settings = Settings(root=root, index_dir=root / "index", doc_dirs=(root / "seeds",))
    index_documents(settings, local_model(settings), rebuild=False, progress=None, notify=print)
    return settings


@pytest.fixture(autouse=True)
def private_copy_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The TUI saves each copy to a file: a private one per test, never the user's cache."""
    path = tmp_path / "copied.txt"
    monkeypatch.setenv("OFSTED_QA_COPY_FILE", str(path))
    return path
