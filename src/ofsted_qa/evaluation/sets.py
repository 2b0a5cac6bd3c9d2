"""The eval's question sets, each measured over one index: what `ofsted-qa eval` reports.

- `seeds`: eval/golden.jsonl over the seeds index (`--index`, default `index/`): the figures
  the issue's targets were first set on, which must hold.
- `corpus`: eval/corpus/*.jsonl over the corpus + seeds index (evaluation/corpus.py).
- `seeds-over-corpus`: eval/golden.jsonl again, as typed, over the corpus + seeds index: the
  seed questions with 497 more reports as distractors. Most of them name no council ("IRO",
  "care leavers in 2014"), so another council's passage is a fair answer the golden set does not
  credit: a measure of ambiguity, not a regression.
- `seeds-scoped-over-corpus`: the same, each question asked with the documents of `seeds/` as a
  filter (what a Bexley user does with `--doc`): the seed figures must hold here, with the
  corpus's words, years and councils in the index statistics.
- `council-precision`: the generated council check (evaluation/council_precision.py), over
  the corpus + seeds index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ofsted_qa.evaluation.golden import Question, judge, unmatched
from ofsted_qa.evaluation.metrics import CARD, Judgement
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
    filters: Any = None,
) -> Measured:
    """Judge `questions` against the searcher's index and run every mode, each question asked
    with `filters` (a retrieval Filters, or None). Raises OfstedQAError when no question has a
    relevant passage there."""
    judgements = judge(questions, searcher.bundle.store)
    check_answerable(judgements, len(searcher.bundle.store))
    listed = rows(questions)
    scores, runs = measure(searcher, listed, judgements, modes, filters)
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


def corpus_sets(
    searcher: Any,
    corpus: list[Question],
    seeds: list[Question],
    modes: Sequence[str],
    sources: tuple[str, str],
) -> list[Measured]:
    """The corpus questions and the seed questions (as typed, and scoped to the seed
    documents) over the corpus + seeds index. `sources`: how to name the two question files."""
    from ofsted_qa.retrieval.results import Filters

    store = searcher.bundle.store
    seed_docs = tuple(d for d, m in store.documents.items() if m.source.startswith("seeds/"))
    return [
        measure_set(
            "corpus",
            "Corpus questions over the corpus + seeds index",
            searcher,
            corpus,
            modes,
            sources[0],
        ),
        measure_set(
            "seeds-over-corpus",
            "Seed questions over the corpus + seeds index, as typed",
            searcher,
            seeds,
            modes,
            sources[1],
        ),
        measure_set(
            "seeds-scoped-over-corpus",
            "Seed questions over the corpus + seeds index, scoped to the seed documents",
            searcher,
            seeds,
            modes,
            sources[1],
            Filters(doc_ids=seed_docs),
        ),
    ]


def labels(searcher: Any, runs: dict[str, dict[str, list[list[str]]]]) -> dict[str, str]:
    """Passage id -> a short label for failure listings: document, paragraph, opening words."""
    store = searcher.bundle.store
    wanted = {g[0] for r in runs.values() for groups in r.values() for g in groups}
    if getattr(searcher, "beir", False):
        return {p: p for p in wanted}
    out = {}
    for p in wanted:
        if p.startswith(CARD):
            out[p] = f"judgement card: {_short(p.removeprefix(CARD))}"
            continue
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
