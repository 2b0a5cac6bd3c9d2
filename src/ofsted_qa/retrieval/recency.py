"""What "now" means in a question: the newest year of the documents about the councils it
names ("is Leicestershire outstanding now": Leicestershire's latest report, 2024), else of the
whole index. Taking the index's newest year for a council last inspected before it would leave
the council's latest report out of the year boost."""

from __future__ import annotations

from collections.abc import Collection, Sequence


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
