"""Today's date, from one place: words of time in a question ("last year", "two years ago")
count back from it. `OFSTED_QA_TODAY` (an ISO date) fixes it, for tests and for asking as of a
given day; unset, it is the system's date."""

from __future__ import annotations

import datetime
import os

from ofsted_qa.errors import OfstedQAError

TODAY_VARIABLE = "OFSTED_QA_TODAY"


def today() -> datetime.date:
    """The date questions are read on. Raises OfstedQAError when `OFSTED_QA_TODAY` is set but
    is not an ISO date (YYYY-MM-DD)."""
    fixed = os.environ.get(TODAY_VARIABLE, "").strip()
    if not fixed:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(fixed)
    except ValueError:
        raise OfstedQAError(
            f"{TODAY_VARIABLE} is {fixed!r}, not a date.", hint="use YYYY-MM-DD, or unset it"
        ) from None
