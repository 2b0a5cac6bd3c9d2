"""Saved NumPy arrays read safely from several threads at once.

`np.load` parses each file's header with `ast.literal_eval`, and CPython 3.11's AST
constructor keeps state that two threads parsing at once can corrupt ("SystemError: AST
constructor recursion depth mismatch"): readers opening an index during a rebuild, or the TUI's
search thread beside its loader, did. One lock around the load; a memory-mapped array is shared
freely afterwards.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

_LOCK = threading.Lock()


def load_array(path: Path, *, mmap: bool = False) -> np.ndarray:
    """The array saved at `path` (never pickled objects), memory-mapped read-only when `mmap`.

    Raises OSError when the file cannot be read and ValueError when it is not a saved array."""
    with _LOCK:
        return np.load(path, allow_pickle=False, mmap_mode="r" if mmap else None)
