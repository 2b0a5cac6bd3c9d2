"""What every bench section shares: the run's Context (profile, folders, the one model and query
encoder, index settings) and the ranking helpers that compare two encoders' golden rankings.

Imported by bench/run.py, which puts src/ and bench/ on sys.path first."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import harness

from ofsted_qa.index.settings import Settings


@dataclass
class Context:
    profile: str
    fake: bool
    work: Path
    out: Path
    conf: dict[str, Any]
    results: dict[str, Any] = field(default_factory=dict)
    log: Callable[[str], None] = print
    _model: Any = None
    _query_embedder: Any = None

    @property
    def bin(self) -> Path:
        return Path(sys.executable).parent

    def model(self) -> Any:
        if self._model is None:
            if self.fake:
                from models import HashModel

                self._model = HashModel()
            else:
                from ofsted_qa.index.models import LocalModel

                self._model = LocalModel(onnx_cache=self.seeds_settings().index_dir / "encoders")
        return self._model

    def query_embedder(self) -> Any:
        """The encoder `ofsted-qa ask` uses: ONNX when exported, else sentence-transformers."""
        if self._query_embedder is None:
            self._query_embedder = self.model().query_embedder()
        return self._query_embedder

    def settings(self, name: str, docs: Path) -> Settings:
        return Settings(root=harness.ROOT, index_dir=self.work / name, doc_dirs=(docs,))

    def seeds_settings(self) -> Settings:
        return self.settings("seeds-index", self.work / "seeds")

    def synthetic_settings(self) -> Settings:
        return self.settings("synthetic-index", self.work / "synthetic")


# --- rankings: the indexing candidates and the query encoders, compared on golden questions ----


def rankings(bundle: Any, embedder: Any, questions: list[str], mode: str) -> list[list[int]]:
    from ofsted_qa.retrieval.search import Searcher

    searcher = Searcher(bundle, embedder)
    return [[h.chunk_id for h in searcher.search(q, k=10, mode=mode).hits] for q in questions]


def compare_rankings(a: list[list[int]], b: list[list[int]], ids: list[str]) -> dict[str, Any]:
    same = [x == y for x, y in zip(a, b, strict=True)]
    same_set = [set(x) == set(y) for x, y in zip(a, b, strict=True)]
    top1 = [x[:1] == y[:1] for x, y in zip(a, b, strict=True)]
    return {
        "questions": len(a),
        "identical_top10": sum(same),
        "same_top10_set": sum(same_set),
        "same_top1": sum(top1),
        "differing": [i for i, s in zip(ids, same, strict=True) if not s][:20],
    }
