"""Copying a citation or passage: what was attempted, and a copy that always lands somewhere.

The terminal is asked to set the clipboard with OSC 52, which many ignore without a word (tmux
without passthrough, some SSH setups, the macOS Terminal). So each copy is also written to a
file whose path the notice gives, and the notice shows the text itself, selectable.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.message import Message

from ofsted_qa.inert import inert

COPY_FILE = "copied.txt"


class CopyRequest(Message):
    """A widget asks the app to copy `text`, described as `what` ("Citation", "Passage")."""

    def __init__(self, text: str, what: str) -> None:
        super().__init__()
        self.text = inert(text)  # a copied citation is pasted into terminals later
        self.what = what


def copy_file() -> Path:
    """Where each copy is also saved: $OFSTED_QA_COPY_FILE, else the user's cache folder."""
    override = os.environ.get("OFSTED_QA_COPY_FILE")
    if override:
        return Path(override)
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "ofsted-qa" / COPY_FILE


def save_copy(text: str) -> tuple[Path, str]:
    """Write `text` to the copy file; its path and "" or why it could not be written."""
    path = copy_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        return path, exc.strerror or str(exc)
    return path, ""


def notice(text: str, path: Path, failure: str) -> str:
    """The notification's body: the attempt, where the file copy is, and the text."""
    attempt = "Sent to the terminal's clipboard (OSC 52); not every terminal accepts it."
    saved = f"Not saved to {path}: {failure}." if failure else f"Also saved to {path}"
    shown = text if len(text) <= 400 else text[:400] + "…"
    return f"{attempt}\n{saved}\n\n{shown}"
