"""How often a listing's grade must have been given to each council: "which councils have been
inadequate more than once", "outstanding twice", "at least three times", "repeatedly", "every
time", "only once". A listing so asked counts each council's matching inspections and keeps the
councils that meet the count, each council's inspections together (`judgement_listing`).

"Twice" and "three times" are read as at least that many (the answer says so); "in a row",
"consecutive" or "back to back" asks for that many one after another among the council's
inspections that grade the area (at least two where no number is given).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

_VALUES = {"once": 1, "twice": 2, "two": 2, "three": 3, "four": 4, "five": 5}
_COUNTED = r"(?:once|twice|(?:two|three|four|five|[2-5])\s+(?:times|inspections))"
_LEAST = re.compile(
    rf"\b(?P<op>at\s+least|more\s+than|over)\s+(?P<n>{_COUNTED})(?!\w)"
    r"|\b(?P<m>twice|(?:two|three|four|five|[2-5])\s+(?:or\s+more\s+)?"
    r"(?:(?:consecutive|successive)\s+)?(?:times|inspections))\b"
    r"|\b(?:repeatedly|again\s+and\s+again|multiple\s+times|several\s+times|more\s+than\s+one\s+"
    r"(?:inspection|time)|time\s+(?:and\s+time\s+)?again)\b",
    re.I,
)
_EVERY = re.compile(
    r"\b(?:every|each)\s+(?:single\s+)?(?:time|inspection)\b|\balways\s+been\b|\bconsistently\b",
    re.I,
)
_ONCE = re.compile(r"\b(?:only|just|exactly)\s+once\b", re.I)
_RUN = re.compile(
    r"\bin\s+a\s+row\b|\b(?:consecutive|successive)(?:ly)?\b|\bback\s+to\s+back\b"
    r"|\b(?:times|inspections)\s+running\b",
    re.I,
)


@dataclass(frozen=True)
class Repeat:
    """Each council's count of matching inspections asked for: at least `least`, at most
    `most` (None: no bound); `every`: all its inspections that grade the area gave the grade.
    `said`: the words as typed; `run`: "in a row": `least` one after another."""

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
        times = {2: "at least twice"}.get(self.least, f"at least {self.least} times")
        return f"{times} in a row" if self.run else times

    def kept(self, graded: Sequence[tuple[T, bool]]) -> list[T]:
        """Of one council's inspections that grade the area (oldest first, each with whether
        it gave the grade asked), those the listing keeps: its matching ones where the
        council meets the count, else none; with `run`, those in runs of `least` or more."""
        if self.run:
            kept: list[T] = []
            run: list[T] = []
            for item, matches in graded:
                if matches:
                    run.append(item)
                    continue
                kept += run if len(run) >= self.least else []
                run = []
            return kept + (run if len(run) >= self.least else [])
        matching = [item for item, matches in graded if matches]
        if self.every:
            met = len(matching) == len(graded) and bool(matching)
        else:
            met = len(matching) >= self.least and (self.most is None or len(matching) <= self.most)
        return matching if met else []

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
        return f"“{self.said}” is read as {read}; each council's inspections are listed together."


def repeat_asked(text: str) -> Repeat | None:
    """The count of inspections per council a question asks for, or None."""
    in_a_row = _RUN.search(text)
    run = bool(in_a_row)
    if found := _EVERY.search(text):
        return Repeat(found.group(0), every=True)  # one after another, as every one is
    if found := _ONCE.search(text):
        return Repeat(found.group(0), least=1, most=1)
    found = _LEAST.search(text)
    if not found:
        return Repeat(in_a_row.group(0), least=2, run=True) if in_a_row else None
    counted = found.group("n") or found.group("m")
    least = 2  # "repeatedly", "several times"
    if counted:
        first = counted.lower().split()[0]
        least = _VALUES.get(first) or int(first)
        least += 1 if found.group("op") and not found.group("op").lower().startswith("at") else 0
    if least < 2:  # "at least once": any, as a listing is
        return None
    said = found.group(0)
    if in_a_row and abs(in_a_row.start() - found.end()) < 2:  # "twice in a row"
        said = text[found.start() : in_a_row.end()]
    return Repeat(said, least=least, run=run)
