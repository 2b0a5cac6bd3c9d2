"""What the commands share: the settings the command line and the index folder give, build
warnings on stderr, and the index opened for reading or for search. Heavy imports wait for use."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.inert import inert

if TYPE_CHECKING:
    from ofsted_qa.index.generations import IndexBundle
    from ofsted_qa.index.settings import Settings
    from ofsted_qa.retrieval.search import Searcher


def settings(args: argparse.Namespace) -> Settings:
    """The options given (--index, --docs, --model, --dense, --remove-docs), settled against
    what the index folder remembers."""
    from ofsted_qa.index.session import settle_from_index
    from ofsted_qa.index.settings import Settings

    docs = getattr(args, "docs", None)
    resolved = Settings.resolve(
        index_dir=args.index,
        doc_dirs=docs,
        model=args.model,
        dense_kind=getattr(args, "dense", None) or "flat",
    )
    return settle_from_index(
        resolved,
        docs_given=bool(docs),
        dense_given=bool(getattr(args, "dense", None)),
        remove=tuple(Path(d) for d in getattr(args, "remove_docs", None) or ()),
    )


def notify(message: str) -> None:
    """A build notice or warning, on stderr."""
    print(inert(message), file=sys.stderr, flush=True)  # warnings name files and titles


def open_store(args: argparse.Namespace) -> IndexBundle:
    """The current index generation, for reading (no model). Raises OfstedQAError if none."""
    from ofsted_qa.index import generations

    return generations.load_current(settings(args).index_dir)


def open_searcher(args: argparse.Namespace) -> Searcher:
    """The index and the query encoder, ready to search; builds a missing or stale index unless
    --no-build (then raises OfstedQAError)."""
    from ofsted_qa.index.session import local_model, open_index
    from ofsted_qa.retrieval.search import Searcher

    resolved = settings(args)
    if args.no_build:  # said before the encoder, which would write its cache into the folder
        from ofsted_qa.index.generations import check_index_path, current_generation

        check_index_path(resolved.index_dir)
        if current_generation(resolved.index_dir) is None:
            raise OfstedQAError(
                f"The index needs rebuilding: No index at {resolved.index_dir}.",
                hint="run `ofsted-qa index` (or drop --no-build)",
            )
    model = local_model(resolved)
    from concurrent.futures import ThreadPoolExecutor

    from ofsted_qa.progress import build_progress

    # The query encoder's session (a third of a cold start) opens on the other core meanwhile.
    with ThreadPoolExecutor(max_workers=1) as pool:
        embedder = pool.submit(model.query_embedder) if args.mode != "bm25" else None
        with build_progress() as progress:
            bundle = open_index(
                resolved, model, allow_build=not args.no_build, progress=progress, notify=notify
            )
        return Searcher(bundle, embedder.result() if embedder else None)
