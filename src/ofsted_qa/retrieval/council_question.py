"""Councils named in a question ("IROs in Cornwall", "Bexley's care leavers", "BCP", "North
Northants", "Brighton", "NE Lincs", "Cumbria"), matched to the councils the index holds
(`councils.Councils`) by their own names and the names people give them
(`council_names.aliases`), the longest name first.

A council's name is often an ordinary word too ("Reading", "Bury", "Poole"), so a name of one
word counts when it is written as a proper noun (capitalised, not merely as the question's first
word), when the documents never write it in lower case mid-sentence (`ordinary_in`), or when the
words around it make it a place (`council_context`: "Reading 2016 agency social workers",
"Reading council", "Reading and Slough", "reading care leavers" leading the question):
"care leavers in Reading" names Reading, "reading age of care leavers" and "Reading the 2016
report" do not. A name of several
words ("windsor and maidenhead") counts as typed. Typos are corrected only towards the words of
council names, and only for words of five letters or more that the corpus does not know, so an
ordinary word never becomes a council (nor a region's word: "southern" is never Southend). An
area's name (`regions.areas`: "Greater Manchester") names the area, never the council in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache

from ofsted_qa.ingest.facts.authorities import name_key
from ofsted_qa.retrieval import regions
from ofsted_qa.retrieval.council_context import PlaceCues
from ofsted_qa.retrieval.council_names import Named, ShortForms, aliases, name_words, short_forms
from ofsted_qa.retrieval.councils import Council, Councils, council_core, initials
from ofsted_qa.retrieval.typos import distance

_WORD = re.compile(r"[^\W_]+(?:['\u2019]s\b)?|&")
_ARTICLES = frozenset({"the", "a", "an", "its", "their", "our"})
_JOINING = frozenset({"and", "or", "v", "vs", "versus", "&"})  # "North and West Northants"
MIN_TYPO = 5  # shorter words are too easily another word


@dataclass(frozen=True)
class _Token:
    word: str  # lower case, possessive dropped, abbreviation or typo resolved
    raw: str  # lower case as typed ("beds" for "bedfordshire"): an ordinary word stays one
    proper: bool  # capitalised where capitals mean a name (not the question's first word)
    capital: bool  # capitalised, wherever (not all capitals)
    caps: bool  # all capitals: initials ("BCP")
    span: tuple[int, int]  # where in the question


@dataclass(frozen=True)
class Mention:
    """Councils named in a question, and the words that name them ("North Northants")."""

    surface: str
    councils: tuple[Council, ...]
    note: str = ""  # the name is of a council since reorganised ("Cumbria")


class CouncilFinder:
    """Finds the councils of one index in questions.

    `known(word)`: the corpus has the word (never corrected as a typo); `ordinary(word)`: the
    documents use it as an ordinary lower-case word; `acronyms`: the field's own (a glossary
    "LAC" is never a council's initials)."""

    def __init__(
        self,
        councils: Councils,
        *,
        known: Callable[[str], bool] = lambda w: False,
        ordinary: Callable[[str], bool] = lambda w: False,
        acronyms: Collection[str] = (),
    ) -> None:
        self.councils = councils
        self._known, self._ordinary = known, ordinary
        self._forms: ShortForms = short_forms()
        own: dict[tuple[str, ...], set[Council]] = {}
        by_initials: dict[str, set[Council]] = {}
        # "London" is a word of "London Borough of Bexley", so never a place alone: the City
        # of London is named in full
        forms = {
            w
            for c in councils.all
            for s in c.spellings
            for w in name_key(s).split()
            if w not in council_core(s).split()
        }
        for council in councils.all:
            for phrase in council.phrases:
                if len(phrase) > 1 or phrase[0] not in forms:
                    own.setdefault(phrase, set()).add(council)
            for spelling in council.spellings:
                by_initials.setdefault(initials(spelling), set()).add(council)
        # initials stand for one council only, and never for the field's own acronyms
        taboo = {a.lower() for a in acronyms}
        self._initials = {
            i: next(iter(c)) for i, c in by_initials.items() if len(i) >= 3 and len(c) == 1
        }
        self._initials = {i: c for i, c in self._initials.items() if i not in taboo}
        named = aliases(
            {p: frozenset(c) for p, c in own.items()},
            lambda name: name_words(name, self._forms.words),
            self._forms,
        )
        self._phrases: dict[tuple[str, ...], Named] = {
            p: n for p, n in named.items() if p in own or len(p) > 1 or p[0] not in taboo
        }
        self._words = {w for phrase in self._phrases for w in phrase}
        # a typo is corrected towards a place, never towards a short form ("bones" is not BANES)
        short = {w for k in self._forms.phrases for w in name_words(k, self._forms.words)}
        self._places = self._words - (short - {w for phrase in own for w in phrase})
        self._longest = max((len(p) for p in self._phrases), default=0)
        self._areas = regions.area_phrases()
        # a region's word is no typo of a council's: "southern" is not Southend
        self._region_words = {w for form in regions.forms() for w in form}
        self._cues = PlaceCues(councils, self._forms.after, acronyms, self._forms.topics)

    def find(self, question: str) -> tuple[Council, ...]:
        """The councils the question names, in the order named, each once."""
        return tuple(dict.fromkeys(c for m in self.mentions(question) for c in m.councils))

    def mentions(self, question: str) -> tuple[Mention, ...]:
        """Each place the question names councils, in order."""
        tokens = self._tokens(question)
        found: list[Mention] = []
        i = end = 0  # `end`: the token after the last council named
        while i < len(tokens):
            length, named = self._longest_at(tokens, i)
            area = self._area_at(tokens, i)
            if area > length:  # "Greater Manchester" is an area (`regions`), not Manchester
                i += area
                continue
            elided = self._elided_at(tokens, i) if length < 2 else Named(frozenset())
            if elided.councils:  # "North" of "North v West Northamptonshire"
                ordered = tuple(sorted(elided.councils, key=lambda c: c.name))
                found.append(Mention(question[slice(*tokens[i].span)], ordered, elided.note))
                i += 1
                continue
            if not length:
                i += 1
                continue
            joined = bool(found) and end == i - 1 and tokens[i - 1].raw in _JOINING
            if length > 1 or self._named_alone(question, tokens, i, joined):
                start, stop = tokens[i].span[0], tokens[i + length - 1].span[1]
                ordered = tuple(sorted(named.councils, key=lambda c: c.name))
                found.append(Mention(question[start:stop], ordered, named.note))
                end = i + length
            i += length
        return tuple(found)

    def notes(self, question: str, shown: Collection[str]) -> tuple[str, ...]:
        """What the answer must say about reorganised councils the question names ("Cumbria")
        and names that fit several councils ("Kingston"), for the councils still read from it
        (`shown`, as `Council.name`)."""
        wanted = set(shown)
        notes: dict[str, None] = {}
        for m in self.mentions(question):
            named = [c.name for c in m.councils if c.name in wanted]
            if m.note and named:
                notes[m.note] = None
            elif len(named) > 1:  # "Kingston": Hull and Kingston upon Thames
                listed = ", ".join(named[:-1]) + f" and {named[-1]}"
                every = "both" if len(named) == 2 else "all"
                notes[
                    f"“{m.surface}” names {listed}: {every} are searched; name one, or drop "
                    "the other's chip, to keep one."
                ] = None
        return tuple(notes)

    def _named_alone(self, question: str, tokens: list[_Token], i: int, joined: bool) -> bool:
        """The one-word name at `i` names its council: written as a name, never an ordinary
        word, or placed as a council's name (`council_context`); `joined`: it follows a council
        and a joining word ("Slough and reading")."""
        token = tokens[i]
        starts: dict[tuple[int, int], int] = {}  # "NE" gives two tokens of one typed word
        for k in range(i + 1, len(tokens)):
            starts.setdefault(tokens[k].span, k)
        starts.pop(token.span, None)
        after = list(starts.values())  # the first token of each word after the name
        words = [tokens[k].raw for k in after]
        gap = question[token.span[1] : tokens[after[0]].span[0]] if after else ""
        first = tokens[0].span == token.span  # leading the question
        ordinary = self._ordinary(token.raw) or self._ordinary(token.word)
        verb = self._cues.verb(words, ordinary, token.raw)
        if first and not token.proper and not gap.strip() and verb:
            return False  # "bury the bad news", but "Halton: the 2019 report"
        # "beds" is an ordinary word though "bedfordshire" is not
        if token.proper or not ordinary:
            return True
        if not token.capital and token.raw != token.word:
            return False  # a lower-case ordinary short form is the word: "how many beds 2016"
        caps = bool(after) and tokens[after[0]].caps
        if joined or self._cues.follows(words, caps):
            return True
        if first and self._cues.leads(words):
            return True  # "reading care leavers", "reading's fostering"
        if after and (gap.strip() == "," or tokens[after[0]].raw in _JOINING):
            # "Reading and Slough", "Reading, Slough": another council, named in its own right
            k = after[0] if gap.strip() == "," else after[1] if len(after) > 1 else len(tokens)
            if k < len(tokens) and self._named_here(tokens, k):
                return True
        if not token.capital:  # lower case: a topic ("reading: a guide")
            return False
        return self._cues.set_apart(gap, question[token.span[1] :])

    def _named_here(self, tokens: list[_Token], k: int) -> bool:
        """A council is named at `k` by its own right: several words, or one written as a name
        or never an ordinary word."""
        length, _named = self._longest_at(tokens, k)
        return length > 1 or (
            length == 1 and (tokens[k].proper or not self._ordinary(tokens[k].raw))
        )

    def _elided_at(self, tokens: list[_Token], i: int) -> Named:
        """A council whose shared words are said once, after the next council's name: "North"
        in "North and West Northamptonshire", "East v West Sussex" (the word, a joining word,
        then a council named by a first word and the same rest)."""
        if i + 2 >= len(tokens):
            return Named(frozenset())
        if tokens[i + 1].raw not in _JOINING or (i and tokens[i - 1].raw in _ARTICLES):
            return Named(frozenset())  # "the north and West Northamptonshire": a region
        length, _next = self._longest_at(tokens, i + 2)
        if length < 2:
            return Named(frozenset())
        rest = tuple(t.word for t in tokens[i + 3 : i + 2 + length])
        return self._phrases.get((tokens[i].word, *rest), Named(frozenset()))

    def _area_at(self, tokens: list[_Token], i: int) -> int:
        """The number of words of an area's name (`regions.areas`) starting at `i`, or 0."""
        words = tuple(t.raw for t in tokens[i:])
        return max((len(a) for a in self._areas if words[: len(a)] == a), default=0)

    def _longest_at(self, tokens: list[_Token], i: int) -> tuple[int, Named]:
        for length in range(min(self._longest, len(tokens) - i), 0, -1):
            phrase = tuple(t.word for t in tokens[i : i + length])
            if phrase in self._phrases:
                return length, self._phrases[phrase]
        token = tokens[i]
        if token.caps and token.word in self._initials:
            return 1, Named(frozenset({self._initials[token.word]}))
        return 0, Named(frozenset())

    def _tokens(self, question: str) -> list[_Token]:
        out: list[_Token] = []
        for n, m in enumerate(_WORD.finditer(question)):
            raw = re.sub(r"['\u2019]s$", "", m.group())
            typed = "and" if raw == "&" else raw.lower()
            caps = len(raw) >= 2 and raw.isupper() and raw.isalpha()
            # a capitalised possessive is a name even first ("Reading's rating"), where a
            # capital alone only starts the sentence ("Reading age of children in care")
            owner = raw != m.group()
            capital = raw[:1].isupper() and not caps
            proper = (n > 0 or owner) and capital
            # "NE" is two words of a name ("north east lincolnshire"), sharing one span
            for word in self._forms.words.get(typed, typed).split():
                out.append(_Token(self._resolve(word), typed, proper, capital, caps, m.span()))
        return out

    def _resolve(self, word: str) -> str:
        """A misspelt council word ("Norflok", "Bexly") as the council word it is closest to."""
        if word in self._words or word in self._region_words:
            return word
        if len(word) < MIN_TYPO or self._known(word):
            return word
        limit = 1 if len(word) < 8 else 2
        close = [w for w in self._places if abs(len(w) - len(word)) <= limit]
        apart = {w: distance(word, w, limit) for w in close}
        best = min(apart.values(), default=limit + 1)
        # the one nearest place: "hereforshire" is one letter from Herefordshire and two from
        # Hertfordshire; a tie names neither
        near = [w for w, d in apart.items() if d == best <= limit]
        return near[0] if len(near) == 1 else word


def typed_council(councils: Councils, typed: str, option: str = "--council") -> frozenset[str]:
    """The spellings (`DocumentMeta.local_authority` values) a council given as an option stands
    for: any name a question may use ("Northants", "NE Lincs", "Brighton", "RBKC"), else the
    loose match of `Councils.named`. Raises OfstedQAError naming the nearest councils when the
    name matches none."""
    found = _option_finder(councils).find(typed)
    if found:
        return frozenset(s for council in found for s in council.spellings)
    return councils.named(typed, option)


@lru_cache(maxsize=4)
def _option_finder(councils: Councils) -> CouncilFinder:
    # an option names a council on purpose: no word of it is ordinary, none a typo
    return CouncilFinder(councils, known=lambda _w: True, ordinary=lambda _w: False)


def ordinary_in(texts: Iterable[str]) -> Callable[[str], bool]:
    """`ordinary(word)`: some text uses the word in lower case inside a sentence, between
    lower-case words ("their reading age"), as no text writes a place. Each word is looked up
    once."""
    corpus = list(texts)
    seen: dict[str, bool] = {}

    def ordinary(word: str) -> bool:
        if word not in seen:
            pattern = re.compile(rf"(?<=[a-z,'\u2019] ){re.escape(word)}(?= [a-z])")
            seen[word] = any(word in t and pattern.search(t) for t in corpus)
        return seen[word]

    return ordinary
