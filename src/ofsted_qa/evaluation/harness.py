"""`ofsted-qa eval`: every mode side by side on the golden questions (or a BEIR dataset).

Modes: `bm25`, `dense` and `hybrid` are the plain baselines (the question as typed); `full`
is the shipped pipeline (hybrid + typo correction, glossary, year and source boosts, duplicate
grouping). All run in one process over one loaded model.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.evaluation.runs import MODES, CachedEmbedder, Outcome, check_answerable, measure
from ofsted_qa.inert import inert

ROOT = Path(__file__).resolve().parents[3]
GOLDEN = ROOT / "eval" / "golden.jsonl"
RESULTS = ROOT / "eval" / "results"


def open_golden(args: argparse.Namespace, index_dir: str | None, model: str | None):
    from ofsted_qa.evaluation.golden import judge, load_golden, unmatched
    from ofsted_qa.index.session import local_model, open_index, settle_from_index
    from ofsted_qa.index.settings import Settings
    from ofsted_qa.retrieval.search import Searcher

    # Keep the user's own folders in the index (extra documents are only more distractors).
    settings = settle_from_index(Settings.resolve(index_dir=index_dir, model=model))
    source = local_model(settings)
    bundle = open_index(settings, source, notify=lambda m: print(inert(m), file=sys.stderr))
    questions = load_golden(Path(args.golden))
    if args.split != "all":
        questions = [q for q in questions if q.split == args.split]
    judgements = judge(questions, bundle.store)
    check_answerable(judgements, len(bundle.store))
    embedder = CachedEmbedder(source.query_embedder()) if args.modes != "bm25" else None
    searcher = Searcher(bundle, embedder)
    rows = [
        {"id": q.id, "text": q.text, "category": q.category, "split": q.split} for q in questions
    ]
    warnings = [f"evidence in no indexed passage: {u}" for u in unmatched(questions, judgements)]
    golden = Path(args.golden).resolve()
    shown = golden.relative_to(settings.root) if golden.is_relative_to(settings.root) else golden
    return searcher, rows, judgements, warnings, shown.as_posix()


def open_beir(args: argparse.Namespace, model: str | None, embedder: Any = None):
    from ofsted_qa.evaluation import beir
    from ofsted_qa.retrieval.search import Searcher

    corpus, queries, qrels = beir.load(Path(args.beir), args.beir_split)
    if embedder is None:
        from ofsted_qa.index.embedding import DEFAULT_MODEL
        from ofsted_qa.index.models import SentenceTransformerEmbedder

        embedder = SentenceTransformerEmbedder(model or DEFAULT_MODEL)
    embedder = CachedEmbedder(embedder)
    bundle = beir.build_bundle(corpus, embedder)
    judgements = beir.judgements(qrels, {str(r["_id"]) for r in corpus})
    judgements = {q: j for q, j in judgements.items() if q in queries}
    check_answerable(judgements, len(bundle.store))
    searcher = Searcher(bundle, embedder)
    searcher.beir = True  # type: ignore[attr-defined]
    rows = [{"id": q, "text": t, "category": "beir", "split": "test"} for q, t in queries.items()]
    return searcher, rows, judgements, [], str(args.beir)


def _labels(searcher: Any, runs: Mapping[str, Mapping[str, list[list[str]]]]) -> dict[str, str]:
    store = searcher.bundle.store
    wanted = {g[0] for r in runs.values() for groups in r.values() for g in groups}
    if getattr(searcher, "beir", False):
        return {p: p for p in wanted}
    return {
        p: f"{store.get(int(p)).doc_id[:3]}#{store.get(int(p)).paragraph}: "
        f"{store.get(int(p)).text[:70]}"
        for p in wanted
    }


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ofsted-qa eval", description=__doc__)
    p.add_argument("--golden", default=str(GOLDEN), help="golden questions (jsonl)")
    p.add_argument("--beir", metavar="DIR", help="evaluate on a BEIR-layout dataset instead")
    p.add_argument("--beir-split", default="test", help="qrels/<split>.tsv (default test)")
    p.add_argument("--split", choices=("all", "tune", "heldout"), default="all")
    p.add_argument("--modes", default=",".join(MODES), help="comma-separated: " + ",".join(MODES))
    p.add_argument("--json", action="store_true", help="print results as JSON")
    p.add_argument("--report", default=None, help="markdown report path (default eval/results/)")
    p.add_argument("--no-report", action="store_true", help="write no files")
    p.add_argument("--sweep", action="store_true", help="also sweep fusion/boost weights (tune)")
    p.add_argument("--failures", type=int, default=40, help="failures listed (full mode)")
    return p


def main(
    argv: Sequence[str],
    *,
    index_dir: str | None = None,
    model: str | None = None,
    out: TextIO | None = None,
    embedder: Any = None,
) -> int:
    """`embedder` replaces the model for BEIR runs (tests pass the fake)."""
    from ofsted_qa.evaluation import report

    out = out or sys.stdout
    args = _parser().parse_args(list(argv))
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown or not modes:
        raise OfstedQAError(f"Unknown eval mode(s) {unknown}", hint=f"use {', '.join(MODES)}")
    args.modes = ",".join(modes)
    opened = open_beir(args, model, embedder) if args.beir else open_golden(args, index_dir, model)
    searcher, questions, judgements, warnings, source = opened
    scores, runs = measure(searcher, questions, judgements, modes)
    outcome = Outcome(
        source, questions, scores, runs, _labels(searcher, runs), warnings, asdict(searcher.tuning)
    )
    if args.sweep and not args.beir:
        from ofsted_qa.evaluation.sweep import sweep

        outcome.sweep = sweep(searcher, questions, judgements)
    if args.json:
        print(json.dumps(report.to_json(outcome, judgements), indent=1), file=out)
    else:
        print(inert(report.console(outcome, judgements, args.failures)), file=out)
    if not args.no_report:
        stem = "beir-" + Path(args.beir).name if args.beir else "report"
        path = Path(args.report) if args.report else RESULTS / f"{stem}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(report.markdown(outcome, judgements, args.failures), encoding="utf-8")
        path.with_suffix(".json").write_text(
            json.dumps(report.to_json(outcome, judgements), indent=1), encoding="utf-8"
        )
        print(f"report: {path}", file=sys.stderr)
    return 0
