"""Judgements as answers: a question asking for a grade or a rating ("how was Leeds rated",
"what grades did Norfolk get in 2023", "the verdict on care leavers in 2014") is answered first
by a judgement card per inspection (council, inspection, dates, every area with its grade, cited
to the page of the judgement table), or, asked of no council ("which councils were inadequate for
help and protection last year"), by the list of matching judgements.

Cards rest on the facts each report states about itself (`DocumentMeta.judgements`), the same
rows `ofsted-qa judgements` lists; nothing here reads a file.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from ofsted_qa.index.store import ChunkStore
from ofsted_qa.ingest.facts import Judgement
from ofsted_qa.retrieval.council_cards import graded_so, of_councils
from ofsted_qa.retrieval.grade_question import asks_for_cards, grade_question, in_field_words
from ofsted_qa.retrieval.grade_repeats import repeat_asked
from ofsted_qa.retrieval.inspections import Inspection
from ofsted_qa.retrieval.judgement_listing import (
    Matched,
    asks_count,
    asks_which,
    grade_change,
    grade_named,
    listing,
)
from ofsted_qa.retrieval.judgement_terms import areas_in
from ofsted_qa.retrieval.judgements import JudgementRow, in_areas, report_rows
from ofsted_qa.retrieval.listing_notes import joint_grade_note
from ofsted_qa.retrieval.query import Interpretation
from ofsted_qa.retrieval.region_grades import grade_text
from ofsted_qa.retrieval.regions import region_named
from ofsted_qa.retrieval.time_words import present_tense


@dataclass(frozen=True)
class JudgementCard:
    """One inspection's judgements, every area with its grade; `asked` the areas the question
    named (canonical keys), which a reader's eye should find first."""

    inspection: Inspection
    rows: tuple[JudgementRow, ...]
    asked: tuple[str, ...] = ()

    def grade_for(self, area: str) -> str | None:
        """The grade this inspection gave `area` (a canonical key), or None."""
        row = next((r for r in self.rows if r.area == area), None)
        return row.grade if row else None

    def is_asked(self, row: JudgementRow) -> bool:
        return row.area in self.asked

    def as_json(self) -> dict[str, object]:
        first = self.rows[0]
        return {
            "council": first.council,
            "doc_id": first.doc_id,
            "inspection": self.inspection.kind,
            "framework": first.framework,
            "inspection_start": first.inspection_start,
            "inspection_end": first.inspection_end,
            "published": first.published,
            "asked": list(self.asked),
            "grades": [
                {
                    "area": r.area,
                    "area_label": r.area_label,
                    "report_label": r.report_label,
                    "grade": r.grade,
                    "page": r.page,
                    "citation": r.citation,  # SIF grades its LSCB on a later page
                    "ref": r.ref,
                }
                for r in self.rows
            ],
            "citation": first.citation,  # the first grade's: the judgement table, mostly
            "ref": first.ref,
        }


@dataclass(frozen=True)
class Judged:
    """What a grade question is answered with before its passages."""

    cards: tuple[JudgementCard, ...] = ()
    listing: tuple[JudgementRow, ...] = ()  # a question about no one council
    listing_said: str = ""  # what the listing holds: "inadequate · help and protection · 2025"
    notes: tuple[str, ...] = ()
    listing_years: tuple[int, ...] = ()  # the years the listing was asked for, if any
    listing_areas: tuple[str, ...] = ()  # the areas asked for ("care_leavers"), if any
    # (doc id, council) of every inspection matched, the listing's rows stopping at MAX_LISTED;
    # () for a listing that holds all it matched
    listing_matched: Matched = ()
    # the places the listing was narrowed to (by the question or the filters), as named
    listing_councils: tuple[str, ...] = ()
    listing_regions: tuple[str, ...] = ()
    listing_kinds: tuple[str, ...] = ()  # kinds of document a filter kept, as typed
    # what else narrowed the listing, as `ofsted-qa judgements` takes it (judgements_command)
    listing_grade: str = ""  # canonical, "" for any
    listing_since: int | None = None  # "since 2020"
    listing_latest: bool = False  # each council's latest graded inspection only
    listing_change: bool = False  # "went from inadequate to good": no option says that
    listing_repeat: str = ""  # "at least twice": a count per council, which no option says
    count_asked: bool = False  # "how many councils ...": the answer is the listing's count

    @property
    def listing_area(self) -> str:
        """The one area the listing is of ("care_leavers", whose rows include the joint
        ILACS judgement "in_care"), else ""."""
        asked = set(self.listing_areas) or {r.area for r in self.listing}
        return next(iter(asked)) if len(asked) == 1 else ""

    @property
    def listing_held(self) -> int:
        """The inspections whose rows the listing holds."""
        return len({r.doc_id for r in self.listing})

    @property
    def listing_capped(self) -> bool:
        """The listing's rows stopped at MAX_LISTED: more inspections match than it holds."""
        return self.listing_counts[0] > self.listing_held

    @property
    def listing_counts(self) -> tuple[int, int]:
        """(inspections, councils) the listing matched, held or not: "how many councils are
        outstanding"."""
        if self.listing_matched:
            return len({d for d, _ in self.listing_matched}), len(
                {c for _, c in self.listing_matched}
            )
        return self.listing_held, len({r.council for r in self.listing})

    @property
    def count_answer(self) -> str:
        """ "10 councils (11 inspections)": the count a "how many" question asked for; of
        the cards where there is no listing ("how many times was Sandwell inadequate")."""
        if not self.listing:
            n = len(self.cards)
            return f"{n} inspection{'s' * (n != 1)}"
        reports, councils = self.listing_counts
        least = "at least " * self.listing_capped
        also = f" ({least}{reports} inspections)" * (reports != councils)
        return f"{least}{councils} council{'s' * (councils != 1)}{also}"

    @property
    def listing_title(self) -> str:
        """The listing's heading: what it holds and how many inspections and councils."""
        reports, councils = self.listing_counts
        return (
            f"Judgements ({self.listing_said}): {reports} inspection{'s' * (reports != 1)} "
            f"of {councils} council{'s' * (councils != 1)}"
        )


def within(
    judged: Judged,
    documents: Collection[str],
    *,
    councils: Sequence[str] = (),
    regions: Sequence[str] = (),
    years: Sequence[int] = (),
    kinds: Sequence[str] = (),
) -> Judged:
    """The cards and listed grades of inspections with a document among `documents` (those
    the user's filters admit): a filter holds for grades as for passages. `councils`,
    `regions`, `years` and `kinds`: the filters' own values, which the listing then says it is
    of (and `ofsted-qa judgements` repeats)."""
    kept = set(documents)
    cards = tuple(c for c in judged.cards if kept & set(c.inspection.doc_ids))
    left_out = len(judged.cards) - len(cards)
    note = (
        (
            f"The grades asked for are in {left_out} inspection report"
            f"{'s' * (left_out != 1)} the filters leave out.",
        )
        if left_out
        else ()
    )
    return replace(
        judged,
        cards=cards,
        listing=tuple(r for r in judged.listing if r.doc_id in kept),
        listing_matched=tuple(m for m in judged.listing_matched if m[0] in kept),
        listing_councils=_once((*judged.listing_councils, *councils)),
        listing_regions=_once(
            (*judged.listing_regions, *(r for typed in regions for r in region_named(typed)))
        ),
        listing_years=_both(judged.listing_years, tuple(years)),
        listing_kinds=_once((*judged.listing_kinds, *kinds)),
        notes=judged.notes + note,
    )


def _once(names: Sequence[str]) -> tuple[str, ...]:
    """`names` without repeats, case aside ("Bexley" asked, "bexley" filtered), first kept."""
    first: dict[str, str] = {}
    for name in names:
        first.setdefault(name.casefold(), name)
    return tuple(first.values())


def _both(asked: tuple[int, ...], filtered: tuple[int, ...]) -> tuple[int, ...]:
    """The years a listing is of: those the question asked that the filters admit."""
    if asked and filtered:
        return tuple(y for y in asked if y in filtered)
    return asked or tuple(sorted(set(filtered)))


def judged(
    store: ChunkStore,
    understood: Interpretation,
    inspections: Sequence[Inspection],
) -> Judged:
    """Cards (or a listing) for a grade question; empty for any other. "Last year" is among
    the reading's years (time_words.py), as for passages."""
    text = grade_text(understood)  # "London boroughs": councils, the region read apart
    if not asks_for_cards(understood):
        return Judged()
    areas = areas_in(text)
    # "since 2022" is among the reading's years too (it boosts that year's passages); for
    # grades it is a start, not the one year
    years = set(understood.years) - {understood.year_from}
    graded = [i for i in inspections if i.graded]
    if understood.report_ids:
        wanted = set(understood.report_ids)
        chosen = [i for i in graded if i.doc_id in wanted]
        if not chosen and not grade_question(understood):  # "when was X last inspected": a visit
            return Judged()
        if not chosen:  # a focused or monitoring visit: Ofsted grades none
            named = [i for i in inspections if i.doc_id in wanted]
            said = " and ".join(dict.fromkeys(i.kind for i in named)) or "inspection named"
            return Judged(notes=(f"The {said} gives no grades; only full inspections do.",))
    elif understood.councils:
        chosen, notes = of_councils(graded, understood, years, understood.year_from)
        if not chosen:
            return Judged(notes=notes)
        grade = grade_named(text)
        if grade and not years and understood.year_from is None and not present_tense(text):
            chosen, more = graded_so(store, graded, understood.councils, grade, areas)
            notes += more
        return Judged(cards=_cards(store, chosen, areas), notes=notes, count_asked=asks_count(text))
    elif not in_field_words(text):
        return Judged()  # a grade asked in other words names a council: no listing
    else:
        # "now", or "are" with no year: each council's latest grade, not the newest year's
        tense = present_tense(text) and understood.year_from is None
        # "how did the North East do": a region's councils, each as a council named would be
        regional = (
            bool(understood.regions) and understood.year_from is None and not asks_which(text)
        )
        # "more than once" counts each council's inspections: all of them, not its latest
        repeat = repeat_asked(text) if asks_which(text) else None
        latest = (
            (bool(understood.recent) or tense or regional) and not understood.years and not repeat
        )
        rows, said, matched, lacking = listing(
            store,
            graded,
            text,
            areas,
            years,
            None if latest else understood.year_from,
            latest=latest,
            narrowed=bool(understood.regions),
            span=understood.span,
            span_said=understood.span_said,
            repeat=repeat,
        )
        note: tuple[str, ...] = (f"No judgement in the index matches ({said}).",) * bool(
            said and not rows
        )
        note += (_latest_note(understood.recent, tense or not regional),) * bool(latest and said)
        note += tuple(filter(None, [joint_grade_note(rows, areas), lacking]))
        if repeat and said:
            note += (repeat.note(_areas_said(rows, areas), grade_named(text) or ""),)
        change = bool(grade_change(text) and asks_which(text))
        return Judged(
            listing=rows,
            listing_said=said,
            notes=note,
            listing_years=tuple(sorted(years)),
            listing_areas=areas,
            listing_matched=matched,
            listing_councils=understood.councils,
            listing_regions=understood.regions,
            listing_grade=(grade_change(text) or ("", ""))[1]
            if change
            else grade_named(text) or "",
            listing_since=None if latest else understood.year_from,
            listing_latest=latest,
            listing_change=change,
            listing_repeat=repeat.reading if repeat else "",
            count_asked=asks_count(text),
        )
    return Judged(cards=_cards(store, chosen, areas), count_asked=asks_count(text))


def _areas_said(rows: Sequence[JudgementRow], areas: tuple[str, ...]) -> str:
    """The areas a repeat count is of, in words: those asked, else the listing's."""
    keys = areas or tuple(dict.fromkeys(r.area for r in rows))
    return ", ".join(k.replace("_", " ") for k in keys) or "any area"


def _latest_note(recent: str, tense: bool = True) -> str:
    """What a listing of each council's latest grade says it holds, and how to ask for all."""
    read = (
        f"“{recent}” is read as"
        if recent
        else "The present tense is read as"
        if tense
        else "A region's grades are"  # "how did the North East do"
    )
    return (
        f"{read} each council's latest graded inspection; for every inspection, "
        "ask “which councils were …” or name a year."
    )


def _cards(
    store: ChunkStore, chosen: Sequence[Inspection], areas: tuple[str, ...]
) -> tuple[JudgementCard, ...]:
    cards = []
    for inspection in chosen:
        rows = report_rows(store, store.documents[inspection.doc_id])
        # an ILACS "children in care and care leavers" grade answers a care leavers question
        asked = tuple(
            r.area
            for r in rows
            if areas and in_areas(Judgement(r.area, r.report_label, r.grade, r.page), areas)
        )
        if rows:
            cards.append(JudgementCard(inspection, rows, asked))
    return tuple(cards)
