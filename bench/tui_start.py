"""TUI start: the app run headless in a fresh process, timed from launch to first paint, index
and model ready, and a first search."""

from __future__ import annotations

import json
import time
from typing import Any

import harness
from context import Context

TUI_PROBE = r"""
import asyncio, json, sys, time
t0 = float(sys.argv[1])
marks = {}
from ofsted_qa.tui.app import OfstedApp
marks["imported_s"] = time.time() - t0

def mark(name):
    marks.setdefault(name + "_s", time.time() - t0)
    marks.setdefault(name + "_cpu_s", time.process_time())  # this process's CPU, all threads

class Probe(OfstedApp):
    def on_mount(self):
        super().on_mount()
        mark("mounted")
        self.call_after_refresh(lambda: mark("first_paint"))
    def index_ready(self, engine):
        super().index_ready(engine)
        mark("index_ready")
    def model_ready(self):
        super().model_ready()
        mark("model_ready")

async def main():
    app = Probe(index_dir=sys.argv[2], model_name=None)
    async with app.run_test(size=(120, 40)) as pilot:
        deadline = time.time() + 60
        while "model_ready_s" not in marks and time.time() < deadline:
            await pilot.pause(0.02)
        if app.engine is not None and "model_ready_s" in marks:
            q = "What did Ofsted say about care leavers in 2014?"
            started = time.time()
            search = getattr(app.engine, "search", None)
            if search is not None:
                try:
                    search(q)
                except TypeError:
                    pass
                marks["first_search_s"] = time.time() - started
asyncio.run(main())
print(json.dumps(marks))
"""


def section_tui(ctx: Context) -> dict[str, Any]:
    try:
        import ofsted_qa.tui.app  # noqa: F401
    except ImportError as exc:
        return {"status": "TODO", "why": f"ofsted_qa.tui.app not importable: {exc}"}
    python = str(ctx.bin / "python")
    index = str(ctx.seeds_settings().index_dir)
    got = []
    for _ in range(3 if ctx.profile != "quick" else 1):
        proc = harness.timed_process(
            [python, "-c", TUI_PROBE, repr(time.time()), index], timeout=120
        )
        lines = [line for line in proc["stdout"].splitlines() if line.startswith("{")]
        if proc["rc"] != 0 or not lines:
            return {"status": "failed", "stderr": proc["stderr"][-1500:]}
        got.append(json.loads(lines[-1]))
    keys = sorted({k for g in got for k in g})
    argv = [python, "-c", TUI_PROBE, repr(time.time()), index]
    return {
        "peak_rss_mb": harness.peak_rss_of(argv),
        "status": "measured",
        "method": "App.run_test() headless in a fresh process; times from process launch",
        "runs": got,
        "median": {k: harness.median([g[k] for g in got if k in g]) for k in keys},
    }
