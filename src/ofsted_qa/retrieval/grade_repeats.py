"""How often a listing's grade must have been given to each council: "which councils have been
inadequate more than once", "outstanding twice", "at least three times", "repeatedly", "every
time", "only once". A listing so asked counts each council's matching inspections and keeps the
councils that meet the count, each council's inspections together (`judgement_listing`).

"Twice" and "three times" are read as at least that many (the answer says so); "in a row" or
"consecutive" asks for inspections one after another, which no count here checks: the answer
says the count is of every such inspection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VALUES = {"once": 1, "twice": 2, "two": 2, "three": 3, "four": 4, "five": 5}
_COUNTED = r"(?:once|twice|(?:two|three|four|five|[2-5])\s+(?:times|inspections))"
_LEAST = re.compile(
    rf"\b(?P<op>at\s+least|more\s+than|over)\s+(?P<n>{_COUNTED})(?!\w)"
    r"|\b(?P<m>twice|(?:two|three|four|five|[2-5])\s+(?:or\s+more\s+)?(?:times|inspections))\b"
    r"|\b(?:repeatedly|again\s+and\s+again|multiple\s+times|several\s+times|more\s+than\s+one\s+"
    r"(?:inspection|time)|time\s+(?:and\s+time\s+)?again)\b",
    re.I,
)
_EVERY = re.compile(
    r"\b(?:every|each)\s+(?:single\s+)?(?:time|inspection)\b|\balways\s+been\b|\bconsistently\b",
    re.I,
)
_ONCE = re.compile(r"\b(?:only|just|exactly)\s+once\b", re.I)
_RUN = re.compile(r"\bin\s+a\s+row\b|\bconsecutive(?:ly)?\b|\bback\s+to\s+back\b|\brunning\b", re.I)


@dataclass(frozen=True)
class Repeat:
    """Each council's count of matching inspections asked for: at least `least`, at most
    `most` (None: no bound); `every`: all its inspections that grade the area gave the grade.
    `said`: the words as typed; `run`: "in a row" asked too (not checked: a note says so)."""

    said: str
    least: int = 1
    most: int | None = None
    every: bool = False
    run: bool = False

    @property
    def reading(self) -> str:
        """What the listing heading adds: "at least twice", "every inspection", "once only"."""
        if self.every:
            return "every inspection"
        if self.most == 1:
            return "once only"
        return {2: "at least twice"}.get(self.least, f"at least {self.least} times")

    def meets(self, matching: int, grading: int) -> bool:
        """A council with `matching` inspections of the grade asked, of `grading` inspections
        that grade the area, meets the count."""
        if self.every:
            return matching == grading and matching > 0
        return matching >= self.least and (self.most is None or matching <= self.most)

    def note(self, area_said: str, grade: str) -> str:
        """The sentence an answer gives about how it read the count: "“more than once” is
        read as councils whose inspections graded overall effectiveness inadequate at least
        twice; ..."."""
        given = grade or "a grade"
        read = (
            f"councils whose every inspection grading {area_said} gave it {given}"
            if self.every
            else f"councils whose inspections graded {area_said} {given} {self.reading}"
        )
        said = f"“{self.said}” is read as {read}; each council's inspections are listed together."
        if self.run:
            said += " Whether they were consecutive is not checked: every such inspection counts."
        return said


def repeat_asked(text: str) -> Repeat | None:
    """The count of inspections per council a question asks for, or None."""
    run = bool(_RUN.search(text))
    if found := _EVERY.search(text):
        return Repeat(found.group(0), every=True, run=run)
    if found := _ONCE.search(text):
        return Repeat(found.group(0), least=1, most=1, run=run)
    found = _LEAST.search(text)
    if not found:
        return Repeat("in a row", least=2, run=True) if run else None
    counted = found.group("n") or found.group("m")
    least = 2  # "repeatedly", "several times"
    if counted:
        first = counted.lower().split()[0]
        least = _VALUES.get(first) or int(first)
        least += 1 if found.group("op") and not found.group("op").lower().startswith("at") else 0
    if least < 2:  # "at least once": any, as a listing is
        return None
    return Repeat(found.group(0), least=least, run=run)
