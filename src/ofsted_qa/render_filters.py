"""The filters a user set (`--year`, `--kind`, `--council`, `--region`, `--doc`, `--publisher`),
said with the answer they shaped: a line under the question in text, a "filters" object in JSON.
Cues read from the question are the chips' business; these are the hard filters, which leave
documents out, so an answer never hides that it was narrowed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ofsted_qa.retrieval.search import Filters

SHOWN_PLACES = 5  # councils a loose --council ("west") admits, named before "and N more"


def filters_json(filters: Filters, places: Sequence[str] = ()) -> dict[str, Any]:
    """The filters set, as typed, each key only when set: {"years": [2019, 2020], "kinds":
    ["focused visit"], "councils": ["bexley"], "council_places": ["Bexley"] (the councils the
    index matched them to, as shown), "regions": ["London"], "doc_ids", "publishers"}; {} when
    none is."""
    said: dict[str, Any] = {
        "years": list(filters.years),
        "kinds": list(filters.kinds),
        "councils": list(filters.councils),
        "council_places": list(places) if filters.councils else [],
        "regions": list(filters.regions),
        "doc_ids": list(filters.doc_ids),
        "publishers": list(filters.publishers),
    }
    return {key: value for key, value in said.items() if value}


def filters_line(filters: Filters, places: Sequence[str] = ()) -> str:
    """ "year 2019–2021 · kind focused visit · council west (Cheshire West and Chester, West
    Berkshire)"; "" when no filter is set."""
    parts = [f"year {_years(filters.years)}"] if filters.years else []
    parts += [f"kind {k}" for k in filters.kinds]
    if filters.councils:
        typed = ", ".join(filters.councils)
        named = list(places[:SHOWN_PLACES]) + [f"and {len(places) - SHOWN_PLACES} more"] * (
            len(places) > SHOWN_PLACES
        )
        same = [p.casefold() for p in places] == [c.casefold() for c in filters.councils]
        if same:  # as the index shows it: "bexley" -> "Bexley"
            parts.append(f"council {', '.join(places)}")
        else:
            parts.append(f"council {typed}" + (f" ({', '.join(named)})" if named else ""))
    parts += [f"region {r}" for r in filters.regions]
    parts += [f"document {d}" for d in filters.doc_ids]
    parts += [f"publisher {p}" for p in filters.publishers]
    return " · ".join(parts)


def _years(years: tuple[int, ...]) -> str:
    """ "2019", "2019–2021" for a range, else "2014, 2019"."""
    ordered = sorted(set(years))
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(str(y) for y in ordered)
