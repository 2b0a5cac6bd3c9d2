"""Faults a fresh user's trial of the app found, by kind: keys typed in a burst away from the
question box, a new answer left below the fold, scrambled pastes, answers given while the model
loaded that never refreshed, grade answers emptied by filters without a word."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Select

from fakes import FakeModel
from ofsted_qa.index.settings import Settings
from ofsted_qa.tui.app import OfstedApp
from ofsted_qa.tui.chip import Chip
from ofsted_qa.tui.document_filter import DocumentFilter
from ofsted_qa.tui.question_input import QuestionInput
from ofsted_qa.tui.result_card import ResultCard
from ofsted_qa.tui.source_view import SourceScreen
from test_tui import QUESTION, ask, open_source, settle


@pytest.fixture
def app(built: Settings, fake_model: FakeModel) -> OfstedApp:
    return OfstedApp(settings=built, model=fake_model)


def burst(app: OfstedApp, text: str) -> None:
    """Keys as a terminal delivers a fast typist's: all queued before the first is handled."""
    for ch in text:
        key = "space" if ch == " " else ch
        app.post_message(events.Key(key, ch))


async def test_a_burst_of_keys_on_any_focus_holder_reaches_the_question_box_whole(
    app: OfstedApp,
) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, QUESTION)
        box = app.query_one(QuestionInput)
        holders = [app.turns[-1].cards[0], app.turns[-1].query(Chip).first()]
        holders += [app.query_one("#filter-year", Select), app.query_one(DocumentFilter)]
        for widget in holders:
            box.value = ""
            app.set_focus(widget)
            await pilot.pause()
            burst(app, "norfolk care leavers")  # c and r are a card's keys, y too
            await pilot.pause(0.2)
            assert box.value == "norfolk care leavers", widget
            assert app.focused is box and app.copied == []
        burst(app, "\r")
        app.post_message(events.Key("enter", "\r"))
        await settle(pilot)
        assert app.turns[-1].question == "norfolk care leavers"


async def test_typing_in_the_source_view_starts_the_next_question(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, QUESTION)
        await open_source(pilot, "tab", "enter")
        burst(app, "leeds")  # n, p, c, y and r stay the view's keys
        await pilot.pause(0.3)
        assert not isinstance(app.screen, SourceScreen)
        box = app.query_one(QuestionInput)
        assert app.focused is box and box.value == "leeds"


async def test_a_cards_own_key_still_acts_when_pressed_alone(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, QUESTION)
        card = app.turns[-1].cards[0]
        app.set_focus(card)
        await pilot.pause()
        await pilot.press("c")
        assert app.copied == [card.hit.citation] and app.focused is card
        assert isinstance(app.focused, ResultCard)


PASTE = "\x1b[200~{}\x1b[201~"
COLOURED = "what about \x1b[31mLADO\x1b[0m in Bradford"
THREE_LINES = (
    "what did Ofsted say\rabout \x1b[31mLADO\x1b[0m in\r\nBradford \x1b]0;PWNED\x07 in 2023"
)


def parsed(*chunks: str) -> list[events.Event]:
    """What the app's terminal parser makes of `chunks`, read one after another."""
    from ofsted_qa.tui.paste_parser import PasteSafeParser

    parser = PasteSafeParser()
    return [e for chunk in chunks for e in parser.feed(chunk)]


@pytest.mark.parametrize("cut", [None, 14, 17, len(PASTE.format(COLOURED)) - 3])
def test_a_paste_with_escape_codes_is_one_paste_in_order(cut: int | None) -> None:
    raw = PASTE.format(COLOURED) + "x"
    chunks = (raw,) if cut is None else (raw[:cut], raw[cut:])
    got = parsed(*chunks)
    assert [type(e) for e in got] == [events.Paste, events.Key]
    assert got[0].text == "what about LADO in Bradford" and got[1].key == "x"


async def test_a_pasted_question_keeps_every_line_and_word(app: OfstedApp) -> None:
    (pasted,) = parsed(PASTE.format(THREE_LINES))
    assert isinstance(pasted, events.Paste)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        box = app.query_one(QuestionInput)
        box.focus()
        box.post_message(pasted)
        await pilot.pause()
        assert box.value == "what did Ofsted say about LADO in Bradford in 2023"
        box.value = ""
        box.post_message(events.Paste("care leavers in\rBradford in 2023"))  # tmux: CR
        await pilot.pause()
        assert box.value == "care leavers in Bradford in 2023"


def test_the_terminal_driver_parses_with_the_paste_safe_parser() -> None:
    from textual.drivers import linux_driver

    from ofsted_qa.tui.lenient_input import make_input_lenient
    from ofsted_qa.tui.paste_parser import PasteSafeParser

    make_input_lenient()
    assert linux_driver.XTermParser is PasteSafeParser
