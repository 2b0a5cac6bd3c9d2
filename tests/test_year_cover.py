"""Several years asked take turns at the lead; where the question names a council, each year's
turn goes to that council's documents only ("Essex 2014-2016": another council's 2015 report
that prints "2014–2016" is no answer)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ofsted_qa.retrieval.query import interpret
from ofsted_qa.retrieval.year_passages import cover

# chunk id -> (its document's years, its councils): Essex 2014 ranks first, then other
# councils' 2015 and 2016 reports, then Essex again
CHUNKS = {
    0: (frozenset({2014}), frozenset({"Essex"})),
    1: (frozenset({2015}), frozenset({"Nottinghamshire"})),
    2: (frozenset({2016}), frozenset({"Thurrock"})),
    3: (frozenset({2014}), frozenset({"Essex"})),
    4: (frozenset({2016}), frozenset({"Essex"})),
}
CANDIDATES = np.array([0, 3, 4, 1, 2], dtype=np.int64)  # by score: Essex, Essex, Essex, others
ORDER = np.arange(len(CANDIDATES))


def _led(text: str, councils: tuple[str, ...]) -> list[int]:
    reading = replace(interpret(text), councils=councils)
    order = cover(ORDER, CANDIDATES, reading, 1, lambda c: CHUNKS[c][0], lambda c: CHUNKS[c][1])
    return [int(CANDIDATES[i]) for i in order]


def test_a_council_named_keeps_the_turns_of_the_years_to_its_documents() -> None:
    led = _led("essex 2014-2016", ("Essex",))
    assert led[:3] == [0, 4, 3]  # Essex 2014, Essex 2016, then the rest in score order
    assert {CHUNKS[c][1] for c in led[:3]} == {frozenset({"Essex"})}


def test_no_council_named_every_document_takes_its_year_s_turn() -> None:
    led = _led("2014 and 2015 and 2016", ())
    assert led[:3] == [0, 4, 1]  # one passage of each year first, by its best score


def test_one_year_is_left_in_score_order() -> None:
    assert _led("essex 2014", ("Essex",)) == CANDIDATES.tolist()
