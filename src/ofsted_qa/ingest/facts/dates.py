"""Dates as Ofsted reports write them.

Inspection periods come in many shapes: "2 to 13 July 2018", "27 September to
8 October 2021", "11 March 2014 – 2 April 2014", "11/03/2014 - 02/04/2014",
"2 Feb 2015 - 5 March 2015", and split visits "30 September to 11 October 2024
and 13 to 16 January 2025".  Rather than one regex per shape, the text is cut
into tokens (day, month, year, numeric date); each day opens a new date, and a
date missing its month or year borrows them from the next date that has them —
which is how English writes ranges ("2 to 13 July 2018").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(
    "january february march april may june july august september october november december".split(),
    1,
):
    MONTHS[_name] = _i
    MONTHS[_name[:3]] = _i
MONTHS["sept"] = 9

_TOKEN = re.compile(
    r"(?P<num>\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b)"
    r"|(?P<year>\b(?:19|20)\d{2}\b)"
    r"|(?P<day>\b\d{1,2}(?:st|nd|rd|th)?\b)"
    r"|(?P<month>\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?)",
    re.IGNORECASE,
)


@dataclass
class _Partial:
    """A date being assembled from tokens; any part may still be missing."""

    day: int
    month: int | None = None
    year: int | None = None


def _partials(text: str) -> list[_Partial]:
    """Cut `text` into partial dates in reading order."""
    out: list[_Partial] = []
    for m in _TOKEN.finditer(text):
        if m.group("num"):
            d, mo, y = (int(x) for x in re.split(r"[/.]", m.group("num")))
            out.append(_Partial(d, mo, y + 2000 if y < 100 else y))
        elif m.group("day"):
            out.append(_Partial(int(re.sub(r"\D", "", m.group("day")))))
        elif not out:
            continue  # a month or year before any day ("May 2014") carries no day: ignore
        elif m.group("month"):
            if out[-1].month is None:
                out[-1].month = MONTHS[m.group("month").lower().rstrip(".")]
        elif out[-1].year is None:
            out[-1].year = int(m.group("year"))
    return out


def parse_dates(text: str) -> list[date]:
    """All dates written in `text`, completing ranges like "2 to 13 July 2018" from the right.

    A borrowed year that would put a date after its successor (e.g. "28 December to
    8 January 2016") is taken as the previous year.
    """
    parts = _partials(text)
    nxt_month: int | None = None
    nxt_year: int | None = None
    nxt_date: date | None = None
    done: list[date] = []
    for p in reversed(parts):
        month = p.month if p.month is not None else nxt_month
        year = p.year if p.year is not None else nxt_year
        if month is None or year is None:
            continue
        try:
            d = date(year, month, p.day)
        except ValueError:
            continue
        if p.year is None and nxt_date is not None and d > nxt_date:
            d = d.replace(year=year - 1)
        done.append(d)
        nxt_month, nxt_year, nxt_date = month, d.year, d
    return done[::-1]


def parse_periods(text: str) -> list[tuple[date, date]]:
    """Separate visits of one inspection: "8 to 12 July 2019 and 7 to 8 August 2019".

    Pieces are split on "and"; each piece's dates are completed using the whole text,
    so "2 to 6 December and 10 to 14 February 2023" still gets its years.
    """
    all_dates = parse_dates(text)
    counts = [len(_partials(piece)) for piece in re.split(r"\band\b|;", text)]
    if sum(counts) != len(all_dates):  # a piece with an incomplete date: keep one span
        return [(all_dates[0], all_dates[-1])] if all_dates else []
    periods, i = [], 0
    for n in counts:
        chunk = all_dates[i : i + n]
        i += n
        if chunk:
            periods.append((chunk[0], chunk[-1]))
    return periods


def parse_date(text: str) -> date | None:
    """The first complete date in `text` ("23 May 2014", "23/05/2014"), or None."""
    found = parse_dates(text)
    return found[0] if found else None


def parse_span(text: str) -> tuple[date | None, date | None]:
    """(first, last) date of an inspection period; a single date gives (d, d)."""
    found = parse_dates(text)
    if not found:
        return None, None
    return found[0], found[-1]
