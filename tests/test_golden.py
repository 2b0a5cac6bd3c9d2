"""Sanity checks for the golden question set in eval/golden.jsonl (stdlib only)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "eval" / "golden.jsonl"
SEEDS = ROOT / "seeds"

CATEGORIES = {"year", "paraphrase", "facts", "acronym", "later_docs", "hard"}
ID_PREFIX = {
    "year": "y",
    "paraphrase": "p",
    "facts": "f",
    "acronym": "a",
    "later_docs": "l",
    "hard": "h",
}
SPLITS = {"tune", "heldout"}
REQUIRED = {
    "id": str,
    "question": str,
    "category": str,
    "split": str,
    "docs": list,
    "evidence": list,
}
NUMBERED_DOC = "003_365e1ef2b819a726.txt"
MIN_PER_CATEGORY = 12
MIN_HELDOUT_PER_CATEGORY = 3
MIN_TOTAL = 90

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    """Case, whitespace and curly quotes folded; `<p>` and `**` markup removed."""
    text = re.sub(r"</?p>", " ", text).replace("**", "")
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().lower()


def paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks, further split at numbered paragraphs and list items."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        for piece in re.split(r"\n(?=[ \t]*(?:\d+\.\s|-\s?|\u2022))", block):
            if piece.strip():
                out.append(normalise(piece))
    return out


def load() -> list[dict]:
    rows = []
    for n, line in enumerate(GOLDEN.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:  # pragma: no cover - failure path
            pytest.fail(f"line {n} is not valid JSON: {exc}")
    return rows


ROWS = load()
DOC_TEXT = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
DOC_NORM = {name: normalise(text) for name, text in DOC_TEXT.items()}
DOC_PARAS = {name: paragraphs(text) for name, text in DOC_TEXT.items()}


def test_total() -> None:
    assert len(ROWS) >= MIN_TOTAL


@pytest.mark.parametrize("row", ROWS, ids=lambda r: str(r.get("id")))
def test_fields(row: dict) -> None:
    for field, typ in REQUIRED.items():
        assert field in row, f"missing {field}"
        assert isinstance(row[field], typ), f"{field} should be {typ.__name__}"
    assert row["question"].strip()
    assert row["category"] in CATEGORIES
    assert row["split"] in SPLITS
    assert row["id"].startswith(ID_PREFIX[row["category"]])
    assert row["docs"] and all(isinstance(d, str) for d in row["docs"])
    assert 1 <= len(row["evidence"]) <= 3
    assert all(isinstance(e, str) and e.strip() for e in row["evidence"])
    if "acceptable_docs" in row:
        assert isinstance(row["acceptable_docs"], list)
        assert all(isinstance(d, str) for d in row["acceptable_docs"])
        assert not set(row["acceptable_docs"]) & set(row["docs"])
    if "notes" in row:
        assert isinstance(row["notes"], str)
    # Judged blind from a pool over the seeds + shared corpus index (eval/README.md).
    for field in ("pooled_evidence", "pooled_docs"):
        assert all(isinstance(e, str) and e.strip() for e in row.get(field, []))
    assert not set(row.get("pooled_evidence", [])) & set(row["evidence"])
    assert all("/" in d for d in row.get("pooled_docs", [])), "pooled docs are corpus reports"
    unknown = (
        set(row) - set(REQUIRED) - {"acceptable_docs", "notes", "pooled_evidence", "pooled_docs"}
    )
    assert not unknown, f"unknown fields {unknown}"


def test_ids_unique() -> None:
    dupes = [k for k, v in Counter(r["id"] for r in ROWS).items() if v > 1]
    assert not dupes


def test_categories_and_splits() -> None:
    per_cat = Counter(r["category"] for r in ROWS)
    assert set(per_cat) == CATEGORIES
    for cat in CATEGORIES:
        assert per_cat[cat] >= MIN_PER_CATEGORY, cat
        heldout = sum(1 for r in ROWS if r["category"] == cat and r["split"] == "heldout")
        assert heldout >= MIN_HELDOUT_PER_CATEGORY, cat


@pytest.mark.parametrize("row", ROWS, ids=lambda r: str(r.get("id")))
def test_docs_exist(row: dict) -> None:
    for name in row["docs"] + row.get("acceptable_docs", []):
        assert (SEEDS / name).is_file(), name


@pytest.mark.parametrize("row", ROWS, ids=lambda r: str(r.get("id")))
def test_evidence_in_docs(row: dict) -> None:
    for ev in row["evidence"]:
        assert 20 <= len(ev) <= 120, f"evidence length {len(ev)}: {ev!r}"
        needle = normalise(ev)
        assert any(needle in DOC_NORM[d] for d in row["docs"]), f"not found: {ev!r}"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: str(r.get("id")))
def test_evidence_within_one_paragraph(row: dict) -> None:
    for ev in row["evidence"]:
        raw = ev.replace("\r\n", "\n").replace("\r", "\n")
        assert "\n\n" not in raw, ev
        if NUMBERED_DOC in row["docs"]:
            assert not re.search(r"\n\d+\. ", raw), ev
        needle = normalise(ev)
        assert any(needle in para for d in row["docs"] for para in DOC_PARAS[d]), (
            f"evidence spans a paragraph boundary: {ev!r}"
        )
