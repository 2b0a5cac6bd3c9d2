"""Where an `ofsted-qa index` run spends its seconds: the CLI's own run with a timer around each
build step (lighter than a profiler, which doubles pure-Python steps).

    PYTHONPATH=src python bench/incremental_add.py --index DIR index [--docs DIR ...]

Used for issue #19's "one new report added in 15 s": hold one report out of a copy of the
corpus, index the rest, put it back and run this (bench/results/incremental.md).
"""

from __future__ import annotations

import contextlib
import functools
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

spent: dict[str, float] = defaultdict(float)


def timed(owner: Any, name: str, label: str) -> None:
    real: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(real)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - started

    setattr(owner, name, wrapper)


def main() -> None:
    started = time.perf_counter()
    import numpy as np

    from ofsted_qa.index import build, dense_index, generations, incremental, store
    from ofsted_qa.ingest import extract_cache

    timed(build, "load_documents", "read documents (extraction cache, new files)")
    timed(build, "_previous", "load the previous generation")
    timed(build, "_plan", "plan, chunk new documents")
    timed(build, "fill_vectors", "vectors (reused, new ones embedded)")
    timed(dense_index.DenseIndex, "build", "FAISS build")
    timed(dense_index.DenseIndex, "save", "FAISS save")
    timed(incremental, "lexical_index", "BM25 (kept terms reused, new tokenized)")
    timed(incremental, "vocabulary", "vocabulary (updated)")
    timed(store.ChunkStore, "save", "chunk store save")
    timed(generations, "file_checksums", "checksums")
    timed(generations, "publish", "publish (fsync, swap)")
    timed(extract_cache.ExtractCache, "prune", "extraction cache prune")
    timed(build, "metadata_hashes", "metadata hashes")
    timed(np, "save", "np.save")
    timed(build.TypoWords, "of", "typo words")
    from ofsted_qa.cli import main as cli

    with contextlib.suppress(SystemExit):  # the CLI's exit status is not what is measured
        cli(sys.argv[1:])
    total = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open("/proc/loadavg") as handle:
        load = handle.read().split()[0]
    print(
        f"wall {total:.2f} s; CPU {own.ru_utime + own.ru_stime:.1f} s "
        f"(+{children.ru_utime + children.ru_stime:.1f} s in child processes); load {load}",
        file=sys.stderr,
    )
    for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {seconds:6.2f} s  {label}", file=sys.stderr)


if __name__ == "__main__":
    main()
