"""A question about change over time ("how has Leeds changed", "Norfolk over time", "since
2014"), answered as a timeline (timeline.py). The cue is a removable chip; its words of change
say how to answer, not what to find, so they are not searched."""

from __future__ import annotations

import re

_CHANGE = (
    r"changed?|changes|changing|improved?|improving|progressed|developed|moved|evolved|"
    r"got\s+(?:better|worse)"
)
_TIME = r"over\s+(?:time|the\s+years)|through\s+the\s+years|trajectory|track\s+record|timeline"
_CUE = re.compile(
    rf"\b(?:how\s+(?:has|have|did|is|are)\b.{{0,80}}?\b(?:{_CHANGE})|changes?\s+(?:over|since|"
    rf"between)|{_TIME}|since\s+(?:19|20)\d\d|history\s+of)\b",
    re.I,
)
_WORDS = re.compile(rf"\b(?:{_CHANGE}|{_TIME}|history\s+of)\b", re.I)


def over_time(text: str) -> str:
    """The cue as typed ("how has Leeds changed", "over time"), or "" for none."""
    found = _CUE.search(text)
    return found.group() if found else ""


def change_words(text: str) -> tuple[str, ...]:
    """The words of change in a question that asks about change (to leave out of the search)."""
    return tuple(m.group() for m in _WORDS.finditer(text)) if over_time(text) else ()
