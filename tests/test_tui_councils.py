"""The TUI offers the index's councils as a filter, and a council named in the question is a
chip that can be dropped (the reports are the small PDFs of test_council_search)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Select

from fakes import FakeModel
from ofsted_qa.index.build import build_index
from ofsted_qa.index.settings import Settings
from ofsted_qa.tui.app import OfstedApp
from test_council_search import REPORTS, council_pdf
from test_tui import ask, settle


@pytest.fixture
def app(settings: Settings, fake_model: FakeModel, tmp_path: Path) -> OfstedApp:
    reports = tmp_path / "reports"
    for name, council in REPORTS.items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_bytes(council_pdf(council))
    with_reports = replace(settings, doc_dirs=(*settings.doc_dirs, reports))
    build_index(with_reports, fake_model)
    return OfstedApp(settings=with_reports, model=fake_model)


async def test_council_filter_and_chip(app: OfstedApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.choices is not None
        assert app.choices.councils == ("Eastmere", "Northwick", "Westhaven")
        await ask(pilot, "IROs in Westhaven")
        turn = app.turns[-1]
        assert (
            turn.response is not None and "council Westhaven" in turn.response.interpretation.chips
        )
        assert "westhaven" in turn.response.hits[0].chunk.doc_id
        app.set_filter("council", "Eastmere")
        await settle(pilot)
        assert app.query_one("#filter-council", Select).value == "Eastmere"
        hits = app.turns[-1].response.hits  # type: ignore[union-attr]
        assert hits and {h.meta.local_authority for h in hits} == {"Eastmere"}
