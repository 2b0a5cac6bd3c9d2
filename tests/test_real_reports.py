"""Real Ofsted PDFs end to end: indexed beside the seeds, cited by page, facts from the reports,
offsets re-verified against a fresh extraction, extraction read once and reused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ofsted_qa.ingest.readers import page_span
from shared_corpus import corpus_file
from test_cli import run  # the CLI runner; the `env` fixture is in conftest

BEXLEY = "reports/80488_bexley"
PDFS = (
    "children's services inspection - 23 may 2014.pdf",
    "children's services inspection - 20 august 2018.pdf",
)


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """Two real Bexley reports in a folder of their own (names keep their spaces)."""
    folder = tmp_path / "reports" / "80488_bexley"
    folder.mkdir(parents=True)
    for name in PDFS:
        shutil.copy(corpus_file(f"{BEXLEY}/{name}"), folder / name)
    return tmp_path / "reports"


def _index(env: list[str], reports: Path) -> None:
    """The seeds first, then the reports added to them (folders are remembered and added)."""
    assert run([*env, "index"])[0] == 0
    assert run([*env, "index", "--docs", str(reports)])[0] == 0


def _docs(env: list[str]) -> dict[str, dict]:
    code, out = run([*env, "docs", "--json"])
    assert code == 0
    return {d["doc_id"]: d for d in json.loads(out)}


def test_pdfs_index_with_their_facts(env: list[str], reports: Path) -> None:
    _index(env, reports)
    docs = _docs(env)
    sif = docs["80488_bexley/children's services inspection - 23 may 2014"]
    assert sif["kind"] == "inspection report" and sif["publisher"] == "Ofsted"
    assert sif["date"] == "2014-05-23" and sif["period_start"] == "2014-03-11"
    assert sif["framework"] == "SIF" and sif["local_authority"] == "London Borough of Bexley"
    assert sif["title"].startswith("Inspection of services for children in need of help")
    grades = {j["area"]: j["grade"] for j in sif["judgements"]}
    assert grades["lscb"] == "inadequate" and grades["care_leavers"] == "requires improvement"
    ilacs = docs["80488_bexley/children's services inspection - 20 august 2018"]
    # ILACS reports print no publication date: the file's name gives it.
    assert ilacs["date"] == "2018-08-20" and ilacs["framework"] == "ILACS standard"
    assert {j["area"]: j["grade"] for j in ilacs["judgements"]}["overall_effectiveness"] == (
        "outstanding"
    )
    assert "seeds/003_365e1ef2b819a726.txt" in {d["source"] for d in docs.values()}
    code, out = run([*env, "docs"])
    assert "SIF · inspected 11 March 2014–2 April 2014" in out and "lscb inadequate" in out


def test_answers_from_pdfs_cite_their_page_and_show_verifies_them(
    env: list[str], reports: Path
) -> None:
    _index(env, reports)
    code, out = run(
        [*env, "ask", "care leavers personal advisor 2018", "--json", "--k", "10"],
    )
    hits = [h for h in json.loads(out)["results"] if h["source"].endswith(".pdf")]
    assert code == 0 and hits
    for hit in hits:
        first, last = hit["pages"]
        page = f"p. {first}" if first == last else f"pp. {first}–{last}"
        assert hit["citation"].endswith(page)
        code, shown = run([*env, "show", hit["ref"], "--around", "0"])
        assert code == 0 and "verified against a fresh extraction of the source" in shown
        code, again = run([*env, "show", hit["citation"], "--around", "0"])
        assert code == 0 and again == shown


def test_every_pdf_passage_is_its_extracted_text_at_its_offsets(
    env: list[str], reports: Path, tmp_path: Path
) -> None:
    from ofsted_qa.index.generations import load_current
    from ofsted_qa.ingest.readers import read_document

    _index(env, reports)
    store = load_current(tmp_path / "index").store
    for doc_id, meta in store.documents.items():
        if not meta.page_starts:
            continue
        text = read_document(tmp_path / meta.source).text
        for chunk_id in store.doc_range(doc_id):
            chunk = store.get(chunk_id)
            assert " ".join(text[chunk.start : chunk.end].split()) == chunk.text
            assert page_span(meta.page_starts, chunk.start, chunk.end) is not None


def test_each_report_is_read_once_and_a_new_one_alone_is_read(
    env: list[str], reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ofsted_qa.ingest import extract_cache

    _index(env, reports)
    reads: list[str] = []
    real = extract_cache.read_document

    def counting(path: Path):  # type: ignore[no-untyped-def]
        reads.append(path.name)
        return real(path)

    monkeypatch.setattr(extract_cache, "read_document", counting)
    (reports / "80488_bexley" / PDFS[0]).touch()  # touched, same bytes: nothing to re-read
    assert run([*env, "ask", "IRO"])[0] == 0
    assert reads == []
    shutil.copy(
        corpus_file(f"{BEXLEY}/children's services inspection - 24 march 2023.pdf"),
        reports / "80488_bexley" / "new report.pdf",
    )
    assert run([*env, "index"])[0] == 0
    assert reads == ["new report.pdf"]


def test_judgements_across_the_real_reports(env: list[str], reports: Path) -> None:
    """The 2014 SIF report's LSCB review and the 2018 ILACS overall grade, listed and cited."""
    _index(env, reports)
    code, out = run([*env, "judgements", "--council", "bexley", "--json"])
    found = {(r["published"][:4], r["area"]): r for r in json.loads(out)}
    assert code == 0 and {r["council"] for r in found.values()} == {"Bexley"}
    assert {r["council_as_written"] for r in found.values()} == {"London Borough of Bexley"}
    lscb = found["2014", "lscb"]
    assert lscb["grade"] == "inadequate" and lscb["framework"] == "SIF"
    assert lscb["citation"].endswith(
        "London Borough of Bexley (published 23 May 2014), judgements, p. 1"
    )
    assert found["2018", "overall_effectiveness"]["grade"] == "outstanding"
    code, shown = run(
        [*env, "show", found["2018", "overall_effectiveness"]["ref"], "--around", "0"]
    )
    assert code == 0 and "Overall effectiveness Outstanding" in " ".join(shown.split())
    code, out = run([*env, "judgements", "--year", "2014", "--grade", "inadequate"])
    assert code == 0 and out.splitlines()[1].split() == ["LSCB", "inadequate"]
    assert "SIF · inspected 11 March 2014–2 April 2014 · published 23 May 2014" in out
