"""Which files under the document folders are documents, under which ids, and what is skipped.

Rules (the README's "Adding documents" says the same):
- folders are recursed; hidden files and folders (".git", ".DS_Store") are ignored silently;
- a symlink, to a file or a folder, is followed only when its target lies inside one of the
  document folders given; a link pointing elsewhere is skipped with a warning naming its target,
  so `ln -s /etc/passwd docs/x.txt` never makes a system file searchable;
- a file reached twice (through a link) is indexed once;
- a document's id is its path relative to its folder without the suffix ("2014/x" for
  docs/2014/x.txt), so the same file name in many folders gives distinct ids; when two files
  would still share an id (a.txt beside a.md) both keep their suffix ("a.md", "a.txt"), and a
  clash left after that (the same relative path in two folders) is refused with a message;
- every other file is listed once as skipped, with why.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ofsted_qa.ingest.readers import READABLE_SUFFIXES, format_of

METADATA_FILE = "metadata.json"


def unreadable_reason(path: Path) -> str | None:
    """Why no reader applies to this file, or None when one does: the one place that decides
    which files are documents. A readable suffix is enough here (the reader says later if the
    content is not what the name claims); any other file is opened and its first bytes decide,
    so a PDF saved without a suffix is still read."""
    if path.suffix.lower() in READABLE_SUFFIXES:
        return None
    try:
        kind = format_of(path)
    except OSError as exc:
        return f"unreadable ({exc.strerror or exc})"
    return None if kind is not None else f"unsupported file type ({path.suffix or 'no suffix'})"


@dataclass(frozen=True)
class Found:
    """A document file: its id, where it was found (inside `folder`) and the file it reads."""

    doc_id: str
    path: Path
    folder: Path


@dataclass
class _Walk:
    """State of one discovery: the folders given, what was reached, links left for later."""

    roots: tuple[Path, ...]
    seen: set[Path]
    skipped: list[str]
    links: list[tuple[Path, Path]]  # (link, the folder given it lies under)


def _walk(folder: Path, given: Path, walk: _Walk) -> Iterator[Path]:
    """Yield document candidates under `folder` in sorted order; links wait until every real
    file is reached, so a file keeps the id of where it really lies."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        walk.skipped.append(f"{folder}: unreadable folder ({exc.strerror or exc}); skipped")
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith(".") or entry.name == METADATA_FILE:
            continue
        if entry.is_symlink():
            walk.links.append((path, given))
        else:
            # Resolved, so a file reached again through a link is recognised as the same file.
            yield from _reach(path, path.resolve(), given, walk)


def _reach(path: Path, target: Path, given: Path, walk: _Walk) -> Iterator[Path]:
    if target in walk.seen:
        return  # reached before, through a link or its own folder
    walk.seen.add(target)
    if target.is_dir():
        yield from _walk(path, given, walk)
    elif not target.is_file():
        walk.skipped.append(f"{path}: not a regular file; skipped")
    elif (why := unreadable_reason(target)) is not None:
        walk.skipped.append(f"{path}: {why}; skipped")
    else:
        yield path


def _follow(link: Path, given: Path, walk: _Walk) -> Iterator[Path]:
    try:
        target = link.resolve()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a loop of links (Python 3.11)
        walk.skipped.append(f"{link}: a link that cannot be followed ({exc}); skipped")
        return
    if not any(target == root or target.is_relative_to(root) for root in walk.roots):
        walk.skipped.append(f"{link}: a link to {target}, outside the document folders; skipped")
        return
    yield from _reach(link, target, given, walk)


def _base_id(path: Path, folder: Path) -> str:
    return path.relative_to(folder).with_suffix("").as_posix()


@dataclass(frozen=True)
class Discovery:
    """The documents under the folders, in walk order, and why anything else was left out."""

    files: tuple[Found, ...]
    skipped: tuple[str, ...]  # one "path: why; skipped" line per file or folder left out


def discover(folders: list[Path] | tuple[Path, ...]) -> Discovery:
    """Every document file under `folders` with a distinct id, and every file left out."""
    roots = tuple(f.resolve() for f in folders)
    walk = _Walk(roots, set(roots), [], [])
    skipped = walk.skipped
    candidates: list[tuple[Path, Path]] = []
    for folder in folders:
        if not folder.is_dir():
            skipped.append(f"{folder}: not a folder; skipped")
            continue
        candidates.extend((path, folder) for path in _walk(folder, folder, walk))
    while walk.links:  # links found inside linked folders join the queue
        link, folder = walk.links.pop(0)
        candidates.extend((path, folder) for path in _follow(link, folder, walk))
    by_base: dict[str, list[tuple[Path, Path]]] = defaultdict(list)
    for path, folder in candidates:
        by_base[_base_id(path, folder)].append((path, folder))
    found: dict[str, Found] = {}
    for base, group in by_base.items():
        for path, folder in group:
            doc_id = base if len(group) == 1 else path.relative_to(folder).as_posix()
            if doc_id in found:
                skipped.append(
                    f"{path}: same document id {doc_id!r} as {found[doc_id].path}; skipped "
                    "(rename one of them)"
                )
                continue
            found[doc_id] = Found(doc_id, path, folder)
    order = {candidate: i for i, candidate in enumerate(candidates)}
    files = sorted(found.values(), key=lambda f: order[(f.path, f.folder)])
    return Discovery(files=tuple(files), skipped=tuple(skipped))
