"""The lock that serialises builds of one index folder, and the folder's problems said plainly
(a path that is a file, a folder that cannot be written) instead of a traceback."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ofsted_qa.errors import OfstedQAError

LOCK_FILE = ".lock"
LOCK_TIMEOUT_S = 600


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Hold the lock that serialises builds; a folder that cannot hold it is reported plainly."""
    from filelock import FileLock, Timeout

    try:
        index_dir.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise OfstedQAError(
            f"The index path {index_dir} is a file, not a folder", hint="pass --index DIR"
        ) from exc
    except OSError as exc:
        raise OfstedQAError(f"Cannot create the index folder {index_dir} ({exc.strerror})") from exc
    # Asked first: a lock file that cannot be opened for writing may read as "held" and wait.
    for path in (index_dir, index_dir / LOCK_FILE):
        if path.exists() and not os.access(path, os.W_OK):
            raise OfstedQAError(
                f"Cannot write to {path} (permission denied)",
                hint="pass --index DIR somewhere writable",
            )
    lock = FileLock(str(index_dir / LOCK_FILE), timeout=LOCK_TIMEOUT_S)
    try:
        lock.acquire()
    except Timeout as exc:
        raise OfstedQAError(f"Another build has held {index_dir} for {LOCK_TIMEOUT_S}s") from exc
    except OSError as exc:  # a read-only folder or lock file, a full disk
        raise OfstedQAError(
            f"Cannot write to the index folder {index_dir} ({exc.strerror or exc})",
            hint="pass --index DIR somewhere writable",
        ) from exc
    try:
        yield
    finally:
        lock.release()
