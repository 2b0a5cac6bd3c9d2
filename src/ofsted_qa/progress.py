"""Build progress on stderr: rich's live bars (documents read, passages embedded, time left) on a
terminal, a line per tenth of each phase in logs and pipes."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

Advance = Callable[[int], None]
# A build phase: its label ("Reading documents") and how many steps it has -> advance(n).
Factory = Callable[[str, int], Advance]


class LogLines:
    """One line per tenth of a phase: readable in CI logs, unlike a wall of carriage returns."""

    def __init__(self, label: str, total: int, stream: TextIO) -> None:
        self.label, self.total, self.stream = label, max(total, 1), stream
        self.done, self.started, self._tenth = 0, time.perf_counter(), -1

    def advance(self, count: int) -> None:
        self.done = min(self.total, self.done + count)
        tenth = self.done * 10 // self.total
        if tenth == self._tenth:
            return
        self._tenth = tenth
        elapsed = time.perf_counter() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        print(
            f"{self.label}: {self.done}/{self.total} ({rate:.0f}/s, about {left:.0f} s left)",
            file=self.stream,
            flush=True,
        )


@contextmanager
def build_progress(stream: TextIO | None = None) -> Iterator[Factory]:
    """A progress factory for one build, closed (bars finished) when the block ends; on
    `stream`, by default whatever sys.stderr is when the build starts."""
    stream = stream or sys.stderr
    if not stream.isatty():
        yield lambda label, total: LogLines(label, total, stream).advance
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    bars = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        console=Console(file=stream),
        transient=False,
    )

    def factory(label: str, total: int) -> Advance:
        task: Any = bars.add_task(label, total=total)
        return lambda count: bars.advance(task, count)

    with bars:
        yield factory
