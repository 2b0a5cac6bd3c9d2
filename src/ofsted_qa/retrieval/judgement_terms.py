"""The words people use for judgement areas and grades, read into the canonical values the
report facts use (`ingest.facts.AREAS`, `GRADES`); councils are matched in `councils`.

Vocabulary is data: a friendly name may stand for several areas, because frameworks judge the
same subject under different headings (SIF's "children looked after" is ILACS's "children in
care"; the 2013 looked after children inspections graded their "outcomes"); the report's own
wording stays on every row, so nothing is conflated silently.
"""

from __future__ import annotations

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.ingest.facts import AREAS, GRADES
from ofsted_qa.ingest.facts.authorities import name_key

# A human label for each canonical area, as a row shows it.
AREA_LABELS: dict[str, str] = {
    "overall_effectiveness": "overall effectiveness",
    "impact_of_leaders": "impact of leaders",
    "help_and_protection": "help and protection",
    "in_care": "children in care",
    "care_leavers": "care leavers",
    "children_looked_after": "children looked after",
    "adoption": "adoption",
    "leadership_management_governance": "leadership, management and governance",
    "lscb": "LSCB",
    "capacity_to_improve": "capacity to improve",
    "looked_after_outcomes": "outcomes for looked after children",
    "quality_of_provision": "quality of provision",
    "leadership_and_management": "leadership and management",
}

# Friendly names (after `name_key`) -> the areas they mean.  Each key of AREAS, spaced, and each
# label above are accepted too.
_AREA_WORDS: dict[str, tuple[str, ...]] = {
    "overall": ("overall_effectiveness",),
    "overall judgement": ("overall_effectiveness",),
    "leaders": (
        "impact_of_leaders",
        "leadership_management_governance",
        "leadership_and_management",
    ),
    "leadership": (
        "impact_of_leaders",
        "leadership_management_governance",
        "leadership_and_management",
    ),
    "help": ("help_and_protection",),
    "protection": ("help_and_protection",),
    "children who need help and protection": ("help_and_protection",),
    "care": ("in_care", "children_looked_after"),
    "in care": ("in_care", "children_looked_after"),
    "children in care": ("in_care", "children_looked_after"),
    "looked after": ("children_looked_after", "in_care", "looked_after_outcomes"),
    "looked after children": ("children_looked_after", "in_care", "looked_after_outcomes"),
    "cla": ("children_looked_after", "in_care", "looked_after_outcomes"),
    "lac": ("children_looked_after", "in_care", "looked_after_outcomes"),
    "leaving care": ("care_leavers",),
    "care experienced": ("care_leavers",),
    "care experienced young people": ("care_leavers",),
    "capacity for improvement": ("capacity_to_improve",),
    "safeguarding board": ("lscb",),
    "local safeguarding children board": ("lscb",),
}

_GRADE_WORDS: dict[str, str] = {
    **{g: g for g in GRADES},
    "ri": "requires improvement",
    "requires improvement to be good": "requires improvement",
    "require improvement": "requires improvement",
    # Ofsted's own numbers for the four grades
    "1": "outstanding",
    "2": "good",
    "3": "requires improvement",
    "4": "inadequate",
}


def areas_in(text: str) -> tuple[str, ...]:
    """The judgement areas a question names ("how was Leeds rated for care leavers" ->
    ("care_leavers",)), longest wording first so "children in care" is not read as "care";
    the bare words "care" and "help" are too common in questions to count alone."""
    return _read_areas(text)[0]


def without_areas(text: str) -> str:
    """`text` as `name_key` gives it, less the judgement areas it names ("birmingham s overall
    effectiveness" -> "birmingham s"), read as `areas_in` reads them."""
    return " ".join(_read_areas(text)[1].replace("|", " ").split())


def _read_areas(text: str) -> tuple[tuple[str, ...], str]:
    """The areas `text` names and its key with each wording of one replaced by "|"."""
    key = f" {name_key(text)} "
    known = {name_key(label): (area,) for area, label in AREA_LABELS.items()} | _AREA_WORDS
    found: list[str] = []
    for phrase in sorted(known, key=len, reverse=True):
        if phrase in ("care", "help") or f" {phrase} " not in key:
            continue
        key = key.replace(f" {phrase} ", " | ")
        found += [a for a in known[phrase] if a not in found]
    return tuple(found), key


def area_keys(typed: str) -> tuple[str, ...]:
    """The canonical areas a typed area stands for ("care leavers", "children in care",
    "help_and_protection"). Raises OfstedQAError naming the accepted words."""
    key = name_key(typed.replace("_", " "))
    # a canonical key means that area alone; friendly words may mean several
    known = {name_key(label): (area,) for area, label in AREA_LABELS.items()} | _AREA_WORDS
    known |= {name_key(a.replace("_", " ")): (a,) for a in AREAS}
    if key in known:
        return known[key]
    raise OfstedQAError(
        f"--area {typed!r} is not a judgement area.",
        hint="use one of: " + "; ".join([*AREA_LABELS.values(), "overall", "leaders"]),
    )


def grade_key(typed: str) -> str:
    """The canonical grade for "inadequate", "RI", "requires improvement to be good", "2"...
    Raises OfstedQAError naming the accepted words."""
    grade = _GRADE_WORDS.get(name_key(typed))
    if grade is None:
        raise OfstedQAError(
            f"--grade {typed!r} is not a grade.",
            hint="use one of: outstanding, good, requires improvement (or RI), inadequate",
        )
    return grade


def area_words(areas: tuple[str, ...]) -> tuple[str, ...]:
    """Words `area_keys` reads back as exactly `areas` (canonical keys), fewest first: one
    where one stands for them all ("children in care" for in_care and children_looked_after),
    else one per group, so a command built from them lists what was asked."""
    wanted = set(areas)
    known = {name_key(label): (area,) for area, label in AREA_LABELS.items()} | _AREA_WORDS
    labels = set(AREA_LABELS.values())
    # each wording that names only areas asked, the widest first, a label before other words
    fitting = sorted(
        (p for p, keys in known.items() if set(keys) <= wanted and p not in ("care", "help")),
        key=lambda p: (-len(known[p]), p not in labels, -len(p)),
    )
    words: list[str] = []
    covered: set[str] = set()
    for phrase in fitting:
        if not set(known[phrase]) - covered:
            continue
        words.append(phrase)
        covered |= set(known[phrase])
    left = [a.replace("_", " ") for a in areas if a not in covered]  # canonical keys are taken
    return (*words, *left)
