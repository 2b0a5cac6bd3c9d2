"""Typing a question is never swallowed by whatever holds focus after an answer: printable keys
that are not bound where the user is land in the screen's text box; bound ones (a card's c, y,
? for help) still act. Esc from the source view goes back to the question box (a mouse user never
chose the card's focus); Tab from there returns to the card that was read."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList, Select

from fakes import FakeModel
from ofsted_qa.index.settings import Settings
from ofsted_qa.tui.app import OfstedApp
from ofsted_qa.tui.chip import Chip
from ofsted_qa.tui.document_filter import DocumentFilter
from ofsted_qa.tui.document_picker import DocumentPicker
from ofsted_qa.tui.help_screen import HelpScreen
from ofsted_qa.tui.question_input import QuestionInput
from ofsted_qa.tui.result_card import ResultCard
from ofsted_qa.tui.source_view import SourceScreen
from ofsted_qa.tui.timeline_view import TimelineView
from test_judgements import REPORTS, report_pdf
from test_tui import QUESTION, app_with_pdfs, ask, open_source, settle


@pytest.fixture
def app(built: Settings, fake_model: FakeModel) -> OfstedApp:
    return OfstedApp(settings=built, model=fake_model)


def box(app: OfstedApp) -> QuestionInput:
    return app.query_one(QuestionInput)


async def type_on(pilot: Pilot[object], widget: Widget, text: str) -> None:
    pilot.app.set_focus(widget)
    await pilot.pause()
    assert pilot.app.focused is widget
    await pilot.press(*text)


def focus_holders(app: OfstedApp) -> list[Widget]:
    return [w for w in app.screen.focus_chain if not isinstance(w, QuestionInput)]


@pytest.mark.parametrize("by_mouse", [False, True])
async def test_a_question_typed_after_the_source_view_is_asked(
    app: OfstedApp, by_mouse: bool
) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, QUESTION)
        if by_mouse:
            await pilot.click(ResultCard)
            await pilot.pause(0.2)
        else:
            await open_source(pilot, "tab", "down", "enter")
        assert isinstance(app.screen, SourceScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SourceScreen) and app.focused is box(app)
        await pilot.press(*"care leavers", "enter")  # on a card: c copies, Enter opens
        await settle(pilot)
        assert not isinstance(app.screen, SourceScreen) and app.copied == []
        assert [t.question for t in app.turns] == [QUESTION, "care leavers"]
        assert app.turns[-1].response is not None and app.turns[-1].cards


async def test_tab_returns_to_the_card_read_until_the_next_question(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, QUESTION)
        cards = app.turns[-1].cards
        assert len(cards) >= 4
        screen = await open_source(pilot, "tab", "down", "down", "enter")
        assert screen.current == cards[2].hit
        await pilot.press("escape", "tab")
        assert app.focused is cards[2]  # the reader's place is kept
        await pilot.press("c")
        assert app.copied == [cards[2].hit.citation] and box(app).value == ""
        await pilot.press("down")
        screen = await open_source(pilot, "enter")
        assert screen.current == cards[3].hit
        await pilot.press("escape")
        await ask(pilot, "adoption")
        await pilot.press("tab")
        assert app.focused is app.turns[-1].cards[0]


async def test_typing_on_any_focus_holder_goes_to_the_question(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, QUESTION)
        holders = focus_holders(app)
        kinds = {type(w) for w in holders}
        assert {ResultCard, Chip, Select, DocumentFilter} <= kinds
        for widget in holders:
            box(app).value = ""
            await type_on(pilot, widget, "what")
            assert app.focused is box(app) and box(app).value == "what", widget
        await pilot.press("enter")
        await settle(pilot)
        assert app.turns[-1].question == "what" and app.turns[-1].response is not None


async def test_typing_on_a_card_adds_to_the_draft(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, QUESTION)
        await pilot.press(*"care ")
        card = app.turns[-1].cards[0]
        await type_on(pilot, card, "Leavers")  # a capital is not the card's binding
        assert box(app).value == "care Leavers" and app.copied == []


async def test_card_keys_act_when_the_card_is_chosen(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, QUESTION)
        card = app.turns[-1].cards[0]
        await type_on(pilot, card, "cy")
        assert app.copied == [card.hit.citation, card.hit.chunk.text]
        assert app.focused is card and box(app).value == ""
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", *"what")  # back on the card: typing still reaches the box
        assert app.focused is box(app) and box(app).value == "what"


async def test_an_open_filter_menu_keeps_its_own_typing(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, QUESTION)
        year = app.query_one("#filter-year", Select)
        await type_on(pilot, year, "")
        await pilot.press("enter")  # opens the menu: its type-to-search takes the keys
        await pilot.press(*"20")
        assert year.expanded and box(app).value == ""


async def test_typing_on_the_picker_list_goes_to_its_search(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, QUESTION)
        await type_on(pilot, app.query_one(DocumentFilter), "")
        await pilot.press("enter")
        await pilot.pause(0.2)
        picker = app.screen
        assert isinstance(picker, DocumentPicker)
        everything = picker.total
        await type_on(pilot, picker.query_one(OptionList), "bexley")
        query = picker.query_one("#picker-query", Input)
        assert app.focused is query and query.value == "bexley"
        assert 0 < picker.total < everything and box(app).value == ""
        await pilot.press("escape")  # back on the filter bar's button
        await pilot.pause()
        assert isinstance(app.focused, DocumentFilter)
        await pilot.press(*"what")
        assert app.focused is box(app) and box(app).value == "what"


async def test_judgement_and_timeline_answers_hold_no_trap(
    settings: Settings, fake_model: FakeModel, tmp_path: Path
) -> None:
    app = judged_app(settings, fake_model, tmp_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await ask(pilot, "how was Northwick rated for care leavers in 2023")
        await ask(pilot, "how has Northwick changed")
        assert app.turns[0].response.judged and app.turns[-1].query(TimelineView)  # type: ignore[union-attr]
        holders = focus_holders(app)
        in_timeline = [w for w in holders if TimelineView in map(type, w.ancestors)]
        assert in_timeline and all(isinstance(w, ResultCard) for w in in_timeline)
        for widget in holders:
            box(app).value = ""
            await type_on(pilot, widget, "what")
            assert app.focused is box(app) and box(app).value == "what", widget


def judged_app(settings: Settings, fake_model: FakeModel, tmp_path: Path) -> OfstedApp:
    """The seeds and test_judgements' graded reports."""
    pdfs = {name: report_pdf(*report) for name, report in REPORTS.items()}
    return app_with_pdfs(settings, fake_model, tmp_path / "reports", pdfs)
