"""The passages of the documents dated in the years a question names, made candidates of their
own: "exploitation in 2025" must weigh the 2025 reports' passages, and a common topic's best few
hundred passages over the whole index (the candidates) can all come from other years (2015's
reports wrote "child sexual exploitation" on every page), leaving the year boost nothing of the
year to lift. The council and inspection a question names get the same treatment (search.py).
Only where the year is drowned: candidates already holding `ENOUGH` passages of it are left as
they are (fusion normalises over the candidates, so adding passages moves every score a little).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ofsted_qa.retrieval import boosts
from ofsted_qa.retrieval.query import Interpretation

ENOUGH = 10  # passages of the year among the candidates: two pages of an answer


def passages(
    doc_years: Sequence[frozenset[int]], chunk_doc: np.ndarray, understood: Interpretation
) -> np.ndarray | None:
    """Per passage of the index (bool): its document is dated in a year the question wants
    (`doc_years[i]`: document i's years; `chunk_doc[p]`: passage p's document); None when the
    question names no year, or no document is of its years."""
    if not understood.years and understood.year_from is None:
        return None
    docs = np.array([understood.wants_year(years) for years in doc_years], dtype=bool)
    return docs[chunk_doc] if docs.any() else None


def drowned(
    doc_years: Sequence[frozenset[int]],
    chunk_doc: np.ndarray,
    understood: Interpretation,
    candidates: np.ndarray,
    council: np.ndarray | None = None,
) -> np.ndarray | None:
    """`passages` (of the named councils' documents only, `council` per passage, where given)
    when the candidates (passage ids) hold fewer than `ENOUGH` of them; else None."""
    wanted = passages(doc_years, chunk_doc, understood)
    if wanted is None:
        return None
    if council is not None:
        wanted = wanted & council
    return wanted if int(wanted[candidates].sum()) < ENOUGH else None


def cover(
    order: np.ndarray,
    candidates: np.ndarray,
    understood: Interpretation,
    per_year: int,
    years_of: Callable[[int], frozenset[int]],
    councils_of: Callable[[int], frozenset[str]],
) -> np.ndarray:
    """Several years asked ("2014 and 2025", "2019 to 2022"): the best `per_year` passages of
    each go first, in turns (boosts.cover). Where the question names councils, a year's turn
    is taken by their documents only: another council's report of 2015 is no answer to "Essex
    2014-2016", however well it matches the words. `years_of`, `councils_of`: per chunk id."""
    if len(understood.years) < 2 or per_year < 1:
        return order
    named = set(understood.councils)

    def sides_of(chunk_id: int) -> frozenset[int]:
        if named and not named & councils_of(chunk_id):
            return frozenset()
        return years_of(chunk_id)

    return boosts.cover(order, candidates, understood.years, sides_of, per_year)
