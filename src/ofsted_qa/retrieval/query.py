"""What the user asked for, made explicit: years, sources, corrections and the field's words.

Everything interpreted here is shown back to the user (`--explain`, TUI chips) and can be
dropped again (`Interpretation.without(chip)`), never hidden.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from functools import cached_property

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.lexical_index import terms, tokens, words
from ofsted_qa.retrieval import clock, time_words
from ofsted_qa.retrieval.change_cue import change_words, over_time
from ofsted_qa.retrieval.council_question import CouncilFinder
from ofsted_qa.retrieval.glossary import Glossary, default_glossary
from ofsted_qa.retrieval.inspection_refs import InspectionRef, references
from ofsted_qa.retrieval.typos import Corrector
from ofsted_qa.retrieval.years import parse_years

MAX_QUERY_CHARS = 5000
OFSTED = "Ofsted"

_SUBJECT = r"(?:ofsted|inspectors?|hmi|the\s+(?:\d{4}\s+)?(?:inspection|report|letter|visit))"
_VERB = (
    r"(?:say|said|says|find|found|finds|think|thought|judge|judged|rate|rated|grade|graded|"
    r"recommend|recommended|report|reported|conclude|concluded|note|noted|highlight|"
    r"highlighted|criticise|criticised|praise|praised|identify|identified|see|saw)"
)
# Words that say which document is meant, not what it says: once read as a year or source
# boost they no longer count as search words ("the 2025 focused visit", "what did Ofsted say").
_FRAMING = re.compile(
    r"\b(?:(?:in|at|during|from|of|after|since)\s+)?(?:the\s+)?(?:19[89]\d|20[0-4]\d)"
    r"(?:\s*[-/\u2013]\s*\d\d\b)?(?:\s+(?:ofsted\s+)?(?:focused\s+visit|inspection\s+report|"
    r"inspection|visit|report|letter|blog|article))?\b",
    re.I,
)
# "ofsted's view on", "whats ofsted view": the inspectors' opinion asked for as a noun
_OPINION = (
    r"ofsted(?:['\u2019]?s)?\s+(?:views?|verdicts?|opinions?|findings?|assessments?|take|"
    r"judgements?|comments?|concerns?|criticisms?|thoughts?)"
)
_OFSTED_CUES = re.compile(
    rf"\b(?:{_SUBJECT}\s+{_VERB}|{_OPINION}|according\s+to\s+{_SUBJECT}|inspection\s+report|"
    rf"focused\s+visit|the\s+letter)\b",
    re.I,
)
# "Now", "these days", "the latest report": the newest documents are meant. Resolved against
# the index's newest year by the searcher (`since_latest`), as a visible, removable boost.
_RECENT = re.compile(
    r"\b(?:now|nowadays|these\s+days|currently|at\s+present|at\s+the\s+moment|today|"
    r"(?:the\s+)?(?:latest|most\s+recent|newest)(?:\s+(?:ofsted\s+)?(?:focused\s+visit|"
    r"inspection|visit|letter|report))?)\b",
    re.I,
)
# A year compared with now ("2016 compared with now", "2014 v today"): the newest report joins it.
_THEN_AND_NOW = re.compile(
    r"\b(?:compared?\s+(?:with|to)|vs\.?|versus|v|and|to|until)\s+"
    r"(now|today|these\s+days|the\s+latest(?:\s+(?:inspection|report|visit))?)\b",
    re.I,
)
# The kind of answer asked for, which the passage should contain (a boost, shown as a chip).
_ANSWERS = {
    "number": re.compile(
        r"\b(?:how\s+(?:many|much)|what\s+(?:percentage|proportion|share|number)|"
        r"number\s+of)\b",
        re.I,
    ),
    "date": re.compile(r"\b(?:when|what\s+dates?|on\s+what\s+day)\b", re.I),
}


@dataclass(frozen=True)
class GlossaryUse:
    surface: str  # the words as typed
    term: str
    definition: str
    added: tuple[str, ...]  # expansions this match contributes

    @property
    def chip(self) -> str:
        """ "kids in care → looked after children", "IRO → independent reviewing officer"."""
        return f"{self.surface} → {self.added[0] if self.added else self.term}"


@dataclass(frozen=True)
class Interpretation:
    query: str
    years: tuple[int, ...] = ()
    publishers: tuple[str, ...] = ()
    expansions: tuple[str, ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()
    year_from: int | None = None  # "since 2023": documents of that year or later
    glossary: tuple[GlossaryUse, ...] = ()
    framing: tuple[str, ...] = ()  # phrases read as year/source cues, left out of the words
    answer: str = ""  # the kind of answer asked for: "number" ("how many"), "date" ("when")
    recent: str = ""  # a recency cue as typed ("these days"), read as "since the newest year"
    undated: tuple[int, ...] = ()  # years named that no document is dated: said, not chipped
    councils: tuple[str, ...] = ()  # councils named, as the index shows them ("Norfolk")
    council_words: tuple[tuple[str, str], ...] = ()  # (as typed, council): "Bexley's", "Bexley"
    inspection_refs: tuple[InspectionRef, ...] = ()  # "the 2018 inspection", "the one before"
    # the inspections they were resolved to by the searcher: (chip, document id)
    reports: tuple[tuple[str, str], ...] = ()
    # the inspections change is counted from ("since the 2022 inspection"): (chip, document id)
    baselines: tuple[tuple[str, str], ...] = ()
    over_time: str = ""  # "how has Leeds changed", "since 2014": answered as a timeline

    # Derived text and terms are worked out once per reading (the fields never change; a
    # changed reading is a new instance via `replace`), not on every use during one search.
    @cached_property
    def corrected(self) -> str:
        """The question with typos replaced by the corpus words they most likely meant."""
        text = self.query
        for wrong, right in self.corrections:
            text = re.sub(rf"\b{re.escape(wrong)}\b", right, text, flags=re.I)
        return text

    @property
    def base_terms(self) -> list[str]:
        """The words searched for: the corrected question minus its framing phrases (unless
        that would leave nothing)."""
        return list(self._base_terms)

    @cached_property
    def _base_terms(self) -> tuple[str, ...]:
        text = self.corrected
        for phrase in self.framing:
            text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", text, flags=re.I)
        # nothing else asked ("Leeds two years ago"): the words of time are still no topic
        return tuple(
            terms(text) or terms(time_words.without_dates(self.corrected)) or terms(self.corrected)
        )

    def unframed(self) -> Interpretation:
        """The same reading with framing phrases searched as words again."""
        return replace(self, framing=())

    @property
    def expansion_terms(self) -> list[str]:
        return list(self._expansion_terms)

    @cached_property
    def _expansion_terms(self) -> tuple[str, ...]:
        base = set(self._base_terms)
        out: list[str] = []
        for t in terms(" ".join(self.expansions)):
            if t not in base and t not in out:
                out.append(t)
        return tuple(out)

    @property
    def search_terms(self) -> list[str]:
        return self.base_terms + self.expansion_terms

    @property
    def dense_text(self) -> str:
        """What the model embeds: the corrected question, acronyms spelled out after it. A
        council named is left to its boost: embedded, it makes every cover page that prints the
        name look like an answer."""
        text = self.corrected
        for surface, _ in self.council_words:
            text = re.sub(rf"(?<!\w){re.escape(surface)}(?!\w)", " ", text, flags=re.I)
        text = " ".join(text.split()) if words(text) else self.corrected
        return f"{text} ({'; '.join(self.expansions)})" if self.expansions else text

    def since_latest(self, newest_year: int) -> Interpretation:
        """A recency cue resolved: documents of the newest year (of the index, or of the
        councils named) are wanted; beside years named ("2016 compared with now"), that year
        joins them, so both sides of the comparison lead."""
        if not self.recent or self.year_from is not None:
            return self
        if self.years:
            return (
                self
                if newest_year in self.years
                else replace(self, years=(*self.years, newest_year))
            )
        return replace(self, year_from=newest_year)

    def wants_year(self, years: frozenset[int]) -> bool:
        if self.year_from is not None and any(y >= self.year_from for y in years):
            return True
        return bool(years & set(self.years))

    @property
    def chips(self) -> list[str]:
        """Short labels for the interpreted parts: "year 2014", "source Ofsted", "IRO → ..."."""
        return (
            [f"year {y}" for y in self.years if y != self.year_from and y not in self.undated]
            + ([self._since_chip] if self.year_from is not None else [])
            + [f"council {c}" for c in self.councils]
            + list(dict.fromkeys(chip for chip, _ in self.reports))
            + list(dict.fromkeys(chip for chip, _ in self.baselines))
            + ([f"timeline: {self.over_time}"] if self.over_time else [])
            + [f"source {p}" for p in self.publishers]
            + [f"{w} → {r}" for w, r in self.corrections]
            + [g.chip for g in self.glossary]
            + ([f"answer: {self.answer}"] if self.answer else [])
        )

    @property
    def _since_chip(self) -> str:
        return (
            f"{self.recent} → since {self.year_from}" if self.recent else f"since {self.year_from}"
        )

    def without(self, chip: str) -> Interpretation:
        """The same reading minus one interpreted part (the TUI's removable chips)."""
        years = tuple(y for y in self.years if chip != f"year {y}")
        dropped_since = self.year_from is not None and chip == self._since_chip
        year_from = None if dropped_since else self.year_from
        if year_from is None and self.year_from is not None:
            years = tuple(y for y in years if y != self.year_from)
        glossary = tuple(g for g in self.glossary if g.chip != chip)
        reports = tuple(r for r in self.reports if r[0] != chip)
        # every inspection named dropped: not to be resolved again (nor counted from)
        refs = self.inspection_refs if reports or not self.reports else ()
        baselines = tuple(r for r in self.baselines if r[0] != chip) if reports else ()
        # a council dropped: the words that named it are searched as words again
        freed = {w for w, c in self.council_words if chip == f"council {c}"}
        return replace(
            self,
            years=years,
            year_from=year_from,
            publishers=tuple(p for p in self.publishers if chip != f"source {p}"),
            councils=tuple(c for c in self.councils if chip != f"council {c}"),
            council_words=tuple(p for p in self.council_words if p[0] not in freed),
            framing=tuple(f for f in self.framing if f not in freed),
            corrections=tuple(c for c in self.corrections if chip != f"{c[0]} → {c[1]}"),
            glossary=glossary,
            expansions=_flatten(glossary),
            answer="" if chip == f"answer: {self.answer}" else self.answer,
            recent="" if dropped_since else self.recent,
            reports=reports,
            baselines=baselines,
            inspection_refs=refs,
            over_time="" if chip == f"timeline: {self.over_time}" else self.over_time,
        )

    @property
    def report_ids(self) -> tuple[str, ...]:
        """The documents of the inspections the question names, oldest first."""
        return tuple(dict.fromkeys(doc for _, doc in self.reports))

    @property
    def baseline_ids(self) -> tuple[str, ...]:
        """The documents of the inspections change is counted from, oldest first."""
        return tuple(dict.fromkeys(d for _, d in self.baselines if d not in self.report_ids))


def validate(query: str) -> str:
    """The question with its whitespace collapsed, or an error saying why it cannot be asked:
    empty, too long, undecodable bytes, or nothing in it that could be searched."""
    undecodable = next((c for c in query if "\ud800" <= c <= "\udfff"), None)
    if undecodable is not None:  # bytes that were not UTF-8, kept by surrogateescape
        byte = ord(undecodable) - 0xDC00
        shown = f"the byte 0x{byte:02x}" if 0x80 <= byte <= 0xFF else "a character"
        raise OfstedQAError(
            f"The question is not valid UTF-8 ({shown} at character {query.index(undecodable)}).",
            hint="retype it, or set the terminal to UTF-8",
        )
    cleaned = " ".join(query.split())
    if not cleaned:
        raise OfstedQAError("The question is empty.", hint="type a few words")
    if len(cleaned) > MAX_QUERY_CHARS:
        raise OfstedQAError(
            f"The question is too long ({len(cleaned):,} characters; the limit is "
            f"{MAX_QUERY_CHARS:,}).",
            hint="ask about one thing at a time",
        )
    if not words(cleaned):
        raise OfstedQAError(
            "The question has no words to search.", hint="type a few words or numbers"
        )
    return cleaned


def _flatten(glossary: tuple[GlossaryUse, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for use in glossary:
        out.extend(e for e in use.added if e not in out)
    return tuple(out)


def _typed_words(text: str) -> list[str]:
    """Words that typo correction may look at. Contractions ("who've", "you'd") are English
    words; with the apostrophe folded ("whove") they would read as typos of "whole" or "you"."""
    bare = (w.removesuffix("'s") for w in tokens(text))
    return [w for w in bare if "'" not in w]


def interpret(
    query: str,
    *,
    glossary: Glossary | None = None,
    corrector: Corrector | None = None,
    understand: bool = True,
    councils: CouncilFinder | None = None,
    today: datetime.date | None = None,
) -> Interpretation:
    """Read a question. `understand=False` keeps only the text (the plain-hybrid baseline);
    `councils` finds the councils of the index the question names; `today` (else clock.py's)
    dates "last year" and "two years ago"."""
    text = validate(query)
    if not understand:
        return Interpretation(query=text)
    years, year_from = parse_years(text)
    today = today or clock.today()
    worded, said = time_words.dated(text, today)  # "last year", "18/19"
    years = tuple(sorted({*years, *worded}))
    year_from = time_words.since_year(text, today) if year_from is None else year_from
    publishers = (OFSTED,) if _OFSTED_CUES.search(text) else ()
    vocabulary = glossary or default_glossary()
    mentions = councils.mentions(text) if councils is not None else ()
    named = tuple(dict.fromkeys(c for m in mentions for c in m.councils))
    # a council's name is not a typo of some commoner word ("Bexley" is not "bexleyheath")
    places = {w for c in named for phrase in c.phrases for w in phrase}
    places |= {w for m in mentions for w in _typed_words(m.surface)}  # "Norflok" as typed
    corrections: tuple[tuple[str, str], ...] = ()
    if corrector is not None:
        typed = [
            w for w in _typed_words(text) if w not in vocabulary.known_words and w not in places
        ]
        corrections = tuple(corrector.corrections(typed))
    framing = tuple(m.group().strip() for m in _FRAMING.finditer(text)) + said
    framing += tuple(m.group().strip() for m in _OFSTED_CUES.finditer(text))
    refs = references(text)
    refs += time_words.last_seen(text, refs)  # "when was Hull last inspected"
    framing += tuple(r.surface for r in refs) + change_words(text)
    recency = _RECENT.search(text)  # a named year says more than "now" ...
    then_and_now = _THEN_AND_NOW.search(text)  # ... unless compared with it: both are meant
    standing = recency.group() if recency else time_words.standing(text)  # "still"
    recent = (
        standing
        if standing and not years and year_from is None
        else then_and_now.group(1)
        if then_and_now and years and year_from is None
        else ""
    )
    framing += (recent,) if recent else ()
    # a council named is a boost on its documents; as a search word it would pull up every
    # cover page and heading that prints the name ("Inspection of Cornwall ...")
    framing += tuple(m.surface for m in mentions)
    answer = next((kind for kind, cue in _ANSWERS.items() if cue.search(text)), "")
    reading = Interpretation(
        text,
        years=years,
        publishers=publishers,
        corrections=corrections,
        year_from=year_from,
        framing=framing,
        answer=answer,
        recent=recent,
        councils=tuple(c.name for c in named),
        council_words=tuple((m.surface, c.name) for m in mentions for c in m.councils),
        inspection_refs=refs,
        over_time=over_time(text),
    )
    uses = tuple(
        GlossaryUse(m.surface, m.entry.term, m.entry.definition, m.added)
        for m in vocabulary.find(reading.corrected)
    )
    return replace(reading, glossary=uses, expansions=_flatten(uses))
