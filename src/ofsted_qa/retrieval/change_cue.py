"""A question about change over time ("how has Leeds changed", "Norfolk over time", "since
2014", "Trafford's Ofsted history", "improvement journey", "track record"), answered as a
timeline (timeline.py). The cue is a removable chip; its words of change say how to answer, not
what to find, so they are not searched.

Words that also name a topic are cues only beside an inspection's words: "Ofsted history",
"history of its inspections", "improvement journey" are, "children's health histories", "a
history of domestic abuse", "case history", "the child's journey" are not; "what has improved"
is, "what should Bexley improve" is not. "has" and "have" may be contracted, with or without
the apostrophe: "what's changed", "whats improved", "how's Leeds changed", "what've they
improved".
"""

from __future__ import annotations

import re

_CHANGE = (
    r"changed?|changes|changing|improved?|improving|progressed|developed|moved|evolved|"
    r"deteriorated|declined|worsened|slipped|(?:got|gotten|getting)\s+(?:better|worse)"
)
# a change that has happened ("what has improved"), not one asked for ("what should it improve")
_CHANGED = (
    r"changed|improved|progressed|developed|evolved|deteriorated|declined|worsened|slipped|"
    r"(?:got|gotten)\s+(?:better|worse)"
)
# what an inspection history is made of: "Ofsted history", "history of its judgements"
_INSPECTED = (
    r"(?:ofsted|inspections?|judgements?|judgments?|ratings?|grades?|gradings?|improvement|"
    r"performance)"
)
# whose, before it: "its", "the", "Bexley's", "Tower Hamlets'"
_WHOSE = r"(?:(?:its|their|the|[\w-]+(?:\s+[\w-]+){0,2}['’]s?)\s+)?"
_TIME = (
    r"over\s+(?:time|the\s+years|the\s+decades?|(?:the\s+)?(?:last|past)\s+(?:\w+\s+)?"
    r"(?:years|decades?))|(?:through|down|across)\s+the\s+years|trajectory|track\s+record|"
    r"timeline|ups\s+and\s+downs"
)
# cues that name what is asked about as well ("improvement journey", "better or worse",
# "Ofsted history"): searched as words too, so a question of only these has words to search
_SEARCHED = (
    r"better\s+or\s+worse|worse\s+or\s+better|"
    rf"{_INSPECTED}\s+(?:history|histories|record|journey)|"
    rf"history\s+(?:of|with)\s+{_WHOSE}{_INSPECTED}|"
    r"journey\s+(?:since|from)\s+(?:the\s+)?(?:(?:19|20)\d\d|inadequate|requires|good|outstanding)|"
    rf"(?:all|every|each)\s+(?:of\s+)?{_WHOSE}(?:ofsted\s+)?inspections?|"
    r"(?:past|previous|earlier|successive)\s+(?:ofsted\s+)?inspections"
)
# "has"/"have" after "what" or "how", or contracted onto it ("what's", "whats", "what've")
_HAS = r"(?:\s+(?:has|have)|['’]?s|['’]ve)\b"
_CUE = re.compile(
    rf"\b(?:how(?:\s+(?:did|is|are)\b|{_HAS}).{{0,80}}?\b(?:{_CHANGE})|"
    rf"what{_HAS}.{{0,60}}?\b(?:{_CHANGED})|"
    rf"(?:{_CHANGED}|changes?)\s+(?:over|since|between)|{_TIME}|{_SEARCHED}|"
    r"since\s+(?:19|20)\d\d)\b",
    re.I,
)
_WORDS = re.compile(rf"\b(?:{_CHANGE}|{_TIME})\b", re.I)


def over_time(text: str) -> str:
    """The cue as typed ("how has Leeds changed", "over time"), or "" for none."""
    found = _CUE.search(text)
    return found.group() if found else ""


def change_words(text: str) -> tuple[str, ...]:
    """The words of change in a question that asks about change (to leave out of the search)."""
    return tuple(m.group() for m in _WORDS.finditer(text)) if over_time(text) else ()
