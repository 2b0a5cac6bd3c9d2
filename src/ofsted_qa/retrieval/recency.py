"""What "now" means in a question: the newest year of the documents about the councils it
names ("is Leicestershire outstanding now": Leicestershire's latest report, 2024), else of the
whole index. Taking the index's newest year for a council last inspected before it would leave
the council's latest report out of the year boost.

A question that names a council but no year, inspection or change ("corporate parenting
Plymouth") asks how things stand: each named council's newest documents get a small lead
(`latest_documents`, `Tuning.latest_boost`) over its older reports on the same topic."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import numpy as np

from ofsted_qa.retrieval.query import Interpretation


def newest_year(
    held: Mapping[str, Collection[int]], councils: Collection[str], known: Collection[int]
) -> int | None:
    """The newest year of the documents about one of `councils` (`held`: each council's
    document years, `council_years.years_of_councils`), or of any document (`known`) when
    `councils` is empty or none of theirs is dated; None for an index with no dated document."""
    theirs = [max(held[c]) for c in councils if held.get(c)]
    return max(theirs or known, default=None)


def latest_documents(
    doc_years: Sequence[frozenset[int]],
    councils_of: Sequence[frozenset[str]],
    held: Mapping[str, Collection[int]],
    councils: Collection[str],
) -> np.ndarray:
    """Per document position (bool): dated in the newest year of the documents about one of
    `councils`, each council's newest year counted separately (two councils compared: each
    one's latest; `held` as for `newest_year`). All False when none of their documents is
    dated."""
    newest = {c: max(held[c]) for c in councils if held.get(c)}
    return np.array(
        [
            bool(years) and any(max(years) >= newest[c] for c in of if c in newest)
            for years, of in zip(doc_years, councils_of, strict=True)
        ],
        dtype=bool,
    )


def newest_of_each(
    docs: np.ndarray,
    doc_years: Sequence[frozenset[int]],
    councils_of: Sequence[frozenset[str]],
    held: Mapping[str, Collection[int]],
    councils: Collection[str],
) -> np.ndarray:
    """`latest_documents` for the document positions `docs` alone (bool, aligned): the
    candidates' documents, not every document of the index."""
    newest = {c: max(held[c]) for c in councils if held.get(c)}
    return np.array(
        [
            bool(doc_years[d])
            and any(max(doc_years[d]) >= newest[c] for c in councils_of[d] if c in newest)
            for d in docs.tolist()
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
