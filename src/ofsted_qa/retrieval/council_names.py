"""The names people give a council besides the spellings its reports use, derived from the
councils an index holds: a place of a several-place name alone ("Brighton" for Brighton and
Hove, "Maidenhead"), the county shared by councils named after it ("Cheshire", "Sussex"), short
forms ("K&C", "B&NES", from `council_names.json`), and councils since reorganised ("Cumbria").

Every name here stands for councils the index holds, never for a fixed list alone: a short form
of a council the index lacks names nothing. A council's own name always beats another's alias
("Lincolnshire" is never North East Lincolnshire), and the question finder (`council_question`)
matches the longest name first ("NE Lincs" is never Lincolnshire).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ofsted_qa.ingest.facts.authorities import name_key
from ofsted_qa.retrieval.councils import Council, council_core

NAMES_FILE = Path(__file__).with_name("council_names.json")
Phrase = tuple[str, ...]
_DIRECTIONS = {"north", "south", "east", "west", "central"}
# the places of "Brighton and Hove", "Blackburn with Darwen", "Bournemouth, Christchurch and Poole"
_PLACES = re.compile(r",|&|\band\b|\bwith\b", re.I)


@dataclass(frozen=True)
class Named:
    """What one name stands for: councils of the index, and a note where the name is a council
    since reorganised ("" otherwise)."""

    councils: frozenset[Council]
    note: str = ""


@dataclass(frozen=True)
class Predecessor:
    """A reorganised council: `name` as shown ("Cumbria"), the places of its successors, the
    year they took over."""

    name: str
    became: tuple[str, ...]
    year: int


@dataclass(frozen=True)
class ShortForms:
    """`council_names.json`: word abbreviations ("lincs" -> "lincolnshire"), whole-name short
    forms ("k&c" -> "kensington and chelsea"), predecessors, the words that follow a
    council's name and never an ordinary word ("Ofsted", "LSCB"), and the services that make
    a name leading a question a place ("care leavers", "fostering": `council_context`)."""

    words: Mapping[str, str]
    phrases: Mapping[str, str]
    predecessors: tuple[Predecessor, ...]
    after: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()


@cache
def short_forms(path: Path = NAMES_FILE) -> ShortForms:
    """The data file, read once. Keys starting "_" are comments."""
    raw = json.loads(path.read_text(encoding="utf-8"))

    def entries(section: str) -> dict[str, object]:
        return {k: v for k, v in raw[section].items() if not k.startswith("_")}

    return ShortForms(
        words={k: str(v) for k, v in entries("words").items()},
        phrases={k: str(v) for k, v in entries("phrases").items()},
        predecessors=tuple(
            Predecessor(name, tuple(v["became"]), int(v["in"]))
            for name, v in entries("predecessors").items()
            if isinstance(v, dict)
        ),
        after=tuple(str(a) for a in raw.get("after", {}).get("phrases", ())),
        topics=tuple(str(t) for t in raw.get("topics", {}).get("phrases", ())),
    )


def places(council: Council) -> frozenset[str]:
    """The places of a several-place council, each as a core ("brighton", "hove"); empty for a
    council of one place."""
    out: set[str] = set()
    for spelling in council.spellings:
        parts = [council_core(p) for p in _PLACES.split(spelling) if p.strip()]
        if len(parts) > 1:
            out |= {p for p in parts if p and p not in {"the", "of"}}
    return frozenset(out)


def _stem(place: str) -> str:
    """The county a compass point qualifies: "north northamptonshire", "cheshire west" ->
    the county; "" for a place without one."""
    words = place.split()
    while len(words) > 1 and words[0] in _DIRECTIONS:
        words = words[1:]
    if len(words) > 1 and words[-1] in _DIRECTIONS:
        words = words[:-1]
    stem = " ".join(words)
    return stem if stem != place else ""


def aliases(
    own: Mapping[Phrase, frozenset[Council]],
    words: Callable[[str], Phrase],
    forms: ShortForms | None = None,
) -> dict[Phrase, Named]:
    """Every name of the index's councils: `own` (each council's own names, as word sequences)
    with the aliases above. `words` turns a name into the word sequence a question's tokens
    would give ("NE Lincs" -> ("north", "east", "lincolnshire"))."""
    forms = forms or short_forms()
    table = {p: Named(c) for p, c in own.items()}
    councils = {c for cs in own.values() for c in cs}

    def add(name: str, found: frozenset[Council], note: str = "") -> None:
        phrase = words(name)
        if not phrase or not found:
            return
        if phrase in own:  # a council's own name stays its own; only a note is added
            table[phrase] = Named(table[phrase].councils, note or table[phrase].note)
            return
        before = table.get(phrase)
        table[phrase] = Named(
            found | (before.councils if before else frozenset()),
            note or (before.note if before else ""),
        )

    by_place: dict[str, set[Council]] = {}
    by_stem: dict[str, set[Council]] = {}
    for council in councils:
        for place in places(council):
            by_place.setdefault(place, set()).add(council)
        for place in places(council) | {council.core}:
            if stem := _stem(place):
                by_stem.setdefault(stem, set()).add(council)
    for place, found in by_place.items():
        add(place, frozenset(found))
    for stem, found in by_stem.items():
        if len(found) > 1:  # "Cheshire" is both Cheshires; "Berkshire" is not West Berkshire
            add(stem, frozenset(found))

    def resolve(name: str) -> frozenset[Council]:
        named = table.get(words(name))
        return named.councils if named else frozenset()

    for short, full in forms.phrases.items():
        add(short, resolve(full))
    for old in forms.predecessors:
        successors = frozenset(c for place in old.became for c in resolve(place))
        if successors:
            held = words(old.name) in own
            add(old.name, successors, _note(old, successors, held))
    return table


def _note(old: Predecessor, successors: frozenset[Council], held: bool) -> str:
    names = sorted(c.name for c in successors)
    # quoted when several: "Cumberland and Westmorland and Furness" would read as three
    listed = names[0] if len(names) == 1 else " and ".join(f"'{n}'" for n in names)
    since = f"since {old.year} its reports are under {listed}"
    if held:
        return f"{old.name} is searched under its own name; {since}."
    return f"No report in the index is for {old.name}: {since}, searched instead."


def name_words(name: str, word: Mapping[str, str]) -> Phrase:
    """A name as the words a question's tokens give, word abbreviations expanded."""
    out: list[str] = []
    for w in name_key(name.replace("&", " & ")).split():
        out.extend(word.get(w, w).split())
    return tuple(out)
