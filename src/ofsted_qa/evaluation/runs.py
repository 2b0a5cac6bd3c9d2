"""One eval run: every golden question through one retrieval mode, and the scores it earns.

Modes: `bm25`, `dense` and `hybrid` are the plain baselines (the question as typed); `full`
is the shipped pipeline (hybrid + typo correction, glossary, year and source boosts, duplicate
grouping). In `full` mode a grade question's judgement cards rank first, before the passages,
as the answer shows them (metrics.py says how they are credited).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.evaluation.metrics import Judgement, card_id, evaluate, mean

DEPTH = 10
# mode -> (Searcher mode, understand the question, group near-duplicates)
MODES: dict[str, tuple[str, bool, bool]] = {
    "bm25": ("bm25", False, False),
    "dense": ("dense", False, False),
    "hybrid": ("hybrid", False, False),
    "full": ("hybrid", True, True),
}


@dataclass
class Outcome:
    """Everything one eval run measured, ready to print or serialise."""

    source: str
    questions: list[dict[str, Any]]  # id, text, category, split
    scores: dict[str, dict[str, dict[str, float]]]  # mode -> qid -> metric -> value
    runs: dict[str, dict[str, list[list[str]]]]  # mode -> qid -> ranked groups
    labels: dict[str, str]  # passage id -> short label for failure listings
    warnings: list[str]
    tuning: dict[str, Any]
    sweep: list[dict[str, Any]] | None = None

    def aggregate(self, mode: str, *, split: str | None = None, category: str | None = None):
        rows = [
            self.scores[mode][q["id"]]
            for q in self.questions
            if (split is None or q["split"] == split)
            and (category is None or q["category"] == category)
        ]
        return mean(rows), len(rows)


class CachedEmbedder:
    """Query vectors memoised: sweeps and repeated modes embed each question once."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name, self.fingerprint = inner.name, inner.fingerprint
        self.dimension, self.max_tokens = inner.dimension, inner.max_tokens
        self._cache: dict[str, np.ndarray] = {}

    def count_tokens(self, text: str) -> int:
        return int(self.inner.count_tokens(text))

    def embed_documents(self, texts: Sequence[str], *, on_progress: Any = None) -> np.ndarray:
        return np.asarray(self.inner.embed_documents(texts, on_progress=on_progress))

    def embed_query(self, text: str) -> np.ndarray:
        if text not in self._cache:
            self._cache[text] = self.inner.embed_query(text)
        return self._cache[text]


def run_mode(
    searcher: Any,
    questions: Mapping[str, str],
    mode: str,
    depth: int = DEPTH,
    filters: Any = None,
) -> dict[str, list[list[str]]]:
    """`filters`: a retrieval Filters every question is asked with (None: none)."""
    from ofsted_qa.retrieval.search import Searcher

    assert isinstance(searcher, Searcher)
    how, understand, group = MODES[mode]
    runs = {}
    for qid, text in questions.items():
        response = searcher.search(
            text, k=depth, mode=how, understand=understand, group_duplicates=group, filters=filters
        )
        runs[qid] = card_groups(response) + [
            [_pid(searcher, h.chunk_id), *(_pid(searcher, d.chunk_id) for d in h.duplicates)]
            for h in response.hits
        ]
    return runs


def card_groups(response: Any) -> list[list[str]]:
    """One ranked result per judgement card of the response (none for a listing of councils
    or a question that asks for no grade): the card's inspection documents as `card_id`s."""
    cards = response.judged.cards if response.judged is not None else ()
    return [[card_id(d) for d in card.inspection.doc_ids] for card in cards]


def _pid(searcher: Any, chunk_id: int) -> str:
    """Golden passages are chunk ids; BEIR passages are corpus document ids."""
    if getattr(searcher, "beir", False):
        return searcher.bundle.store.get(chunk_id).doc_id
    return str(chunk_id)


def check_answerable(judgements: Mapping[str, Judgement], passages: int) -> None:
    """Refuse to report the silent all-zero of an empty or unrelated index."""
    if passages == 0:
        raise OfstedQAError("The index is empty: nothing to evaluate", hint="run `ofsted-qa index`")
    if not any(j.answerable for j in judgements.values()):
        raise OfstedQAError(
            "No question has a relevant passage in this index, so every score would be 0.",
            hint="index the documents the questions were written for (seeds/)",
        )


def measure(
    searcher: Any,
    questions: list[dict[str, Any]],
    judgements: Mapping[str, Judgement],
    modes: Sequence[str],
    filters: Any = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    texts = {q["id"]: q["text"] for q in questions}
    runs = {m: run_mode(searcher, texts, m, filters=filters) for m in modes}
    return {m: evaluate(runs[m], judgements) for m in modes}, runs
