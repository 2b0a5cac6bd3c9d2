"""Judgement rows for a reader (one block per report), for programs (JSON) and for
spreadsheets (CSV). Every row carries document text, so all three go through `inert`."""

from __future__ import annotations

import csv
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


def print_table(rows: tuple[JudgementRow, ...], out: TextIO) -> None:
    """Each report once (council, framework, dates), its judgements beneath, then where each
    is stated."""
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
        # one table, one page: usually one citation; the refs differ where a grade is stated
        # in a sentence of its own (SIF's "The overall judgement is ...")
        for citation in dict.fromkeys(r.citation for r in report):
            print(inert(f"  cite: {citation}"), file=out)
        for ref in dict.fromkeys(r.ref for r in report if r.ref):
            print(inert(f"  ref:  {ref}"), file=out)
        print(file=out)
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
