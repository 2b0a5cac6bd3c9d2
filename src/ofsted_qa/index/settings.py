"""Where things live: the project root, the index folder and the document folders."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ofsted_qa.index.embedding import DEFAULT_MODEL

INDEX_ENV = "OFSTED_QA_INDEX"
ROOT_ENV = "OFSTED_QA_ROOT"
MODEL_ENV = "OFSTED_QA_MODEL"


def project_root() -> Path:
    """The checkout this package runs from (sources are cited relative to it), else the cwd."""
    if os.environ.get(ROOT_ENV):
        return Path(os.environ[ROOT_ENV]).resolve()
    checkout = Path(__file__).resolve().parents[3]
    if (checkout / "pyproject.toml").exists() and (checkout / "seeds").is_dir():
        return checkout
    return Path.cwd().resolve()


@dataclass(frozen=True)
class Settings:
    root: Path
    index_dir: Path
    doc_dirs: tuple[Path, ...]
    model: str = DEFAULT_MODEL
    dense_kind: str = "flat"

    @property
    def extracted_dir(self) -> Path:
        """What the readers recovered from each file, kept by content (ingest.extract_cache)."""
        return self.index_dir / "extracted"

    @classmethod
    def resolve(
        cls,
        *,
        index_dir: str | None = None,
        doc_dirs: list[str] | None = None,
        model: str | None = None,
        dense_kind: str = "flat",
    ) -> Settings:
        root = project_root()
        index = Path(index_dir or os.environ.get(INDEX_ENV) or root / "index")
        docs = tuple(Path(d).resolve() for d in doc_dirs) if doc_dirs else (root / "seeds",)
        return cls(
            root=root,
            index_dir=index.resolve(),
            doc_dirs=docs,
            model=model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL,
            dense_kind=dense_kind,
        )
