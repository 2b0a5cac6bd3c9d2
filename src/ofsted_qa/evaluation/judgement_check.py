"""The generated grade check (`ofsted-qa eval --judgements`): for every graded area of every
report, "how was {council} rated for {area} in {year}?" asked several ways, the council named in
several forms (its full name, its short name, possessive), must be answered by a judgement card
of that report, first, giving that grade.

The truth is the report's own facts (each document's judgements in the index). The shared table
(`ofsted_csc_ilacs_history.csv`, a third-party scrape with known errors) is compared with those
facts separately, and its disagreements are listed, not counted against the card.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.retrieval.judgement_terms import AREA_LABELS
from ofsted_qa.retrieval.search import Searcher

# {council}: the council, full or short; {owner}: the same, possessive; {year}: on site
PHRASINGS: tuple[str, ...] = (
    "how was {council} rated for {area} in {year}?",
    "what grade did {council} get for {area} in {year}",
    "what was the verdict on {area} in {council} in {year}",
    "{owner} {year} inspection: what was the judgement on {area}?",
    "what was {owner} rating for {area} in {year}",
)
FORMS = ("full", "short")
TABLE_AREAS = (
    "overall_effectiveness",
    "impact_of_leaders",
    "help_and_protection",
    "in_care",
    "care_leavers",
)  # the table's five grade columns


@dataclass(frozen=True)
class Case:
    question: str
    doc_id: str
    area: str
    grade: str
    phrasing: int
    form: str
    framework: str


@dataclass(frozen=True)
class Outcome:
    case: Case
    answered: str  # the first card's grade for the area; "" when no card or another report


def cases(searcher: Searcher) -> Iterator[Case]:
    """One question per graded area, phrasing and council form, for every graded report."""
    store = searcher.bundle.store
    by_doc = {i.doc_id: i for i in searcher.inspections}
    for meta in store.documents.values():
        inspection = by_doc.get(meta.doc_id)
        if inspection is None or not meta.judgements:
            continue
        year = (meta.period_start or meta.date)[:4]
        short = inspection.council
        names = {"full": meta.local_authority or short, "short": short}
        for judgement in meta.judgements:
            area = AREA_LABELS.get(judgement.area, judgement.area.replace("_", " "))
            for p, phrasing in enumerate(PHRASINGS):
                for form in FORMS:
                    owner = "{owner}" in phrasing
                    yield Case(
                        phrasing.format(
                            council=names[form], owner=f"{names[form]}'s", area=area, year=year
                        ),
                        meta.doc_id,
                        judgement.area,
                        judgement.grade,
                        p,
                        f"{form} possessive" if owner else form,
                        meta.framework,
                    )


def answer(searcher: Searcher, case: Case) -> Outcome:
    """The grade the question's first judgement card gives the area (the card step alone: the
    passages under it are not needed to check it)."""
    judged = searcher.judged(searcher.inspection_reading(case.question))
    first = judged.cards[0] if judged.cards else None
    if first is None or case.doc_id not in first.inspection.doc_ids:
        return Outcome(case, "")
    return Outcome(case, first.grade_for(case.area) or "")


def _share(outcomes: Sequence[Outcome]) -> dict[str, float | int]:
    right = sum(o.answered == o.case.grade for o in outcomes)
    return {
        "questions": len(outcomes),
        "right": right,
        "accuracy": round(right / len(outcomes), 4) if outcomes else 0.0,
    }


def score(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Accuracy overall, per phrasing, per council form and per framework, and the failures."""
    groups: dict[str, dict[str, list[Outcome]]] = defaultdict(lambda: defaultdict(list))
    for o in outcomes:
        groups["phrasing"][PHRASINGS[o.case.phrasing]].append(o)
        groups["form"][o.case.form].append(o)
        groups["framework"][o.case.framework or "(none)"].append(o)
    return {
        "overall": _share(outcomes),
        **{name: {k: _share(v) for k, v in g.items()} for name, g in groups.items()},
        "failures": [
            {
                "question": o.case.question,
                "doc_id": o.case.doc_id,
                "area": o.case.area,
                "grade": o.case.grade,
                "answered": o.answered,
            }
            for o in outcomes
            if o.answered != o.case.grade
        ],
    }


def table_disagreements(
    documents: Sequence[DocumentMeta], table: Path
) -> tuple[dict[str, int], list[dict[str, str]]]:
    """The shared table's grades against the reports' own: counts and each disagreement."""
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = {(r["local_authority"], r["pdf_filename"]): r for r in csv.DictReader(handle)}
    counts: Counter[str] = Counter()
    differ: list[dict[str, str]] = []
    for meta in documents:
        path = Path(meta.source)
        row = rows.get((path.parent.name.split("_", 1)[-1], path.name))
        if row is None or not meta.judgements:
            continue
        for area in TABLE_AREAS:
            said = row.get(f"{area}_grade", "").strip().lower()
            ours = next((j.grade for j in meta.judgements if j.area == area), None)
            if ours is None or said in ("", "data_unreadable", "inspection_pre_dates_judgement"):
                continue
            counts["compared"] += 1
            if said.replace("requires improvement to be good", "requires improvement") == ours:
                counts["agree"] += 1
            else:
                differ.append({"doc_id": meta.doc_id, "area": area, "report": ours, "table": said})
    return dict(counts), differ


def run(index_dir: str | None, table: str | None, as_json: bool, out: TextIO) -> int:
    """`ofsted-qa eval --judgements [--table CSV] [--json]`: the check over the index at
    `index_dir` (the default index when None), compared with the shared table when given."""
    from ofsted_qa.index import generations
    from ofsted_qa.index.settings import Settings

    folder = Settings.resolve(index_dir=index_dir).index_dir
    searcher = Searcher(generations.load_current(folder))
    asked = list(cases(searcher))
    if not asked:  # "grade accuracy 0.00% (0/0)" would read as a failure
        raise OfstedQAError(
            f"No report in the index at {folder} states its grades, so there is nothing to check",
            hint="point --index at an index of Ofsted reports, such as the eval's corpus index "
            "(`ofsted-qa eval` builds it in ~/.cache/ofsted-qa/eval-index/corpus)",
        )
    result = score([answer(searcher, c) for c in asked])
    if table:
        counts, differ = table_disagreements(
            list(searcher.bundle.store.documents.values()), Path(table)
        )
        result["table"] = {**counts, "disagreements": differ}
    if as_json:
        print(json.dumps(result, indent=1), file=out)
        return 0
    print(console(result), file=out)
    return 0


def console(result: dict[str, Any]) -> str:
    """The figures as lines of text (the failures, up to 20)."""
    overall = result["overall"]
    lines = [
        f"grade accuracy {overall['accuracy']:.2%} ({overall['right']}/{overall['questions']})"
    ]
    for name in ("phrasing", "form", "framework"):
        for key, share in result.get(name, {}).items():
            lines.append(
                f"  {name:<9} {share['accuracy']:.2%}  ({share['right']}/{share['questions']})"
                f"  {key}"
            )
    lines += [
        f"  ✗ {f['question']} → {f['answered'] or 'no card'} (report: {f['grade']})"
        for f in result["failures"][:20]
    ]
    if "table" in result:
        table = result["table"]
        lines.append(
            f"table vs reports: {table.get('agree', 0)}/{table.get('compared', 0)} agree; "
            f"{len(table['disagreements'])} disagreements"
        )
    return "\n".join(lines)
