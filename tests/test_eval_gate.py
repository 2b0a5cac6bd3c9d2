"""CI gate: the full pipeline, with the real bundled model, must not fall below
eval/thresholds.json on the golden questions (one index build + the golden questions, ~1 minute)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ofsted_qa.evaluation.golden import judge, load_golden
from ofsted_qa.evaluation.metrics import mean
from ofsted_qa.evaluation.runs import CachedEmbedder, measure
from ofsted_qa.index.build import build_index
from ofsted_qa.index.generations import load_current
from ofsted_qa.index.models import LocalModel, SentenceTransformerEmbedder
from ofsted_qa.index.settings import Settings
from ofsted_qa.retrieval.search import Searcher

REPO = Path(__file__).resolve().parents[1]
THRESHOLDS = json.loads((REPO / "eval" / "thresholds.json").read_text())

pytestmark = pytest.mark.model


class _SharedModel:
    """The bundled model loaded once for both indexing and queries."""

    def __init__(self) -> None:
        local = LocalModel()
        self.name, self.fingerprint, self.max_tokens = (
            local.name,
            local.fingerprint,
            local.max_tokens,
        )
        self.count_tokens = local.count_tokens
        self.embedder = SentenceTransformerEmbedder(local.name)

    def document_embedder(self):
        return self.embedder

    def query_embedder(self):
        return self.embedder


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    root = tmp_path_factory.mktemp("gate")
    settings = Settings(root=REPO, index_dir=root / "index", doc_dirs=(REPO / "seeds",))
    model = _SharedModel()
    build_index(settings, model)
    bundle = load_current(settings.index_dir)
    questions = load_golden(REPO / "eval" / "golden.jsonl")
    judged = judge(questions, bundle.store)
    rows = [
        {"id": q.id, "text": q.text, "category": q.category, "split": q.split} for q in questions
    ]
    searcher = Searcher(bundle, CachedEmbedder(model.embedder))
    per_question, _ = measure(searcher, rows, judged, ["full"])
    return rows, per_question["full"]


def test_overall_thresholds(scores) -> None:
    rows, full = scores
    got = mean(full[r["id"]] for r in rows)
    for metric, floor in THRESHOLDS["overall"].items():
        assert got[metric] >= floor, f"{metric} {got[metric]:.3f} < {floor}"


def test_heldout_thresholds(scores) -> None:
    rows, full = scores
    got = mean(full[r["id"]] for r in rows if r["split"] == "heldout")
    for metric, floor in THRESHOLDS["heldout"].items():
        assert got[metric] >= floor, f"heldout {metric} {got[metric]:.3f} < {floor}"


def test_no_category_collapses(scores) -> None:
    rows, full = scores
    floor = THRESHOLDS["min_category"]
    for category in sorted({r["category"] for r in rows}):
        got = mean(full[r["id"]] for r in rows if r["category"] == category)
        for metric, value in floor.items():
            assert got[metric] >= value, f"{category} {metric} {got[metric]:.3f} < {value}"
