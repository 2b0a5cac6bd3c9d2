"""The TUI answers a grade question with its judgement card first, and a question about change
with a timeline: one block per inspection, oldest first, its passages as result cards (the
reports are the small PDFs of test_judgements, beside the seeds)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.containers import Vertical

from fakes import FakeModel
from ofsted_qa.index.build import build_index
from ofsted_qa.index.settings import Settings
from ofsted_qa.tui.app import OfstedApp
from ofsted_qa.tui.judgement_view import JudgementView
from ofsted_qa.tui.result_card import ResultCard
from ofsted_qa.tui.timeline_view import TimelineEntryView, TimelineView
from test_judgements import REPORTS, report_pdf
from test_tui import ask, settle


@pytest.fixture
def app(settings: Settings, fake_model: FakeModel, tmp_path: Path) -> OfstedApp:
    reports = tmp_path / "reports"
    for name, (council, dates, grades) in REPORTS.items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_bytes(report_pdf(council, dates, grades))
    with_reports = replace(settings, doc_dirs=(*settings.doc_dirs, reports))
    build_index(with_reports, fake_model)
    return OfstedApp(settings=with_reports, model=fake_model)


async def test_card_first_then_a_timeline(app: OfstedApp) -> None:
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await ask(pilot, "how was Northwick rated for care leavers in 2023")
        turn = app.turns[-1]
        box = turn.query_one(".cards", Vertical)
        first = box.children[0]
        assert isinstance(first, JudgementView)
        (card,) = first.judged.cards
        assert card.grade_for("care_leavers") == "good" and card.asked == ("care_leavers",)
        assert card.inspection.published.startswith("2023")
        assert isinstance(box.children[1], ResultCard)  # the passages follow
        assert not turn.query(TimelineView)

        await ask(pilot, "how has Northwick changed")
        turn = app.turns[-1]
        (timeline,) = turn.query(TimelineView)
        entries = list(timeline.query(TimelineEntryView))
        assert [e.entry.inspection.published[:4] for e in entries] == ["2019", "2023"]
        assert [r.grade for r in entries[0].entry.grades] == ["good"] * 4
        cards = turn.cards
        assert cards and all(
            c.hit.chunk.doc_id == e.entry.inspection.doc_id
            for e in entries
            for c in e.query(ResultCard)
        )
        cards[0].focus()
        await pilot.press("down")  # the cards of a timeline move like any others
        assert app.focused is cards[1]


async def test_an_inspection_chip_dropped_stays_dropped(app: OfstedApp) -> None:
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await ask(pilot, "what did Northwick's latest inspection say about leaders")
        turn = app.turns[-1]
        assert turn.response is not None
        (chip,) = [c for c in turn.response.interpretation.chips if "→ Northwick inspection" in c]
        assert turn.response.interpretation.report_ids
        assert app.engine is not None
        again = app.engine.ask(turn.question, turn.filters, frozenset({chip}))
        assert not again.interpretation.report_ids and chip not in again.interpretation.chips
        assert "report_boost" not in {
            k for h in again.hits for k, v in h.contributions.items() if v
        }
