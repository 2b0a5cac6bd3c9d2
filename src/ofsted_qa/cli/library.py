"""The commands about the index itself: `index` (build, update, check), `docs` (what it holds)
and `show` (a passage in context, verified against its source)."""

from __future__ import annotations

import argparse
from typing import TextIO

from ofsted_qa.cli.session import notify, open_store, settings
from ofsted_qa.inert import inert


def cmd_index(args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    """Build or update the index (or --check it); exit status 0."""
    from ofsted_qa.index.session import index_documents, local_model

    resolved = settings(args)
    if args.check:
        from ofsted_qa.index.check import check_index

        for line in check_index(resolved, local_model(resolved)):
            print(line, file=out)
        return 0
    from ofsted_qa.progress import build_progress

    with build_progress() as progress:
        report = index_documents(
            resolved, local_model(resolved), rebuild=args.rebuild, progress=progress, notify=notify
        )
    print(inert(report.summary()), file=out)
    folders = ", ".join(str(d) for d in resolved.doc_dirs)
    print(
        inert(
            f"Document folders: {folders} (remembered; --docs DIR adds one, "
            "--remove-docs DIR removes one)."
        ),
        file=out,
    )
    return 0


def cmd_docs(args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    """List the indexed documents (text or --json); exit status 0."""
    from ofsted_qa import render

    bundle = open_store(args)
    render.print_documents(bundle, out, as_json=args.json)
    return 0


def cmd_show(args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    """One passage by ref or pasted citation, with its neighbours; exit status 0."""
    from ofsted_qa import render
    from ofsted_qa.citations.passages import locate_paragraph

    bundle = open_store(args)
    resolved = settings(args)
    # a paragraph the index cut into passages ("#18": 18a, 18b) is shown whole
    found = locate_paragraph(bundle.store, " ".join(args.citation))
    render.print_in_context(
        bundle.store, found.start, resolved.root, out, around=max(0, args.around), targets=found
    )
    return 0
