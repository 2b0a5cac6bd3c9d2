"""`ofsted-qa ask`: one question answered (text or JSON), or a batch from stdin, one answer per
line (one JSON line each with --json), a failing line not ending the batch."""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Iterator
from typing import TextIO

from ofsted_qa.cli.session import notify, open_searcher
from ofsted_qa.errors import OfstedQAError
from ofsted_qa.inert import typed_text


def cmd_ask(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    """Exit status 0; raises OfstedQAError for a question or filter that cannot be asked."""
    from ofsted_qa import render
    from ofsted_qa.render_filters import filters_json, filters_line
    from ofsted_qa.retrieval.query import validate
    from ofsted_qa.retrieval.search import MAX_K, Filters
    from ofsted_qa.retrieval.years import flag_years

    questions = [q for q in args.question if q != "-"]
    batch = not questions
    question = typed_text(" ".join(questions))  # a pasted colour code is not read as words
    piped: Iterator[str] = iter(())
    if batch:  # nothing piped, or nothing but blank lines: say so before loading anything
        lines = iter(()) if stdin.isatty() else stdin_lines(stdin)
        first = next((typed for typed in lines if typed.strip()), None)
        if first is None:
            raise OfstedQAError(
                "No question given.",
                hint='ofsted-qa ask "your question", or pipe questions in, one per line',
            )
        piped = itertools.chain([first], lines)
    if not batch:
        validate(question)  # fail fast, before loading anything
    if args.k < 1:
        raise OfstedQAError(f"--k must be at least 1 (got {args.k})")
    if args.k > MAX_K:
        notify(f"note: --k {args.k} clamped to {MAX_K}, the most one search returns")
    k = min(args.k, MAX_K)
    filters = Filters(
        tuple(sorted({y for typed in args.year for y in flag_years(typed)})),
        tuple(args.doc),
        tuple(args.kind),
        tuple(args.publisher),
        tuple(args.council),
        regions=tuple(args.region),
    )
    timeline = True if args.timeline else None  # else: when the question asks how things changed
    searcher = open_searcher(args)
    filters.check(searcher.bundle.store.documents)  # an unknown value fails before any answer
    places = searcher.filtered_councils(filters) if filters.councils else ()
    said = filters_json(filters, places)  # every answer says how it was narrowed
    shown = filters_line(filters, places)

    def answer(asked: str) -> None:
        """One question answered and written out (flushed: a batch's reader sees each)."""
        response = searcher.search(asked, k=k, mode=args.mode, filters=filters, timeline=timeline)
        if args.json:
            payload = render.response_json(response, explain=args.explain, filters=said)
            print(render.json_text(payload), file=out, flush=True)
        else:
            render.print_response(response, out, explain=args.explain, filters=shown)
            out.flush()

    if not batch:
        answer(question)
        return 0
    answered = 0
    for typed in piped:
        line = typed_text(typed)
        if not line.strip():
            continue
        if answered and not args.json:
            print("\n" + "─" * 40 + "\n", file=out)
        answered += 1
        try:
            answer(line)
        except OfstedQAError as exc:  # this line fails; the batch goes on
            if args.json:
                payload = {"query": line.strip(), "error": exc.message, "hint": exc.hint}
                print(render.json_text(payload), file=out, flush=True)
            else:
                render.print_failed(line, exc, out)
    return 0


def stdin_lines(stdin: TextIO) -> Iterator[str]:
    """Lines as text, one undecodable line not ending the batch: its bytes are kept as
    surrogates (surrogateescape), which the question check then reports for that line."""
    raw = getattr(stdin, "buffer", None)
    if raw is None:  # already text (tests, an embedding caller)
        yield from stdin
        return
    for line in raw:
        yield line.decode("utf-8", errors="surrogateescape")
