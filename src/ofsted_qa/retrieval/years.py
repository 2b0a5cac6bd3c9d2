"""Years a question names: single years, ranges ("2014-2016", "between 2014 and 2016",
"2014/15"), each meaning every year in it, and "since YEAR"."""

from __future__ import annotations

import re

# Every year of 1900-2099 is read, the impossible and unknown too ("2099", "1950"): said in a
# note (caveats.py) rather than searched as a number with nothing said.
_Y = r"(19\d\d|20\d\d)"
_YEAR = re.compile(rf"\b{_Y}\b")
# A range of years, every year in it meant: "2014-2016", "2014–16", "2014/15" (a financial or
# academic year), "between 2014 and 2016", "from 2014 to 2016", "2014 to 2016".
_DASH = r"\s*[-/\u2010-\u2015]\s*"
_YEAR_RANGE = re.compile(
    rf"\b{_Y}(?:{_DASH}|\s+(?:to|until|till)\s+)(\d\d|{_Y[1:-1]})\b"
    rf"|\bbetween\s+(?:the\s+years\s+)?{_Y}\s+and\s+{_Y}\b",
    re.I,
)
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
# "since it was judged inadequate in 2015", "since Slough was last inspected in 2019"
_SINCE_CLAUSE = re.compile(
    r"\bsince\s+(?:[\w'’-]+\s+){1,3}?(?:was|were|had\s+been|has\s+been)\s+(?:[\w-]+\s+){1,3}?"
    rf"in\s+(?:{_MONTH}\s+)?{_Y}\b",
    re.I,
)


def parse_years(text: str) -> tuple[tuple[int, ...], int | None]:
    """Years named ("2014", "2013-14", "between 2014 and 2016": every year of a range), and a
    "since YEAR" if any."""
    found = {int(y) for y in _YEAR.findall(text)}
    for match in _YEAR_RANGE.finditer(text):
        first, last = (g for g in match.groups() if g)
        end = int(first[:2] + last) if len(last) == 2 else int(last)
        if int(first) < end <= int(first) + MAX_RANGE:
            found.update(range(int(first), end + 1))
    since = _SINCE.search(text) or _SINCE_CLAUSE.search(text)
    return tuple(sorted(found)), int(since.group(1)) if since else None
