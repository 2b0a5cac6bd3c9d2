"""A question as read: the years, councils, inspections, sources, corrections and field words
found in it (`query.interpret` reads them), with the text and terms searched that follow.

Everything read is shown back to the user (`chips`: `--explain`, TUI chips) and can be dropped
again (`Interpretation.without(chip)`), never hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from ofsted_qa.index.lexical_index import terms, words
from ofsted_qa.retrieval import time_words
from ofsted_qa.retrieval.inspection_refs import InspectionRef


@dataclass(frozen=True)
class GlossaryUse:
    """One glossary entry found in a question: the words typed and what they add."""

    surface: str  # the words as typed
    term: str
    definition: str
    added: tuple[str, ...]  # expansions this match contributes
    broader: tuple[str, ...] = ()  # the wider topic's words: searched lower still, never shown

    @property
    def chip(self) -> str:
        """ "kids in care → looked after children", "IRO → independent reviewing officer";
        never the typed word's opposite ("unallocated cases → allocation", not "→ allocated",
        which is searched too but is not what was asked) nor words already typed; "" when it
        would only repeat what was typed ("focused visits → focused visit")."""
        typed = words(self.surface)
        shown = [
            e
            for e in self.added
            if not _opposite(typed, words(e)) and not set(words(e)) <= set(typed)
        ]
        said = shown[0] if shown else self.term
        # "focused visit → focused visit" tells the user nothing: no chip
        return "" if terms(said) == terms(self.surface) else f"{self.surface} → {said}"


_NEGATIONS = ("un", "non", "in", "dis")


def _opposite(typed: list[str], expansion: list[str]) -> bool:
    """One of the words is the other negated ("allocated", "unallocated")."""
    return any(a == n + b or b == n + a for a in typed for b in expansion for n in _NEGATIONS)


@dataclass(frozen=True)
class Interpretation:
    query: str
    years: tuple[int, ...] = ()
    publishers: tuple[str, ...] = ()
    expansions: tuple[str, ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()
    left_as_typed: tuple[str, ...] = ()  # short words nothing knows, not corrected ("boro")
    year_from: int | None = None  # "since 2023": documents of that year or later
    # "in the last year": (first, last) ISO dates documents are published between (last:
    # today), or () for none; `year_from` is the first's year, for what reads years only
    span: tuple[str, ...] = ()
    span_words: str = ""  # as typed: "in the past 18 months"
    # ranges typed ("2014-2016", "the 2020s") as (first, last): their years are all in `years`
    year_ranges: tuple[tuple[int, int], ...] = ()
    glossary: tuple[GlossaryUse, ...] = ()
    framing: tuple[str, ...] = ()  # phrases read as year/source cues, left out of the words
    answer: str = ""  # the kind of answer asked for: "number" ("how many"), "date" ("when")
    recent: str = ""  # a recency cue as typed ("these days"), read as "since the newest year"
    undated: tuple[int, ...] = ()  # years named that no document is dated: said, not chipped
    councils: tuple[str, ...] = ()  # councils named, as the index shows them ("Norfolk")
    council_words: tuple[tuple[str, str], ...] = ()  # (as typed, council): "Bexley's", "Bexley"
    regions: tuple[str, ...] = ()  # ONS regions named ("North East"): their councils only
    region_words: tuple[tuple[str, str], ...] = ()  # (as typed, region): "Yorkshire", ...
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
        text = places = self.corrected
        named = {typed.casefold() for typed, _ in (*self.council_words, *self.region_words)}
        # longest first: "from 2016" taken before "from 2016 onwards" would leave "onwards"
        for phrase in sorted(self.framing, key=len, reverse=True):
            framed = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.I)
            text = framed.sub(" ", text)
            places = places if phrase.casefold() in named else framed.sub(" ", places)
        # nothing else asked ("Leeds two years ago", "Rochdale in the last 6 months", "central
        # beds 2014/15", "Hull's last inspection"): the council named is searched; the words of
        # time are still no topic, and a year searched as a word finds the fact boxes' dates
        # ("in post since September 2014"), not the report's verdict
        timeless = self.corrected
        if self.span_words:
            timeless = re.sub(
                rf"(?<!\w){re.escape(self.span_words)}(?!\w)", " ", timeless, flags=re.I
            )
        undated = time_words.without_dates(timeless)
        return tuple(
            terms(text)
            # the place alone ("hartlepool last inspection"): "inspection" searched as a word
            # finds the cover's "Inspection dates:", not what the inspection found
            or terms(time_words.without_years(time_words.without_dates(places)))
            or terms(time_words.without_years(undated))
            or terms(undated)
            or terms(self.corrected)
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

    def in_span(self, date: str) -> bool:
        """A document dated `date` (ISO, as precise as known) was published in the span."""
        first, last = self.span
        return first[: len(date)] <= date <= last[: len(date)] if date else False

    def wants_dated(self, years: frozenset[int], date: str) -> bool:
        """A document of these `years`, dated (published) `date`, is of the time asked: in the
        span where one was read, else of a year named or since the year named."""
        return self.in_span(date) if self.span else self.wants_year(years)

    @property
    def span_said(self) -> str:
        """ "inspections published 30 Nov 2025 – 30 Nov 2026": the span read, or ""."""
        if not self.span:
            return ""
        first, last = (_day(d) for d in self.span)
        return f"inspections published {first} – {last}"

    def wants_year(self, years: frozenset[int]) -> bool:
        if self.year_from is not None and any(y >= self.year_from for y in years):
            return True
        return bool(years & set(self.years))

    @property
    def chips(self) -> list[str]:
        """Short labels for the interpreted parts: "year 2014", "source Ofsted", "IRO → ..."."""
        whole = self._whole_ranges
        within = {y for first, last in whole for y in range(first, last + 1)}
        return (
            [f"years {first}–{last}" for first, last in whole]
            + [
                f"year {y}"
                for y in self.years
                if y != self.year_from and y not in self.undated and y not in within
            ]
            + ([self._since_chip] if self.year_from is not None else [])
            + [f"council {c}" for c in self.councils]
            + [f"region {r}" for r in self.regions]
            + list(dict.fromkeys(chip for chip, _ in self.reports))
            + list(dict.fromkeys(chip for chip, _ in self.baselines))
            + ([f"timeline: {self.over_time}"] if self.over_time else [])
            + [f"source {p}" for p in self.publishers]
            + [f"{w} → {r}" for w, r in self.corrections]
            + [g.chip for g in self.glossary if g.chip]
            + ([f"answer: {self.answer}"] if self.answer else [])
        )

    @property
    def _whole_ranges(self) -> list[tuple[int, int]]:
        """The ranges typed whose every year is searched: one chip each ("years 2014–2016"),
        however typed ("2014-16", "between 2014 and 2016", "the 2020s")."""
        searched = set(self.years) - set(self.undated)
        return [
            (first, last)
            for first, last in self.year_ranges
            if last > first and set(range(first, last + 1)) <= searched
        ]

    @property
    def _since_chip(self) -> str:
        if self.span:
            return f"{self.span_words} → published {' – '.join(_day(d) for d in self.span)}"
        return (
            f"{self.recent} → since {self.year_from}" if self.recent else f"since {self.year_from}"
        )

    def without(self, chip: str) -> Interpretation:
        """The same reading minus one interpreted part (the TUI's removable chips)."""
        years = tuple(y for y in self.years if chip != f"year {y}")
        # a range's chip drops every year of it, and the range
        ranges = tuple(r for r in self.year_ranges if chip != f"years {r[0]}–{r[1]}")
        for first, last in set(self.year_ranges) - set(ranges):
            years = tuple(y for y in years if not first <= y <= last)
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
        regions = tuple(r for r in self.regions if chip != f"region {r}")
        # a region's words are freed once no region they name is left ("the Midlands": two)
        region_words = tuple(p for p in self.region_words if p[1] in regions)
        freed |= {w for w, _ in self.region_words} - {w for w, _ in region_words}
        return replace(
            self,
            years=years,
            year_from=year_from,
            span=() if dropped_since else self.span,
            span_words="" if dropped_since else self.span_words,
            year_ranges=ranges,
            publishers=tuple(p for p in self.publishers if chip != f"source {p}"),
            councils=tuple(c for c in self.councils if chip != f"council {c}"),
            council_words=tuple(p for p in self.council_words if p[0] not in freed),
            regions=regions,
            region_words=region_words,
            framing=tuple(f for f in self.framing if f not in freed),
            corrections=tuple(c for c in self.corrections if chip != f"{c[0]} → {c[1]}"),
            glossary=glossary,
            expansions=expansions_of(glossary),
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


def _day(iso: str) -> str:
    """ "2025-11-30" as "30 Nov 2025"."""
    year, month, day = (int(p) for p in iso.split("-"))
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    return f"{day} {months[month - 1]} {year}"


def expansions_of(glossary: tuple[GlossaryUse, ...]) -> tuple[str, ...]:
    """The words the glossary uses add to the search, each once, in order."""
    out: list[str] = []
    for use in glossary:
        out.extend(e for e in use.added if e not in out)
    return tuple(out)
