"""The TUI under failure and hostile text: panels and notifications, never a crash."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from fakes import FakeModel
from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.build import build_index
from ofsted_qa.index.settings import Settings
from ofsted_qa.tui.app import OfstedApp, run_app
from ofsted_qa.tui.error_panel import ErrorPanel
from ofsted_qa.tui.result_card import ResultCard
from ofsted_qa.tui.screenshots import screen_text
from ofsted_qa.tui.source_view import SourceScreen
from test_tui import ask, settle

MARKUP = "[bold]Danger[/bold] [red]red[/red] [@click=app.quit]quit[/] [link=x]y[/link] $accent"


def severities(app: OfstedApp) -> list[str]:
    return [n.severity for n in app._notifications]


async def test_empty_docs_folder_shows_a_panel_with_the_fix(tmp_path: Path) -> None:
    empty = tmp_path / "docs"
    empty.mkdir()
    settings = Settings(root=tmp_path, index_dir=tmp_path / "index", doc_dirs=(empty,))
    app = OfstedApp(settings=settings, model=FakeModel())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        panel = app.query_one(ErrorPanel)
        assert "No readable documents" in panel.message and "--docs" in panel.hint
        assert "error" in severities(app) and app.load_failed
        await ask(pilot, "care leavers")
        assert "could not be opened" in str(app.turns[-1].note.render())
        (empty / "a.txt").write_text("Care leavers are well supported.\n", encoding="utf-8")
        await pilot.press("ctrl+r")  # fixed: retry works without restarting
        await settle(pilot)
        assert not app.query(ErrorPanel) and app.engine is not None
        assert app.is_running


async def test_missing_model_shows_a_panel(built: Settings) -> None:
    from dataclasses import replace

    settings = replace(built, model=str(built.root / "no-such-model"))
    app = OfstedApp(settings=settings)  # resolves a LocalModel: fails before any torch import
    async with app.run_test() as pilot:
        await settle(pilot)
        panel = app.query_one(ErrorPanel)
        assert "no-such-model" in panel.message and panel.hint
        assert app.is_running


async def test_broken_index_is_rebuilt_with_a_notice(
    built: Settings, fake_model: FakeModel
) -> None:
    current = built.index_dir / "current"
    (current.resolve() / "chunks.sqlite").write_text("not json\n", encoding="utf-8")
    app = OfstedApp(settings=built, model=fake_model)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.engine is not None and not app.query(ErrorPanel)
        # the log, not the toasts: a toast times out while a loaded machine is still building
        assert any(m.startswith("Building the index") for m in app.load_notices)


class BrokenQueryModel(FakeModel):
    def query_embedder(self):  # type: ignore[no-untyped-def]
        raise OfstedQAError("Could not load the model at /x", hint="run `make setup`")


async def test_model_failure_falls_back_to_lexical(built: Settings) -> None:
    app = OfstedApp(settings=built, model=BrokenQueryModel())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.status.model.startswith("unavailable") and "warning" in severities(app)
        await ask(pilot, "care leavers")
        turn = app.turns[-1]
        assert turn.cards and "model is unavailable" in str(turn.note.render())
        await ask(pilot, "zzzqqq")  # lexical only: nothing matches
        assert "No passages matched" in str(app.turns[-1].note.render())


async def test_search_errors_become_notes(built: Settings, fake_model: FakeModel) -> None:
    app = OfstedApp(settings=built, model=fake_model)
    async with app.run_test() as pilot:
        await settle(pilot)
        await ask(pilot, "care " * 1200)  # over the 5,000 character limit
        turn = app.turns[-1]
        assert "too long" in str(turn.note.render()) and turn.note.has_class("-error")
        assert app.is_running


async def test_markup_in_documents_and_questions_is_shown_literally(
    tmp_path: Path, fake_model: FakeModel
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    body = f"Report\n\n1. Inspectors found {MARKUP} in the care leavers service.\n"
    (docs / "m.txt").write_text(body, encoding="utf-8")
    title = "[b]Title[/b] of [i]report[/i]"
    meta = {"m.txt": {"title": title, "publisher": "Ofsted", "kind": "news", "date": "2020"}}
    (docs / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    settings = Settings(root=tmp_path, index_dir=tmp_path / "index", doc_dirs=(docs,))
    build_index(settings, fake_model)
    app = OfstedApp(settings=settings, model=fake_model)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, "[red]Danger[/red] care leavers")
        text = screen_text(app)
        assert "[red]Danger[/red] care leavers" in text
        assert MARKUP in text and title in text
        assert app.is_running  # the [@click=app.quit] was not an action
        card = app.query_one(ResultCard)
        await pilot.press("tab", "c")
        assert app.copied[-1].startswith(f"Ofsted, {title} (published 2020)")
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, SourceScreen) and card.hit.chunk.text
        assert MARKUP in screen_text(app) and title in screen_text(app)
        await pilot.press("escape", "ctrl+p", *"Filter: document")
        await pilot.pause(0.5)
        assert f"Filter: document {title}" in screen_text(app)  # palette escapes titles


def test_importing_the_app_loads_no_model_code() -> None:
    """First paint <= 0.5 s: numpy, torch and the index load later, in a worker."""
    code = (
        "import sys, ofsted_qa.tui.app; "
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'numpy', 'faiss') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_run_app_returns_an_exit_code(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(OfstedApp, "run", lambda self: None)
    assert run_app(index_dir=None, model=None) == 0


def test_screenshots_module_writes_the_main_states(
    built: Settings, fake_model: FakeModel, tmp_path: Path
) -> None:
    import asyncio

    from ofsted_qa.tui.screenshots import capture

    out = tmp_path / "shots"
    saved = asyncio.run(capture(OfstedApp(settings=built, model=fake_model), out))
    assert [p.name for p in saved] == ["tui-answer.svg", "tui-source.svg", "tui-help.svg"]
    assert all(p.stat().st_size > 10_000 for p in saved)
    assert "care" in saved[0].read_text(encoding="utf-8")
    shutil.rmtree(out)
