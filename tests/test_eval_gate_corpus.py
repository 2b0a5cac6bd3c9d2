"""CI gate on the real corpus: the full pipeline, with the real bundled model, over the seeds and
all 497 shared reports indexed together, must not fall below the `corpus` section of
eval/thresholds.json: the corpus questions (eval/corpus/*.jsonl), the seed questions with the
corpus as distractors, and the generated council precision@5 check.

Whole corpus, not a subset: the issue's targets and the questions' traps (the same topic in
another council's report of the same year, the same council in another year) are defined over
all 497 reports, and a subset would drop the distractors the traps are about. The cost fits CI:
a from-scratch build of the corpus + seeds index takes about 15 minutes on CI's 2 cores (peak
about 800 MiB), once per test run, into the eval's cache folder (evaluation/corpus.py:
`~/.cache/ofsted-qa/eval-index/corpus`, or $OFSTED_QA_CORPUS_INDEX); later local runs find it
fresh and only load it (seconds), and a changed report is the only one read again. The
questions then take a few minutes. Skips with a message when ../shared/ofsted-ilacs is absent.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from ofsted_qa.evaluation import council_precision
from ofsted_qa.evaluation.corpus import corpus_index_dir, load_corpus_questions, open_corpus_index
from ofsted_qa.evaluation.golden import load_golden
from ofsted_qa.evaluation.metrics import mean
from ofsted_qa.evaluation.runs import CachedEmbedder
from ofsted_qa.evaluation.sets import measure_set
from shared_corpus import REPORTS, corpus_file

REPO = Path(__file__).resolve().parents[1]
GATE = json.loads((REPO / "eval" / "thresholds.json").read_text())["corpus"]

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def opened():
    corpus_file("reports")
    return open_corpus_index(REPORTS, corpus_index_dir(), notify=print)


@pytest.fixture(scope="module")
def searcher(opened):
    from ofsted_qa.retrieval.search import Searcher

    bundle, source = opened
    return Searcher(bundle, CachedEmbedder(source.query_embedder()))


@pytest.fixture(scope="module")
def seeds_searcher(opened, tmp_path_factory):
    """The seeds alone, indexed with the same model: the figures the corpus must not lower."""
    from ofsted_qa.index.build import build_index
    from ofsted_qa.index.generations import load_current
    from ofsted_qa.index.settings import Settings
    from ofsted_qa.retrieval.search import Searcher

    _bundle, source = opened
    index_dir = tmp_path_factory.mktemp("seeds") / "index"
    build_index(Settings(root=REPO, index_dir=index_dir, doc_dirs=(REPO / "seeds",)), source)
    return Searcher(load_current(index_dir), CachedEmbedder(source.query_embedder()))


def _full(searcher, name: str, questions, filters=None) -> tuple[list[dict], dict]:
    measured = measure_set(name, name, searcher, questions, ["full"], name, filters)
    return measured.outcome.questions, measured.outcome.scores["full"]


def _check(rows: list[dict], full: dict, floors: dict, where: str) -> list[str]:
    got = mean(full[r["id"]] for r in rows)
    return [
        f"{where} {metric} {got[metric]:.3f} < {floor}"
        for metric, floor in floors.items()
        if got[metric] < floor
    ]


def test_corpus_questions(searcher) -> None:
    rows, full = _full(searcher, "corpus", load_corpus_questions())
    failed = _check(rows, full, GATE["overall"], "corpus")
    heldout = [r for r in rows if r["split"] == "heldout"]
    failed += _check(heldout, full, GATE["heldout"], "corpus heldout")
    for category in sorted({r["category"] for r in rows}):
        in_category = [r for r in rows if r["category"] == category]
        if len(in_category) >= GATE["min_category_n"]:
            failed += _check(in_category, full, GATE["min_category"], f"corpus {category}")
    assert not failed, failed


def test_seed_questions_hold_with_the_corpus_indexed(searcher) -> None:
    """Asked of the seed documents (the corpus still in every statistic), and, as typed, those
    naming Bexley: most others name no council, and another council's passage answers them."""
    from ofsted_qa.retrieval.results import Filters

    seeds = load_golden(REPO / "eval" / "golden.jsonl")
    documents = searcher.bundle.store.documents
    scope = Filters(doc_ids=tuple(d for d, m in documents.items() if m.source.startswith("seeds/")))
    rows, full = _full(searcher, "seeds scoped", seeds, scope)
    failed = _check(rows, full, GATE["seeds_scoped"], "seed questions scoped to the seeds")
    naming = [q for q in seeds if "bexley" in q.text.lower()]
    rows, full = _full(searcher, "seeds naming Bexley", naming)
    failed += _check(rows, full, GATE["seeds_naming_bexley"], "seed questions naming Bexley")
    assert not failed, failed


def test_seed_questions_score_no_lower_than_on_the_seeds_alone(searcher, seeds_searcher) -> None:
    """The issue's rule, measured directly: with the corpus around them the seed questions,
    asked of the seed documents, and those naming Bexley, asked as typed, score at least what
    they score on the seeds alone (Hit@1, Success@5, MRR@10; the same judgements, pooled over
    both indexes as eval/README.md says)."""
    from ofsted_qa.retrieval.results import Filters

    seeds = load_golden(REPO / "eval" / "golden.jsonl")
    naming = [q for q in seeds if "bexley" in q.text.lower()]
    documents = searcher.bundle.store.documents
    scope = Filters(doc_ids=tuple(d for d, m in documents.items() if m.source.startswith("seeds/")))
    failed = []
    for name, questions, filters in (("scoped", seeds, scope), ("naming Bexley", naming, None)):
        alone = mean(_full(seeds_searcher, f"seeds alone {name}", questions)[1].values())
        grown = mean(_full(searcher, f"seeds {name}", questions, filters)[1].values())
        failed += [
            f"{name} {metric}: {grown[metric]:.3f} with the corpus < {alone[metric]:.3f} alone"
            for metric in ("Hit@1", "Success@5", "MRR@10")
            if grown[metric] < alone[metric]
        ]
    assert not failed, failed


def test_pooled_judgements_are_in_the_corpus(searcher) -> None:
    """Every pooled evidence string is in a passage of the corpus index and every pooled card's
    inspection is indexed: a judgement that matches nothing would silently credit nothing."""
    from ofsted_qa.evaluation.golden import judge

    every = [*load_golden(REPO / "eval" / "golden.jsonl"), *load_corpus_questions()]
    pooled = [q for q in every if q.pooled_evidence or q.pooled_docs]
    assert pooled  # the pooled judgements exist
    store = searcher.bundle.store
    # each string alone, judged in one pass: `judge` reads the whole store per call
    alone = {
        f"{q.id}#{n}": replace(q, id=f"{q.id}#{n}", evidence=(), pooled_evidence=(evidence,))
        for q in pooled
        for n, evidence in enumerate(q.pooled_evidence)
    }
    judged = judge(list(alone.values()), store)
    unmatched = [
        (key, q.pooled_evidence[0]) for key, q in alone.items() if not judged[key].relevance
    ]
    assert not unmatched, unmatched
    for q in pooled:
        assert set(q.pooled_docs) <= set(store.documents), q.id


def test_council_precision(searcher) -> None:
    scores = council_precision.run(searcher, GATE["council_precision"]["per_year"])
    result = council_precision.summary(scores)
    floor = GATE["council_precision"]["precision@5"]
    worst = [(w["council"], round(w["precision@5"], 2)) for w in result["worst"]]
    assert result["precision@5"] >= floor, (result["precision@5"], worst)
    assert result["councils"] >= 150  # every council with a report was asked about
