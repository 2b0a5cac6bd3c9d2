"""Judgement rows for a reader (one block per report), for programs (JSON) and for
spreadsheets (CSV). Every row carries document text, so all three go through `inert`."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from itertools import groupby
from typing import TextIO

from ofsted_qa.citations.citation import human_date
from ofsted_qa.inert import inert, inert_json
from ofsted_qa.retrieval.judgements import COLUMNS, JudgementRow

AREA_WIDTH = 40  # the longest area label ("leadership, management and governance") fits


def inspection_dates(row: JudgementRow) -> str:
    """ "inspected 9 July 2018–20 July 2018", or the publication date where the report gives
    no inspection dates."""
    if row.inspection_start:
        end = f"–{human_date(row.inspection_end)}" if row.inspection_end else ""
        return f"inspected {human_date(row.inspection_start)}{end}"
    return f"published {human_date(row.published)}"


def cite_lines(rows: Sequence[JudgementRow], indent: str = "  ") -> list[str]:
    """The "cite:" and "ref:" lines of one report's `rows`, one pair per place that states
    grades, each cite saying which grades it backs where the report states them in more than one
    place (SIF: the judgement table on p. 1, the LSCB review's grade on a later page)."""
    places: dict[tuple[str, str], list[JudgementRow]] = {}
    for row in rows:
        places.setdefault((row.citation, row.ref), []).append(row)
    lines = []
    for (citation, ref), backed in places.items():
        backs = f" ({_backs(backed, rows)})" if len(places) > 1 else ""
        lines.append(f"{indent}cite{backs}: {citation}")
        if ref:
            lines.append(f"{indent}ref:  {ref}")
    return lines


def _backs(backed: Sequence[JudgementRow], rows: Sequence[JudgementRow]) -> str:
    """ "LSCB", or for the many, "every grade but LSCB"; `;` between areas, as an area's own
    label may hold commas ("leadership, management and governance")."""
    others = [r.area_label for r in rows if r not in backed]
    if len(backed) > len(others):
        return "every grade but " + "; ".join(others)
    return "; ".join(r.area_label for r in backed)


def print_table(rows: tuple[JudgementRow, ...], out: TextIO, *, footer: bool = True) -> None:
    """Each report once (council, framework, dates), its judgements beneath, then where each
    is stated; then (`footer`) how many judgements, reports and councils that was."""
    if not rows:
        print("No judgement matches. Drop a filter, or see `ofsted-qa judgements`.", file=out)
        return
    for _, group in groupby(rows, key=lambda r: r.doc_id):
        report = list(group)
        first = report[0]
        head = [first.council or "(council not stated)", first.framework, inspection_dates(first)]
        if first.inspection_start:
            head.append(f"published {human_date(first.published)}")
        print(inert(" · ".join(p for p in head if p)), file=out)
        for row in report:
            print(inert(f"  {row.area_label:<{AREA_WIDTH}} {row.grade}"), file=out)
        # one table, one page: usually one citation; SIF states the LSCB's grade on a later
        # page, some grades in a sentence of their own ("The overall judgement is ...")
        for line in cite_lines(report):
            print(inert(line), file=out)
        print(file=out)
    if not footer:
        return
    reports = len({r.doc_id for r in rows})
    councils = len({r.council for r in rows})
    print(
        f"{len(rows)} judgement{'s' * (len(rows) != 1)} in {reports} "
        f"report{'s' * (reports != 1)} of {councils} council{'s' * (councils != 1)}",
        file=out,
    )


def print_json(rows: tuple[JudgementRow, ...], out: TextIO) -> None:
    print(inert_json([r.as_json() for r in rows], indent=1), file=out)


def print_csv(rows: tuple[JudgementRow, ...], out: TextIO) -> None:
    """A header row of the JSON keys, then one line per judgement."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([inert(str(value)) for value in row.as_json().values()])
