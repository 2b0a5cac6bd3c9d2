"""'Now' is the named council's latest report, not the index's newest year."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from ofsted_qa.retrieval.council_years import years_of_councils
from ofsted_qa.retrieval.recency import newest_year as newest_of

YEARS = [frozenset({2017}), frozenset({2024}), frozenset({2026}), frozenset()]
COUNCILS = [
    frozenset({"Leicestershire"}),
    frozenset({"Leicestershire"}),
    frozenset({"Trafford"}),
    frozenset({"Leeds"}),
]


def newest_year(
    years: Sequence[frozenset[int]], of: Sequence[frozenset[str]], councils: Collection[str]
) -> int | None:
    """`recency.newest_year` over documents given by position, as the searcher holds them."""
    return newest_of(years_of_councils(years, of), councils, frozenset().union(*years))


def test_now_is_the_named_councils_newest_year() -> None:
    assert newest_year(YEARS, COUNCILS, ["Leicestershire"]) == 2024
    assert newest_year(YEARS, COUNCILS, ["Leicestershire", "Trafford"]) == 2026


def test_now_of_no_council_or_of_an_undated_one_is_the_index_newest_year() -> None:
    assert newest_year(YEARS, COUNCILS, []) == 2026
    assert newest_year(YEARS, COUNCILS, ["Leeds"]) == 2026
    assert newest_year([frozenset()], [frozenset()], []) is None


def test_a_year_compared_with_now_wants_both_the_year_and_the_newest() -> None:
    from ofsted_qa.retrieval.query import interpret

    reading = interpret("Wirral care leavers: 2016 compared with now")
    assert reading.recent == "now" and reading.years == (2016,)
    assert reading.since_latest(2024).years == (2016, 2024)
    assert reading.since_latest(2024).year_from is None
    # a year named beside "now" without a comparison still says more than "now"
    assert interpret("What did Ofsted say in 2014 about care leavers now?").recent == ""


def test_an_undated_council_question_leans_to_each_named_councils_latest_documents() -> None:
    from ofsted_qa.retrieval.recency import latest_documents as latest_of

    def latest_documents(
        years: Sequence[frozenset[int]], of: Sequence[frozenset[str]], councils: Collection[str]
    ) -> np.ndarray:
        return latest_of(years, of, years_of_councils(years, of), councils)

    assert latest_documents(YEARS, COUNCILS, ["Leicestershire"]).tolist() == [
        False,
        True,
        False,
        False,
    ]
    # two councils compared: each one's own latest, not the newer of the two
    both = latest_documents(YEARS, COUNCILS, ["Leicestershire", "Trafford"])
    assert both.tolist() == [False, True, True, False]
    assert not latest_documents(YEARS, COUNCILS, ["Leeds"]).any()  # undated: no lead


def test_only_a_council_question_with_nothing_dating_it_asks_how_things_stand() -> None:
    from dataclasses import replace

    from ofsted_qa.retrieval.query import interpret
    from ofsted_qa.retrieval.recency import asks_how_things_stand

    def named(text: str):
        return replace(interpret(text), councils=("Plymouth",))

    assert asks_how_things_stand(named("corporate parenting Plymouth"))
    assert not asks_how_things_stand(interpret("corporate parenting"))  # no council
    assert not asks_how_things_stand(named("corporate parenting Plymouth 2015"))
    assert not asks_how_things_stand(named("corporate parenting in Plymouth since 2015"))
    assert not asks_how_things_stand(named("Plymouth corporate parenting now"))
    assert not asks_how_things_stand(named("how has Plymouth changed"))
    assert not asks_how_things_stand(named("Plymouth's last focused visit"))


def test_the_newest_of_each_council_for_some_documents_alone_matches_every_document() -> None:
    from ofsted_qa.retrieval.recency import latest_documents, newest_of_each

    held = years_of_councils(YEARS, COUNCILS)
    named = ["Leicestershire", "Trafford"]
    every = latest_documents(YEARS, COUNCILS, held, named)
    some = np.array([2, 0, 1])
    assert newest_of_each(some, YEARS, COUNCILS, held, named).tolist() == every[some].tolist()


def test_two_councils_compared_with_no_year_each_side_is_led_by_its_newest_report() -> None:
    from ofsted_qa.retrieval.boosts import cover

    # candidates 0-5: Leeds 2025, Bradford 2014 (x3, scoring best), Bradford 2026 (x2), by score
    council = ["Leeds", "Bradford", "Bradford", "Bradford", "Bradford", "Bradford"]
    newest = np.array([True, False, False, False, True, True])
    order = np.array([1, 2, 0, 3, 4, 5])  # positions best first

    def side(candidate: int) -> set[str]:
        return {council[candidate]}

    candidates = np.arange(6)
    plain = cover(order, candidates, ["Leeds", "Bradford"], side, 2)
    assert plain.tolist()[:3] == [1, 0, 2]  # Bradford's 2014 report leads its side
    led = cover(order, candidates, ["Leeds", "Bradford"], side, 2, newest)
    assert led.tolist()[:3] == [0, 4, 5]  # its 2026 report does (Leeds, best placed, starts)
    assert led.tolist()[3:] == [1, 2, 3]
