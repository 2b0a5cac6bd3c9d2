"""`ofsted-qa eval`: every mode side by side on each question set (evaluation/sets.py): the
seed questions on the seeds index, and, when the shared corpus is beside the checkout, the corpus
questions, the seed questions again and the council precision@5 check over the corpus + seeds
index (evaluation/corpus.py); or a BEIR dataset.

Modes: `bm25`, `dense` and `hybrid` are the plain baselines (the question as typed); `full`
is the shipped pipeline (hybrid + typo correction, glossary, year and source boosts, duplicate
grouping). All run in one process over one loaded model.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any, TextIO

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.evaluation.corpus import CORPUS_QUESTIONS, load_corpus_questions
from ofsted_qa.evaluation.golden import Question, load_golden
from ofsted_qa.evaluation.runs import MODES, CachedEmbedder, Outcome, check_answerable, measure
from ofsted_qa.evaluation.sets import Measured, labels, measure_set, shown
from ofsted_qa.inert import inert

ROOT = Path(__file__).resolve().parents[3]
GOLDEN = ROOT / "eval" / "golden.jsonl"
RESULTS = ROOT / "eval" / "results"


def open_seeds_index(index_dir: str | None, model: str | None):
    """The `--index` index (default `index/`, the seeds) and its model source."""
    from ofsted_qa.index.session import local_model, open_index, settle_from_index
    from ofsted_qa.index.settings import Settings

    # Keep the user's own folders in the index (extra documents are only more distractors).
    settings = settle_from_index(Settings.resolve(index_dir=index_dir, model=model))
    source = local_model(settings)
    bundle = open_index(settings, source, notify=_notify)
    return bundle, source, settings.root


def _notify(message: str) -> None:
    print(inert(message), file=sys.stderr, flush=True)


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


SETS = ("all", "seeds", "corpus")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ofsted-qa eval", description=__doc__)
    p.add_argument("--golden", default=str(GOLDEN), help="golden questions (jsonl)")
    p.add_argument(
        "--set",
        choices=SETS,
        default="all",
        help="seeds: the golden set on --index; corpus: the corpus questions, the golden set "
        "and the council check over the corpus + seeds index; all (default): both",
    )
    p.add_argument("--corpus", metavar="DIR", help="the shared corpus's reports folder")
    p.add_argument("--corpus-questions", metavar="DIR", default=str(CORPUS_QUESTIONS))
    p.add_argument("--corpus-index", metavar="DIR", help="the corpus + seeds index (cached)")
    p.add_argument(
        "--council-questions",
        type=int,
        default=2,
        metavar="N",
        help="council precision@5 questions per council and report year (0: skip the check)",
    )
    p.add_argument("--beir", metavar="DIR", help="evaluate on a BEIR-layout dataset instead")
    p.add_argument("--beir-split", default="test", help="qrels/<split>.tsv (default test)")
    p.add_argument("--split", choices=("all", "tune", "heldout"), default="all")
    p.add_argument(
        "--strict",
        action="store_true",
        help="judge by the question writers' evidence alone, without the passages and cards "
        "judged blind by pooling (reports go to eval/results/strict/)",
    )
    p.add_argument("--modes", default=",".join(MODES), help="comma-separated: " + ",".join(MODES))
    p.add_argument("--json", action="store_true", help="print results as JSON")
    p.add_argument("--report", default=None, help="markdown report path (default eval/results/)")
    p.add_argument("--no-report", action="store_true", help="write no files")
    p.add_argument("--sweep", action="store_true", help="also sweep fusion/boost weights (tune)")
    p.add_argument("--failures", type=int, default=40, help="failures listed (full mode)")
    p.add_argument(
        "--judgements",
        action="store_true",
        help="the generated grade check instead: every graded area of every report asked for",
    )
    p.add_argument("--table", metavar="CSV", help="with --judgements: the shared table to compare")
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
    out = out or sys.stdout
    parser = _parser()
    args = parser.parse_args(list(argv))
    if args.table and not args.judgements:
        parser.error("--table goes with --judgements")
    if args.judgements:
        from ofsted_qa.evaluation.judgement_check import run

        return run(index_dir, args.table, args.json, out)
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown or not modes:
        raise OfstedQAError(f"Unknown eval mode(s) {unknown}", hint=f"use {', '.join(MODES)}")
    args.modes = ",".join(modes)
    if args.beir:
        return _beir(args, model, embedder, out)
    from ofsted_qa.retrieval.search import Searcher

    measured: list[Measured] = []
    extra: dict[str, Any] = {}
    query_embedder = None
    if args.set in ("all", "seeds"):
        bundle, source, root = open_seeds_index(index_dir, model)
        query_embedder = _embedder(source, modes)
        searcher = Searcher(bundle, query_embedder)
        golden = Path(args.golden)
        seeds = measure_set(
            "report",
            "Seed questions over the seeds index",
            searcher,
            _chosen(load_golden(golden), args),
            modes,
            shown(golden, root),
        )
        if args.sweep:
            from ofsted_qa.evaluation.sweep import sweep

            seeds.outcome.sweep = sweep(searcher, seeds.outcome.questions, seeds.judgements)
        measured.append(seeds)
    if args.set in ("all", "corpus"):
        corpus = _corpus(args, model, modes, query_embedder)
        if corpus is not None:
            more, extra = corpus
            measured.extend(more)
    _emit(args, measured, extra, out)
    return 0


def _chosen(questions: list[Question], args: argparse.Namespace) -> list[Question]:
    """The questions of `--split`; with `--strict`, judged by their writers' evidence alone."""
    kept = [q for q in questions if args.split == "all" or q.split == args.split]
    if args.strict:  # pooling completes the judgements; this measures without it
        kept = [replace(q, pooled_evidence=(), pooled_docs=()) for q in kept]
    return kept


def _embedder(source: Any, modes: Sequence[str]) -> CachedEmbedder | None:
    return CachedEmbedder(source.query_embedder()) if set(modes) != {"bm25"} else None


def _corpus(args: argparse.Namespace, model: str | None, modes: Sequence[str], embedder: Any):
    """The corpus sets, or None (said on stderr) when `--set all` finds no shared corpus."""
    from ofsted_qa.evaluation import council_precision
    from ofsted_qa.evaluation.corpus import corpus_index_dir, open_corpus_index, shared_reports
    from ofsted_qa.evaluation.sets import corpus_sets
    from ofsted_qa.retrieval.search import Searcher

    reports = Path(args.corpus) if args.corpus else shared_reports()
    if not reports.is_dir() and args.set == "all":
        _notify(f"corpus sets skipped: no shared corpus at {reports} (pass --corpus DIR)")
        return None
    index = Path(args.corpus_index) if args.corpus_index else corpus_index_dir()
    _notify(f"corpus + seeds index: {index}")
    bundle, source = open_corpus_index(reports, index, model=model, notify=_notify)
    searcher = Searcher(bundle, embedder or _embedder(source, modes))
    corpus = _chosen(load_corpus_questions(Path(args.corpus_questions)), args)
    seeds = _chosen(load_golden(Path(args.golden)), args)
    sources = (shown(Path(args.corpus_questions), ROOT), shown(Path(args.golden), ROOT))
    measured = corpus_sets(searcher, corpus, seeds, modes, sources)
    extra: dict[str, Any] = {}
    if args.council_questions > 0 and "full" in modes:
        scores = council_precision.run(searcher, args.council_questions)
        extra["council-precision"] = council_precision.summary(scores)
    return measured, extra


def _emit(
    args: argparse.Namespace, measured: list[Measured], extra: dict[str, Any], out: TextIO
) -> None:
    """Console (or JSON) output and, unless --no-report, one markdown + JSON file per set."""
    from ofsted_qa.evaluation import council_precision, report, summary

    as_json = {m.name: report.to_json(m.outcome, m.judgements) for m in measured} | extra
    if args.json:
        # one set keeps the shape it always had; several are keyed by set
        single = len(as_json) == 1 and measured
        print(json.dumps(next(iter(as_json.values())) if single else as_json, indent=1), file=out)
    else:
        for m in measured:
            print(f"=== {m.title} ===", file=out)
            print(inert(report.console(m.outcome, m.judgements, args.failures)), file=out)
        if "council-precision" in extra:
            print("=== Council precision@5 (generated) ===", file=out)
            print(
                inert("\n".join(council_precision.markdown(extra["council-precision"]))), file=out
            )
    if args.no_report:
        return
    results = RESULTS / "strict" if args.strict else RESULTS
    for m in measured:
        title = f"{m.title} ({summary.STRICT_SAID})" if args.strict else m.title
        if args.report and len(measured) == 1:
            path = Path(args.report)
        else:
            path = (Path(args.report).parent if args.report else results) / f"{m.name}.md"
        _write(
            path, report.markdown(m.outcome, m.judgements, args.failures, title), as_json[m.name]
        )
    folder = Path(args.report).parent if args.report else results
    if len(as_json) > 1:
        _write(folder / "summary.md", summary.markdown(as_json, strict=args.strict) + "\n", None)
    if "council-precision" in extra:
        path = folder / "council-precision.md"
        text = "# Council precision@5\n\n" + "\n".join(
            council_precision.markdown(extra["council-precision"])
        )
        _write(path, text + "\n", extra["council-precision"])


def _write(path: Path, markdown: str, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown, encoding="utf-8")
    if data is not None:
        path.with_suffix(".json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    print(f"report: {path}", file=sys.stderr)


def _beir(args: argparse.Namespace, model: str | None, embedder: Any, out: TextIO) -> int:
    from ofsted_qa.evaluation import report

    searcher, questions, judgements, warnings, source = open_beir(args, model, embedder)
    scores, runs = measure(searcher, questions, judgements, args.modes.split(","))
    outcome = Outcome(
        source, questions, scores, runs, labels(searcher, runs), warnings, asdict(searcher.tuning)
    )
    if args.json:
        print(json.dumps(report.to_json(outcome, judgements), indent=1), file=out)
    else:
        print(inert(report.console(outcome, judgements, args.failures)), file=out)
    if not args.no_report:
        path = Path(args.report) if args.report else RESULTS / f"beir-{Path(args.beir).name}.md"
        _write(
            path,
            report.markdown(outcome, judgements, args.failures),
            report.to_json(outcome, judgements),
        )
    return 0
