"""Faults a fresh user's trial of the app found, by kind: keys typed in a burst away from the
question box, a new answer left below the fold, scrambled pastes, answers given while the model
loaded that never refreshed, grade answers emptied by filters without a word."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual import events
from textual.widget import Widget
from textual.widgets import Footer, Select

from fakes import FakeModel
from ofsted_qa.index.settings import Settings
from ofsted_qa.tui.app import OfstedApp
from ofsted_qa.tui.chip import Chip
from ofsted_qa.tui.conversation import Conversation
from ofsted_qa.tui.document_filter import DocumentFilter
from ofsted_qa.tui.engine import Engine
from ofsted_qa.tui.question_input import QuestionInput
from ofsted_qa.tui.result_card import ResultCard
from ofsted_qa.tui.screenshots import screen_text
from ofsted_qa.tui.source_view import SourceScreen
from test_tui import QUESTION, GatedModel, ask, open_source, settle, until
from test_tui_focus import judged_app
from test_tui_regions import region_app


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
        holders += [None]  # focus nowhere (after a resize the trial typed into nothing)
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


def on_screen(app: OfstedApp, widget: Widget) -> bool:
    view = app.query_one(Conversation).region
    return widget.region.height > 0 and view.contains_region(widget.region)


async def test_a_new_answer_is_brought_into_view_and_tab_goes_to_it(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await ask(pilot, QUESTION)
        await ask(pilot, "how effective is the local safeguarding children board")
        await pilot.pause(0.3)
        first, latest = app.turns
        assert latest.cards and on_screen(app, latest.query_one(".question"))
        assert on_screen(app, latest.cards[0]) and not on_screen(app, first.cards[-1])
        await pilot.press("tab")
        assert app.focused is latest.cards[0]


async def test_tab_while_the_latest_answer_is_pending_stays_out_of_older_answers(
    app: OfstedApp,
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await ask(pilot, QUESTION)
        engine, app.engine = app.engine, None  # as if the index were still opening
        box = app.query_one(QuestionInput)
        box.value = "care leavers"
        await pilot.press("enter", "tab")
        first = app.turns[0]
        assert app.focused is not None and first not in app.focused.ancestors
        app.engine = engine


class SlowEngine:
    """Holds the first search's answer until the test lets it go (the model comes up after the
    search read the words, before its answer is shown)."""

    def __init__(self, engine: Engine) -> None:
        self.search, self.gate = engine.ask, threading.Event()

    def ask(self, *args: object, **kwargs: object) -> object:
        answer = self.search(*args, **kwargs)  # type: ignore[arg-type]
        self.gate.wait(30)
        return answer


async def test_an_answer_searched_while_the_model_loaded_is_refreshed(built: Settings) -> None:
    model = GatedModel()
    app = OfstedApp(settings=built, model=model)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await until(pilot, lambda: app.engine is not None)
            engine = app.engine
            assert engine is not None
            slow = SlowEngine(engine)
            engine.ask = slow.ask  # type: ignore[method-assign]
            await pilot.press(*"care leavers", "enter")
            turn = app.turns[-1]
            model.release()  # the model is ready before the lexical answer arrives
            await until(pilot, lambda: "ready" in app.status.model and engine.dense_ready)
            del engine.ask  # the model's searches go straight through
            slow.gate.set()
            await until(pilot, lambda: turn.response is not None and turn.response.dense_used)
            assert "hybrid" in str(turn.note.render()) and not turn.before_model
            before = turn.response
            await pilot.press("ctrl+r")  # re-runs the latest answer
            await until(pilot, lambda: turn.response is not before)
            await app.workers.wait_for_complete()
    finally:
        model.release()


@pytest.fixture
def graded(settings: Settings, fake_model: FakeModel, tmp_path: Path) -> OfstedApp:
    """The seeds and four graded 2023 reports (Gateshead and North East Lincolnshire
    inadequate, Leeds good, Bexley inadequate), as test_tui_regions builds them."""
    return region_app(settings, fake_model, tmp_path)


async def test_a_grade_answer_the_filters_empty_says_so(graded: OfstedApp) -> None:
    app = graded
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, "how was leeds rated in 2023")
        turn = app.turns[-1]
        assert turn.response is not None and turn.response.judged is not None
        assert "No inspection" not in str(turn.note.render())
        app.set_filter("year", 2014)  # Leeds has no 2014 report
        await settle(pilot)
        assert turn.response.judged is None
        assert "No inspection of Leeds in 2014 matches" in str(turn.note.render())
        app.clear_filters()
        await settle(pilot)
        app.set_filter("region", "North East")  # Gateshead only: inadequate
        await settle(pilot)
        await ask(pilot, "which councils were judged good in 2023")
        turn = app.turns[-1]
        assert turn.response is not None and turn.response.judged is None
        assert "No council in North East was judged good in 2023." in str(turn.note.render())
        await ask(pilot, "which councils in Narnia were judged good")  # no such council
        note = str(app.turns[-1].note.render())
        assert "No council called Narnia" in note and "was judged good" not in note


async def test_chips_wrap_inside_a_narrow_window(app: OfstedApp) -> None:
    long = "what did Ofsted say about care leavers and looked after children in 2014 and 2018"
    async with app.run_test(size=(60, 30)) as pilot:
        await settle(pilot)
        await ask(pilot, long)
        await pilot.pause(0.2)
        turn = app.turns[-1]
        chips = list(turn.query(Chip))
        width = turn.query_one(".chips").region.right
        assert sum(c.region.width + 1 for c in chips) > width  # one line would not hold them
        assert all(c.region.width and c.region.right <= width for c in chips)
        assert len({c.region.y for c in chips}) > 1
        assert turn.query_one(".note").region.y > max(c.region.y for c in chips)


def test_a_listing_shows_every_report_and_no_cli_advice() -> None:
    from ofsted_qa.retrieval.judgement_card import Judged
    from ofsted_qa.retrieval.judgements import JudgementRow
    from ofsted_qa.tui.judgement_view import listing_text

    rows = tuple(
        JudgementRow(
            f"Council {i:02}",
            f"Council {i:02}",
            f"doc{i}",
            "inspection report",
            "ILACS",
            "2022-01-10",
            "2022-01-21",
            "2022-03-01",
            "overall_effectiveness",
            "overall effectiveness",
            "Overall effectiveness",
            "good",
            1,
            "cite",
            "ref",
        )
        for i in range(20)
    )
    text = listing_text(Judged(listing=rows, listing_said="good · 2022")).plain
    assert all(f"Council {i:02} · 2022-01" in text for i in range(20))
    assert "--json" not in text and "first 12" not in text


async def test_timeline_cards_are_numbered_as_read(
    settings: Settings, fake_model: FakeModel, tmp_path: Path
) -> None:
    app = judged_app(settings, fake_model, tmp_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await ask(pilot, "how has Northwick changed")
        turn = app.turns[-1]
        assert turn.response is not None and turn.response.timeline
        cards = turn.cards
        # the fake model's ranks here are 2, 3, 1, 7 (of 10): shown as 1, 2, 3, 4
        assert [c.number for c in cards] == list(range(1, len(cards) + 1))
        heads = [str(c.render().renderables[0]) for c in cards]
        assert all(h.lstrip().startswith(f"{c.number} ") for h, c in zip(heads, cards, strict=True))
        assert str(turn.note.render()).startswith(f"{len(cards)} passages")


async def test_a_narrow_window_keeps_the_status_and_the_keys(app: OfstedApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.set_filter("year", 2014)
        await settle(pilot)
        await pilot.pause(0.2)
        text = screen_text(app)
        assert "Filters 2014" in text and "Index " in text and "Model " in text
        footer = app.query_one(Footer)
        assert footer.compact and not footer.show_command_palette
        await pilot.resize_terminal(160, 40)
        await pilot.pause(0.2)
        assert not footer.compact and footer.show_command_palette


async def test_an_open_menu_stands_apart_from_the_answers(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, QUESTION)
        year = app.query_one("#filter-year", Select)
        year.focus()
        await pilot.press("enter")
        await pilot.pause(0.2)
        overlay = year.query_one("SelectOverlay")
        assert year.expanded and overlay.styles.border_top[0] != ""
        assert overlay.styles.background.a == 1 and overlay.region.width >= 24


async def test_a_fast_typists_corrections_apply_where_they_were_typed(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        box = app.query_one(QuestionInput)
        burst(app, "leeds care leavres")
        for key in ("backspace", "backspace", "backspace"):
            app.post_message(events.Key(key, None))
        burst(app, "ers 2018")
        app.post_message(events.Key("left", None))
        burst(app, "!")
        await pilot.pause(0.3)
        assert box.value == "leeds care leavers 201!8"
