"""The TUI over metadata that was malformed (issue 18, item 11): dates validated at index time
mean no card, filter or source view ever meets one it cannot read."""

from __future__ import annotations

import json
from pathlib import Path

from fakes import FakeModel
from ofsted_qa.index.build import build_index
from ofsted_qa.index.settings import Settings
from ofsted_qa.tui.app import OfstedApp
from test_tui import ask, settle


async def test_bad_metadata_dates_never_crash_the_app(settings: Settings, docs_dir: Path) -> None:
    path = docs_dir / "metadata.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    for name, date in zip(
        sorted(meta), ("2014-15", "2019-13", "23/05/2014", "next Tuesday"), strict=False
    ):
        meta[name]["date"] = date
    path.write_text(json.dumps(meta), encoding="utf-8")
    build_index(settings, FakeModel())
    app = OfstedApp(settings=settings, model=FakeModel())
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert not app.load_failed
        for question in ("care leavers in 2014", "what did Ofsted say in 2019", "IRO"):
            await ask(pilot, question)
            turn = app.turns[-1]
            assert turn.response is not None and turn.cards
            for card in turn.cards:
                card.render()
