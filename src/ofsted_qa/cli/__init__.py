"""`ofsted-qa`: index documents, ask questions, show passages. Heavy imports wait for use.

`parser` holds the grammar, `session` what the commands share (settings, the index opened),
and `ask`, `judgements` and `library` (index, docs, show) the commands; `main` reads the line,
runs one, and turns a user's error into one line on stderr and exit status 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from ofsted_qa.cli.ask import cmd_ask
from ofsted_qa.cli.judgements import cmd_judgements
from ofsted_qa.cli.library import cmd_docs, cmd_index, cmd_show
from ofsted_qa.cli.parser import parse, parser
from ofsted_qa.errors import OfstedQAError
from ofsted_qa.inert import inert

EXIT_USER_ERROR = 2

Command = Callable[[argparse.Namespace, TextIO, TextIO], int]
COMMANDS: dict[str, Command] = {
    "index": cmd_index,
    "ask": cmd_ask,
    "docs": cmd_docs,
    "show": cmd_show,
    "judgements": cmd_judgements,
}


def main(
    argv: Sequence[str] | None = None, *, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """Run one command line (default: sys.argv); the exit status: 0, 2 for a user's error
    (said on stderr), 130 on Ctrl-C; argparse exits 2 itself on a bad option."""
    out = stdout or sys.stdout
    args = parse(list(sys.argv[1:] if argv is None else argv))
    try:
        return _dispatch(args, stdin or sys.stdin, out)
    except OfstedQAError as exc:
        print(inert(f"ofsted-qa: {exc}"), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _dispatch(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    command = args.command
    if command is None or command == "tui":
        return _run_tui(args)
    if command == "eval":
        from ofsted_qa.evaluation.harness import main as eval_main

        return eval_main(args.rest, index_dir=args.index, model=args.model, out=out)
    return COMMANDS[command](args, stdin, out)


def _run_tui(args: argparse.Namespace) -> int:
    try:
        from ofsted_qa.tui.app import run_app
    except ImportError:
        parser().print_help()
        return 0
    return run_app(index_dir=args.index, model=args.model)
