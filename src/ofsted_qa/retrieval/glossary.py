"""The field's vocabulary: acronyms and everyday wording mapped to the words reports use.

The entries live in `glossary.json` (auditable data, one definition each, and for the newer
frameworks' vocabulary where it is used). A query phrase
matches an entry's term or alias as whole words, compared after stemming, so "care leaver"
finds "care leavers"; entries marked `case_sensitive` (KEEP, SEND, PEP ...) match only as typed
in capitals, because the lower-case word is ordinary English.

An entry's `expansions` say the same thing in the reports' words (searched at reduced weight,
and shown: "kids in care → looked after children"); its `broader` words name the wider topic the
term belongs to ("staying put": care leavers), searched at a lower weight still and never shown,
so a named scheme typed is not drowned by every passage about its topic. An entry that expands to
another matched entry's term is a kind of it ("county lines": criminal exploitation, a kind of
exploitation), so the more specific reading wins and the general entry adds nothing. A glossary
phrase typed glued ("careleavers", "earlyhelp") is read as the phrase (`Glossary.glued`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ofsted_qa.index.lexical_index import _stemmer, words

GLOSSARY_FILE = Path(__file__).with_name("glossary.json")


@dataclass(frozen=True)
class Entry:
    term: str
    aliases: tuple[str, ...]
    expansions: tuple[str, ...]
    definition: str
    case_sensitive: bool = False
    used_in: str = ""  # where the field uses the term: frameworks, years, an example report
    broader: tuple[str, ...] = ()  # the wider topic the term belongs to, not a synonym of it

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class Match:
    """One entry found in a query: the words as typed and where they were."""

    entry: Entry
    surface: str
    start: int  # word positions in the query, [start, end)
    end: int

    @property
    def added(self) -> tuple[str, ...]:
        """Expansions that say something the user did not already type."""
        typed = _stems(self.surface)
        return tuple(e for e in self.entry.expansions if _stems(e) != typed)

    @property
    def broader(self) -> tuple[str, ...]:
        """The wider topic's words, less any the expansions or the typed words already say."""
        said = {_stems(e) for e in (self.surface, *self.entry.expansions)}
        return tuple(b for b in self.entry.broader if _stems(b) not in said)


def _stems(text: str) -> tuple[str, ...]:
    return tuple(_stemmer().stemWords(words(text.replace("-", " "))))


class Glossary:
    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._index: dict[tuple[str, ...], list[tuple[Entry, str]]] = {}
        for entry in entries:
            for form in entry.forms:
                key = _stems(form)
                if key:
                    self._index.setdefault(key, []).append((entry, form))
        self.longest = max((len(k) for k in self._index), default=0)
        self._first_stems = {k[0] for k in self._index}  # most query words start no form
        self.known_words = {w for e in entries for f in e.forms for w in words(f)}
        # the field's one-word terms ("mash", "lado", "camhs"): what a short typo may mean
        self.terms = frozenset(
            w for e in entries for f in e.forms if len(ws := words(f)) == 1 for w in ws
        )
        self.glued = _glued(entries, self.known_words)

    @classmethod
    def load(cls, path: Path = GLOSSARY_FILE) -> Glossary:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            [
                Entry(
                    term=e["term"],
                    aliases=tuple(e.get("aliases", ())),
                    expansions=tuple(e.get("expansions", ())),
                    definition=e["definition"],
                    case_sensitive=bool(e.get("case_sensitive", False)),
                    used_in=e.get("used_in", ""),
                    broader=tuple(e.get("broader", ())),
                )
                for e in raw["entries"]
            ]
        )

    def find(self, text: str) -> list[Match]:
        """Longest matches first, left to right, never overlapping; one match per entry."""
        raw = _raw_words(text)
        stems = list(_stemmer().stemWords([w.lower() for w in raw]))
        found: list[Match] = []
        seen: set[str] = set()
        i = 0
        while i < len(stems):
            if stems[i] not in self._first_stems:
                i += 1
                continue
            for n in range(min(self.longest, len(stems) - i), 0, -1):
                forms = self._index.get(tuple(stems[i : i + n]))
                if not forms:
                    continue
                surface = " ".join(raw[i : i + n])
                hits = [
                    e
                    for e, form in forms
                    if (not e.case_sensitive or _same_case(surface, form))
                    and _same_words(raw[i : i + n], form)
                ]
                if hits:
                    for entry in hits:
                        if entry.term not in seen:
                            seen.add(entry.term)
                            found.append(Match(entry, surface, i, i + n))
                    i += n
                    break
            else:
                i += 1
        return _without_subsumed(found)


def _without_subsumed(found: list[Match]) -> list[Match]:
    """The matches less those another match is a kind of: "county lines exploitation" reads
    county lines (criminal exploitation), not exploitation in general as well, whose wider
    expansions would pull in what the question does not ask. Two entries that expand to each
    other (synonyms of two frameworks) both stay."""

    def covers(specific: Entry, general: Entry) -> bool:
        return specific is not general and _stems(general.term) in {
            _stems(e) for e in specific.expansions
        }

    return [
        m
        for m in found
        if not any(covers(o.entry, m.entry) and not covers(m.entry, o.entry) for o in found)
    ]


def _glued(entries: list[Entry], known: set[str]) -> dict[str, str]:
    """Each two-word glossary phrase written as one word ("careleavers", "earlyhelp",
    "childprotection"), to the phrase; never a word the glossary knows on its own ("aftercare").
    Longer phrases are left out: nobody types "childprotectionplan"."""
    out: dict[str, str] = {}
    for entry in entries:
        for phrase in (*entry.forms, *entry.expansions):
            parts = words(phrase.replace("-", " "))
            glued = "".join(parts)
            if len(parts) == 2 and glued.isalpha() and glued not in known:
                out.setdefault(glued, " ".join(parts))
    return out


def _raw_words(text: str) -> list[str]:
    """Words as typed (case kept) but split like `words()`; hyphens separate words."""
    folded = text.replace("\u2019", "'").replace("\u2018", "'").replace("-", " ")
    out: list[str] = []
    for token in folded.split():
        out.extend(w for w in _split_keep_case(token) if w)
    return out


def _split_keep_case(token: str) -> list[str]:
    lowered = words(token)
    if not lowered:
        return []
    # `words` lower-cases; recover the typed case of each piece from the token itself.
    kept, rest = [], token
    for w in lowered:
        at = rest.lower().find(w)
        kept.append(rest[at : at + len(w)] if at >= 0 else w)
        rest = rest[at + len(w) :] if at >= 0 else rest
    return kept


# Endings that inflect a word without changing what it names (-s, -es, -ies, -ed, -ing), with
# what the bare word may end in instead: "babies" is "baby", "rated" is "rate" or "rat".
_INFLECTIONS = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
)


def _bases(word: str) -> set[str]:
    """What `word` may be an inflection of, itself included ("quitting": "quit")."""
    out = {word}
    for ending, bare in _INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: -len(ending)]
            out |= {stem + bare} | ({stem[:-1]} if stem[-1] == stem[-2] != "s" else set())
    return out


def _same_words(typed: list[str], form: str) -> bool:
    """The typed words are the form's words, inflected: stems alone conflate different words
    ("allocated" and "allocation", "related" and "relatives", "quite" and "quitting"), which
    would read a question as something it does not ask."""
    wanted = words(form.replace("-", " "))
    return len(wanted) == len(typed) and all(
        _bases(t.lower()) & _bases(w) for t, w in zip(typed, wanted, strict=True)
    )


def _same_case(surface: str, form: str) -> bool:
    """Acronym forms of case-sensitive entries match only typed in capitals ("KEEP", "PEPs")."""
    first = form.split()[0]
    if not (first.isupper() or first.rstrip("s").isupper()):
        return True  # a worded form ("personal adviser") matches in any case
    typed = surface.split()[0]
    return typed.rstrip("s").isupper()


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    return Glossary.load()
