"""A grade asked in as few words as a search box gets: "herts outstanding?", "did essex get
outstanding in 2018", "did croydon get inadequate", "birmingham's overall effectiveness".

Such a question is a council named, a grade (or the overall effectiveness judgement, which is
nothing but a grade), and only the words that ask for one ("did", "get", "was", "ever",
"rated"); a word about anything else ("herts outstanding practice", "leeds care leavers")
leaves it to the passages.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ofsted_qa.retrieval.judgement_listing import grade_named

_GRADE_PHRASE = re.compile(
    r"\b(?:outstanding|good|inadequate|failing|requires?\s+improvement(?:\s+to\s+be\s+good)?|"
    r"ri)\b",
    re.I,
)
# the judgement areas a grade is asked of, longest first ("children in care" before "care")
_AREA_PHRASE = re.compile(
    r"\b(?:overall\s+(?:effectiveness|judge?ments?|grades?|ratings?)|overall|"
    r"(?:the\s+)?impact\s+of\s+leaders|leadership|leaders|help\s+and\s+protection|"
    r"children\s+in\s+care|care\s+leavers|children\s+looked\s+after|looked\s+after\s+children)\b",
    re.I,
)
_OVERALL = re.compile(r"\boverall\b", re.I)
_YEAR = re.compile(r"\b(?:in\s+|since\s+|from\s+)?(?:19|20)\d\d\b")
# the words that only ask for a grade, around the council, the grade and the area
_GLUE = frozenset(
    "did does do has have had was were is are get got gets receive received achieve achieved "
    "been ever still now currently rated judged graded given awarded found an a the in for of "
    "at its their ofsted by as ofsted's inspection inspections last latest recent recently "
    "council's council city county borough children's childrens services service s "
    "how many times often".split()
)


def asks_tersely(text: str, councils_typed: Collection[str]) -> bool:
    """The question is a council named (one of `councils_typed`, as typed in `text`) with a
    grade or "overall effectiveness", and nothing else but the words that ask for a grade."""
    folded = f" {text.lower().replace(chr(0x2019), chr(39))} "
    found = False
    for typed in sorted(councils_typed, key=len, reverse=True):
        key = typed.lower().replace(chr(0x2019), chr(39))
        folded, n = re.subn(rf"(?<!\w){re.escape(key)}(?!\w)", " ", folded)
        found = found or n > 0
    if not found:
        return False
    graded = bool(grade_named(folded) or _GRADE_PHRASE.search(folded))
    if not (graded or _OVERALL.search(folded)):
        return False
    rest = _AREA_PHRASE.sub(" ", _GRADE_PHRASE.sub(" ", _YEAR.sub(" ", folded)))
    words = re.findall(r"[\w']+", rest)
    return all(w.strip("'").removesuffix("'s") in _GLUE | {""} for w in words)
