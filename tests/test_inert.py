"""Issue 18, item 1: text from documents, metadata or the question never drives the terminal."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from fakes import FakeModel
from ofsted_qa.index.build import build_index
from ofsted_qa.index.settings import Settings
from ofsted_qa.inert import inert, inert_json
from test_cli import run  # the CLI runner; the `env` fixture is in conftest

OSC52 = "\x1b]52;c;cHduZWQ=\x07"
TITLE = "\x1b]0;pwned\x07"
CSI = "\x9b2J"  # C1 "erase display", as one code point


def evil(folder: Path) -> None:
    """A document whose text, title and section carry control sequences."""
    (folder / "evil.txt").write_text(
        f"Zanzibar inspection {TITLE}report\n\nA section {CSI}heading\n\n"
        f"The zanzibar leaving care team {OSC52}works well with young people and "
        "their personal advisers, who visit them often.\n",
        encoding="utf-8",
    )


def unsafe(text: str) -> list[str]:
    return sorted({c for c in text if c in "\x1b\x07\x9b" or ord(c) < 0x20 and c not in "\n\t"})


def test_inert_shows_controls_and_keeps_offsets() -> None:
    text = f"a{OSC52}b{CSI}\udce9\n\tc\x7f"
    shown = inert(text)
    assert len(shown) == len(text) and not unsafe(shown)
    assert shown.startswith("a\u241b]52") and "\n\t" in shown and shown.endswith("c\u2421")


def test_inert_json_is_the_same_value_with_nothing_raw() -> None:
    payload = {"text": f"x{OSC52}{CSI}\x7f"}
    text = inert_json(payload)
    assert json.loads(text) == payload and not unsafe(text) and "\x7f" not in text


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_text_show_and_docs_carry_no_control_sequences(
    env: list[str],  # noqa: F811
    docs_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    evil(docs_dir)
    code, out = run([*env, "ask", f"zanzibar leaving care {TITLE}"])
    assert code == 0 and "zanzibar" in out.lower()
    assert not unsafe(out) and "\u241b]52;c;cHduZWQ=\u2407" in out
    ref = out.split("ref:  ")[1].split()[0]
    code, shown = run([*env, "show", ref])
    assert code == 0 and not unsafe(shown) and "\u241b]0;pwned" in shown
    assert not unsafe(run([*env, "docs"])[1])
    # A terminal gets our own styling (SGR) and nothing else.
    tty = Tty()
    monkeypatch.setattr("sys.stdout", tty)
    from ofsted_qa import cli

    assert cli.main([*env, "show", ref], stdout=tty) == 0
    styled = tty.getvalue()
    for sgr in ("\x1b[1m", "\x1b[0m"):
        styled = styled.replace(sgr, "")
    assert not unsafe(styled)


def test_cli_json_stays_faithful(env: list[str], docs_dir: Path) -> None:  # noqa: F811
    evil(docs_dir)
    code, out = run([*env, "ask", "zanzibar leaving care", "--json"])
    assert code == 0 and not unsafe(out)
    top = json.loads(out)["results"][0]
    assert OSC52 in top["text"]  # the same text, only escaped


async def test_tui_cards_and_source_view_show_controls_inertly(
    tmp_path: Path, docs_dir: Path
) -> None:
    from ofsted_qa.tui.app import OfstedApp
    from ofsted_qa.tui.screenshots import screen_text
    from test_tui import ask, open_source, settle

    evil(docs_dir)
    settings = Settings(root=tmp_path, index_dir=tmp_path / "index", doc_dirs=(docs_dir,))
    model = FakeModel()
    build_index(settings, model)
    app = OfstedApp(settings=settings, model=model)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, f"zanzibar leaving care {OSC52}")
        card = app.turns[-1].cards[0]
        rendered = "".join(str(part) for part in card.render().renderables)
        assert "zanzibar" in rendered.lower() and not unsafe(rendered)
        assert not unsafe(screen_text(app))
        await pilot.press("tab", "c")
        assert not unsafe(app.copied[-1])
        screen = await open_source(pilot, "enter")
        assert screen.current.chunk.doc_id == "evil" and not unsafe(screen_text(app))
