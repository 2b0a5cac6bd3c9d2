"""One CLI run, measured from outside: wall and CPU seconds, what it printed, the peak RSS
of its largest single process (the kernel's accounting) and the peak of the whole process tree
(sampled, since the reading pool's workers run beside the main process)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import harness

ROOT = Path(__file__).resolve().parents[1]
PAGE = os.sysconf("SC_PAGE_SIZE")


def cli(*args: str) -> list[str]:
    """`ofsted-qa ARGS` as this checkout runs it (see `env`)."""
    return [sys.executable, "-m", "ofsted_qa", *args]


def env() -> dict[str, str]:
    """This checkout's code first, whatever is installed in the venv."""
    path = os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH")) if p)
    return os.environ | {"PYTHONPATH": path, "TOKENIZERS_PARALLELISM": "false"}


def _tree_rss(root: int) -> int:
    """Resident bytes of `root` and every descendant, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * PAGE
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, ()))
    return total


def measured(
    argv: Sequence[str], *, stdin_text: str | None = None, timeout: float = 7200
) -> dict[str, Any]:
    """Run `argv` once; raises RuntimeError (with its stderr's tail) when it fails."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        stdin=subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
        text=True,
    )
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.5):
            peak[0] = max(peak[0], _tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    # Both pipes drained by threads; the child is reaped by wait4, which gives its rusage.
    got: dict[str, str] = {}
    readers = [
        threading.Thread(target=lambda n=name, s=stream: got.__setitem__(n, s.read()))
        for name, stream in (("out", proc.stdout), ("err", proc.stderr))
    ]
    for reader in readers:
        reader.start()
    if stdin_text is not None and proc.stdin is not None:
        proc.stdin.write(stdin_text)
        proc.stdin.close()
    for reader in readers:
        reader.join(timeout)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    out, err = got.get("out", ""), got.get("err", "")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[2:])} exited {proc.returncode}: {err[-1500:]}")
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),  # barely moved by others' load
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "peak_tree_rss_mb": round(max(peak[0], usage.ru_maxrss * 1024) / 2**20, 1),
        "stdout": out,
        "stderr_tail": err[-800:],
    }


def _cpu_ticks(pid: int) -> int:
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks


def pipe_answers(argv: Sequence[str], lines: Sequence[str]) -> dict[str, Any]:
    """Questions fed to `ask --json` one at a time: each answer's wall seconds, and the CPU the
    process spent on all answers after the first (per answer, on average; the kernel counts CPU
    in 10 ms ticks, too coarse for one answer). Raises RuntimeError on an error line."""
    waits: list[float] = []
    ticks_after_first = 0
    with harness.answering(argv, env()) as (ask, pid):
        for line in lines:
            answer, waited = ask(line)
            waits.append(waited)
            if not answer or '"error"' in answer[:200]:
                raise RuntimeError(f"ask --json answered {answer[:300]!r} to {line!r}")
            if len(waits) == 1:
                ticks_after_first = _cpu_ticks(pid)
        ticks = _cpu_ticks(pid) - ticks_after_first
    per_tick = 1 / os.sysconf("SC_CLK_TCK")
    return {
        "questions": len(waits),
        "first_answer_incl_startup_ms": round(waits[0] * 1000, 1),
        "wall_after_first": waits[1:],
        "cpu_ms_per_answer_after_first": round(ticks * per_tick * 1000 / max(1, len(waits) - 1), 2),
    }
