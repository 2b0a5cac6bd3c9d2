"""Words of time in a question, read as the dates and inspections they mean.

- Years counted back from today (clock.py): "last year", "this year", "the past year", "two
  years ago", "the year before last"; short years: "18/19" (a financial or academic year: both
  years), "2k19". Each is a year like a typed one, its words framing, not searched.
- How things stand: "still", "at present", "presently", "as things stand", "any more" mean what
  "now" means (query.py): each named council's latest documents, each council's latest grade.
- "When was Hull last inspected", "when did Ofsted last visit", "most recently inspected": the
  council's latest inspection, like "the latest report" (inspection_refs.py).
- A month named with its year ("March 2019"): the month word counts only in documents dated
  that year; alone it would pull every cover page of a March in any year.
- Grade questions: "is Leeds inadequate", "is X still good" ask for a council's grade; present
  tense with no year in a listing ("which councils are inadequate") asks for each council's
  latest grade, past tense ("were") for every inspection.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

import numpy as np

from ofsted_qa.index.lexical_index import terms
from ofsted_qa.retrieval.inspection_refs import MONTHS, InspectionRef

COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_AGO = re.compile(rf"\b({'|'.join(COUNT_WORDS)}|\d{{1,2}})\s+years?\s+ago\b", re.I)
# "in the last year" is the twelve months before a report's count, not last calendar year
_RELATIVE = re.compile(
    r"\b(?:(?:the\s+)?year\s+before\s+last|(?<!the\s)(last|this|past)\s+year)\b", re.I
)
# "18/19", "18-19": consecutive two-digit years, not ages ("16-17 year olds", "aged 18-19")
# nor part of a date or a longer number
_PAIR = re.compile(
    r"(?<![\w/.£$,-])(?<!aged\s)(?<!ages\s)(\d\d)\s*[/\u2010-\u2015-]\s*(\d\d)(?![\w/.%,-])"
    r"(?!\s*-?\s*years?[\s-]*olds?)",
    re.I,
)
_K_YEAR = re.compile(r"\b2k(\d\d)\b", re.I)
_MONTH_YEAR = re.compile(
    rf"\b({'|'.join(MONTHS)}|sept?|oct|nov|dec|jan|feb|mar|apr|jun|jul|aug)\s+(?:of\s+)?"
    r"((?:19|20)\d\d)\b",
    re.I,
)
# "still", "at present", "as things stand", "inadequate any more" (at the end: "any more
# support" is an amount)
_STANDING = re.compile(
    r"\b(?:still|at\s+present|presently|as\s+things\s+stand|as\s+it\s+stands)\b"
    r"|\bany\s?more\b(?=\s*[?.!]*\s*$)",
    re.I,
)
# "when was Hull last inspected", "when did Ofsted last visit Leeds", "most recently inspected",
# "last rated": the latest inspection (graded, for a grade verb)
_LAST_SEEN = re.compile(
    r"\b(?:last|most\s+recently|latest)\s+(inspect(?:ed|ion)?|visit(?:ed)?|rated?|judged?|"
    r"graded?|assessed)\b(?!\s+(?:report|letter|visit|inspection)s?\b)",
    re.I,
)
_GRADES = r"(?:outstanding|good|inadequate|requires?\s+improvement|failing)"
# "is Herefordshire inadequate", "is Leeds still outstanding", "has Slough been inadequate"
# ... the grade closing the question, or an area after it ("good for care leavers"): "is
# Bexley any good at keeping kids safe" asks about practice, not for a grade
_YES_NO_GRADE = re.compile(
    r"^\s*(?:is|are|was|were|has|have|remains?)\s+(?!there\b|it\b|this\b|that\b)\S+"
    r"(?:\s+\S+){0,5}?\s+(?:been\s+|rated\s+|judged\s+|graded\s+|still\s+|now\s+|"
    rf"currently\s+)*{_GRADES}(?:\s+for\s+[\w\s'’-]{{3,60}}?)?"
    r"(?:,?\s+(?:still|now|currently|today|any\s?more|at\s+present|these\s+days|"
    r"as\s+(?:things|it)\s+stands?))*\s*[?.!]*\s*$",
    re.I,
)
_PRESENT = re.compile(r"\b(?:are|is|stand|stands|remain|remains)\b", re.I)
_PAST = re.compile(
    r"\b(?:were|was|been|had|ever|went|became|got|received|used\s+to)\b|\b(?:19|20)\d\d\b", re.I
)


def relative_years(text: str, today: datetime.date) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Years named relative to `today` ("last year": the year before today's; "two years ago";
    "the year before last"; "this year"), and the words that named them."""
    found: dict[int, None] = {}
    said: list[str] = []
    for m in _RELATIVE.finditer(text):
        back = 2 if m.group(1) is None else int(m.group(1).lower() != "this")
        found[today.year - back] = None
        said.append(m.group())
    for m in _AGO.finditer(text):
        count = m.group(1).lower()
        found[today.year - int(COUNT_WORDS.get(count, count))] = None
        said.append(m.group())
    return tuple(found), tuple(said)


def short_years(text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Years written short: "18/19" (both years), "2k19"; and the words that named them."""
    found: dict[int, None] = {}
    said: list[str] = []
    for m in _PAIR.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        if second == (first + 1) % 100:
            century = 1900 if first >= 80 else 2000
            found.update(dict.fromkeys((century + first, century + first + 1)))
            said.append(m.group())
    for m in _K_YEAR.finditer(text):
        found[2000 + int(m.group(1))] = None
        said.append(m.group())
    return tuple(found), tuple(said)


def dated(text: str, today: datetime.date) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Years named in words or short (`relative_years`, `short_years`) and the words that named
    them, which are framing: they date the question, they are not searched."""
    relative, said = relative_years(text, today)
    short, written = short_years(text)
    return tuple(dict.fromkeys(relative + short)), said + written


def since_year(text: str, today: datetime.date) -> int | None:
    """The year of "since last year", "since two years ago": documents of it or later."""
    for m in re.finditer(r"\bsince\s+", text, re.I):
        years, said = relative_years(text[m.end() :], today)
        if said and text[m.end() :].lower().startswith(said[0].lower()):
            return min(years)
    return None


def without_dates(text: str) -> str:
    """The text less the words of time `dated` reads ("Leeds two years ago": "Leeds")."""
    for pattern in (_RELATIVE, _AGO, _PAIR, _K_YEAR):
        text = pattern.sub(" ", text)
    return text


_YEAR_FORMS = re.compile(
    r"(?<![\w/])(?:19|20)\d\d(?:\s*(?:[-–/]|to)\s*(?:(?:19|20)\d\d|\d\d))?(?![\w/])"
    r"|\bonwards?\b",
    re.I,
)


def without_years(text: str) -> str:
    """The text less its years and year forms ("2014", "2014/15", "2014-2016", "onwards")."""
    return _YEAR_FORMS.sub(" ", text)


def standing(text: str) -> str:
    """The words asking how things stand ("still", "at present", "any more") as typed, or ""."""
    found = _STANDING.search(text)
    return found.group() if found else ""


def last_seen(text: str, found: Sequence[InspectionRef]) -> tuple[InspectionRef, ...]:
    """ "last inspected", "last visit" (in "when did Ofsted last visit"), "most recently
    inspected" as the latest inspection, where no reference `found` already holds the words
    ("since it was last inspected" is a baseline). A grade verb ("last rated") means the latest
    full inspection; inspecting or visiting, any inspection or visit."""
    out = []
    for m in _LAST_SEEN.finditer(text):
        if any(m.group().lower() in ref.surface.lower() for ref in found):
            continue
        verb = m.group(1).lower()
        noun = "report" if verb.startswith(("inspect", "visit")) else "inspection"
        out.append(InspectionRef(m.group(), noun, order="latest"))
    return tuple(out)


def asks_when_last(text: str) -> bool:
    """ "When was Hull last inspected": the date of the latest inspection asked for."""
    return bool(re.search(r"\bwhen\b", text, re.I) and _LAST_SEEN.search(text))


def asks_yes_no_grade(text: str) -> bool:
    """ "is Herefordshire inadequate", "is Leeds still outstanding": a grade asked about,
    yes or no."""
    return bool(_YES_NO_GRADE.search(text))


def present_tense(text: str) -> bool:
    """The question asks in the present tense with no year or past verb ("which councils are
    inadequate", "how many councils remain outstanding"): how things stand now."""
    return bool(_PRESENT.search(text)) and not _PAST.search(text)


def month_words(text: str) -> tuple[tuple[str, int], ...]:
    """The search terms of months named with their year ("March 2019": ("march", 2019))."""
    out: dict[tuple[str, int], None] = {}
    for m in _MONTH_YEAR.finditer(text):
        for term in terms(m.group(1)):
            out[(term, int(m.group(2)))] = None
    return tuple(out)


def month_gate(
    scores: np.ndarray,
    month_scores: dict[str, np.ndarray],
    months: Sequence[tuple[str, int]],
    doc_years: Sequence[frozenset[int]],
    chunk_doc: np.ndarray,
) -> np.ndarray:
    """`scores` (BM25 per passage) less each month word's part (`month_scores`, BM25 of that
    word alone: BM25 adds up over terms) in passages of documents not dated its year."""
    out = scores.copy()
    for term, year in months:
        if term not in month_scores:
            continue
        of_year = np.array([year in years for years in doc_years], dtype=bool)
        out -= np.where(of_year[chunk_doc], 0.0, month_scores[term]).astype(out.dtype)
    return out
