"""`ofsted-qa judgements`: the reports' judgements, filtered, as text, JSON or CSV."""

from __future__ import annotations

import argparse
from typing import TextIO

from ofsted_qa.cli.session import notify, open_store


def cmd_judgements(args: argparse.Namespace, _stdin: TextIO, out: TextIO) -> int:
    """Exit status 0; raises OfstedQAError for a filter value the index cannot match."""
    from ofsted_qa import render_judgements
    from ofsted_qa.retrieval.judgements import JudgementFilters, latest_lacking, list_judgements
    from ofsted_qa.retrieval.listing_notes import joint_grade_note, lacking_note
    from ofsted_qa.retrieval.years import flag_years

    filters = JudgementFilters(
        grade=args.grade,
        councils=tuple(args.council),
        regions=tuple(args.region),
        years=tuple(sorted({y for typed in args.year for y in flag_years(typed)})),
        areas=tuple(args.area),
        since=args.since,
        latest=args.latest,
        kind=args.kind,
    )
    store = open_store(args).store
    rows = list_judgements(store, filters)
    # on stderr: JSON and CSV stay data alone
    joint = joint_grade_note(rows, filters.area_keys)
    if joint:
        notify(f"note: {joint}")
    lacking = lacking_note(latest_lacking(store, filters), filters.area_keys)
    if lacking:
        notify(f"note: {lacking}")
    if args.json:
        render_judgements.print_json(rows, out)
    elif args.csv:
        render_judgements.print_csv(rows, out)
    else:
        render_judgements.print_table(rows, out)
    return 0
