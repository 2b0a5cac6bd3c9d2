"""The real app in a real terminal (tmux): type a question, read the screen with capture-pane.

Uses the fake model so it runs in seconds; scripts/tmux_demo.sh does the same with the real one.
CI needs tmux installed (`apt-get install -y tmux`); without it this test skips, saying so.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from ofsted_qa.index.settings import Settings

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed (apt-get install -y tmux)"
)

LAUNCHER = """
import sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from fakes import FakeModel
from ofsted_qa.index.settings import Settings
from ofsted_qa.tui.app import OfstedApp
settings = Settings(root=Path({root!r}), index_dir=Path({index!r}), doc_dirs=(Path({docs!r}),))
raise SystemExit(OfstedApp(settings=settings, model=FakeModel()).run() or 0)
"""


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def wait_for(session: str, *needles: str, timeout: float = 60) -> str:
    """The screen once every needle is on it (a capture can catch a half-drawn frame)."""
    screen = ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if all(n in screen for n in needles):
            return screen
        time.sleep(0.3)
    raise AssertionError(f"{needles!r} never all appeared; the screen was:\n{screen}")


def test_real_terminal_session(built: Settings, tmp_path: Path) -> None:
    launcher = tmp_path / "launch.py"
    tests = str(Path(__file__).parent)
    launcher.write_text(
        LAUNCHER.format(
            tests=tests,
            root=str(built.root),
            index=str(built.index_dir),
            docs=str(built.doc_dirs[0]),
        ),
        encoding="utf-8",
    )
    session = f"ofsted-qa-test-{uuid.uuid4().hex[:8]}"
    tmux(
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        "100",
        "-y",
        "30",
        f"{sys.executable} {launcher}; sleep 5",
    )
    try:
        wait_for(session, "fake-hash ready")
        tmux("send-keys", "-t", session, "-l", "what did Ofsted say about care leavers in 2014")
        tmux("send-keys", "-t", session, "Enter")
        screen = wait_for(session, "passages · hybrid", "year 2014", "para ", "REPORT")
        assert "› what did Ofsted say about care leavers in 2014" in screen
        tmux("send-keys", "-t", session, "Tab")
        wait_for(session, "Open source")  # the footer shows a card's keys once it has focus
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "Hit 1 of", "in this document")
        tmux("send-keys", "-t", session, "Escape")
        tmux("send-keys", "-t", session, "C-q")
        time.sleep(1.5)
        assert "Ofsted QA" not in tmux("capture-pane", "-p", "-t", session)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
