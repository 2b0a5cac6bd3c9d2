"""Issue 18 in the TUI: pasted text (items 4, 5), copying (25), chips under filters (26)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from fakes import FakeModel
from ofsted_qa.index.settings import Settings
from ofsted_qa.tui.app import OfstedApp
from ofsted_qa.tui.chip import Chip
from ofsted_qa.tui.question_input import QuestionInput
from ofsted_qa.tui.turn import HEAD_CHARS
from test_tui import QUESTION, ask, settle

WRAPPED = "Foster carers receive good\nsupport from their supervising\r\nsocial workers.\n"


def app_for(built: Settings, fake_model: FakeModel) -> OfstedApp:
    return OfstedApp(settings=built, model=fake_model)


async def paste(app: OfstedApp, text: str) -> QuestionInput:
    box = app.query_one(QuestionInput)
    box.focus()
    box.value = ""
    box.post_message(events.Paste(text))
    return box


def test_input_bytes_that_are_not_utf8_are_replaced_not_raised() -> None:
    from textual.drivers import linux_driver

    from ofsted_qa.tui.lenient_input import make_input_lenient

    make_input_lenient()
    decode = linux_driver.getincrementaldecoder("utf-8")().decode
    assert decode(b"caf\xe9 care \xff", final=True) == "caf\ufffd care \ufffd"


@pytest.mark.parametrize(
    ("pasted", "typed"),
    [  # every line of a hard-wrapped quote; undecodable bytes and controls inert, not fatal
        (WRAPPED, "Foster carers receive good support from their supervising social workers."),
        # a terminal's escape sequences are removed, so what is shown is what is read
        ("caf\udce9 care\x1b]0;pwned\x07 leavers", "caf\ufffd care leavers"),
        ("\x1b[31mIRO\x1b[0m in Bexley\x1b[2J", "IRO in Bexley"),
        # and so are format characters: zero-width ones, bidirectional overrides
        ("care\u200b leavers \u202eOR\u2060I\u202c\ufeff", "care leavers ORI"),
    ],
)
async def test_a_paste_arrives_whole_and_inert(
    built: Settings, fake_model: FakeModel, pasted: str, typed: str
) -> None:
    app = app_for(built, fake_model)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        box = await paste(app, pasted)
        await pilot.pause()
        assert box.value == typed
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and app.turns[-1].question == typed
        assert app.turns[-1].response is not None


async def test_a_long_paste_leaves_the_answer_on_screen(
    built: Settings, fake_model: FakeModel
) -> None:
    app = app_for(built, fake_model)
    long = " ".join(["what did inspectors say about care leavers and pathway plans"] * 70)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await paste(app, long)
        await pilot.press("enter")
        await settle(pilot)
        turn = app.turns[-1]
        assert turn.response is not None and len(turn.question) > 4000
        head = str(turn.query_one(".question").render())
        assert len(head) < HEAD_CHARS + 60 and "characters)" in head
        await pilot.pause(0.3)
        screen = app.screen.region
        assert screen.contains_region(turn.note.region) and turn.note.region.height
        too_long = "x " * 2600
        await paste(app, too_long)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.3)
        error = app.turns[-1].note
        assert "too long" in str(error.render()) and screen.contains_region(error.region)


async def test_copy_says_what_was_tried_and_saves_a_file(
    built: Settings, fake_model: FakeModel, private_copy_file: Path
) -> None:
    app = app_for(built, fake_model)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot)
        await pilot.press("tab", "c")
        citation = app.turns[-1].cards[0].hit.citation
        assert private_copy_file.read_text(encoding="utf-8") == citation + "\n"
        note = list(app._notifications)[-1]
        assert "OSC 52" in note.message and str(private_copy_file) in note.message
        assert citation in note.message and "copied" not in note.title.lower()


async def test_copy_file_that_cannot_be_written_is_said(
    built: Settings, fake_model: FakeModel, tmp_path: Path, monkeypatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("OFSTED_QA_COPY_FILE", str(blocker / "copied.txt"))
    app = app_for(built, fake_model)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot)
        await pilot.press("tab", "y")
        note = list(app._notifications)[-1]
        assert note.severity == "warning" and "Not saved to" in note.message


async def test_chips_follow_an_active_year_filter(built: Settings, fake_model: FakeModel) -> None:
    app = app_for(built, fake_model)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, QUESTION)
        turn = app.turns[-1]
        assert "year 2014" in [c.label for c in turn.query(Chip)]
        app.set_filter("year", 2018)
        await settle(pilot)
        assert turn.filters.years == (2018,) and turn.response is not None
        assert "year 2014" not in [c.label for c in turn.query(Chip)]
        assert "source Ofsted" in [c.label for c in turn.query(Chip)]
        assert "year filter (2018) applies" in str(turn.note.render())
        app.set_filter("year", None)
        await settle(pilot)
        assert "year 2014" in [c.label for c in turn.query(Chip)]
