"""The question read against the index: "now" as the councils' latest year, a year no document
has searched as a word, the years and councils the filters overrule, a year the council named
has no report of, reorganised councils, unknown words and places: the reading to search with
and the notes the answer must carry."""

from __future__ import annotations

from typing import Any

from ofsted_qa.retrieval import (
    boosts,
    caveats,
    council_years,
    follow_up,
    grade_question,
    places,
    recency,
    regions,
)
from ofsted_qa.retrieval.query import Interpretation
from ofsted_qa.retrieval.results import Filters
from ofsted_qa.retrieval.years import since_dated, within_index


def read_against_index(
    searcher: Any,  # the Searcher (search.py), which imports this module
    understood: Interpretation,
    filters: Filters,
    mode: str,
    read: bool,
) -> tuple[Interpretation, tuple[str, ...]]:
    """(the reading to search with, the notes to show); `read`: the full pipeline (the plain
    baselines get only the notes every answer needs)."""
    # "the 2020s": to 2026; "2016-2019": the years of it some document is dated
    understood, cut = within_index(understood, searcher.facts.known_years)
    if understood.recent and searcher.facts.known_years:  # "now": the councils' latest report
        newest = recency.newest_year(
            searcher.council_years, understood.councils, searcher.facts.known_years
        )
        understood = understood.since_latest(newest or max(searcher.facts.known_years))
    known = searcher.facts.known_years
    if understood.framing and not (
        boosts.dated(searcher.bundle.store, understood, searcher.facts)
        and since_dated(understood, known)
    ):
        understood = understood.unframed()  # a year no document has: search it as a word
    understood, notes = caveats.years(understood, searcher.facts.known_years, filters)
    notes = cut + notes if understood.years or understood.year_from is not None else notes
    if understood.span:  # "in the last year": say the dates read
        notes += (f"“{understood.span_words}” is read as {understood.span_said}.",)
    if filters.councils and understood.councils:
        kept = filters.resolved(searcher.councils).councils
        shown = {c.name for c in searcher.councils.all if c.spellings & set(kept)}
        understood, more = caveats.councils(understood, shown, filters.councils)
        notes += more
    named = understood.councils or searcher.filtered_councils(filters)
    if named and read:  # "Leeds 2019", Leeds inspected in 2018 and 2022
        understood, more = council_years.reconcile(understood, named, searcher.council_reports)
        notes += more
    if understood.councils and read:  # "Cumbria": a council since reorganised
        notes += searcher.council_docs.finder.notes(understood.query, understood.councils)
    if mode != "dense":
        notes += caveats.unknown_words(understood, searcher.bundle.lexical.vocabulary)
    notes += caveats.left_as_typed(understood) if read else ()
    notes += regions.unlisted_notes(understood.query) if read else ()  # "the Home Counties"
    # a grade question's note comes with its (withheld) grades: Searcher.judged
    if read and not grade_question.grade_question(understood):
        unknown = searcher.unknown_places(understood)
        total = len(searcher.councils.all)
        notes += (places.note(unknown, total, understood.councils),) if unknown else ()
    return understood, notes + follow_up.note(understood.query)
