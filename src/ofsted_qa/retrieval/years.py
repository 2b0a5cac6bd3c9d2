"""Years a question names: single years, ranges ("2014-2016", "between 2014 and 2016",
"2014/15", "the 2020s", "the late 2010s"), each meaning every year in it, and an open range
("since 2016", "from 2016", "after 2016", "2016 onwards"): that year and every one after it.

One reading of a year's forms serves the question and the `--year` flags (`flag_years`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ofsted_qa.errors import OfstedQAError

if TYPE_CHECKING:  # interpretation.py does not import this module; the query reader does
    from ofsted_qa.retrieval.interpretation import Interpretation

# Every year of 1900-2099 is read, the impossible and unknown too ("2099", "1950"): said in a
# note (caveats.py) rather than searched as a number with nothing said.
_Y = r"(19\d\d|20\d\d)"
_YEAR = re.compile(rf"\b{_Y}\b")
# A range of years, every year in it meant: "2014-2016", "2014–16", "2014/15" (a financial or
# academic year), "between 2014 and 2016", "from 2014 to 2016", "2014 to 2016".
_DASH = r"\s*[-/\u2010-\u2015]\s*"
_YEAR_RANGE = re.compile(
    rf"\b(?:from\s+)?{_Y}(?:{_DASH}|\s+(?:to|until|till)\s+)(\d\d|{_Y[1:-1]})\b"
    rf"|\bbetween\s+(?:the\s+years\s+)?{_Y}\s+and\s+{_Y}\b",
    re.I,
)
# A decade: "the 2020s", "2010's", "the late 2010s" (7-9), "early 2020s" (0-3), "mid-2010s" (4-6)
_DECADE = re.compile(
    r"\b(?:(?:in|during|over)\s+)?(?:the\s+)?(?:(early|mid|late)[\s-]+)?(19\d|20\d)0['’]?s\b",
    re.I,
)
_PART = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "": (0, 9)}
MAX_RANGE = 30  # years; a wider "range" is two separate years ("1990 and 2025")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "since 2014", "since the 2018 inspection", "since its November 2022 inspection"
_SINCE = re.compile(
    rf"\b(?:since|after|from|post)\s+(?:(?:the|its|their)\s+)?(?:{_MONTH}\s+)?{_Y}\b"
    rf"(?!\s*(?:to|until|till|and|[-/\u2010-\u2015])\s*(?:{_MONTH}\s+)?\d)",
    re.I,
)
# "2016 onwards", "2016 and later", "2016 or after"
_ONWARDS = re.compile(
    rf"\b(?:from\s+)?{_Y}\s+(?:onwards?|and\s+(?:later|after)|or\s+later)\b", re.I
)
# "since it was judged inadequate in 2015", "since Slough was last inspected in 2019"
_SINCE_CLAUSE = re.compile(
    r"\bsince\s+(?:[\w'’-]+\s+){1,3}?(?:was|were|had\s+been|has\s+been)\s+(?:[\w-]+\s+){1,3}?"
    rf"in\s+(?:{_MONTH}\s+)?{_Y}\b",
    re.I,
)


@dataclass(frozen=True)
class YearsTyped:
    """The years a text names: `years` every year named, alone or in a range; `ranges` each
    range as (first, last); `since` the first year of an open range, not among `years`;
    `phrases` the words that said the ranges and the open range ("in the 2020s", "2016
    onwards"), which say which documents are meant, not what they say."""

    years: tuple[int, ...] = ()
    ranges: tuple[tuple[int, int], ...] = ()
    since: int | None = None
    phrases: tuple[str, ...] = ()


def _ranges(text: str) -> list[tuple[tuple[int, int], int, int]]:
    """Each range of years in `text`: ((start, end) offsets, first year, last year)."""
    out = []
    for match in _YEAR_RANGE.finditer(text):
        first, last = (g for g in match.groups() if g)
        end = int(first[:2] + last) if len(last) == 2 else int(last)
        if int(first) < end <= int(first) + MAX_RANGE:
            out.append((match.span(), int(first), end))
    for match in _DECADE.finditer(text):
        low, high = _PART[(match.group(1) or "").lower()]
        decade = int(match.group(2)) * 10
        out.append((match.span(), decade + low, decade + high))
    return out


def read_years(text: str) -> YearsTyped:
    """Every form of year in `text` (module docstring)."""
    ranges = _ranges(text)
    spans = [span for span, _, _ in ranges]
    phrases = [text[start:end].strip() for start, end in spans]
    since_at = _ONWARDS.search(text) or _SINCE.search(text) or _SINCE_CLAUSE.search(text)
    since = int(since_at.group(1)) if since_at else None
    if since_at is not None:
        phrases.append(since_at.group().strip())
    found: set[int] = set()
    for match in _YEAR.finditer(text):
        inside = any(start <= match.start() < end for start, end in spans)
        opening = since_at is not None and since_at.start(1) == match.start()
        if not inside and not opening:
            found.add(int(match.group()))
    for _, first, last in ranges:
        found.update(range(first, last + 1))
    spans_read = tuple(dict.fromkeys((first, last) for _, first, last in ranges))
    return YearsTyped(tuple(sorted(found)), spans_read, since, tuple(phrases))


def parse_years(text: str) -> tuple[tuple[int, ...], int | None]:
    """Years named ("2014", "2013-14", "between 2014 and 2016": every year of a range), and the
    first year of an open range ("since 2016") if any, which is not among the years named."""
    typed = read_years(text)
    return typed.years, typed.since


def range_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text names a range of years ("2014-2016"): (start, end) character offsets. A
    year closing a range ("the 2014-2016 inspection") names no inspection of its own."""
    return tuple(span for span, _, _ in _ranges(text))


def in_range(text: str, surface: str) -> bool:
    """`surface` (words of `text`) starts inside a range of years."""
    spans = range_spans(text)
    return any(
        start <= m.start() < end
        for m in re.finditer(re.escape(surface), text, re.I)
        for start, end in spans
    )


def within_index(
    understood: Interpretation, known: frozenset[int]
) -> tuple[Interpretation, tuple[str, ...]]:
    """The reading with each range cut to the years some document is dated ("the 2020s" in an
    index ending 2026: 2020-2026), and a note where years inside the index's span were cut
    ("2016-2019" where only 2018 has documents). A range with no year dated is left as it is,
    for the note that says nothing is dated then and names the nearest (caveats.py)."""
    if not understood.year_ranges or not known:
        return understood, ()
    low, high = min(known), max(known)
    singles = set(understood.years) - {
        y for first, last in understood.year_ranges for y in range(first, last + 1)
    }
    ranges, dropped, notes = [], set(), []
    for first, last in understood.year_ranges:
        held = [y for y in range(first, last + 1) if y in known]
        if not held:
            ranges.append((first, last))
            continue
        ranges.append((held[0], held[-1]))
        dropped |= set(range(first, last + 1)) - set(held)
        inside = [y for y in range(max(first, low), min(last, high) + 1)]
        if len(held) < len(inside):
            listed = ", ".join(map(str, held[:-1])) + " and " * (len(held) > 1) + str(held[-1])
            notes.append(
                f"Of {inside[0]}–{inside[-1]}, documents are dated {listed} only: those are "
                "searched."
            )
    years = tuple(y for y in understood.years if y not in dropped or y in singles)
    return replace(understood, years=years, year_ranges=tuple(ranges)), tuple(notes)


def since_dated(understood: Interpretation, known: frozenset[int]) -> bool:
    """The open range asked, if any, starts in a year some document is dated. "Since the 2012
    inspection" in an index that starts in 2014 admits every document: what says which
    inspection is meant is then its words, as the reports write them ("the 2012 inspection")."""
    return understood.year_from is None or understood.year_from in known


def flag_years(typed: str) -> tuple[int, ...]:
    """A `--year` value as typed: "2019", a range "2019-2021" (either order; en dash too) or a
    financial or academic year "2014/15", "2014-15": every year in it, oldest first. Raises
    OfstedQAError for any other form."""
    found = re.fullmatch(r"\s*(\d+)\s*(?:[-/\u2010-\u2015]\s*(\d+)\s*)?", typed)
    if not found:
        raise OfstedQAError(
            f"--year {typed!r} is not a year or a range of years.",
            hint="e.g. --year 2019, --year 2019-2021 or --year 2014/15",
        )
    first, last = found.group(1), found.group(2)
    if last is None:
        return (int(first),)
    if len(last) == 2 and len(first) == 4:  # "2014/15": the century of the first
        last = first[:2] + last
    low, high = sorted((int(first), int(last)))
    if len(first) != 4 or len(last) != 4 or high - low > MAX_RANGE:
        raise OfstedQAError(
            f"--year {typed!r} is not a range of years.",
            hint="e.g. --year 2019-2021 or --year 2014/15",
        )
    return tuple(range(low, high + 1))
