"""What the user asked for, made explicit: years, sources, corrections and the field's words,
read from the question's text into an `Interpretation` (interpretation.py).

Everything interpreted here is shown back to the user (`--explain`, TUI chips) and can be
dropped again (`Interpretation.without(chip)`), never hidden.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.lexical_index import tokens, words
from ofsted_qa.retrieval import clock, time_spans, time_words
from ofsted_qa.retrieval.change_cue import change_words, over_time
from ofsted_qa.retrieval.council_question import CouncilFinder
from ofsted_qa.retrieval.glossary import Glossary, default_glossary
from ofsted_qa.retrieval.inspection_refs import references
from ofsted_qa.retrieval.interpretation import GlossaryUse, Interpretation, expansions_of
from ofsted_qa.retrieval.region_question import region_mentions
from ofsted_qa.retrieval.typos import Corrector
from ofsted_qa.retrieval.years import in_range, parse_years, read_years

# The reading's types live in interpretation.py; most modules take them from here.
__all__ = [
    "MAX_QUERY_CHARS",
    "OFSTED",
    "GlossaryUse",
    "Interpretation",
    "interpret",
    "parse_years",
    "validate",
]

MAX_QUERY_CHARS = 5000
OFSTED = "Ofsted"

_SUBJECT = r"(?:ofsted|inspectors?|hmi|the\s+(?:\d{4}\s+)?(?:inspection|report|letter|visit))"
_VERB = (
    r"(?:say|said|says|find|found|finds|think|thought|judge|judged|rate|rated|grade|graded|"
    r"recommend|recommended|report|reported|conclude|concluded|note|noted|highlight|"
    r"highlighted|criticise|criticised|praise|praised|identify|identified|see|saw|"
    # "what did Ofsted give Hartlepool": its grade, Ofsted's own word as much as "say"
    r"give|gave|given|gives|award|awarded|awards)"
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
# The word between two years compared ("2017 vs 2025", "2014 against 2023"): how to compare,
# not what; searched, "against" finds "allegations against staff". ("Compared with" stays a
# search word: verdicts say "compared with the last inspection".)
_VERSUS = re.compile(
    r"(?<=\d\d)\s+(?:vs\.?|v\.?|versus|against)(?=\s+(?:the\s+|in\s+)?"
    r"(?:19[89]\d|20[0-4]\d)\b)",
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
    typed_years = read_years(text)
    years, year_from = typed_years.years, typed_years.since
    today = today or clock.today()
    # "in the last year", "over the past 18 months": a span back from today, not years
    spanned = time_spans.span(text, today)
    span_words = spanned[1] if spanned else ""
    dateable = text.replace(span_words, " ") if span_words else text
    worded, said = time_words.dated(dateable, today)  # "last year", "18/19"
    years = tuple(sorted({*years, *worded}))
    if year_from is None:  # "since last year": the year it counts from is no year of its own
        year_from = time_words.since_year(dateable, today)
        years = tuple(y for y in years if y != year_from)
    span: tuple[str, ...] = ()
    if spanned and year_from is None:
        span = (spanned[0].isoformat(), today.isoformat())
        year_from, said = spanned[0].year, (*said, span_words)
    publishers = (OFSTED,) if _OFSTED_CUES.search(text) else ()
    vocabulary = glossary or default_glossary()
    mentions = councils.mentions(text) if councils is not None else ()
    named = tuple(dict.fromkeys(c for m in mentions for c in m.councils))
    # a council's name is not a typo of some commoner word ("Bexley" is not "bexleyheath")
    places = {w for c in named for phrase in c.phrases for w in phrase}
    places |= {w for m in mentions for w in _typed_words(m.surface)}  # "Norflok" as typed
    corrections: tuple[tuple[str, str], ...] = ()
    left: tuple[str, ...] = ()
    if corrector is not None:
        typed = [
            w for w in _typed_words(text) if w not in vocabulary.known_words and w not in places
        ]
        corrections = tuple(corrector.corrections(typed))
        left = tuple(corrector.left(typed))
    framing = tuple(m.group().strip() for m in _FRAMING.finditer(text)) + said
    framing += typed_years.phrases  # "in the 2020s", "2016 onwards"
    framing += tuple(m.group().strip() for m in _OFSTED_CUES.finditer(text))
    # "the latest Leeds report"; "the 2014-2016 inspection": a range of years, not the 2016 one
    refs = tuple(
        r
        for r in references(text, [m.surface for m in mentions])
        if r.year is None or not in_range(text, r.surface)
    )
    refs += time_words.last_seen(text, refs)  # "when was Hull last inspected"
    framing += tuple(r.surface for r in refs) + change_words(text)
    framing += tuple(m.group().strip() for m in _VERSUS.finditer(text))
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
    # a region named is its councils' documents (region_question.py), not a search word
    regions = region_mentions(text, (m.surface for m in mentions))
    framing += tuple(r.surface for r in regions)
    change = over_time(text)
    answer = next((kind for kind, cue in _ANSWERS.items() if cue.search(text)), "")
    reading = Interpretation(
        text,
        years=years,
        publishers=publishers,
        corrections=corrections,
        left_as_typed=left,
        year_from=year_from,
        span=span,
        span_words=span_words if span else "",
        year_ranges=typed_years.ranges,
        framing=framing,
        answer=answer,
        recent=recent,
        councils=tuple(c.name for c in named),
        council_words=tuple((m.surface, c.name) for m in mentions for c in m.councils),
        regions=tuple(dict.fromkeys(r for m in regions for r in m.regions)),
        region_words=tuple((m.surface, r) for m in regions for r in m.regions),
        inspection_refs=refs,
        # "over the last two years" read as a span is when, not a question of change
        over_time="" if span and change.lower() in span_words.lower() else change,
    )
    uses = tuple(
        GlossaryUse(m.surface, m.entry.term, m.entry.definition, m.added, m.broader)
        for m in vocabulary.find(reading.corrected)
    )
    return replace(reading, glossary=uses, expansions=expansions_of(uses))
