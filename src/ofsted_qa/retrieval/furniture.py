"""A report's cover lines ("Inspection dates: 11 to 22 May 2026", "Lead inspector: ...",
"Report published: ...", the inspection team's names) are passages of their own, and for a
question naming a council and a year they share its every cue (council, year, "inspection")
while answering nothing else. They are demoted (a visible negative part, `furniture`), unless
the question asks for what they say: a date, an inspector, a publication.

So is the publisher's template: a passage whose exact text stands in TEMPLATE_DOCS documents or
more (what each grade means, how inspectors worked, the licence note; 3,340 passages of the 497
reports) says nothing about any one council ("Newham since the inadequate inspection" was
answered by what "inadequate" means), unless the question asks what a grade means or how the
inspection was done. A judgement table the same in many reports is a council's grades, not
template, and stays."""

from __future__ import annotations

import re

import numpy as np

from ofsted_qa.retrieval.boosts import ChunkFacts
from ofsted_qa.retrieval.query import Interpretation

FURNITURE_PENALTY = 0.6  # taken from a cover line's score: fused ~0-2, a report named +1.0
MAX_CHARS = 120  # a cover line is one short line
TEMPLATE_PENALTY = 0.3  # taken from a template passage's score
TEMPLATE_DOCS = 5  # a passage's text in this many documents or more is the template

_COVER_LINE = re.compile(
    r"^\s*(?:inspection\s+dates?|report\s+published|date\s+of\s+(?:inspection|publication)|"
    r"published|report\s+author|"
    # the inspection team: "Team inspectors: ...", "Senior data analyst: ..."
    r"(?:(?:deputy\s+)?lead|team|shadow|additional|associate|supernumerary|regulatory)\s+"
    r"inspectors?|quality\s+assurance\s+managers?|senior\s+data\s+analysts?|"
    r"senior\s+analytical\s+officers?)\s*:",
    re.I,
)
_ASKS_COVER = re.compile(
    r"\b(?:dates?|when|inspectors?|inspected\s+by|published|publication|lead|who)\b", re.I
)


_ASKS_TEMPLATE = re.compile(
    r"\b(?:mean|means|meaning|meant|definitions?|defined?|descriptors?|criteria|methodology|"
    r"licen[cs]e|copyright|how\s+(?:were|was|are|is|do|did)\s+(?:the\s+)?(?:inspections?|"
    r"inspectors?|reports?)\s+(?:done|carried|conducted|made|work|written))\b",
    re.I,
)
_GRADE = re.compile(r"\b(?:outstanding|good|requires?\s+improvement|inadequate)\b", re.I)
TABLE_GRADES = 3  # grades a judgement table names at least


def is_cover_line(text: str) -> bool:
    return len(text) <= MAX_CHARS and bool(_COVER_LINE.match(text))


def asks_cover(understood: Interpretation) -> bool:
    """The question asks what a cover line says (a date, an inspector, a publication)."""
    return understood.answer == "date" or bool(_ASKS_COVER.search(understood.corrected))


def penalty(facts: ChunkFacts, candidates: np.ndarray, understood: Interpretation) -> np.ndarray:
    """Per candidate (float32): -FURNITURE_PENALTY for a cover line the question does not ask
    about, -TEMPLATE_PENALTY for template it does not ask about (both may apply), else 0."""
    cover = (
        np.zeros(len(candidates), dtype=np.float32)
        if asks_cover(understood)
        else -FURNITURE_PENALTY * facts.marks(candidates, "cover line", is_cover_line)
    )
    if _ASKS_TEMPLATE.search(understood.corrected):
        return cover
    return cover - TEMPLATE_PENALTY * template(facts)[candidates]


def template(facts: ChunkFacts) -> np.ndarray:
    """Per passage of the index (float32 1/0): publisher's template, worked out once per index
    (one grouping query over the passages, ~0.3 s for 58,000) and kept on `facts`."""
    known = facts.kept.get("template")
    if known is None:
        shared = facts.store.shared_passages(TEMPLATE_DOCS)
        ids = np.flatnonzero(shared).tolist()
        for i, text in zip(ids, facts.store.texts(ids), strict=True):
            shared[i] = len(_GRADE.findall(text)) < TABLE_GRADES
        known = facts.kept["template"] = shared.astype(np.float32)
    return known
