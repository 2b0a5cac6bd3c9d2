"""SVG screenshots of the main states, for docs/: `python -m ofsted_qa.tui.screenshots docs`.

Runs the real app headless against the configured index (the seeds by default).
"""

from __future__ import annotations

import asyncio
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

from ofsted_qa.tui.app import OfstedApp

if TYPE_CHECKING:
    from textual.app import App

QUESTION = "what did Ofsted say about care leavers in 2014"
SIZE = (110, 36)


def screen_text(app: App[object]) -> str:
    """The screen as plain text, as a user would read it (the same render as an SVG export)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        record=True,
        force_terminal=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


async def capture(app: OfstedApp, out: Path, question: str = QUESTION) -> list[Path]:
    """Ask `question`, then save the answer, the source view and the help screen."""
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def shot(name: str) -> None:
        saved.append(Path(app.save_screenshot(f"tui-{name}.svg", str(out))))

    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press(*question, "enter")
        await app.workers.wait_for_complete()
        await pilot.press("tab")
        await pilot.pause(0.3)
        app.clear_notifications()
        shot("answer")
        await pilot.press("enter")
        await pilot.pause(0.5)
        shot("source")
        await pilot.press("escape", "f1")
        await pilot.pause(0.3)
        shot("help")
    return saved


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs")
    for path in asyncio.run(capture(OfstedApp(), out)):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
