"""How a question names an inspection: by year ("the 2018 inspection", "the November 2022
inspection", "Bexley's 2025 visit"), by order ("the last focused visit", "the latest report",
"its last Ofsted", "the previous inspection"), as "the one before", and as the point change is
counted from ("since the 2022 inspection", "since it was last inspected"). Read from the text
alone; inspections.py resolves them against the index.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from ofsted_qa.retrieval.change_cue import over_time
from ofsted_qa.retrieval.graded_refs import graded

_Y = r"(19[89]\d|20[0-4]\d)"
_DOCUMENT = (
    r"focused\s+visits?|monitoring\s+visits?|(?:full\s+|standard\s+|short\s+)?inspections?|"
    r"visits?|(?:inspection\s+)?reports?|letters?"
)
_NOUN = f"({_DOCUMENT}|ofsted)"  # "its last Ofsted" is its last inspection
MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH = rf"(?:({'|'.join(MONTHS)})\s+)?"
_LATEST = r"(last|latest|most\s+recent|newest|previous|earlier|prior|first|earliest|oldest)"
# "the 2018 inspection", "Bexley's 2025 visit", "the 2014 report"
# "the 2018 and 2023 inspections": each year its own reference
_ANY_Y = f"(?:{_Y[1:-1]})"
_BY_YEAR = re.compile(
    rf"\b(?:the\s+)?{_MONTH}({_ANY_Y}(?:\s*(?:,|and|&)\s*{_ANY_Y})*)\s+(?:ofsted\s+)?{_NOUN}\b",
    re.I,
)
_ONE_YEAR = re.compile(_Y)
# "the last focused visit", "the latest report", "the previous inspection", "the previous one"
# ("one": any of its documents)
_ORDER_NOUN = f"({_DOCUMENT}|ofsted|one)"
_BY_ORDER = re.compile(
    rf"\b(?:the\s+|its\s+|their\s+)?{_LATEST}\s+(?:ofsted\s+)?{_ORDER_NOUN}\b", re.I
)
# "the latest", "the previous" with no inspection word, where a council is named: closing the
# question ("stockport the latest", "Stockport's latest") or before the council ("the previous
# for Wiltshire"), that council's latest (previous) inspection; elsewhere "the latest" is a
# recency cue ("the latest on care leavers")
_BARE_ORDER_OF = (
    r"\b(?:the|its|their|(?:{council})(?:['’]s?)?)\s+"
    r"(latest|newest|most\s+recent|last|previous|prior)"
    r"(?=\s*[?.!]*\s*$|\s+(?:for|in|of|from|at|by|about)\s+(?:the\s+)?(?:{council})\b)"
)
_YEAR_WORDS = r"(?!\s+(?:year|month|week|time|summer|winter|spring|autumn))"
# "the last but one", "the penultimate inspection", "the second to last report": the one before
# the latest
_PENULTIMATE = re.compile(
    r"\b(?:the\s+|its\s+|their\s+)?(?:(?:last|latest)\s+but\s+one|penultimate|"
    rf"second[\s-]+(?:to|from)[\s-]+last){_YEAR_WORDS}(?:\s+(?:ofsted\s+)?({_DOCUMENT}|one))?\b",
    re.I,
)
# "the latest Leeds report", "the last Norfolk focused visit", "the first Leeds' inspection":
# the council named between the order and the noun (filled in per question: any word there
# would make "the last two inspections" or "the first care leavers report" a reference)
_BY_ORDER_OF = (
    r"\b(?:the\s+|its\s+|their\s+)?{latest}\s+(?:{council})(?:['’]s?)?\s+(?:ofsted\s+)?{noun}\b"
)
# "the focused visit", "the monitoring visit": a kind of visit named alone means the visits of
# that kind (of the council named, else of the index); "the inspection" or "the report" alone
# is too plain a phrase to mean one ("what did the report say about IROs")
_BY_KIND = re.compile(
    r"\b(?:the|its|their|[\w-]+['’]s?)\s+(focused\s+visit|monitoring\s+visit)\b(?!s)", re.I
)
# "the one before", "the inspection before that", "the one before it"
# "the one before last": the one before the latest ("before last year" is a year)
# "(the one) before the last (one)", "before the latest inspection": the one before the latest,
# with the head or without it
_BEFORE = re.compile(
    rf"\b(?:(?:the\s+)?(one|{_DOCUMENT})\s+)?before(?:\s+(?:that|it|this|then)\b|\s+(?:the\s+)?"
    rf"(last|latest|most\s+recent|newest){_YEAR_WORDS}(?:\s+(?:ofsted\s+)?(one|{_DOCUMENT}))?)?\b",
    re.I,
)

# An inspection named by the one next to it: "the inspection before Leeds' 2022 one", "the one
# after the 2015 report", "the previous inspection to Leeds' 2022 inspection", "the visit
# following its March 2023 inspection". Needs the other inspection's noun: "the inspection
# before 2022" is a year, not an inspection.
_NEXT_TO = re.compile(
    r"\b(?:the\s+|its\s+|their\s+)?(?:(?P<adj>previous|prior|preceding|earlier|next|following|"
    rf"subsequent|later)\s+)?(?P<noun>one|{_DOCUMENT}|ofsted)\s+(?:(?:that\s+)?(?:came|was)\s+)?"
    r"(?P<rel>before|after|prior\s+to|preceding|following|previous\s+to|ahead\s+of|"
    r"earlier\s+than|later\s+than|to)\s+(?:that\s+of\s+)?"
    r"(?:(?:the|its|their)\s+|(?:[\w-]+\s+){0,3}?[\w-]+['’]s?\s+)?"
    rf"(?:(?P<month>{'|'.join(MONTHS)})\s+)?(?P<year>{_ANY_Y})\s+(?:ofsted\s+)?"
    rf"(?P<anchor>one|{_DOCUMENT}|ofsted)\b",
    re.I,
)
_AFTER = ("after", "following", "later than", "next", "subsequent", "later")
# An inspection named as the point change is counted from ("since the 2022 inspection", "since
# Bexley's last visit", "after the 2018 inspection" in a question of change): what changed is
# said by the inspections after it, which look back. "After" alone is when, not since ("what did
# Ofsted recommend after the 2018 inspection"): it counts only in a question of change.
_SINCE = re.compile(r"\b(since|after|following)\s+(?:(?:[\w-]+\s+){0,3}[\w-]+['’]s?\s+)?$", re.I)
# "since it was last inspected", "since Ofsted last visited", "since Trafford was last judged",
# "since it was last inspected in 2019" (that year's inspection)
_LAST_SEEN = re.compile(
    r"\bsince\s+((?:[\w'’-]+\s+){0,4}?(?:(?:was|were|has\s+been|had\s+been)\s+)?last\s+"
    rf"(inspected|visited|judged|graded|rated|came)(?:\s+in\s+{_MONTH}{_Y})?)\b",
    re.I,
)


@dataclass(frozen=True)
class InspectionRef:
    """An inspection named in a question: by year, by order ("latest", "first", "previous")
    or as "the one before" another; `since`: named as the point change is counted from."""

    surface: str  # as typed
    noun: str  # "inspection", "focused visit", "visit", "report", "one"
    year: int | None = None
    # "latest", "first", "before", "after", "any" (every one of its kind); "before" or "after"
    # with a year: the inspection next to that year's (`anchor` its noun)
    order: str = ""
    month: int = 0  # 1-12 where a month was typed before the year ("the November 2022 ...")
    # "since", "after", "following" as typed before it where change since it is asked for
    since: str = ""
    anchor: str = ""  # the noun of the inspection it is next to ("the 2022 one": "inspection")
    grade: str = ""  # named by its overall grade ("the inadequate inspection": graded_refs)

    @property
    def next_to(self) -> bool:
        """Named by the inspection next to it: "the inspection before Leeds' 2022 one"."""
        return self.year is not None and self.order in ("before", "after")

    @property
    def said(self) -> str:
        """As typed with its cue: "since the 2022 inspection"."""
        return f"{self.since} {self.surface}" if self.since else self.surface


def references(text: str, councils: Collection[str] = ()) -> tuple[InspectionRef, ...]:
    """The inspections a question names, in the order typed. "Latest" with no inspection word
    after it ("the latest on care leavers") is a recency cue, not a reference; `councils`, the
    council names as typed in `text`, may stand between ("the latest Leeds report"). A reference
    after "since" (or "after"/"following" in a question of change) is a baseline (`since`);
    the cue stays out of its surface, and so is searched ("since the last inspection" is how
    a report looks back)."""
    found: list[tuple[int, InspectionRef]] = []
    spans = []
    for m in _NEXT_TO.finditer(text):
        ref = _next_to(m)
        if ref is not None:
            found.append((m.start(), ref))
            spans.append((m.start(), m.end()))
    for m in _BY_YEAR.finditer(text):
        if any(start <= m.start() < end for start, end in spans):
            continue
        month = MONTHS.index(m.group(1).lower()) + 1 if m.group(1) else 0
        for year in _ONE_YEAR.findall(m.group(2)):
            ref = InspectionRef(m.group().strip(), _noun(m.group(3)), int(year), month=month)
            found.append((m.start(), ref))
    for m in _by_order(councils).finditer(text):
        if any(start <= m.start() < end for start, end in spans):
            continue
        typed, *named = (g for g in m.groups() if g is not None)  # of any alternative
        found.append((m.start(), _ordered(m.group().strip(), typed, "".join(named))))
    for m in _BY_KIND.finditer(text):
        found.append((m.start(), InspectionRef(m.group().strip(), _noun(m.group(1)), order="any")))
    for m in _PENULTIMATE.finditer(text):
        # "the last but one": an inspection, as "the previous one" is
        kind = _noun(m.group(1)) if m.group(1) and m.group(1).lower() != "one" else "inspection"
        ref = InspectionRef(m.group().strip(), kind, order="before", anchor=kind)
        found.append((m.start(), ref))
    for m in _BEFORE.finditer(text):
        if not (m.group(1) or m.group(2)) or any(s <= m.start() < e for s, e in spans):
            continue  # "before" or "before that" with no inspection named
        if m.group(2):  # "(the one) before the last (one)"
            found.append((m.start(), _before_latest(m, text, found)))
        elif not any(m.start() <= at < m.end() for at, _ in found):
            found.append((m.start(), _before(m, text, found)))
    for m in _LAST_SEEN.finditer(text):
        noun = "visit" if m.group(2).lower() in ("visited", "came") else "inspection"
        month = MONTHS.index(m.group(3).lower()) + 1 if m.group(3) else 0
        year, order = (int(m.group(4)), "") if m.group(4) else (None, "latest")
        ref = InspectionRef(m.group(1), noun, year, order, month, since=m.group()[:5])
        found.append((m.start(1), ref))
    for at, surface, grade, since in graded(text):
        found.append((at, InspectionRef(surface, "inspection", grade=grade, since=since)))
    found = [f for f in found if f[1] is not _COUNTED_FROM]
    return tuple(_since(text, at, ref) for at, ref in sorted(found, key=lambda f: f[0]))


def _ordered(surface: str, typed: str, noun: str) -> InspectionRef:
    """A reference by order: "the previous one" (`typed` "previous", `noun` "one"), "the
    latest" (no noun: a council's, `_BARE_ORDER_OF`). With no inspection word, the latest (or
    first) is of any of its documents and the previous one the inspection before the latest."""
    word = " ".join(typed.lower().split())
    order = "first" if word in ("first", "earliest", "oldest") else "latest"
    if word in ("previous", "earlier", "prior"):
        order = "before"
    if noun.lower() in ("", "one"):
        return InspectionRef(surface, "inspection" if order == "before" else "report", order=order)
    return InspectionRef(surface, _noun(noun), order=order)


def _before_latest(
    m: re.Match[str], text: str, found: list[tuple[int, InspectionRef]]
) -> InspectionRef:
    """ "(The one) before the last (one)", "the inspection before last", "the one before the
    latest Leeds report": the one before the latest, read as one reference (`anchor`: the noun
    of the latest it counts back from); a latest read inside it names nothing of its own."""
    head, tail = m.group(1), m.group(3)
    noun = _noun(head) if head and head.lower() != "one" else "one"
    anchor = _noun(tail) if tail and tail.lower() != "one" else ""
    end = m.end()
    for i, (at, ref) in enumerate(found):
        if m.start() <= at < m.end() and ref.order == "latest":
            found[i] = (at, _COUNTED_FROM)
            if at + len(ref.surface) > end:  # "the latest Leeds report": its noun counts
                end, anchor = at + len(ref.surface), anchor or ref.noun
    anchor = anchor or (noun if noun != "one" else "inspection")
    noun = anchor if noun == "one" else noun  # "the one before the last": an inspection
    surface = " ".join(text[m.start() : end].split())
    return InspectionRef(surface, noun, order="before", anchor=anchor)


def _before(m: re.Match[str], text: str, found: list[tuple[int, InspectionRef]]) -> InspectionRef:
    """ "The one before", or where the latest comes next ("the one before the latest Leeds
    report") the one before the latest, read as one reference (`anchor`: the noun of the latest
    it counts back from); the latest then names nothing of its own."""
    noun = "one" if m.group(1).lower() == "one" else _noun(m.group(1))
    for i, (at, ref) in enumerate(found):
        if ref.order == "latest" and at >= m.end() and not text[m.end() : at].strip():
            found[i] = (at, _COUNTED_FROM)
            surface = " ".join(text[m.start() : at + len(ref.surface)].split())
            return InspectionRef(surface, noun, order="before", anchor=ref.noun)
    return InspectionRef(m.group().strip(), "one", order="before")


# a latest read into the one before it ("the one before the latest report"): left out
_COUNTED_FROM = InspectionRef("", "")


def _by_order(councils: Collection[str]) -> re.Pattern[str]:
    """ "The latest report", and for each council typed "the latest Leeds report" and "the
    latest" (`_BARE_ORDER_OF`)."""
    if not councils:
        return _BY_ORDER
    named = "|".join(re.escape(c) for c in sorted(councils, key=len, reverse=True))
    between = _BY_ORDER_OF.format(latest=_LATEST, council=named, noun=_ORDER_NOUN)
    bare = _BARE_ORDER_OF.format(council=named)
    return re.compile(f"{between}|{_BY_ORDER.pattern}|{bare}", re.I)


def _next_to(m: re.Match[str]) -> InspectionRef | None:
    """The reference a `_NEXT_TO` match makes, or None where its words make none ("the one to
    2022 ...": "to" says which only after "previous" or "next")."""
    relation = " ".join(m.group("rel").lower().split())
    adjective = (m.group("adj") or "").lower()
    if relation == "to" and not adjective:
        return None
    order = "after" if (relation if relation != "to" else adjective) in _AFTER else "before"
    month = MONTHS.index(m.group("month").lower()) + 1 if m.group("month") else 0
    anchor = _noun(m.group("anchor")) if m.group("anchor").lower() != "one" else ""
    noun = "one" if m.group("noun").lower() == "one" else _noun(m.group("noun"))
    anchor = anchor or (noun if noun != "one" else "inspection")
    noun = anchor if noun == "one" else noun  # "the one before the last": an inspection
    surface = " ".join(m.group().split())
    return InspectionRef(surface, noun, int(m.group("year")), order, month, anchor=anchor)


def _since(text: str, at: int, ref: InspectionRef) -> InspectionRef:
    """`ref` (found at `at`) as a baseline where "since" (or, in a question of change, "after")
    comes before it."""
    cue = _SINCE.search(text, 0, at)
    if ref.since or cue is None:
        return ref
    if cue.group(1).lower() != "since" and not over_time(text):
        return ref
    between = " ".join(text[cue.end(1) : at].split())  # "Bexley's"
    surface = f"{between} {ref.surface}" if between else ref.surface
    return replace(ref, surface=surface, since=cue.group(1))


def _noun(typed: str) -> str:
    word = " ".join(typed.lower().split()).removesuffix("s")
    for noun in ("focused visit", "monitoring visit", "visit", "report", "letter"):
        if word.endswith(noun):
            return "visit" if noun == "letter" else noun  # visits are written up as letters
    return "inspection"
