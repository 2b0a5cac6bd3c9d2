"""A grade asked in as few words as a search box gets: "herts outstanding?", "did essex get
outstanding in 2018", "did croydon get inadequate", "birmingham's overall effectiveness",
"when was leeds outstanding".

Such a question is a council named, a grade (or the overall effectiveness judgement, which is
nothing but a grade), the judgement areas (`judgement_terms`) and years it is asked of, and
only the words that ask for one ("did", "get", "was", "ever", "rated"); a word about anything
else ("herts outstanding practice", "leeds care leavers") leaves it to the passages.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ofsted_qa.retrieval.judgement_listing import grade_named
from ofsted_qa.retrieval.judgement_terms import without_areas

_GRADE_PHRASE = re.compile(
    r"\b(?:outstanding|good|inadequate|failing|requires?\s+improvement(?:\s+to\s+be\s+good)?|"
    r"ri)\b"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# the words that only ask for a grade, around the council, the grade and the area (as
# `name_key` spells them: "birmingham's" is "birmingham s")
_GLUE = frozenset(
    "did does do has have had was were is are get got gets receive received achieve achieved "
    "been ever still now currently rated judged graded given awarded found an a the in for of "
    "at its their ofsted by as since inspection inspections last latest recent recently s "
    "council city county borough children childrens services service how many times often "
    "when what which year years or not overall".split()
)


def asks_tersely(text: str, councils_typed: Collection[str]) -> bool:
    """The question is a council named (one of `councils_typed`, as typed in `text`) with a
    grade or "overall effectiveness", and nothing else but the areas and years it is asked of
    and the words that ask for a grade."""
    folded = f" {text.lower().replace(chr(0x2019), chr(39))} "
    found = False
    for typed in sorted(councils_typed, key=len, reverse=True):
        key = typed.lower().replace(chr(0x2019), chr(39))
        folded, n = re.subn(rf"(?<!\w){re.escape(key)}(?!\w)", " ", folded)
        found = found or n > 0
    if not found:
        return False
    return only_a_grade(folded)


def only_a_grade(text: str) -> bool:
    """`text` (a question with its places taken out) names a grade or "overall effectiveness"
    and holds nothing else but the areas and years it is asked of and the words that ask for
    a grade."""
    folded = f" {text.lower().replace(chr(0x2019), chr(39))} "
    rest = without_areas(_YEAR.sub(" ", folded))
    graded = bool(grade_named(folded) or _GRADE_PHRASE.search(rest))
    if not (graded or re.search(r"\boverall\b", folded)):
        return False
    return set(_GRADE_PHRASE.sub(" ", rest).split()) <= _GLUE
