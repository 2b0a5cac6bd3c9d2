"""A report's cover lines ("Inspection dates: 11 to 22 May 2026", "Lead inspector: ...",
"Report published: ...") are passages of their own, and for a question naming a council and a
year they share its every cue (council, year, "inspection") while answering nothing else. They
are demoted (a visible negative part, `furniture`), unless the question asks for what they say:
a date, an inspector, a publication."""

from __future__ import annotations

import re

import numpy as np

from ofsted_qa.retrieval.boosts import ChunkFacts
from ofsted_qa.retrieval.query import Interpretation

FURNITURE_PENALTY = 0.3  # taken from a cover line's score (fused scores are ~0-2)
MAX_CHARS = 120  # a cover line is one short line

_COVER_LINE = re.compile(
    r"^\s*(?:inspection\s+dates?|lead\s+inspector|report\s+published|"
    r"date\s+of\s+(?:inspection|publication)|published)\s*:",
    re.I,
)
_ASKS_COVER = re.compile(
    r"\b(?:dates?|when|inspectors?|inspected\s+by|published|publication|lead|who)\b", re.I
)


def is_cover_line(text: str) -> bool:
    return len(text) <= MAX_CHARS and bool(_COVER_LINE.match(text))


def asks_cover(understood: Interpretation) -> bool:
    """The question asks what a cover line says (a date, an inspector, a publication)."""
    return understood.answer == "date" or bool(_ASKS_COVER.search(understood.corrected))


def penalty(facts: ChunkFacts, candidates: np.ndarray, understood: Interpretation) -> np.ndarray:
    """Per candidate: -FURNITURE_PENALTY for a cover line the question does not ask about,
    else 0."""
    if asks_cover(understood):
        return np.zeros(len(candidates), dtype=np.float32)
    return -FURNITURE_PENALTY * facts.marks(candidates, "cover line", is_cover_line)
