"""The councils the index holds, and a typed council name matched to them.

Reports name one council many ways ("Norfolk", "Norfolk County Council", "City of Bradford
Metropolitan District Council"): each spelling is reduced to the place it names
(`council_core`), and the spellings of one place are one `Council`, shown as the
place. Both `judgements --council` and `ask --council`, and councils named in a question
(`council_question`), match against these, never against a fixed list alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.ingest.facts.authorities import name_key

# What a council's name carries besides the place ("London Borough of Bexley", "Kingston upon
# Hull City Council", "Leeds City", "Medway Children's Services"): dropped to compare the place.
_COUNCIL_FORMS = re.compile(
    r"^(?:the )?(?:(?:royal|london|metropolitan) )*(?:borough|city|county|council) of "
    r"|(?: metropolitan)?(?: borough| city| county| district)? council$"
    r"| local authority(?: children s services)?$"
    r"|(?: children and families)? trust$"
    r"| (?:city|county) of$"
    r"| (?:city|district|unitary authority|children s services|(?:metropolitan )?borough)$"
    r"| safeguarding children(?: s)? board$"
)
_STOP = {"of", "and", "the", "upon", "on", "with"}
# "Kingston upon Hull", "Southend-on-Sea": the first place is a short form of the name
_UPON = re.compile(r"^(.+?) (?:upon|on) (.+)$")
_OF = re.compile(r" (?:of|upon|on) ")
# Nearest councils to a name that matches none: `_nearness` (0-100) at least NEAR_SCORE
# (below it "Xyz" would get Barnsley), within NEAR_SPREAD of the best, NEAR_COUNT at most.
NEAR_SCORE, NEAR_SPREAD, NEAR_COUNT = 60.0, 10.0, 5


def council_core(name: str) -> str:
    """The place a council's name names: "London Borough of Bexley" -> "bexley"."""
    key = name_key(name).removeprefix("the ")
    while (shorter := _COUNCIL_FORMS.sub("", key).strip().removeprefix("the ")) != key and shorter:
        key = shorter
    return key


def initials(name: str) -> str:
    """ "Bournemouth, Christchurch and Poole" -> "bcp" (the little words left out)."""
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
    return len(compact) >= 2 and " " not in wanted and compact == initials(council)


def councils_named(
    typed: str,
    councils: Iterable[str],
    option: str = "--council",
    shown: Mapping[str, str] | None = None,
) -> frozenset[str]:
    """The councils (as the index writes them) that `typed` names. Raises OfstedQAError naming
    the nearest councils (`nearest_councils`; each as `shown` names it, else as written) when
    there are none."""
    every = sorted(set(councils))
    found = frozenset(c for c in every if council_matches(typed, c))
    # the place itself beats places named after it: "Northamptonshire" is not also "North
    # Northamptonshire", but "Kingston" is both Kingstons
    exact = frozenset(c for c in found if council_core(c) == council_core(typed))
    if found:
        return exact or found
    near = nearest_councils(typed, every, shown)
    raise OfstedQAError(
        f"{option} {typed!r} matches no council in the index.",
        hint=(
            "did you mean " + ", ".join(repr(c) for c in near) + "?"
            if near
            else "`ofsted-qa judgements` lists every council with its judgements"
            if every
            else "no indexed report names its council"
        ),
    )


def nearest_councils(
    typed: str, councils: Iterable[str], shown: Mapping[str, str] | None = None
) -> list[str]:
    """The councils nearest a name that matches none, best first: the places scored by
    `_nearness` (a misspelling, "Manchster"; the start of a longer name, "Westhavn" for the West
    ones) at least `NEAR_SCORE` of 100, and within `NEAR_SPREAD` of the best ("Hereforshire":
    Herefordshire and Hertfordshire); each place by every spelling, or as `shown` names it."""
    from rapidfuzz import process

    cores: dict[str, list[str]] = {}
    for council in sorted(set(councils)):
        cores.setdefault(council_core(council), []).append(council)
    wanted = council_core(typed) or name_key(typed)
    near = process.extract(
        wanted, list(cores), scorer=_nearness, score_cutoff=NEAR_SCORE, limit=NEAR_COUNT
    )
    best = near[0][1] if near else 0.0
    places = [core for core, score, _ in near if score >= best - NEAR_SPREAD]
    return list(dict.fromkeys((shown or {}).get(c, c) for p in places for c in cores[p]))


def _nearness(typed: str, place: str, **_: object) -> float:
    """0-100: rapidfuzz's ratio (edits), or where the name typed is the shorter, how well it
    fits somewhere in the place's (partial_ratio, less a tenth): "Kensingten" is near
    "Kensington and Chelsea", but a short place inside a longer name ("Kent" in "Westhaven")
    is not near it, as WRatio would have it."""
    from rapidfuzz import fuzz

    score = fuzz.ratio(typed, place)
    if len(typed) < len(place):
        score = max(score, 0.9 * fuzz.partial_ratio(typed, place))
    return score


@dataclass(frozen=True)
class Council:
    """One place, with every spelling of it the indexed documents use."""

    name: str  # as shown: the place ("Norfolk", "Kent" for "Kent County Council")
    core: str  # the place, compared ("norfolk")
    spellings: frozenset[str]  # `DocumentMeta.local_authority` values

    @property
    def phrases(self) -> frozenset[tuple[str, ...]]:
        """The word sequences that name it in a question: the place, each spelling, and the
        first place of "X upon Y" ("Kingston")."""
        names = {self.core, *(name_key(s).removeprefix("the ") for s in self.spellings)}
        names |= {m.group(1) for n in list(names) if (m := _UPON.match(n))}
        return frozenset(tuple(n.split()) for n in names if n)


class Councils:
    """The councils of an index, by place. "X upon Y" joins the council of Y when the index
    also spells it Y alone ("Kingston upon Hull" is "Hull"); a place spelt short joins the one
    fuller name it begins ("East Riding" is "East Riding of Yorkshire")."""

    def __init__(self, spellings: Iterable[str]) -> None:
        by_core: dict[str, set[str]] = {}
        for spelling in {s for s in spellings if s.strip()}:
            by_core.setdefault(council_core(spelling), set()).add(spelling)
        # a short form of one fuller name is that place: "East Riding" (of Yorkshire),
        # "Newcastle" (upon Tyne); "Kingston" of two is neither
        for core in sorted(by_core, key=len):
            fuller = [c for c in by_core if c.startswith(f"{core} ") and _OF.match(c[len(core) :])]
            if len(fuller) == 1:
                by_core[fuller[0]] |= by_core.pop(core)
        for core in list(by_core):
            m = _UPON.match(core)
            if m and m.group(2) in by_core and core in by_core:
                by_core[m.group(2)] |= by_core.pop(core)
        self.all: tuple[Council, ...] = tuple(
            Council(_shown(core, names), core, frozenset(names))
            for core, names in sorted(by_core.items())
        )
        # each spelling -> its place as shown ("Reading Borough Council" -> "Reading")
        self.shown: dict[str, str] = {s: c.name for c in self.all for s in c.spellings}

    def named(self, typed: str, option: str = "--council") -> frozenset[str]:
        """The spellings a typed council name stands for (all spellings of each place it
        names). Raises OfstedQAError with the nearest names when there are none."""
        spellings = (s for c in self.all for s in c.spellings)
        found = councils_named(typed, spellings, option, shown=self.shown)
        return frozenset(s for c in self.all if c.spellings & found for s in c.spellings)


def _shown(core: str, spellings: set[str]) -> str:
    """The place as a chip shows it: a spelling that is the place alone ("Norfolk", "Bournemouth,
    Christchurch and Poole"), a "City of" name as it is ("City of London"), else the place in
    capitals ("Kent" for "Kent County Council")."""
    alone = sorted(s for s in spellings if name_key(s) == core)
    if alone:
        return alone[0]
    # "City of London" is the place's own name, not "London" with a council's words around it
    city = sorted(s for s in spellings if re.match(r"(?:the )?(?:city|county) of ", name_key(s)))
    if city:
        return min(city, key=len).removeprefix("the ")
    return " ".join(w if w in _STOP else w.capitalize() for w in core.split())
