"""Chunking many documents at once, on every core.

Cutting the real corpus into passages counts the model's word pieces for every candidate span
(about 25 s for 493 reports in one process), so documents are chunked by a pool of processes,
each holding the model's token counter once (started by `process_pool`: never forked from a
process that may be running other threads).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from ofsted_qa.ingest.chunking import Chunk, TokenCounter, chunk_document
from ofsted_qa.ingest.process_pool import process_pool

# Below this many documents a pool costs more to start than it saves.
POOL_MIN_DOCUMENTS = 16
_counter: TokenCounter | None = None


def _hold(counter: TokenCounter) -> None:
    global _counter
    _counter = counter


def _chunk(job: tuple[str, str, int]) -> list[Chunk]:
    text, doc_id, max_tokens = job
    return chunk_document(text, doc_id, max_tokens=max_tokens, count_tokens=_counter)


def chunk_all(
    documents: Sequence[tuple[str, str]],
    *,
    max_tokens: int,
    count_tokens: TokenCounter,
    workers: int | None = None,
) -> list[list[Chunk]]:
    """`chunk_document` for each (text, doc id), in order, across `workers` processes (default:
    the machine's cores); in this process when there are few documents."""
    jobs = [(text, doc_id, max_tokens) for text, doc_id in documents]
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    if len(jobs) < POOL_MIN_DOCUMENTS or workers <= 1:
        return [
            chunk_document(text, doc_id, max_tokens=max_tokens, count_tokens=count_tokens)
            for text, doc_id, _ in jobs
        ]
    # `count_tokens` travels to each worker pickled (a bound method of the model: its tokenizer)
    with process_pool(workers, initializer=_hold, initargs=(count_tokens,)) as pool:
        return list(pool.map(_chunk, jobs, chunksize=4))
