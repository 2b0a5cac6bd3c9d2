"""The furniture rule of `bench/reading.py`: is a passage (a chunk the index would return) a
running header or footer, a page number, a contents line or a judgement-table fragment?

Written for the bench, independent of the reader's own furniture rules
(`ingest/pdf_layout/furniture.py`, `ingest/boilerplate.py`): regexes over the passage text, plus
one document-level test (a short passage repeated in its document). A flag is a candidate; the
verdicts below say, for flags reviewed by hand, whether the passage is real furniture or real
text the rule mistakes for it (a false positive of the rule); a flag that matches none stays
"unreviewed".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ofsted_qa.ingest.chunking import TABLE_LABEL, Chunk

_APOS = "['’]"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DATE_RANGE = rf"\d{{1,2}}(?: {_MONTH})?(?: \d{{4}})? (?:to|–|-) \d{{1,2}} {_MONTH} \d{{4}}"
_GRADE = r"(?:Outstanding|Good|Requires improvement(?: to be good)?|Inadequate|Adequate)"

PAGE_NUMBER = re.compile(r"(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?", re.I)
# "Inspection of X local authority children's services" (ILACS running header), alone or with
# its "11 to 22 May 2026 3" line glued on; "Inspection report: X, date" (older templates).
_RUNNING_TITLE = (
    rf"Inspection of .{{2,90}}? (?:local authority )?children{_APOS}s (?:social care )?services"
)
FOOTER_GLUED = re.compile(rf"{_RUNNING_TITLE}\s+{_DATE_RANGE}(?:\s+\d{{1,3}})?", re.I)
FOOTER_ALONE = re.compile(
    rf"(?:{_RUNNING_TITLE}|{_DATE_RANGE}(?:\s+\d{{1,3}})?|Inspection report: .{{2,120}})", re.I
)
# Contents: a title then TAB / dot leaders / ellipsis and a page number, or two or more
# "Title 49" pairs run together ("The LSCB 49 Summary of findings 49"), or one short
# capitalised title ending in a page number with no sentence punctuation.
CONTENTS_LEADER = re.compile(r".{3,}?(?:\t|\.{4,}|…)\s*\d{1,3}")
CONTENTS_RUN = re.compile(r"(?:[A-Z][^.!?\d\t]{2,100}? \d{1,3}\s*){2,}")
CONTENTS_ONE = re.compile(r"[A-Z][^.!?:;\d\t]{2,70} \d{1,3}")
# Judgement table: a grade alone, the header row, "area Grade" rows with no TAB, or a
# passage of several area/grade cells with no sentence in it.
GRADE_ALONE = re.compile(rf"{_GRADE}|Grade \d \(\w+\)", re.I)
TABLE_HEADER = re.compile(r"(?:key )?judgements?\s+(?:judgement )?grades?", re.I)
AREA_GRADE = re.compile(
    r"(?:overall effectiveness|the impact of leaders[^.]*?|the experiences and progress of"
    rf"[^.]*?|\d\.\d? [A-Z][^.]*?)(?<!:)(?<! is)(?<! are) {_GRADE}(?=\s|$)"
)
GRADE_CELL_RUN = re.compile(rf"{_GRADE} Grade \d\b")
REPEAT_MAX_CHARS = 120
REPEAT_MIN = 3

# Flags reviewed by hand: (pattern over the passage text, verdict). Real text that the rule
# flags; each is a false positive of the rule, not furniture.
REVIEWED: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^Overall effectiveness Inadequate Grade 4 Capacity to improve Adequate"),
        "real furniture: the 2013 template's 'Record of main findings' grade table (Medway, "
        "last page), cells not TAB-separated, read as one paragraph instead of a table",
    ),
    (
        re.compile(r"Grade \d \((?:inadequate|adequate|good|outstanding)\)", re.I),
        "false positive: the 2013 template states each section's grade on its own line under "
        "the section heading ('Grade 4 (inadequate)'): the judgement itself, not furniture",
    ),
)


def _key(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", text).casefold().split())


def classify(text: str, repeats: int = 1, is_table: bool = False) -> str | None:
    """The furniture category of one passage, or None. `repeats`: how often the passage
    (digits normalised) occurs in its document; `is_table`: the chunker made it a table."""
    t = " ".join(text.split())
    if PAGE_NUMBER.fullmatch(t):
        return "page number"
    if FOOTER_GLUED.search(t) or FOOTER_ALONE.fullmatch(t):
        return "running header/footer"
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if any(CONTENTS_LEADER.fullmatch(ln) for ln in lines) and not is_table:
        return "contents line"
    if not is_table:
        if len(GRADE_CELL_RUN.findall(t)) >= 2 and not re.search(r"[.!?]", t):
            return "judgement-table fragment"  # "Inadequate Grade 4 Capacity to improve ..."
        if GRADE_ALONE.fullmatch(t) or TABLE_HEADER.fullmatch(t):
            return "judgement-table fragment"
        if any(AREA_GRADE.fullmatch(ln) for ln in lines) or (
            len(AREA_GRADE.findall(t)) >= 2 and not re.search(r"[.!?]", t)
        ):
            return "judgement-table fragment"
        if len(lines) == 1 and "\t" in t:
            return "judgement-table fragment"  # one table row left on its own
    if CONTENTS_RUN.fullmatch(t) or CONTENTS_ONE.fullmatch(t):
        return "contents line"
    if repeats >= REPEAT_MIN and len(t) < REPEAT_MAX_CHARS and len(t.split()) > 3:
        return "running header/footer"  # a short passage repeated on page after page
    return None


def verdict(text: str) -> str:
    """The hand verdict on a flagged passage, or 'unreviewed'."""
    return next((why for rx, why in REVIEWED if rx.search(text)), "unreviewed")


def flag_document(src: str, chunks: Sequence[Chunk]) -> list[dict[str, object]]:
    """Every flagged passage of one document (`src` its text): ordinal, label, category, text.
    The rule reads each passage's source span, so its lines and TABs are seen."""
    keys = Counter(_key(c.text) for c in chunks)
    out: list[dict[str, object]] = []
    for c in chunks:
        is_table = c.paragraph.startswith(TABLE_LABEL)
        category = classify(src[c.start : c.end], keys[_key(c.text)], is_table)
        if category:
            out.append(
                {
                    "ordinal": c.ordinal,
                    "label": c.paragraph,
                    "category": category,
                    "text": c.text[:300],
                    "verdict": verdict(c.text),
                }
            )
    return out
