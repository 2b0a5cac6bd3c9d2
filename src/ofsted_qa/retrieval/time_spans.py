"""Spans of time counted back from today (clock.py) in a question: "in the last year", "over
the past 18 months", "in the last two years", "recently inspected", "since last year". Each is
read as the publication dates of the inspections meant, not as a calendar year ("last year"
alone is one: time_words.py); the reading shows the dates it read.
"""

from __future__ import annotations

import datetime
import re

from ofsted_qa.retrieval.time_words import COUNT_WORDS

# A span counted back from today: "in the last year", "over the past 18 months", "in the last
# two years", "recently inspected", "since last year": inspections published in it, not a
# calendar year ("last year" alone is one). Not "the last year of the plan", "the last years".
_SPAN_COUNT = {**COUNT_WORDS, "eleven": 11, "twelve": 12, "eighteen": 18, "couple of": 2, "few": 3}
_SPAN = re.compile(
    r"\b(?:(?:in|over|during|within|for|from|across)\s+)?the\s+(?:last|past|previous)\s+"
    rf"(?:(?P<count>{'|'.join(_SPAN_COUNT)}|\d{{1,3}})\s+)?(?P<unit>years?|months?)\b"
    r"(?!\s+(?:of|before|after|to)\b|['’])"
    r"|\b(?P<lately>recently|lately)\s+(?:been\s+)?(?:inspected|visited|judged|rated|graded)\b"
    r"|\bsince\s+(?P<calendar>last\s+year)\b",
    re.I,
)
# "how many adoptions were there in the last 12 months": a report's own count of its year, not
# a span of inspections (unless what is counted is councils or inspections)
_REPORTS_COUNT = re.compile(
    r"\b(?:how\s+(?:many|much)|what\s+(?:percentage|proportion|share|number)|number\s+of)\s+"
    r"(?!(?:\w+\s+)?(?:councils?|local\s+authorit|authorities|las\b|inspections?|reports?|"
    r"visits?|times)\b)",
    re.I,
)
RECENTLY_MONTHS = 12  # "recently inspected": the past year, said in the note


def span(text: str, today: datetime.date) -> tuple[datetime.date, str] | None:
    """The first day of a span counted back to `today` and the words that named it ("in the
    past 18 months": 18 months before today; "since last year": 1 January of last year), or
    None. A plural unit needs its count ("over the last years" says no span); a count the
    report gives ("how many adoptions in the last year") is of the report's year: no span."""
    m = _SPAN.search(text)
    if m is None or (not m.group("lately") and _REPORTS_COUNT.search(text)):
        return None
    if m.group("calendar"):
        return datetime.date(today.year - 1, 1, 1), m.group()
    if m.group("lately"):
        return months_before(today, RECENTLY_MONTHS), m.group()
    unit, count = m.group("unit").lower(), (m.group("count") or "").lower()
    if not count and unit.endswith("s"):
        return None
    number = int(_SPAN_COUNT.get(count, count or 1))
    months = number * 12 if unit.startswith("year") else number
    return months_before(today, months), m.group().strip()


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` earlier (the month's last day where it has fewer)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for date in range(day.day, 27, -1):
        try:
            return datetime.date(year, month + 1, date)
        except ValueError:
            continue
    return datetime.date(year, month + 1, min(day.day, 28))
