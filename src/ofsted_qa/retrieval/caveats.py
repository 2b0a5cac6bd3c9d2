"""What an answer must say about the question it could not take as typed.

A year no document is dated, a year or council in the question overruled by a filter, a question
none of whose content words occurs in any document, a question of only common words ("the
the the", "a"): each is said in words (`SearchResponse.notes`) instead of showing results under
a chip or a score that looks like a match.

Content words are the question's searched words less common English (`COMMON`: the lexical
stopwords, and the pronouns, auxiliaries and filler words people type, "nothing", "anything",
"tell me") and less numbers: a year or decade no document has ("the 2020s") is said, when it is,
by the year notes, and is not a word the question is about.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from functools import lru_cache

from ofsted_qa.index.lexical_index import STOPWORDS, terms, words
from ofsted_qa.retrieval.query import Interpretation
from ofsted_qa.retrieval.results import Filters


def _listed(items: Collection[object]) -> str:
    names = [str(i) for i in items]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def nearest_years(year: int, known: Collection[int]) -> tuple[int, ...]:
    """The closest dated years either side of `year` (one side when it is outside them all)."""
    below = [y for y in known if y < year]
    above = [y for y in known if y > year]
    return tuple(sorted(({max(below)} if below else set()) | ({min(above)} if above else set())))


def years(
    understood: Interpretation, known: Collection[int], filters: Filters
) -> tuple[Interpretation, tuple[str, ...]]:
    """The reading with its years reconciled with the index and the year filter, and notes."""
    notes: list[str] = []
    if filters.years and (understood.years or understood.year_from is not None):
        notes.append(
            f"The year filter ({_listed(filters.years)}) applies; the question's "
            f"{_listed(understood.years or (understood.year_from,))} is not used."
        )
        return replace(understood, years=(), year_from=None, recent=""), tuple(notes)
    if not known:
        return understood, ()
    missing = tuple(y for y in understood.years if y not in known)
    since = understood.year_from
    if since is not None and all(y < since for y in known):
        notes.append(f"Nothing in the index is dated {since} or later; the newest is {max(known)}.")
        understood = replace(understood, year_from=None, undated=(since,))
        missing = tuple(y for y in missing if y != since)
    if missing:
        near = sorted({n for y in missing for n in nearest_years(y, known)} - set(missing))
        plural = "years are" if len(near) > 1 else "year is"
        notes.append(
            f"Nothing in the index is dated {_listed(missing)}; the nearest {plural} "
            f"{_listed(near)}."
        )
        understood = replace(understood, undated=understood.undated + missing)
    return understood, tuple(notes)


def councils(
    understood: Interpretation, kept: Collection[str], typed: Collection[str]
) -> tuple[Interpretation, tuple[str, ...]]:
    """The reading without the councils it names that the council filter (`typed`, admitting
    the councils shown as `kept`) leaves out, and a note saying so."""
    outside = tuple(c for c in understood.councils if c not in kept)
    if not outside:
        return understood, ()
    note = (
        f"The council filter ({_listed(typed)}) applies; the question's "
        f"{_listed(outside)} is not used."
    )
    inside = tuple(c for c in understood.councils if c in kept)
    return replace(understood, councils=inside), (note,)


# Words that say nothing of what is asked about (beside the lexical STOPWORDS): pronouns,
# auxiliaries, determiners, prepositions and the filler of typed questions. Not bm25s's list:
# importing bm25s costs a question's cold start 0.4 s, and it lacks "nothing", "anything".
COMMON = STOPWORDS | frozenset(
    "i me my we our us you your he him his she her they them it itself am being had having "
    "would could should shall can may might must need ought not no nor yes so too very just "
    "only also any all some each every both either neither few more most other such own same "
    "than then when where why whom whose which whether if but because while until before "
    "after above below into onto out off over under again further here once up down "
    "nothing anything something everything someone anyone everyone nobody none thing things "
    "stuff etc please tell show give know want like get got go going let lets ok okay "
    "hello hi thanks thank really quite much many lot lots kind sort way "
    # contractions typed without the apostrophe ("whats changed")
    "whats hows whos wheres thats theres dont doesnt didnt isnt arent wasnt werent cant "
    "wont im ive youre theyre".split()
)


@lru_cache(maxsize=1)
def _common_terms() -> frozenset[str]:
    return frozenset(terms(" ".join(COMMON)))


def content_terms(understood: Interpretation) -> list[str]:
    """The searched terms that name something: not common English, not numbers."""
    common = _common_terms()
    return [t for t in understood.search_terms if t.isalpha() and t not in common]


def unknown_words(understood: Interpretation, vocabulary: Mapping[str, int]) -> tuple[str, ...]:
    """A note when no content word of the question (or of its glossary expansions) is in any
    document, or when the question has only common words; none when no content word is left to
    search ("Bexley in 2016": a council and a year, both read; "Leeds in the 2020s"), and said of
    the other words when a council was read from the question ("Eastmere xylophone")."""
    typed = words(understood.query)
    if typed and all(w in COMMON for w in typed):
        return (
            "The question has only common words, none naming a topic: these passages match "
            "nothing in it.",
        )
    content = content_terms(understood)
    if not content or any(t in vocabulary for t in content):
        return ()
    # common words typed beside the unknown ones ("nothing about xyz") may well occur: name the
    # words that do not, so the note is true
    unknown = set(content)
    named = [w for w in dict.fromkeys(typed) if (t := terms(w)) and set(t) <= unknown]
    which = (
        f" naming a topic ({', '.join(named)})"
        if named and len(content) < len(understood.search_terms)
        else ""
    )
    if understood.councils:
        return (
            f"Apart from the council, no word of the question{which} occurs in any document: "
            "these passages are the council's closest in meaning, not matches.",
        )
    return (
        f"No word of the question{which} occurs in any document: these passages are only the "
        "closest in meaning, not matches.",
    )


def left_as_typed(understood: Interpretation) -> tuple[str, ...]:
    """A note naming the short words nothing knows that were left uncorrected ("boro": no
    report word, council or field term; "born", one edit away, is not what was meant)."""
    left = understood.left_as_typed
    if not left:
        return ()
    verb = "is" if len(left) == 1 else "are"
    return (
        f"{_listed([f'“{w}”' for w in left])} {verb} no word of the reports, no council and no "
        "field term known here: searched as typed, not corrected to another word.",
    )
