"""What "now" means in a question: the newest year of the documents about the councils it
names ("is Leicestershire outstanding now": Leicestershire's latest report, 2024), else of the
whole index. Taking the index's newest year for a council last inspected before it would leave
the council's latest report out of the year boost.

A question that names a council but no year, inspection or change ("corporate parenting
Plymouth") asks how things stand: each named council's newest documents get a small lead
(`latest_documents`, `Tuning.latest_boost`) over its older reports on the same topic."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from ofsted_qa.retrieval.query import Interpretation


def newest_year(
    doc_years: Sequence[frozenset[int]],
    councils_of: Sequence[frozenset[str]],
    councils: Collection[str],
) -> int | None:
    """The newest year of any document (by position: `doc_years[i]` its years, `councils_of[i]`
    the councils it is about) about one of `councils`, or of any document when `councils` is
    empty or none of theirs is dated; None for an index with no dated document."""
    wanted = set(councils)
    theirs = [
        y for years, of in zip(doc_years, councils_of, strict=True) if of & wanted for y in years
    ]
    every = [y for years in doc_years for y in years]
    return max(theirs or every, default=None)


def latest_documents(
    doc_years: Sequence[frozenset[int]],
    councils_of: Sequence[frozenset[str]],
    councils: Collection[str],
) -> np.ndarray:
    """Per document position (bool): dated in the newest year of the documents about one of
    `councils`, each council's newest year counted separately (two councils compared: each
    one's latest). All False when none of their documents is dated."""
    newest: dict[str, int] = {}
    for years, of in zip(doc_years, councils_of, strict=True):
        for council in of & set(councils):
            if years:
                newest[council] = max(newest.get(council, 0), max(years))
    return np.array(
        [
            bool(years) and any(max(years) >= newest[c] for c in of if c in newest)
            for years, of in zip(doc_years, councils_of, strict=True)
        ],
        dtype=bool,
    )


def asks_how_things_stand(understood: Interpretation) -> bool:
    """The question names a council and nothing that dates it: no year, "since", "now",
    inspection or change over time."""
    return bool(
        understood.councils
        and not understood.years
        and understood.year_from is None
        and not understood.recent
        and not understood.report_ids
        and not understood.inspection_refs
        and not understood.over_time
    )
