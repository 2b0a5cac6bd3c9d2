"""fsync for files and folders, so a published generation survives a power cut.

Renames and symlink swaps are atomic against crashes of the process, but without fsync a power
cut can leave a renamed folder whose files were never written (zero-length or garbage). Syncing
every file and folder of a build before its name is published, and the index folder after the
swap, makes the published state durable: after a power cut `current` names the old generation
or the new one, and either is whole.
"""

from __future__ import annotations

import os
from pathlib import Path


def fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def fsync_dir(path: Path) -> None:
    """Make the folder's entries (renames, new names) durable."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def fsync_tree(folder: Path) -> None:
    """Every file, then every folder (deepest first), of a freshly written tree."""
    folders = [folder]
    for path in sorted(folder.rglob("*")):
        if path.is_dir():
            folders.append(path)
        elif path.is_file():
            fsync_file(path)
    for path in reversed(folders):
        fsync_dir(path)
