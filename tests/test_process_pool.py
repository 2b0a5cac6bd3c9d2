"""The index build's worker processes are never forked from the building process, which may be
running other threads (onnxruntime, FAISS, OpenMP, the TUI's loader): a forked child inherits
their locks as they were at that instant, held or not, and waits forever on one held."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ofsted_qa.ingest import reading
from ofsted_qa.ingest.chunk_pool import POOL_MIN_DOCUMENTS, chunk_all
from ofsted_qa.ingest.process_pool import process_pool, start_method
from ofsted_qa.ingest.reading import POOL_MIN_FILES, read_all

# A lock a thread of this process holds while the pools start, as onnxruntime's might.
LOCK = threading.Lock()


class LockedCounter:
    """A token counter that needs `LOCK` (picklable: a top-level class)."""

    def __call__(self, text: str) -> int:
        if not LOCK.acquire(timeout=3):
            raise TimeoutError("a lock held by another thread of the parent")
        LOCK.release()
        return len(text.split())


@pytest.fixture
def held_lock() -> Iterator[None]:
    release = threading.Event()
    taken = threading.Event()

    def hold() -> None:
        with LOCK:
            taken.set()
            release.wait()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    taken.wait()
    yield
    release.set()
    thread.join()


def test_never_fork() -> None:
    assert start_method() in ("forkserver", "spawn")
    with process_pool(1) as pool:
        assert pool._mp_context.get_start_method() == start_method()  # type: ignore[attr-defined]


def test_chunking_workers_do_not_inherit_a_held_lock(held_lock: None) -> None:
    documents = [(f"Paragraph {i}.\n\nSome words about care leavers.", f"d{i}") for i in range(20)]
    assert len(documents) >= POOL_MIN_DOCUMENTS
    chunks = chunk_all(documents, max_tokens=256, count_tokens=LockedCounter(), workers=2)
    assert [c[0].doc_id for c in chunks] == [d for _, d in documents]


def _broken(path: Path) -> object:
    raise OSError(5, "this process's memory, copied into the worker")


def test_reading_workers_start_from_fresh_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = []
    for i in range(POOL_MIN_FILES + 1):
        paths.append(tmp_path / f"doc{i}.txt")
        paths[-1].write_text(f"Report {i}\n\nThe council's care leavers.\n", encoding="utf-8")
    # A change to this process's memory (as a thread mid-way through its work would leave it)
    # reaches a forked worker; a worker started afresh reads with the module's own reader.
    monkeypatch.setattr(reading, "read_document", _broken)
    outcomes = read_all(paths, None, workers=2)
    assert [o.problem for o in outcomes] == [""] * len(paths)
    assert all("care leavers" in o.read.text for o in outcomes if o.read)
