"""An inspection named by its grade: "since the inadequate inspection", "the outstanding
report", "since it was judged inadequate", "since Newham was rated requires improvement". It is
the council's latest inspection graded so overall (inspections.resolve); in a question of
change it is the baseline, as "since the 2019 inspection" is (baseline.py).
"""

from __future__ import annotations

import re

_GRADE = r"(outstanding|good|inadequate|requires?\s+improvement(?:\s+to\s+be\s+good)?|RI)"
_NOUN = r"(inspections?|reports?|judgements?|judgments?|ratings?|grades?|ofsted)"
# "the inadequate inspection", "its requires improvement judgement"
_THE_GRADED = re.compile(rf"\b(?:the|its|their)\s+{_GRADE}\s+(?:ofsted\s+)?{_NOUN}\b", re.I)
# "since it was judged inadequate", "since being rated inadequate", "since Newham was found to
# be inadequate", "since the council was judged requires improvement"
_SINCE_GRADED = re.compile(
    r"\b(since|after)\s+((?:(?:[\w'’-]+\s+){1,3}(?:was|were|had\s+been|got)|being|getting)\s+"
    rf"(?:(?:judged|rated|graded|found)\s+(?:to\s+be\s+|as\s+)?)?{_GRADE})\b",
    re.I,
)


def grade_of(typed: str) -> str:
    """ "RI", "requires improvement to be good" -> "requires improvement"; else as typed."""
    key = " ".join(typed.lower().split())
    if key == "ri" or key.startswith("require"):
        return "requires improvement"
    return key


def graded(text: str) -> list[tuple[int, str, str, str]]:
    """Each inspection named by grade: (where, surface, canonical grade, "since" cue or "")."""
    found = [
        (m.start(), m.group().strip(), grade_of(m.group(1)), "") for m in _THE_GRADED.finditer(text)
    ]
    for m in _SINCE_GRADED.finditer(text):
        found.append((m.start(2), m.group(2), grade_of(m.group(3)), m.group(1)))
    return found
