"""The generated grade check (`ofsted-qa eval --judgements`) on real reports: a fixed handful of
the shared corpus (SIF, ILACS standard and short, the April 2026 framework; two councils over
several inspections) read by the real readers and indexed with the fake model (the check reads
cards, which rest on the reports' facts, not on the model). The whole-corpus figure is in the
README; this keeps the check itself honest and fast."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from shared_corpus import corpus_file
from test_cli import run  # the CLI runner; the `env` fixture is in conftest

SUBSET = (
    "80488_bexley/children's services inspection - 23 may 2014.pdf",  # SIF
    "80488_bexley/children's services inspection - 20 august 2018.pdf",
    "80488_bexley/children's services inspection - 24 march 2023.pdf",
    "2637539_north northamptonshire/children's services inspection - 07 july 2026.pdf",  # 2026
    "80520_luton/children's services inspection - 05 september 2022.pdf",
    "2532283_dorset/children's services inspection - 09 may 2025.pdf",  # ILACS short
)


@pytest.fixture
def subset_index(env: list[str], tmp_path: Path) -> list[str]:
    reports = tmp_path / "reports"
    for name in SUBSET:
        source = corpus_file(f"reports/{name}")
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, reports / name)
    assert run([*env, "index", "--docs", str(reports)])[0] == 0
    return env


def test_every_phrasing_and_council_form_gets_the_report_s_grade(subset_index: list[str]) -> None:
    table = corpus_file("ofsted_csc_ilacs_history.csv")
    code, out = run([*subset_index, "eval", "--judgements", "--json", "--table", str(table)])
    assert code == 0
    result = json.loads(out)
    overall = result["overall"]
    # five phrasings, full and short names, for every graded area of six reports
    assert overall["questions"] >= 6 * 4 * 5 * 2
    assert overall["accuracy"] >= 0.99, result["failures"][:5]
    assert len(result["phrasing"]) == 5
    assert set(result["form"]) == {"full", "short", "full possessive", "short possessive"}
    assert {"SIF", "ILACS standard", "ILACS short", "ILACS 2026"} <= set(result["framework"])
    assert result["table"]["compared"] > 0  # the table was read and matched to the reports
