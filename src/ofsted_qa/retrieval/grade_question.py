"""Whether a question asks for a grade: in the field's words ("how was Leeds rated", "what
grades did Norfolk get in 2023", "the verdict on care leavers in 2014", "which councils were
inadequate"), or in other words about a council or an inspection named ("what did Ofsted give
Hartlepool in 2024", "what was Leeds awarded", "what did Bexley get in 2018", "the outcome of
Leeds' 2022 inspection", "Bexley's Ofsted result").

Verbs of giving and receiving ask for a grade only where the council (or "it", "the council")
is who got it: "what did care leavers get", "what support did Ofsted say care leavers
receive" and "what did Ofsted give care leavers" ask about services, not grades.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ofsted_qa.retrieval.grade_terse import asks_tersely
from ofsted_qa.retrieval.judgement_listing import asks_which, grade_named
from ofsted_qa.retrieval.query import Interpretation
from ofsted_qa.retrieval.region_grades import grade_text
from ofsted_qa.retrieval.time_words import asks_when_last, asks_yes_no_grade

_ASKS_GRADE = re.compile(
    r"\b(?:rated|rating|ratings|rate|graded|grades?|grading|verdicts?|judgements?|judgments?|"
    r"judged|scored?|how\s+did\s+\S+(?:\s+\S+){0,4}\s+(?:do|fare))\b",
    re.I,
)
# "Bexley's Ofsted result", "the outcome of Leeds' 2022 inspection": an inspection's result
_RESULT_OF_INSPECTION = re.compile(
    r"\b(?:ofsted|inspection|ilacs)\s+(?:results?|outcomes?)\b"
    r"|\b(?:results?|outcomes?)\s+(?:of|from)\s+(?:(?:the|its|their|[\w-]+['’]s?)\s+){0,3}"
    r"(?:(?:19|20)\d\d\s+)?(?:ofsted|ilacs|(?:full\s+)?inspection)\b",
    re.I,
)
_WHAT = r"\bwhat\s+(?:(?:grades?|ratings?|results?|outcomes?|judgements?|scores?)\s+)?"
# what follows the verb when the grade is not what was got: "get from", "receive as"
# ("what did Leeds get wrong": a topic)
_NOT_A_GRADE_AFTER = (
    r"(?!\s+(?:from|for|to|as|when|with|out|back|in\s+terms|wrong|right|correct|done|better|"
    r"worse|rid|up|into|away|involved|on\s+with|told|asked|taught|paid|used))"
)
# "what did Bexley get", "what has Leeds received", "what did Norfolk achieve"
_RECEIVED = re.compile(
    rf"{_WHAT}(?:(?:did|does|do)\s+(?P<who>.{{1,60}}?)\s+(?:get|receive|achieve|score|gain|earn)"
    rf"|(?:has|have|had)\s+(?P<had>.{{1,60}}?)\s+(?:got|received|gained|earned|been\s+given|"
    rf"been\s+awarded))\b{_NOT_A_GRADE_AFTER}",
    re.I,
)
# "what did Ofsted give Hartlepool in 2024", "what grade did inspectors award it"
_GIVEN_BY_OFSTED = re.compile(
    rf"{_WHAT}(?:did|does|has|have|had)\s+(?:ofsted|hmi|(?:the\s+)?inspectors?|"
    r"the\s+(?:(?:19|20)\d\d\s+)?inspection)\s+(?:give|given|award|awarded|assign|assigned)\s+"
    r"(?P<who>.{1,60}?)(?=\s+(?:in|at|for|after|during|on|when|(?:19|20)\d\d)\b|\s*[?.!]*\s*$)",
    re.I,
)
# "what was Leeds awarded in 2022", "what were they given"
_GIVEN_TO = re.compile(
    rf"{_WHAT}(?:was|were|is|are)\s+(?P<who>.{{1,60}}?)\s+(?:given|awarded|assigned)\b"
    rf"{_NOT_A_GRADE_AFTER}",
    re.I,
)
# "where does Leeds stand with Ofsted", "how do Hull stand in Ofsted's eyes"
_STANDING_WITH_OFSTED = re.compile(
    r"\b(?:where|how)\s+(?:does|do|did|is|are)\s+(?P<who>.{1,60}?)\s+(?:stand|standing)\s+"
    r"(?:with|according\s+to|in\s+the\s+eyes\s+of|in)\s+(?:ofsted|inspectors|hmi)\b",
    re.I,
)
# An inspection's result named bare, beside the council: "Leeds outcome 2022", "Norfolk's
# latest result", "what was the outcome for Leeds". Only where every other word frames it:
# "outcomes for care leavers in Leeds" (outcomes for children) and "the result of the audit"
# are topics.
_RESULT_NOUN = re.compile(r"\b(?:outcomes?|results?|scores?)\b", re.I)
_RESULT_FRAME = frozenset(
    "what whats what's was is were are did does the a an its their of for in from at on to "
    "ofsted ofsted's inspection inspections inspection's ilacs sif overall latest last recent "
    "most newest previous first get got".split()
)
# words that name the council or its services around its name: "Leeds City Council",
# "Leeds children's services", "it", "the local authority"
_COUNCIL_WORDS = frozenset(
    "the it its they them their council city county borough metropolitan district royal "
    "children's childrens services service social care local authority la".split()
)
_ALWAYS_A_COUNCIL = frozenset({"it", "they", "them", "council", "authority", "la"})


def asks_for_grades(text: str, councils_typed: Collection[str] = ()) -> bool:
    """The question asks for a grade or rating, or which councils had one, or whether one has
    a grade ("is Leeds inadequate"). `councils_typed`: the council names as typed in `text`; a
    grade asked in other words ("what did Ofsted give Hartlepool") counts only where one of them
    (or "it", "the council") is who got it."""
    return (
        in_field_words(text)
        or asks_in_other_words(text, councils_typed)
        or asks_yes_no_grade(text)
        or asks_tersely(text, councils_typed)  # "herts outstanding?"
    )


def in_field_words(text: str) -> bool:
    """ "how was Leeds rated", "the verdict on care leavers", "which councils are inadequate":
    a grade asked for in the field's words, of a council or of none (a listing)."""
    return bool(_ASKS_GRADE.search(text)) or (asks_which(text) and bool(grade_named(text)))


def asks_in_other_words(text: str, councils_typed: Collection[str]) -> bool:
    """ "what did Bexley get", "what did Ofsted give Hartlepool", "what was Leeds awarded",
    "Bexley's Ofsted result": a grade asked for without the field's words."""
    if _RESULT_OF_INSPECTION.search(text) or _bare_result(text, councils_typed):
        return True
    for pattern in (_RECEIVED, _GIVEN_BY_OFSTED, _GIVEN_TO, _STANDING_WITH_OFSTED):
        for match in pattern.finditer(text):
            who = next(g for g in match.groups() if g is not None)
            if _is_council(who, councils_typed):
                return True
    return False


def grade_question(understood: Interpretation) -> bool:
    """`asks_for_grades` of a reading: its corrected text, a region named read as its
    councils (`region_grades`: "London boroughs", "Yorkshire outstanding 2025"), and the
    councils it names."""
    return asks_for_grades(grade_text(understood), [typed for typed, _ in understood.council_words])


def asks_for_cards(understood: Interpretation) -> bool:
    """A grade question, or "when was Hull last inspected" with a council named and its latest
    inspection resolved: its card says when it was on site and published."""
    return grade_question(understood) or bool(
        understood.councils and understood.report_ids and asks_when_last(understood.corrected)
    )


def _bare_result(text: str, councils_typed: Collection[str]) -> bool:
    """ "Leeds outcome 2022", "what was Norfolk's latest result": a result noun, a council
    named, and nothing else but framing words and years."""
    if not _RESULT_NOUN.search(text):
        return False
    rest = _RESULT_NOUN.sub(" ", _folded(text))
    rest = re.sub(r"\b(?:19|20)\d\d\b|[?.!,:;]", " ", rest)
    left = " ".join(w for w in rest.split() if w not in _RESULT_FRAME)
    return bool(left) and _is_council(left, councils_typed)


def _is_council(who: str, councils_typed: Collection[str]) -> bool:
    """`who` (words as typed) is a council named, or "it"/"the council", with nothing more
    than the words that go with a council's name ("Leeds City Council", "Leeds's services")."""
    text = f" {_folded(who)} "
    for typed in sorted(councils_typed, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(_folded(typed))}(?!\w)", " | ", text)
    found = "|" in text
    rest = [w.strip("'") for w in text.replace("|", " ").split()]
    rest = [w for w in rest if w not in ("", "s")]  # "Leeds'", "Bexley 's"
    if any(w not in _COUNCIL_WORDS and w.removesuffix("'s") not in _COUNCIL_WORDS for w in rest):
        return False
    return found or any(w.removesuffix("'s") in _ALWAYS_A_COUNCIL for w in rest)


def _folded(text: str) -> str:
    return text.lower().replace("\u2019", "'")
