"""The words people use for judgement areas, grades and councils, read into the canonical
values the report facts use (`ingest.facts.AREAS`, `GRADES`) and the councils the index holds.

Vocabulary is data: a friendly name may stand for several areas, because frameworks judge the
same subject under different headings (SIF's "children looked after" is ILACS's "children in
care"); the report's own wording stays on every row, so nothing is conflated silently.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

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
}

# Friendly names (after `name_key`) -> the areas they mean.  Each key of AREAS, spaced, and each
# label above are accepted too.
_AREA_WORDS: dict[str, tuple[str, ...]] = {
    "overall": ("overall_effectiveness",),
    "overall judgement": ("overall_effectiveness",),
    "leaders": ("impact_of_leaders", "leadership_management_governance"),
    "leadership": ("impact_of_leaders", "leadership_management_governance"),
    "help": ("help_and_protection",),
    "protection": ("help_and_protection",),
    "children who need help and protection": ("help_and_protection",),
    "care": ("in_care", "children_looked_after"),
    "in care": ("in_care", "children_looked_after"),
    "children in care": ("in_care", "children_looked_after"),
    "looked after": ("children_looked_after", "in_care"),
    "looked after children": ("children_looked_after", "in_care"),
    "cla": ("children_looked_after", "in_care"),
    "lac": ("children_looked_after", "in_care"),
    "leaving care": ("care_leavers",),
    "care experienced": ("care_leavers",),
    "care experienced young people": ("care_leavers",),
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

# What a council's name carries besides the place ("London Borough of Bexley", "Kingston upon
# Hull City Council"): dropped to compare the place itself.
_COUNCIL_FORMS = re.compile(
    r"^(?:the )?(?:(?:royal|london|metropolitan) )*(?:borough|city|county|council) of "
    r"|(?: metropolitan)?(?: borough| city| county| district)? council$"
    r"| local authority(?: children s services)?$"
    r"|(?: children and families)? trust$"
    r"| (?:city|county) of$"
)
_STOP = {"of", "and", "the", "upon", "on"}


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


def council_core(name: str) -> str:
    """The place a council's name names: "London Borough of Bexley" -> "bexley"."""
    key = name_key(name)
    while (shorter := _COUNCIL_FORMS.sub("", key).strip()) != key and shorter:
        key = shorter
    return key


def _initials(name: str) -> str:
    return "".join(w[0] for w in name_key(name).split() if w not in _STOP)


def council_matches(typed: str, council: str) -> bool:
    """Loose, whole-word matching either way ("bexley" and "London Borough of Bexley" both match
    "Bexley" and "London Borough of Bexley"), or the initials ("BCP", "RBWM")."""
    wanted, place = council_core(typed), council_core(council)
    if not wanted or not place:
        return False
    typed_words, council_words = f" {name_key(typed)} ", f" {name_key(council)} "
    if f" {wanted} " in council_words or f" {place} " in typed_words:
        return True
    compact = wanted.replace(" ", "")
    return len(compact) >= 2 and " " not in wanted and compact == _initials(council)


def councils_named(typed: str, councils: Iterable[str]) -> frozenset[str]:
    """The councils (as the index writes them) that `typed` names. Raises OfstedQAError with the
    nearest names when there are none."""
    every = sorted(set(councils))
    found = frozenset(c for c in every if council_matches(typed, c))
    # the place itself beats places named after it: "Northamptonshire" is not also "North
    # Northamptonshire", but "Kingston" is both Kingstons
    exact = frozenset(c for c in found if council_core(c) == council_core(typed))
    if found:
        return exact or found
    cores: dict[str, list[str]] = {}
    for council in every:
        cores.setdefault(council_core(council), []).append(council)
    near = difflib.get_close_matches(council_core(typed), list(cores), n=5, cutoff=0.6)
    raise OfstedQAError(
        f"--council {typed!r} matches no council in the index.",
        hint=(
            "did you mean " + ", ".join(repr(c) for n in near for c in cores[n]) + "?"
            if near
            else "`ofsted-qa judgements` lists every council with its judgements"
            if every
            else "no indexed report names its council"
        ),
    )
