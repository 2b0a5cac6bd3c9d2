"""Pools of worker processes that are safe to start from a process running other threads.

The default start method on Linux (before Python 3.14) is fork, which copies the parent with
whatever locks its other threads held at that instant (onnxruntime's and OpenMP's thread pools,
FAISS, the TUI's loader and the searcher's dense worker), but not the threads that would release
them: a child that touches such a lock waits forever. A forkserver child is forked from a small
single-threaded server process instead, so no such lock comes with it; the server imports the
modules the workers need once (`PRELOAD`), so each worker starts without re-importing them.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Any

# What the reading and chunking workers import: loaded once, in the server, not per worker.
PRELOAD = ("ofsted_qa.ingest.chunk_pool", "ofsted_qa.ingest.reading")


def start_method() -> str:
    """ "forkserver" where the platform has it (Linux, macOS), else "spawn" (Windows); never
    "fork"."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def process_pool(workers: int, **options: Any) -> ProcessPoolExecutor:
    """A `ProcessPoolExecutor` of `workers` processes started by `start_method()`; its callables
    and arguments must pickle (top-level functions, plain data). `options` as the executor's
    (initializer, initargs)."""
    context = multiprocessing.get_context(start_method())
    if start_method() == "forkserver":
        context.set_forkserver_preload(list(PRELOAD))  # a no-op once the server runs
    return ProcessPoolExecutor(workers, mp_context=context, **options)
