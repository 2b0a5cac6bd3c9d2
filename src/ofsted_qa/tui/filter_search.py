"""Finding a filter by typing part of it: the document picker and the command palette both ask
this, so neither has to list (or fuzzy-match, a keystroke at a time) 500 documents.

Every word typed must occur in an entry's words ("norf 2015" finds Norfolk's 2015 report; "sif
bexley" Bexley's SIF report); entries whose words *start* with what was typed rank first, then
the newest. Where nothing has every word, a misspelt council ("council westhavn") offers the
nearest councils, as `--council` suggests them. No Textual here: it is plain data and a loop
over at most a few thousand entries (about a millisecond for the whole corpus).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ofsted_qa.render_shortened import short_title
from ofsted_qa.tui.engine import Choices, DocumentChoice

# Words of the palette's own wording, not of any one filter: "Filter: document norfolk" searches
# for Norfolk.
NOISE = frozenset({"filter", "filters", "by"})
WORD = re.compile(r"[^\W_]+", re.UNICODE)
SHORT_CHARS = 38  # the filter bar's Document button: 40 columns at most, less its padding


@dataclass(frozen=True)
class FilterEntry:
    """One filter the user can pick: `key` is the FilterBar's ("year", "doc", "kind",
    "council", "region"), `value` what it is set to, `label` what is shown ("Filter: council
    Norfolk")."""

    key: str
    value: object
    label: str
    detail: str
    words: tuple[str, ...]  # lower-cased, folded: what typed words are matched against
    order: str  # ties broken by this, descending: a document's date, so the newest come first
    short: str = ""  # a document's name for a narrow place (the filter bar): council, date kept


def words_of(text: str) -> tuple[str, ...]:
    """Lower-case words, curly apostrophes and accents aside ("children’s" → children, s)."""
    return tuple(WORD.findall(text.casefold()))


def document_entry(doc: DocumentChoice) -> FilterEntry:
    from ofsted_qa.citations.citation import human_date  # the core loads after the first paint

    described = " · ".join(p for p in (doc.council, doc.date, doc.kind, doc.framework) if p)
    return FilterEntry(
        key="doc",
        value=doc.doc_id,
        label=f"Filter: document {doc.title}",
        detail=f"{described} · {doc.doc_id}" if described else doc.doc_id,
        words=words_of(f"document {doc.title} {described} {doc.doc_id}"),
        order=doc.date,
        short=short_title(
            doc.title, doc.council, SHORT_CHARS, date=human_date(doc.date) if doc.date else ""
        ),
    )


def filter_entries(choices: Choices) -> tuple[FilterEntry, ...]:
    """Every filter the index offers: years and kinds, councils, regions, then documents."""
    entries = [
        FilterEntry(
            "year", y, f"Filter: year {y}", "Only documents of this year", ("year", str(y)), ""
        )
        for y in choices.years
    ]
    entries += [
        FilterEntry(
            "kind", k, f"Filter: kind {k}", "Only this kind of document", words_of(f"kind {k}"), ""
        )
        for k in choices.kinds
    ]
    entries += [
        FilterEntry(
            "council",
            c,
            f"Filter: council {c}",
            "Only this council's documents",
            words_of(f"council {c}"),
            "",
        )
        for c in choices.councils
    ]
    entries += [
        FilterEntry(
            "region",
            r,
            f"Filter: region {r}",
            "Only the documents of this region's councils",
            words_of(f"region {r}"),
            "",
        )
        for r in choices.regions
    ]
    entries += [document_entry(d) for d in choices.documents]
    return tuple(entries)


def search(
    entries: Sequence[FilterEntry], query: str, *, limit: int = 40, keys: Iterable[str] = ()
) -> list[tuple[float, FilterEntry]]:
    """The entries every typed word occurs in, best first, at most `limit`; each with a score in
    (0, 1] (the share of typed words that start one of its words). Only `keys` when given. An
    empty query matches every entry."""
    wanted = set(keys)
    typed = [w for w in words_of(query) if w not in NOISE]
    found: list[tuple[float, bool, str, int, FilterEntry]] = []
    for position, entry in enumerate(entries):
        if wanted and entry.key not in wanted:
            continue
        starts = 0
        for word in typed:
            if any(w.startswith(word) for w in entry.words):
                starts += 1
            elif not any(word in w for w in entry.words):
                break
        else:
            score = (starts + 1) / (len(typed) + 1)
            # A council, year or kind before the documents that share its words.
            found.append((score, entry.key != "doc", entry.order, -position, entry))
    found.sort(key=lambda row: row[:4], reverse=True)
    if not found and ("council" in typed or wanted == {"council"}):
        return _near_councils(entries, typed, wanted)[:limit]
    return [(row[0], row[4]) for row in found[:limit]]


def _near_councils(
    entries: Sequence[FilterEntry], typed: list[str], wanted: set[str]
) -> list[tuple[float, FilterEntry]]:
    """A misspelt council ("council westhavn", or any words where only councils are sought)
    found nothing: the nearest councils, as the command line's `--council` suggests them, each
    scored below any entry found by its words. Other words ("inspectoin") get none."""
    from ofsted_qa.retrieval.councils import nearest_councils

    councils = {
        str(e.value): e for e in entries if e.key == "council" and (not wanted or e.key in wanted)
    }
    name = " ".join(w for w in typed if w != "council")
    if not councils or not name:
        return []
    near = nearest_councils(name, councils)
    return [(0.5 / (rank + 1), councils[c]) for rank, c in enumerate(near)]
