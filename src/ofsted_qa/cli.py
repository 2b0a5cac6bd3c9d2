"""`ofsted-qa`: index documents, ask questions, show passages. Heavy imports wait for use."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.inert import inert

EXIT_USER_ERROR = 2


def _years(typed: str) -> tuple[int, ...]:
    """`--year` as typed: "2019", or a range "2019-2021" (either order, en dash too)."""
    import re

    found = re.fullmatch(r"\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?", typed)
    if not found:
        raise argparse.ArgumentTypeError(f"{typed!r} is not a year or a range such as 2019-2021")
    first, last = int(found.group(1)), int(found.group(2) or found.group(1))
    return tuple(range(min(first, last), max(first, last) + 1))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ofsted-qa",
        description="Ask questions of Ofsted inspection reports; get the exact passages, cited.",
        epilog="With no command, opens the terminal app.",
    )
    parser.add_argument(
        "--index", metavar="DIR", help="index folder (default: ./index, or $OFSTED_QA_INDEX)"
    )
    parser.add_argument(
        "--model",
        help="sentence-transformers model name or folder (default: bundled all-MiniLM-L6-v2)",
    )
    sub = parser.add_subparsers(dest="command")

    index = sub.add_parser("index", help="build or update the index (incremental)")
    _docs_option(index)
    index.add_argument(
        "--remove-docs",
        action="append",
        default=[],
        metavar="DIR",
        help="stop indexing this document folder (repeatable)",
    )
    index.add_argument("--rebuild", action="store_true", help="re-embed everything")
    index.add_argument(
        "--check",
        action="store_true",
        help="verify every index file and the model's weights against their checksums",
    )
    index.add_argument(
        "--dense",
        choices=("flat", "hnsw", "ivfpq"),
        help="dense index kind (default: as built, else flat)",
    )

    ask = sub.add_parser("ask", help="ask a question (or read questions from stdin with --json)")
    ask.add_argument(
        "question", nargs="*", help="the question; omit or '-' to read one per line from stdin"
    )
    ask.add_argument("--k", type=int, default=5, help="number of passages (default 5)")
    ask.add_argument("--mode", choices=("hybrid", "dense", "bm25"), default="hybrid")
    ask.add_argument("--json", action="store_true", help="machine-readable output")
    ask.add_argument(
        "--explain", action="store_true", help="show how the question was read and scored"
    )
    ask.add_argument(
        "--year",
        type=_years,
        action="append",
        default=[],
        help="only documents of this year, or of a range: 2019-2021 (repeatable)",
    )
    ask.add_argument("--doc", action="append", default=[], help="only this document (id or prefix)")
    ask.add_argument(
        "--kind", action="append", default=[], help="only this kind, e.g. 'inspection report'"
    )
    ask.add_argument("--publisher", action="append", default=[], help="only this publisher")
    ask.add_argument(
        "--council",
        action="append",
        default=[],
        help="only this council's documents (any part of its name, or initials such as BCP)",
    )
    ask.add_argument(
        "--timeline",
        action="store_true",
        help="group the answer by inspection, oldest first, with each one's grades",
    )
    ask.add_argument(
        "--no-build", action="store_true", help="fail instead of building a missing or stale index"
    )
    _docs_option(ask)

    docs = sub.add_parser("docs", help="list the indexed documents")
    docs.add_argument("--json", action="store_true")
    show = sub.add_parser(
        "show", help="show a passage in context: REF (e.g. 003_365e1ef2b819a726#134) or a citation"
    )
    show.add_argument(
        "citation",
        nargs="+",
        help="a ref as `ask` prints it (003_365e1ef2b819a726#134, the whole 'ref:' line too) "
        "or a pasted citation ('Ofsted, Inspection of ... (published 23 May 2014), para 134')",
    )
    show.add_argument("--around", type=int, default=1, help="neighbouring passages each side")
    judgements = sub.add_parser(
        "judgements", help="list the reports' judgements (council, inspection, area, grade)"
    )
    judgements.add_argument("--council", default="", help="e.g. Bexley, 'Windsor and Maidenhead'")
    judgements.add_argument("--year", type=int, help="inspected or published in this year")
    judgements.add_argument("--area", default="", help="e.g. overall, 'care leavers', leaders")
    judgements.add_argument("--grade", default="", help="outstanding, good, RI, inadequate")
    output = judgements.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="a JSON list of objects")
    output.add_argument("--csv", action="store_true", help="CSV with a header row")
    sub.add_parser("tui", help="open the terminal app")
    evaluate = sub.add_parser("eval", help="measure retrieval quality on the golden questions")
    evaluate.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def _docs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--docs",
        action="append",
        metavar="DIR",
        help="add a document folder (repeatable; remembered by the index; default: seeds/)",
    )


def main(
    argv: Sequence[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    out = stdout or sys.stdout
    args = _parse(list(sys.argv[1:] if argv is None else argv))
    try:
        return _dispatch(args, stdin or sys.stdin, out)
    except OfstedQAError as exc:
        print(inert(f"ofsted-qa: {exc}"), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _parse(argv: list[str]) -> argparse.Namespace:
    """argparse's REMAINDER drops options (`eval --split tune`): hand eval its own argv."""
    at, i = None, 0
    while i < len(argv):
        if argv[i] in ("--index", "--model"):
            i += 2
        elif argv[i].startswith(("--index=", "--model=")):
            i += 1
        else:
            at = i if argv[i] == "eval" else None
            break
    if at is None:
        return _parser().parse_args(argv)
    args = _parser().parse_args(argv[: at + 1])
    args.rest = argv[at + 1 :]
    return args


def _dispatch(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    command = args.command
    if command is None or command == "tui":
        return _run_tui(args)
    if command == "eval":
        from ofsted_qa.evaluation.harness import main as eval_main

        return eval_main(args.rest, index_dir=args.index, model=args.model, out=out)
    handlers: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
        "index": _cmd_index,
        "ask": _cmd_ask,
        "docs": _cmd_docs,
        "show": _cmd_show,
        "judgements": _cmd_judgements,
    }
    return handlers[command](args, stdin, out)


def _run_tui(args: argparse.Namespace) -> int:
    try:
        from ofsted_qa.tui.app import run_app
    except ImportError:
        _parser().print_help()
        return 0
    return run_app(index_dir=args.index, model=args.model)


def _settings(args: argparse.Namespace):
    from ofsted_qa.index.session import settle_from_index
    from ofsted_qa.index.settings import Settings

    docs = getattr(args, "docs", None)
    settings = Settings.resolve(
        index_dir=args.index,
        doc_dirs=docs,
        model=args.model,
        dense_kind=getattr(args, "dense", None) or "flat",
    )
    return settle_from_index(
        settings,
        docs_given=bool(docs),
        dense_given=bool(getattr(args, "dense", None)),
        remove=tuple(Path(d) for d in getattr(args, "remove_docs", None) or ()),
    )


def _notify(message: str) -> None:
    print(inert(message), file=sys.stderr, flush=True)  # warnings name files and titles


def _cmd_index(args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    from ofsted_qa.index.session import index_documents, local_model

    settings = _settings(args)
    if args.check:
        from ofsted_qa.index.check import check_index

        for line in check_index(settings, local_model(settings)):
            print(line, file=out)
        return 0
    from ofsted_qa.progress import build_progress

    with build_progress() as progress:
        report = index_documents(
            settings, local_model(settings), rebuild=args.rebuild, progress=progress, notify=_notify
        )
    print(inert(report.summary()), file=out)
    folders = ", ".join(str(d) for d in settings.doc_dirs)
    print(
        inert(
            f"Document folders: {folders} (remembered; --docs DIR adds one, "
            "--remove-docs DIR removes one)."
        ),
        file=out,
    )
    return 0


def _open_searcher(args: argparse.Namespace):
    from ofsted_qa.index.session import local_model, open_index
    from ofsted_qa.retrieval.search import Searcher

    settings = _settings(args)
    if args.no_build:  # said before the encoder, which would write its cache into the folder
        from ofsted_qa.index.generations import check_index_path, current_generation

        check_index_path(settings.index_dir)
        if current_generation(settings.index_dir) is None:
            raise OfstedQAError(
                f"The index needs rebuilding: No index at {settings.index_dir}.",
                hint="run `ofsted-qa index` (or drop --no-build)",
            )
    model = local_model(settings)
    from concurrent.futures import ThreadPoolExecutor

    from ofsted_qa.progress import build_progress

    # The query encoder's session (a third of a cold start) opens on the other core meanwhile.
    with ThreadPoolExecutor(max_workers=1) as pool:
        embedder = pool.submit(model.query_embedder) if args.mode != "bm25" else None
        with build_progress() as progress:
            bundle = open_index(
                settings, model, allow_build=not args.no_build, progress=progress, notify=_notify
            )
        return Searcher(bundle, embedder.result() if embedder else None)


def _cmd_ask(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    from ofsted_qa import render
    from ofsted_qa.retrieval.query import validate
    from ofsted_qa.retrieval.search import MAX_K, Filters

    questions = [q for q in args.question if q != "-"]
    batch = not questions
    if batch and not args.json:
        raise OfstedQAError(
            "No question given.", hint='ofsted-qa ask "your question" (or --json to read stdin)'
        )
    if not batch:
        validate(" ".join(questions))  # fail fast, before loading anything
    if args.k < 1:
        raise OfstedQAError(f"--k must be at least 1 (got {args.k})")
    if args.k > MAX_K:
        _notify(f"note: --k {args.k} clamped to {MAX_K}, the most one search returns")
    k = min(args.k, MAX_K)
    filters = Filters(
        tuple(y for years in args.year for y in years),
        tuple(args.doc),
        tuple(args.kind),
        tuple(args.publisher),
        tuple(args.council),
    )
    timeline = True if args.timeline else None  # else: when the question asks how things changed
    searcher = _open_searcher(args)
    filters.check(searcher.bundle.store.documents)  # an unknown value fails before any answer
    if not batch:
        response = searcher.search(
            " ".join(questions), k=k, mode=args.mode, filters=filters, timeline=timeline
        )
        if args.json:
            print(render.json_text(render.response_json(response, explain=args.explain)), file=out)
        else:
            render.print_response(response, out, explain=args.explain)
        return 0
    for line in _stdin_lines(stdin):
        if not line.strip():
            continue
        try:
            payload = render.response_json(
                searcher.search(line, k=k, mode=args.mode, filters=filters, timeline=timeline),
                explain=args.explain,
            )
        except OfstedQAError as exc:  # this line fails; the batch goes on
            payload = {"query": line.strip(), "error": exc.message, "hint": exc.hint}
        print(render.json_text(payload), file=out, flush=True)
    return 0


def _stdin_lines(stdin: TextIO) -> Iterator[str]:
    """Lines as text, one undecodable line not ending the batch: its bytes are kept as
    surrogates (surrogateescape), which the question check then reports for that line."""
    raw = getattr(stdin, "buffer", None)
    if raw is None:  # already text (tests, an embedding caller)
        yield from stdin
        return
    for line in raw:
        yield line.decode("utf-8", errors="surrogateescape")


def _open_store(args: argparse.Namespace):
    from ofsted_qa.index import generations

    return generations.load_current(_settings(args).index_dir)


def _cmd_docs(args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    from ofsted_qa import render

    bundle = _open_store(args)
    render.print_documents(bundle, out, as_json=args.json)
    return 0


def _cmd_show(args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    from ofsted_qa import render
    from ofsted_qa.citations.passages import locate

    bundle = _open_store(args)
    settings = _settings(args)
    chunk_id = locate(bundle.store, " ".join(args.citation))
    render.print_in_context(bundle.store, chunk_id, settings.root, out, around=max(0, args.around))
    return 0


def _cmd_judgements(args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    from ofsted_qa import render_judgements
    from ofsted_qa.retrieval.judgements import JudgementFilters, list_judgements

    filters = JudgementFilters(args.council, args.year, args.area, args.grade)
    rows = list_judgements(_open_store(args).store, filters)
    if args.json:
        render_judgements.print_json(rows, out)
    elif args.csv:
        render_judgements.print_csv(rows, out)
    else:
        render_judgements.print_table(rows, out)
    return 0


if __name__ == "__main__":  # `python -m ofsted_qa.cli`, as the docs and scripts run it
    sys.exit(main())
