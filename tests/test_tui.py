"""Pilot tests of the TUI: every interaction, asserted on state. No torch: FakeModel only."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Select

from fakes import FakeModel
from ofsted_qa.index.build import build_index
from ofsted_qa.index.settings import Settings
from ofsted_qa.tui.app import OfstedApp
from ofsted_qa.tui.chip import Chip
from ofsted_qa.tui.help_screen import HelpScreen
from ofsted_qa.tui.question_input import QuestionInput
from ofsted_qa.tui.result_card import ResultCard
from ofsted_qa.tui.screenshots import screen_text
from ofsted_qa.tui.source_view import Paragraph, SourceScreen

QUESTION = "what did Ofsted say about care leavers in 2014"
HOUSE_STYLE = re.compile(
    r"^Ofsted, .+, London Borough of Bexley \(published 23 May 2014\), para \d+"
)


class GatedModel(FakeModel):
    """A FakeModel whose query encoder (and, optionally, index build) waits for the test."""

    def __init__(self, *, gate_build: bool = False) -> None:
        super().__init__()
        self.model_gate = threading.Event()
        self.build_gate = threading.Event()
        if not gate_build:
            self.build_gate.set()

    def document_embedder(self):  # type: ignore[no-untyped-def]
        self.build_gate.wait(30)
        return super().document_embedder()

    def query_embedder(self):  # type: ignore[no-untyped-def]
        self.model_gate.wait(30)
        return super().query_embedder()

    def release(self) -> None:
        self.build_gate.set()
        self.model_gate.set()


async def until(pilot: Pilot[object], check: Callable[[], object], timeout: float = 10) -> None:
    """Wait for a worker's effect to reach the screen."""
    for _ in range(int(timeout / 0.02)):
        if check():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition not met in time")


def app_with_pdfs(
    settings: Settings, fake_model: FakeModel, folder: Path, pdfs: Mapping[str, bytes]
) -> OfstedApp:
    """The app over the seeds and these PDFs (path under `folder` -> bytes), written there and
    indexed with the fake model."""
    for name, data in pdfs.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    with_reports = replace(settings, doc_dirs=(*settings.doc_dirs, folder))
    build_index(with_reports, fake_model)
    return OfstedApp(settings=with_reports, model=fake_model)


async def settle(pilot: Pilot[object]) -> None:
    """Wait until loading has ended (it starts after the first paint) and workers are idle."""
    app = pilot.app
    assert isinstance(app, OfstedApp)
    await until(pilot, lambda: app.engine is not None or app.load_failed, timeout=30)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def ask(pilot: Pilot[object], question: str = QUESTION) -> None:
    """Type-and-Enter; the text is set directly (a key press per character is slow)."""
    box = pilot.app.query_one(QuestionInput)
    box.focus()
    box.value = question
    await pilot.press("enter")
    await settle(pilot)


async def open_source(pilot: Pilot[object], *keys: str) -> SourceScreen:
    """Press the keys that open a passage's source view; the view, once shown."""
    await pilot.press(*keys)
    await pilot.pause(0.2)
    screen = pilot.app.screen
    assert isinstance(screen, SourceScreen)
    return screen


@pytest.fixture
def app(built: Settings, fake_model: FakeModel) -> OfstedApp:
    return OfstedApp(settings=built, model=fake_model)


async def test_ask_shows_cited_cards(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert "5 documents" in app.status.index and "ready" in app.status.model
        await ask(pilot)
        turn = app.turns[-1]
        assert turn.question == QUESTION and turn.response is not None
        cards = turn.cards
        assert len(cards) == len(turn.response.hits) > 0
        assert [c.hit.rank for c in cards] == list(range(1, len(cards) + 1))
        first = "\n".join(str(part) for part in cards[0].render().renderables)
        hit = cards[0].hit
        assert hit.meta.title in first and "2014" in first and "REPORT" in first
        assert f"para {hit.chunk.paragraph}" in first and "█" in first
        assert hit.chunk.text in first
        assert [c.label for c in turn.query(Chip)][:2] == ["year 2014", "source Ofsted"]
        assert "hybrid" in str(turn.query_one(".note").render())


async def test_query_terms_and_best_sentence_are_highlighted(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot)
        card = app.turns[-1].cards[0]
        body = card.render().renderables[-1]
        styled = {body.plain[s.start : s.end].lower() for s in body.spans}
        assert any("leaver" in s for s in styled)
        best = card.hit.best_sentence
        assert any(s.start == best[0] and s.end == best[1] for s in body.spans)


async def test_blank_input_is_ignored(app: OfstedApp) -> None:
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("space", "space", "enter", "enter")
        await settle(pilot)
        assert app.turns == [] and app.query("#welcome")


async def test_up_and_down_recall_earlier_questions(app: OfstedApp) -> None:
    async with app.run_test() as pilot:
        await settle(pilot)
        await ask(pilot, "care leavers")
        await ask(pilot, "adoption")
        box = app.query_one(QuestionInput)
        await pilot.press(*"draft")
        await pilot.press("up")
        assert box.value == "adoption"
        await pilot.press("up", "up")
        assert box.value == "care leavers"
        await pilot.press("down")
        assert box.value == "adoption"
        await pilot.press("down")
        assert box.value == "draft"


async def test_tab_and_arrows_move_through_cards(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, "adoption")
        await ask(pilot, "care leavers")
        cards = app.turns[-1].cards
        await pilot.press("tab")
        assert app.focused is cards[0]
        await pilot.press("down")
        assert app.focused is cards[1]
        await pilot.press("up", "up")  # across into the previous answer
        assert app.focused is app.turns[0].cards[-1]
        await pilot.press("down")
        assert app.focused is cards[0]
        for _ in cards:
            await pilot.press("down")
        assert isinstance(app.focused, QuestionInput)
        await pilot.press("tab", "escape")
        assert isinstance(app.focused, QuestionInput)


async def test_enter_opens_source_scrolled_to_the_passage(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot)
        await pilot.press("tab", "down")
        hit = app.focused.hit  # type: ignore[union-attr]
        screen = await open_source(pilot, "enter")
        store = app.engine.bundle.store  # type: ignore[union-attr]
        paragraphs = list(screen.query(Paragraph))
        assert [p.chunk_id for p in paragraphs] == list(store.doc_range(hit.chunk.doc_id))
        current = [p for p in paragraphs if p.has_class("-current")]
        assert [p.chunk_id for p in current] == [hit.chunk_id]
        assert current[0].region.y > 0  # scrolled into view
        assert hit.meta.title.split(",")[0] in screen_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, SourceScreen)


async def test_n_and_p_step_through_hits_in_the_document(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot)
        screen = await open_source(pilot, "tab", "enter")
        assert len(screen.hits) >= 2
        ids = [h.chunk_id for h in screen.hits]
        assert ids == sorted(ids) and all(
            h.chunk.doc_id == screen.current.chunk.doc_id for h in screen.hits
        )
        while screen.hits.index(screen.current) > 0:
            await pilot.press("p")
        await pilot.press("p")  # nothing earlier: stays, says so
        assert screen.current.chunk_id == ids[0]
        await pilot.press("n")
        assert screen.current.chunk_id == ids[1]
        current = [p.chunk_id for p in screen.query(Paragraph) if p.has_class("-current")]
        assert current == [ids[1]]
        await pilot.press("p")
        assert screen.current.chunk_id == ids[0]


async def test_c_and_y_copy_citation_and_passage(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot)
        await pilot.press("tab", "c")
        hit = app.turns[-1].cards[0].hit
        assert app.copied[-1] == hit.citation and HOUSE_STYLE.match(app.copied[-1])
        await pilot.press("y")
        assert app.copied[-1] == hit.chunk.text
        screen = await open_source(pilot, "enter")
        await pilot.press("n", "c")
        assert app.copied[-1] == screen.current.citation != hit.citation
        await pilot.press("y")
        assert app.copied[-1] == screen.current.chunk.text
        assert app.clipboard == screen.current.chunk.text


async def test_raw_source_shows_the_file_text(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot)
        screen = await open_source(pilot, "tab", "enter")
        await pilot.press("r")
        target = screen.query_one(f"#para-{screen.current.chunk_id}", Paragraph)
        assert target.has_class("-raw") and "source file" in str(target.render())
        await pilot.press("r")
        assert not target.has_class("-raw")


async def test_filter_bar_by_keyboard_reasks_the_latest_question(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot, "care leavers")
        await pilot.press("ctrl+f")
        year = app.query_one("#filter-year", Select)
        assert app.focused is year
        await pilot.press("enter", "end", "enter")  # the last year
        await settle(pilot)
        chosen = year.value
        assert isinstance(chosen, int) and app.status.filters == str(chosen)
        turn = app.turns[-1]
        assert turn.filters.years == (chosen,)
        assert turn.response is not None and turn.response.hits
        assert all(chosen in h.meta.years for h in turn.response.hits)


async def test_filters_by_document_and_kind(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        app.set_filter("kind", "news")
        await settle(pilot)
        await ask(pilot, "outstanding")
        hits = app.turns[-1].response.hits  # type: ignore[union-attr]
        assert hits and {h.meta.kind for h in hits} == {"news"}
        app.set_filter("kind", None)
        app.set_filter("doc", "004_d11720999f465dce")
        await settle(pilot)
        hits = app.turns[-1].response.hits  # type: ignore[union-attr]
        assert hits and {h.chunk.doc_id for h in hits} == {"004_d11720999f465dce"}


async def test_command_palette_sets_a_filter(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Filter: kind inspection letter")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_one("#filter-kind", Select).value == "inspection letter"
        await ask(pilot, "child protection")
        hits = app.turns[-1].response.hits  # type: ignore[union-attr]
        assert hits and {h.meta.kind for h in hits} == {"inspection letter"}


async def test_removing_a_chip_reasks_without_that_cue(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot)
        turn = app.turns[-1]
        chip = next(c for c in turn.query(Chip) if c.label == "year 2014")
        chip.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert chip.removed and turn.dropped == {"year 2014"}
        assert turn.response is not None and turn.response.interpretation.years == ()
        assert "year 2014" in [c.label for c in turn.query(Chip)]  # kept, to restore
        await pilot.click(chip)
        await settle(pilot)
        assert not chip.removed and turn.response.interpretation.years == (2014,)


async def test_help_lists_every_binding(app: OfstedApp) -> None:
    async with app.run_test(size=(110, 60)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        shown = screen_text(app)
        for description in (
            "Open source",
            "Copy citation",
            "Copy passage",
            "Next hit",
            "Previous hit",
            "Earlier question",
            "Remove/restore cue",
            "Quit",
            "Command palette",
            "Filters",
            "Back",
        ):
            assert description in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_question_mark_types_in_the_box_but_opens_help_elsewhere(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"adoption", "question_mark")
        assert app.query_one(QuestionInput).value == "adoption?"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert not isinstance(app.screen, HelpScreen)


async def test_clicking_a_card_opens_its_source(app: OfstedApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await ask(pilot)
        await pilot.click(ResultCard)
        await pilot.pause(0.2)
        assert isinstance(app.screen, SourceScreen)


@pytest.mark.parametrize("size", [(80, 24), (220, 60)])
async def test_usable_from_small_to_wide(app: OfstedApp, size: tuple[int, int]) -> None:
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await ask(pilot)
        box = app.query_one(QuestionInput)
        assert 0 <= box.region.y < size[1] and box.region.width >= size[0] - 2
        text = screen_text(app)
        assert "what did Ofsted say" in text and "para" in text
        await open_source(pilot, "tab", "enter")


async def test_question_asked_while_loading_is_answered_lexically_then_refreshed(
    built: Settings,
) -> None:
    model = GatedModel()
    app = OfstedApp(settings=built, model=model)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await until(pilot, lambda: app.engine is not None)
            assert "loading" in app.status.model
            await pilot.press(*QUESTION, "enter")
            turn = app.turns[-1]
            await until(pilot, lambda: turn.response is not None)
            assert turn.response is not None and not turn.response.dense_used
            assert "lexical" in str(turn.query_one(".note").render())
            model.release()
            await until(pilot, lambda: turn.response is not None and turn.response.dense_used)
            assert "hybrid" in str(turn.query_one(".note").render())
            assert "ready" in app.status.model
    finally:
        model.release()


async def test_first_paint_does_not_wait_for_the_index(settings: Settings) -> None:
    model = GatedModel(gate_build=True)  # no index yet: it must be built
    app = OfstedApp(settings=settings, model=model)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            assert app.query_one(QuestionInput).has_focus and app.engine is None
            await pilot.press(*"care leavers", "enter")
            turn = app.turns[-1]
            assert "Waiting for the index" in str(turn.query_one(".note").render())
            model.build_gate.set()
            await until(pilot, lambda: turn.response is not None, timeout=30)
            assert turn.cards
            model.release()
            await asyncio.wait_for(app.workers.wait_for_complete(), 30)
    finally:
        model.release()
