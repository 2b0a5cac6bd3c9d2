"""The command line's grammar: every command and option of `ofsted-qa`, and the one quirk of
reading it (`eval` takes the rest of the line as its own)."""

from __future__ import annotations

import argparse

# Every command's --year takes the same forms, read by one function (retrieval/years.py
# `flag_years`) when the command runs, so a bad form is the project's error, not argparse's.
YEAR_FORMS = "a year (2019), a range (2019-2021) or a financial year (2014/15)"


def parser() -> argparse.ArgumentParser:
    """`ofsted-qa` and its commands: index, ask, docs, show, judgements, tui, eval."""
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
    _index_command(sub)
    _ask_command(sub)
    docs = sub.add_parser("docs", help="list the indexed documents")
    docs.add_argument("--json", action="store_true")
    show = sub.add_parser(
        "show", help="show a passage in context: REF (e.g. 003_365e1ef2b819a726#134) or a citation"
    )
    show.add_argument(
        "citation",
        nargs="+",
        help="a ref as `ask` prints it (003_365e1ef2b819a726#134, the whole 'ref:' line too) "
        "or a pasted citation ('Ofsted, Inspection of ... (published 23 May 2014), para 134'); "
        "a paragraph cut into passages shows whole (DOC#18), one part by its ref (DOC#18a)",
    )
    show.add_argument("--around", type=int, default=1, help="neighbouring passages each side")
    _judgements_command(sub)
    sub.add_parser("tui", help="open the terminal app")
    evaluate = sub.add_parser("eval", help="measure retrieval quality on the golden questions")
    evaluate.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def _index_command(sub: argparse._SubParsersAction) -> None:
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


def _ask_command(sub: argparse._SubParsersAction) -> None:
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
        action="append",
        default=[],
        help=f"only documents of {YEAR_FORMS} (repeatable)",
    )
    ask.add_argument("--doc", action="append", default=[], help="only this document (id or prefix)")
    ask.add_argument(
        "--kind",
        action="append",
        default=[],
        help="only this kind: 'inspection report', 'focused visit', 'monitoring visit', 'letter', "
        "'news', 'blog' (any case, plural; `docs` shows each document's)",
    )
    ask.add_argument("--publisher", action="append", default=[], help="only this publisher")
    ask.add_argument(
        "--council",
        action="append",
        default=[],
        help="only this council's documents (any part of its name, or initials such as BCP)",
    )
    ask.add_argument(
        "--region",
        action="append",
        default=[],
        help="only the documents of this region's councils, e.g. London, 'North East', "
        "Yorkshire, 'West Yorkshire'",
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


def _judgements_command(sub: argparse._SubParsersAction) -> None:
    judgements = sub.add_parser(
        "judgements", help="list the reports' judgements (council, inspection, area, grade)"
    )
    judgements.add_argument(
        "--council",
        action="append",
        default=[],
        help="e.g. Bexley, 'Windsor and Maidenhead' (repeatable: any of them)",
    )
    judgements.add_argument(
        "--region",
        action="append",
        default=[],
        help="an ONS region, e.g. London, 'North East', Yorkshire, or an area: 'West Yorkshire' "
        "(repeatable)",
    )
    judgements.add_argument(
        "--year",
        action="append",
        default=[],
        help=f"inspected or published in {YEAR_FORMS} (repeatable)",
    )
    judgements.add_argument(
        "--since", type=int, help="inspected or published in this year or later"
    )
    judgements.add_argument(
        "--latest", action="store_true", help="only each council's latest graded inspection"
    )
    judgements.add_argument(
        "--area",
        action="append",
        default=[],
        help="e.g. overall, 'care leavers', leaders (repeatable: any of them)",
    )
    judgements.add_argument("--grade", default="", help="outstanding, good, RI, inadequate")
    judgements.add_argument("--kind", default="", help="a kind of report, as `ask --kind`")
    output = judgements.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="a JSON list of objects")
    output.add_argument("--csv", action="store_true", help="CSV with a header row")


def _docs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--docs",
        action="append",
        metavar="DIR",
        help="add a document folder (repeatable; remembered by the index; default: seeds/)",
    )


def parse(argv: list[str]) -> argparse.Namespace:
    """The command line read; argparse's REMAINDER drops options (`eval --split tune`), so eval
    is handed its own argv as `rest`. Exits (status 2, argparse's message) on a bad one."""
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
        return parser().parse_args(argv)
    args = parser().parse_args(argv[: at + 1])
    args.rest = argv[at + 1 :]
    return args
