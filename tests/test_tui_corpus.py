"""The TUI with a corpus-sized index (issue #19): 500 documents are found by typing, in the
document picker and in the command palette, never offered as one list of 500 lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette

from fakes import FakeModel
from ofsted_qa.index.build import build_index
from ofsted_qa.index.settings import Settings
from ofsted_qa.tui.app import OfstedApp
from ofsted_qa.tui.document_filter import DocumentFilter
from ofsted_qa.tui.document_picker import SHOWN, DocumentPicker
from ofsted_qa.tui.engine import Choices, DocumentChoice
from ofsted_qa.tui.filter_search import filter_entries, search
from test_tui import ask, settle, until

COUNCILS = (
    "Norfolk Suffolk Essex Kent Surrey Devon Cornwall Cumbria Derby Dudley Halton Knowsley "
    "Oldham Rochdale Salford Sefton Stockport Tameside Trafford Wigan Wirral Bexley Camden "
    "Croydon Ealing Enfield Hackney Haringey Harrow Havering Hillingdon Hounslow Islington "
    "Lambeth Lewisham Merton Newham Redbridge Southwark Sutton Wandsworth Barnet Bromley Brent "
    "Leeds Bradford Sheffield Rotherham Doncaster Barnsley"
).split()
YEARS = range(2013, 2023)  # 50 councils x 10 years: 500 documents
KINDS = ("inspection report", "focused visit letter")


def corpus_docs(folder: Path) -> None:
    """One short report per council and year, described in metadata.json."""
    folder.mkdir(parents=True)
    meta = {}
    for y, year in enumerate(YEARS):
        for c, council in enumerate(COUNCILS):
            name = f"{council.lower()}-{year}.txt"
            body = (
                f"Inspection of {council} children's services\n\n"
                f"1. Care leavers in {council} have a personal adviser. Pathway plans are "
                f"reviewed and young people say they are listened to.\n\n"
                f"2. Social workers visit children regularly; supervision is regular.\n"
            )
            (folder / name).write_text(body, encoding="utf-8")
            meta[name] = {
                "title": f"Inspection of {council} children's services",
                "publisher": "Ofsted",
                "kind": KINDS[(y + c) % 2],
                "date": f"{year}-0{1 + c % 9}-15",
            }
    (folder / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("corpus")
    corpus_docs(root / "docs")
    settings = Settings(root=root, index_dir=root / "index", doc_dirs=(root / "docs",))
    build_index(settings, FakeModel())
    return settings


@pytest.fixture
def app(corpus: Settings) -> OfstedApp:
    return OfstedApp(settings=corpus, model=FakeModel())


def choices(count: int = 500) -> Choices:
    docs = tuple(
        DocumentChoice(
            f"d{i}",
            f"Inspection of {COUNCILS[i % 50]} children’s services",
            COUNCILS[i % 50],
            f"{2013 + i // 50}-05-01",
            KINDS[i % 2],
            "SIF" if 2013 + i // 50 < 2018 else "ILACS standard",
        )
        for i in range(count)
    )
    return Choices(years=tuple(YEARS), documents=docs, kinds=KINDS, councils=COUNCILS)


def test_typed_words_each_narrow_the_documents() -> None:
    entries = filter_entries(choices())
    found = [e for _, e in search(entries, "norf 2015", keys=("doc",))]
    assert [e.value for e in found] == ["d100"]  # Norfolk is council 0; 2015 is the third year
    sif = [e for _, e in search(entries, "sif bexley", keys=("doc",), limit=500)]
    assert len(sif) == 5 and all("Bexley" in e.label and "SIF" in e.detail for e in sif)
    assert [e.detail[:15] for e in sif] == sorted((e.detail[:15] for e in sif), reverse=True)
    visits = search(entries, "focused visit letter 2020", keys=("doc",), limit=500)
    assert len(visits) == 25 and all("focused visit" in e.detail for _, e in visits)
    assert search(entries, "westhaven", limit=500) == []
    assert len(search(entries, "", keys=("doc",), limit=500)) == 500
    assert len(search(entries, "", limit=40)) == 40


def test_the_palette_wording_is_not_searched_for_and_councils_come_first() -> None:
    entries = filter_entries(choices())
    first = search(entries, "Filter: council Norfolk")
    assert [e.label for _, e in first] == ["Filter: council Norfolk"]
    norfolk = [e for _, e in search(entries, "norfolk", limit=500)]
    assert norfolk[0].key == "council" and {e.key for e in norfolk[1:]} == {"doc"}
    assert len(norfolk) == 11
    # A word typed in full ranks the entries it starts above those it is only inside.
    ranked = [(s, str(e.value)) for s, e in search(entries, "h", keys=("council",))]
    starting = [name for s, name in ranked if s == 1.0]
    assert {n[0] for n in starting} == {"H"} and len(starting) == 7
    assert ranked[:7] == [(1.0, n) for n in starting]
    assert {s for s, _ in ranked[7:]} == {0.5} and "Oldham" in {n for _, n in ranked[7:]}


async def test_document_picker_searches_as_you_type_and_chooses_several(app: OfstedApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "500 documents" in app.status.index
        button = app.query_one("#filter-doc", DocumentFilter)
        assert not button.disabled and str(button.label) == "all"
        button.focus()
        await pilot.press("enter")
        picker = app.screen
        assert isinstance(picker, DocumentPicker)
        assert picker.total == 500 and len(picker.matches) == SHOWN  # never a list of 500
        await pilot.press(*"norfolk")
        assert picker.total == 10 and all("Norfolk" in e.label for e in picker.matches)
        assert [e.order for e in picker.matches][0].startswith("2022")  # newest first
        await pilot.press("enter", "down", "enter")
        first, second = (str(e.value) for e in picker.matches[:2])
        assert picker.chosen == [first, second]
        await pilot.press("ctrl+u", *"2015 kent")  # ctrl+u empties the box
        assert [e.value for e in picker.matches] == ["kent-2015"]
        await pilot.press("enter", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, DocumentPicker)
        assert app.query_one("#filter-doc", DocumentFilter).chosen == (first, second, "kent-2015")
        assert str(button.label) == "3 documents" and app.status.filters == "3 documents"
        await ask(pilot, "care leavers personal adviser")
        turn = app.turns[-1]
        assert turn.filters.doc_ids == (first, second, "kent-2015")
        assert turn.response is not None and turn.response.hits
        assert {h.chunk.doc_id for h in turn.response.hits} <= {first, second, "kent-2015"}


async def test_clearing_the_picker_searches_every_document_again(app: OfstedApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.set_filter("doc", ("leeds-2014", "leeds-2015"))
        await settle(pilot)
        await ask(pilot, "care leavers")
        assert app.turns[-1].filters.doc_ids == ("leeds-2014", "leeds-2015")
        app.action_pick_documents()
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, DocumentPicker) and picker.chosen == ["leeds-2014", "leeds-2015"]
        await pilot.press("ctrl+l")
        assert picker.chosen == [] and "every document" in str(
            picker.query_one("#picker-status").render()
        )
        await pilot.press("escape")
        await settle(pilot)
        assert app.query_one(DocumentFilter).chosen == () and app.status.filters == "none"
        turn = app.turns[-1]
        assert turn.filters.doc_ids == () and turn.response is not None
        assert {h.chunk.doc_id for h in turn.response.hits} - {"leeds-2014", "leeds-2015"}


async def test_command_palette_finds_a_document_by_typing(app: OfstedApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # The palette's static list stays small; documents come from the provider's search.
        assert len(list(app.get_system_commands(app.screen))) < 20
        await pilot.press("ctrl+p", *"norfolk 2015")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        results = palette.query_one(CommandList)
        await until(pilot, lambda: results.option_count > 0)
        await pilot.pause(0.3)
        shown = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert len(shown) < 45
        assert shown[0].startswith("Filter: document Inspection of Norfolk")
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_one(DocumentFilter).chosen == ("norfolk-2015",)


async def test_palette_opens_the_document_picker(app: OfstedApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"choose documents")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DocumentPicker))
