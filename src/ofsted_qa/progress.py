"""A plain progress bar on stderr: no dependency, quiet when not a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


class ProgressBar:
    def __init__(self, total: int, *, label: str, stream: TextIO = sys.stderr) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.label = label
        self.stream = stream
        self.started = time.perf_counter()
        self.interactive = stream.isatty()
        self._last_line = -1

    def advance(self, count: int) -> None:
        self.done = min(self.total, self.done + count)
        elapsed = time.perf_counter() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        filled = WIDTH * self.done // self.total
        line = (
            f"{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total} "
            f"({rate:.0f}/s)"
        )
        if self.interactive:
            self.stream.write("\r" + line + ("\n" if self.done == self.total else ""))
        elif self.done == self.total or self.done * 10 // self.total != self._last_line:
            # Logs get a line per tenth, not a wall of carriage returns.
            self._last_line = self.done * 10 // self.total
            self.stream.write(line + "\n")
        self.stream.flush()
