"""The TUI offers the regions of the index's councils as a filter (first in the council list),
and a region named in the
question is a chip that can be dropped (the reports are the small PDFs of test_region_search)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select

from fakes import FakeModel
from ofsted_qa.index.settings import Settings
from ofsted_qa.tui.app import OfstedApp
from ofsted_qa.tui.chip import Chip
from ofsted_qa.tui.filter_bar import FilterBar, RegionChoice
from test_judgements import report_pdf
from test_region_search import REPORTS
from test_tui import app_with_pdfs, ask, settle


@pytest.fixture
def app(settings: Settings, fake_model: FakeModel, tmp_path: Path) -> OfstedApp:
    return region_app(settings, fake_model, tmp_path)


def region_app(settings: Settings, fake_model: FakeModel, tmp_path: Path) -> OfstedApp:
    """The seeds and test_region_search's four graded 2023 reports."""
    name = "children's services inspection - 24 march 2023.pdf"
    pdfs = {
        f"{folder}/{name}": report_pdf(council, "6 February to 10 February 2023", grades)
        for council, (folder, grades) in REPORTS.items()
    }
    return app_with_pdfs(settings, fake_model, tmp_path / "reports", pdfs)


async def test_region_filter_and_chip(app: OfstedApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.choices is not None
        # the seeds' Bexley is London too
        assert app.choices.regions == (
            "North East",
            "Yorkshire and The Humber",
            "London",
            "West Yorkshire",  # Leeds
            "Tyne and Wear",  # Gateshead
        )
        await ask(pilot, "leaders know their services in the North East")
        turn = app.turns[-1]
        assert turn.response is not None
        assert "region North East" in turn.response.interpretation.chips
        assert {h.meta.local_authority for h in turn.response.hits} == {"Gateshead"}
        chip = next(c for c in turn.query(Chip) if c.label == "region North East")
        chip.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert turn.response.interpretation.regions == ()
        assert len({h.meta.local_authority for h in turn.response.hits}) > 1
        app.set_filter("region", "Yorkshire and The Humber")
        await settle(pilot)
        # offered first in the council list, so the bar stays four filters wide
        select = app.query_one("#filter-council", Select)
        assert select.value == RegionChoice("Yorkshire and The Humber")
        hits = app.turns[-1].response.hits  # type: ignore[union-attr]
        assert hits and {h.meta.local_authority for h in hits} == {
            "Leeds",
            "North East Lincolnshire",
        }
        app.clear_filters()
        await settle(pilot)
        assert select.value is Select.NULL and app.query_one(FilterBar).filters.regions == ()
        app.set_filter("council", "Leeds")
        await settle(pilot)
        assert app.query_one(FilterBar).filters.councils == ("Leeds",)
        assert app.query_one(FilterBar).filters.regions == ()
