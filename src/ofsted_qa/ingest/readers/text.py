"""Plain text and Markdown: the file's own characters are the text offsets count in."""

from __future__ import annotations

from pathlib import Path

from ofsted_qa.ingest.readers.base import ReadText


def read_text_file(path: Path) -> ReadText:
    """Decode exactly as offsets are counted: no newline translation; UTF-8, else cp1252.

    Raises OSError when the file cannot be read.
    """
    data = path.read_bytes()
    try:
        return ReadText(data.decode("utf-8"), encoding="utf-8")
    except UnicodeDecodeError:
        # Legacy Windows exports are common for reports; cp1252 maps nearly every byte.
        return ReadText(data.decode("cp1252", errors="replace"), encoding="cp1252")
