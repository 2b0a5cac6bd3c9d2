"""The eval's question sets, each measured over one index: what `ofsted-qa eval` reports.

- `seeds`: eval/golden.jsonl over the seeds index (`--index`, default `index/`): the figures
  the issue's targets were first set on, which must hold.
- `corpus`: eval/corpus/*.jsonl over the corpus + seeds index (evaluation/corpus.py).
- `seeds-over-corpus`: eval/golden.jsonl again, over the corpus + seeds index: the seed
  questions with 497 more reports as distractors.
- `council-precision`: the generated council check (evaluation/council_precision.py), over
  the corpus + seeds index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ofsted_qa.evaluation.golden import Question, judge, unmatched
from ofsted_qa.evaluation.metrics import Judgement
from ofsted_qa.evaluation.runs import Outcome, check_answerable, measure


@dataclass
class Measured:
    """One question set over one index: `name` is also the results file's stem."""

    name: str
    title: str
    outcome: Outcome
    judgements: dict[str, Judgement]


def rows(questions: Sequence[Question]) -> list[dict[str, Any]]:
    return [
        {"id": q.id, "text": q.text, "category": q.category, "split": q.split} for q in questions
    ]


def measure_set(
    name: str,
    title: str,
    searcher: Any,
    questions: list[Question],
    modes: Sequence[str],
    source: str,
) -> Measured:
    """Judge `questions` against the searcher's index and run every mode. Raises
    OfstedQAError when no question has a relevant passage there."""
    judgements = judge(questions, searcher.bundle.store)
    check_answerable(judgements, len(searcher.bundle.store))
    listed = rows(questions)
    scores, runs = measure(searcher, listed, judgements, modes)
    warnings = [f"evidence in no indexed passage: {u}" for u in unmatched(questions, judgements)]
    outcome = Outcome(
        f"{source} ({len(searcher.bundle.store.documents)} documents, "
        f"{len(searcher.bundle.store)} passages indexed)",
        listed,
        scores,
        runs,
        labels(searcher, runs),
        warnings,
        asdict(searcher.tuning),
    )
    return Measured(name, title, outcome, judgements)


def labels(searcher: Any, runs: dict[str, dict[str, list[list[str]]]]) -> dict[str, str]:
    """Passage id -> a short label for failure listings: document, paragraph, opening words."""
    store = searcher.bundle.store
    wanted = {g[0] for r in runs.values() for groups in r.values() for g in groups}
    if getattr(searcher, "beir", False):
        return {p: p for p in wanted}
    out = {}
    for p in wanted:
        chunk = store.get(int(p))
        doc = chunk.doc_id[:3] if "/" not in chunk.doc_id else _short(chunk.doc_id)
        out[p] = f"{doc}#{chunk.paragraph}: {chunk.text[:70]}"
    return out


def _short(doc_id: str) -> str:
    """A corpus id "80584_worcestershire/children's services inspection - 14 july 2023" as
    "worcestershire 14 july 2023"."""
    folder, _, name = doc_id.partition("/")
    return f"{folder.partition('_')[2]} {name.rpartition(' - ')[2]}"


def shown(path: Path, root: Path) -> str:
    path = path.resolve()
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
