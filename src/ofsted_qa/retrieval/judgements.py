"""Judgements across the indexed reports: one row per graded area of each report, with the
council, the inspection, the grade and a citation of the page that states it.

The rows rest on the facts each report states about itself (`DocumentMeta.judgements`, read by
`ingest.facts`); nothing here reads a file. Filters take the words people use (`judgement_terms`)
and fail, naming the valid values, on a value the index cannot match.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from weakref import WeakKeyDictionary

from ofsted_qa.citations.citation import JUDGEMENTS_PLACE, document_citation, ref
from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.store import ChunkStore
from ofsted_qa.ingest.chunking import TABLE_LABEL, Chunk
from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.ingest.facts import AREAS, Judgement
from ofsted_qa.ingest.facts.authorities import name_key
from ofsted_qa.ingest.readers import page_span
from ofsted_qa.retrieval.choices import unknown_value
from ofsted_qa.retrieval.council_question import typed_council
from ofsted_qa.retrieval.councils import Councils, council_core
from ofsted_qa.retrieval.judgement_terms import AREA_LABELS, area_keys, grade_key
from ofsted_qa.retrieval.kinds import kind_named, kinds_of
from ofsted_qa.retrieval.regions import region_named, spellings_in


@dataclass(frozen=True)
class JudgementFilters:
    """What the user asked for, as typed; empty (or None) means any."""

    council: str = ""
    years: tuple[int, ...] = ()  # inspection or publication years, any of them
    area: str = ""
    grade: str = ""
    region: str = ""  # an ONS region or a form of one ("Yorkshire", "the Midlands")
    kind: str = ""  # a kind of document as typed ("inspection report", "SIF"), as `ask --kind`
    # more of each, any of them (repeated options: what an answer's listing was narrowed by)
    councils: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    since: int | None = None  # inspected or published in this year or later
    latest: bool = False  # each council's latest graded inspection only

    @property
    def area_keys(self) -> tuple[str, ...]:
        """The areas asked, as canonical keys ("care leavers" -> ("care_leavers",))."""
        typed = [a for a in (self.area, *self.areas) if a]
        return tuple(dict.fromkeys(k for a in typed for k in area_keys(a)))


@dataclass(frozen=True)
class JudgementRow:
    """One graded area of one report, cited to the page of the report that grades it."""

    council: str  # the place, one name for every spelling ("Reading" for "Reading Borough Council")
    council_as_written: str  # the report's own spelling
    doc_id: str
    kind: str
    framework: str
    inspection_start: str  # ISO dates, "" where the report gives none
    inspection_end: str
    published: str
    area: str  # canonical key, one of ingest.facts.AREAS
    area_label: str  # the same for a reader: "care leavers"
    report_label: str  # the report's own wording of the area
    grade: str
    page: int
    citation: str
    ref: str  # opens with `ofsted-qa show`; "" for a document with no passages

    def as_json(self) -> dict[str, object]:
        return asdict(self)


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(JudgementRow))


def list_judgements(
    store: ChunkStore, filters: JudgementFilters = JudgementFilters()
) -> tuple[JudgementRow, ...]:
    """Every judgement the filters admit, by council, then inspection, then area.

    Raises OfstedQAError for a council, year, area, grade or kind the index cannot match."""
    graded = [m for m in store.documents.values() if m.judgements]
    councils = _councils(store, filters)
    years = set(filters.years)
    if years:
        held = sorted({y for m in graded for y in m.years})
        if not years & set(held):
            said = str(filters.years[0]) if len(filters.years) == 1 else _span(filters.years)
            unknown_value("--year", said, [str(y) for y in held], "graded report")
    if filters.kind:
        kinds = sorted({k for m in graded for k in kinds_of(m)})
        if kind_named(filters.kind, kinds) is None:
            unknown_value("--kind", filters.kind, kinds, "kind of graded report")
    areas = filters.area_keys or None
    grade = grade_key(filters.grade) if filters.grade else None
    return tuple(
        row
        for meta in _admitted(store, filters, councils)
        for row in report_rows(store, meta, areas, grade)
    )


def latest_lacking(store: ChunkStore, filters: JudgementFilters) -> tuple[str, ...]:
    """With `latest` and an area asked: the councils whose latest graded inspection gives no
    grade for it, as "Liverpool (2026)" (the new framework grades no overall effectiveness), so
    a listing can say why they are missing. Call after `list_judgements` (which checks the
    filters)."""
    areas = filters.area_keys
    if not (filters.latest and areas):
        return ()
    places = place_names(store)
    return tuple(
        f"{places.get(m.local_authority, m.local_authority)} ({m.date[:4]})"
        for m in _admitted(store, filters, _councils(store, filters))
        if not any(in_areas(j, areas) for j in m.judgements)
    )


def _councils(store: ChunkStore, filters: JudgementFilters) -> set[str] | None:
    """The councils (as the reports spell them) that `--council` and `--region` leave, or None
    when neither is set. Raises OfstedQAError for a name that matches nothing, or a council
    outside the regions named."""
    known = Councils(m.local_authority for m in store.documents.values() if m.judgements)
    typed = [c for c in (filters.council, *filters.councils) if c]
    councils = set().union(*(typed_council(known, c) for c in typed)) if typed else None
    named_regions = [r for r in (filters.region, *filters.regions) if r]
    if named_regions:
        inside = set().union(
            *(spellings_in(known, region_named(r), "--region") for r in named_regions)
        )
        if councils is not None and not councils & inside:
            raise OfstedQAError(
                f"--council {', '.join(typed)!r} is not in {', '.join(named_regions)!r}.",
                hint="drop --region, or name a council of the region",
            )
        councils = inside if councils is None else councils & inside
    return councils


def _admitted(
    store: ChunkStore, filters: JudgementFilters, councils: set[str] | None
) -> list[DocumentMeta]:
    """The graded reports every filter but area and grade admits, by council, then inspection."""
    graded = [m for m in store.documents.values() if m.judgements]
    years = set(filters.years)
    places = place_names(store)
    ordered = sorted(graded, key=lambda m: _inspection_order(m, places))
    if filters.latest:  # oldest first per council: the last one stays
        newest = {places.get(m.local_authority, m.local_authority): m for m in ordered}
        ordered = [
            m for m in ordered if newest[places.get(m.local_authority, m.local_authority)] is m
        ]
    admitted: list[DocumentMeta] = []
    for meta in ordered:
        if councils is not None and meta.local_authority not in councils:
            continue
        if years and not years & meta.years:
            continue
        if filters.since is not None and max(meta.years, default=0) < filters.since:
            continue
        if filters.kind and kind_named(filters.kind, kinds_of(meta)) is None:
            continue
        admitted.append(meta)
    return admitted


def _span(years: Sequence[int]) -> str:
    return f"{years[0]}-{years[-1]}"


def report_rows(
    store: ChunkStore,
    meta: DocumentMeta,
    areas: Sequence[str] | None = None,
    grade: str | None = None,
) -> tuple[JudgementRow, ...]:
    """One report's judgements in the frameworks' order of areas; `areas` and `grade`
    (canonical values) keep only those."""
    chosen = [
        j
        for j in meta.judgements
        if (areas is None or in_areas(j, areas)) and (grade is None or j.grade == grade)
    ]
    chosen.sort(key=lambda j: AREAS.index(j.area) if j.area in AREAS else len(AREAS))
    return tuple(_kept_row(store, meta, j) for j in chosen)


# Each store's rows, worked out once: a row's citation reads every passage of its report
# (`judgement_passage`), and grade questions, timelines and listings ask for the same reports
# again and again. A store is read-only; weak keys let its rows go with it.
_Kept = tuple[DocumentMeta, dict[Judgement, JudgementRow]]  # per report: its metadata, its rows
_ROWS: WeakKeyDictionary[ChunkStore, dict[str, _Kept]] = WeakKeyDictionary()


def _kept_row(store: ChunkStore, meta: DocumentMeta, judgement: Judgement) -> JudgementRow:
    """`_row`, remembered per store, report and judgement."""
    reports = _ROWS.setdefault(store, {})
    kept = reports.get(meta.doc_id)
    if kept is None or (kept[0] is not meta and kept[0] != meta):
        kept = reports[meta.doc_id] = (meta, {})
    row = kept[1].get(judgement)
    if row is None:
        row = kept[1][judgement] = _row(store, meta, judgement)
    return row


def _inspection_order(meta: DocumentMeta, places: dict[str, str]) -> tuple[str, str, str]:
    place = places.get(meta.local_authority, meta.local_authority)
    return council_core(place), meta.period_start or meta.date, meta.doc_id


@lru_cache(maxsize=4)
def place_names(store: ChunkStore) -> dict[str, str]:
    """Each council spelling the index's reports use -> the place it names, as shown
    ("Reading Borough Council" and "Reading" -> "Reading"; "Kingston upon Hull" -> "Hull"), so
    a listing counts and orders councils, not spellings."""
    return Councils(m.local_authority for m in store.documents.values()).shown


def in_areas(judgement: Judgement, areas: Sequence[str]) -> bool:
    """The judgement grades one of `areas` (canonical keys)."""
    # ILACS judged "children in care and care leavers" together until 2023: that grade speaks
    # for care leavers too, and its wording (kept on the row) says so.
    return judgement.area in areas or (
        "care_leavers" in areas and "care leavers" in name_key(judgement.label)
    )


def _area_label(judgement: Judgement) -> str:
    """The area for a reader; the ILACS grade of 2018-2022 judged children in care and care
    leavers together, and says so."""
    if judgement.area == "in_care" and "care leavers" in judgement.label.lower():
        return "children in care and care leavers"
    return AREA_LABELS.get(judgement.area, judgement.area.replace("_", " "))


def _row(store: ChunkStore, meta: DocumentMeta, judgement: Judgement) -> JudgementRow:
    passage = judgement_passage(store, meta, judgement)
    page = f", p. {judgement.page}" if meta.page_starts else ""
    return JudgementRow(
        council=place_names(store).get(meta.local_authority, meta.local_authority),
        council_as_written=meta.local_authority,
        doc_id=meta.doc_id,
        kind=meta.kind,
        framework=meta.framework,
        inspection_start=meta.period_start,
        inspection_end=meta.period_end,
        published=meta.date,
        area=judgement.area,
        area_label=_area_label(judgement),
        report_label=judgement.label,
        grade=judgement.grade,
        page=judgement.page,
        citation=f"{document_citation(meta)}, {JUDGEMENTS_PLACE}{page}",
        ref=ref(passage) if passage else "",
    )


def judgement_passage(store: ChunkStore, meta: DocumentMeta, judgement: Judgement) -> Chunk | None:
    """The passage that states a judgement: on its page, the one naming its area (the table of
    judgements first), else the table, else the page's first passage."""
    chunks = [store.get(i) for i in store.doc_range(meta.doc_id)]
    on_page = [c for c in chunks if _on_page(meta, c, judgement.page)] or chunks
    label = name_key(judgement.label)

    def fit(chunk: Chunk) -> tuple[bool, bool]:
        return label in name_key(chunk.text), chunk.paragraph.startswith(TABLE_LABEL)

    # max keeps the first of equals: the earliest passage on the page wins a tie
    return max(on_page, key=fit, default=None)


def _on_page(meta: DocumentMeta, chunk: Chunk, page: int) -> bool:
    span = page_span(meta.page_starts, chunk.start, chunk.end)
    return span is not None and span[0] <= page <= span[1]
