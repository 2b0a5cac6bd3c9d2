"""What an answer must say about the question it could not take as typed.

A year no document is dated, a year or council in the question overruled by a filter, a question
none of whose words occurs in any document: each is said in words (`SearchResponse.notes`)
instead of showing results under a chip or a score that looks like a match.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace

from ofsted_qa.retrieval.query import Interpretation
from ofsted_qa.retrieval.results import Filters


def _listed(items: Collection[object]) -> str:
    names = [str(i) for i in items]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def nearest_years(year: int, known: Collection[int]) -> tuple[int, ...]:
    """The closest dated years either side of `year` (one side when it is outside them all)."""
    below = [y for y in known if y < year]
    above = [y for y in known if y > year]
    return tuple(sorted(({max(below)} if below else set()) | ({min(above)} if above else set())))


def years(
    understood: Interpretation, known: Collection[int], filters: Filters
) -> tuple[Interpretation, tuple[str, ...]]:
    """The reading with its years reconciled with the index and the year filter, and notes."""
    notes: list[str] = []
    if filters.years and (understood.years or understood.year_from is not None):
        notes.append(
            f"The year filter ({_listed(filters.years)}) applies; the question's "
            f"{_listed(understood.years or (understood.year_from,))} is not used."
        )
        return replace(understood, years=(), year_from=None, recent=""), tuple(notes)
    if not known:
        return understood, ()
    missing = tuple(y for y in understood.years if y not in known)
    since = understood.year_from
    if since is not None and all(y < since for y in known):
        notes.append(f"Nothing in the index is dated {since} or later; the newest is {max(known)}.")
        understood = replace(understood, year_from=None, undated=(since,))
        missing = tuple(y for y in missing if y != since)
    if missing:
        near = sorted({n for y in missing for n in nearest_years(y, known)} - set(missing))
        plural = "years are" if len(near) > 1 else "year is"
        notes.append(
            f"Nothing in the index is dated {_listed(missing)}; the nearest {plural} "
            f"{_listed(near)}."
        )
        understood = replace(understood, undated=understood.undated + missing)
    return understood, tuple(notes)


def councils(
    understood: Interpretation, kept: Collection[str], typed: Collection[str]
) -> tuple[Interpretation, tuple[str, ...]]:
    """The reading without the councils it names that the council filter (`typed`, admitting
    the councils shown as `kept`) leaves out, and a note saying so."""
    outside = tuple(c for c in understood.councils if c not in kept)
    if not outside:
        return understood, ()
    note = (
        f"The council filter ({_listed(typed)}) applies; the question's "
        f"{_listed(outside)} is not used."
    )
    inside = tuple(c for c in understood.councils if c in kept)
    return replace(understood, councils=inside), (note,)


def unknown_words(understood: Interpretation, vocabulary: Mapping[str, int]) -> tuple[str, ...]:
    """A note when no word of the question (or its glossary expansions) is in any document;
    none when no word is left to search ("Bexley in 2016": a council and a year, both read), and
    said of the other words when a council was read from the question ("Bexley in 2099")."""
    terms = understood.search_terms
    if not terms or any(t in vocabulary for t in terms):
        return ()
    if understood.councils:
        return (
            "Apart from the council, no word of the question occurs in any document: these "
            "passages are the council's closest in meaning, not matches.",
        )
    return (
        "No word of the question occurs in any document: these passages are only the "
        "closest in meaning, not matches.",
    )
