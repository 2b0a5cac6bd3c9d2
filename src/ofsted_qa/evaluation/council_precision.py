"""Council precision@5: a question naming a council and a year gets that council's passages.

Generated from the index itself: for every council with an inspection report, for each year it
has a report, "what did Ofsted say about care leavers in {council} in {year}" and other
phrasings, the council named in the forms its reports use ("Norfolk", "Norfolk County
Council"). Each question scores the share of its top 5 passages (full pipeline) whose document
is a report of that council (`council_key`: the corpus folder's Ofsted URN, not the system's own
reading of the name, so a council the system splits in two is caught); the same
share counting only that year's report(s) is reported beside it. The check's figure is the mean
over questions.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ofsted_qa.index.store import ChunkStore
from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.ingest.facts.authorities import name_key
from ofsted_qa.retrieval.councils import Councils, council_core

K = 5
_URN = re.compile(r"^(\d+)_[^/]+/")
PHRASINGS = (
    "what did Ofsted say about care leavers in {council} in {year}",
    "care leavers {council} {year}",
    "how well does {council} support its care leavers? {year} inspection",
    "{council} {year}: what did the inspectors find about care leavers",
)


@dataclass(frozen=True)
class CouncilQuestion:
    """One generated question: the council it names (its key and shown name), the year, the
    words used."""

    text: str
    council: str  # as shown ("Norfolk")
    key: str  # the council's identity (`council_key`)
    year: int
    phrasing: int  # index into PHRASINGS
    name_form: str  # how the question writes the council


@dataclass(frozen=True)
class CouncilScore:
    """One question's top 5: precision by council, and by council and year (each in [0, 1])."""

    question: CouncilQuestion
    precision: float
    year_precision: float
    others: tuple[str, ...]  # councils (or doc ids) of the passages that were not its own
    years: tuple[int | None, ...] = ()  # the year of each top passage's document


def council_key(meta: DocumentMeta) -> str:
    """Which council a report is of, independently of how its text spells the name: the
    Ofsted URN of the corpus folder it lies in ("80525_newcastle upon tyne/..."), else the place
    its stated council names; "" for a document that states none."""
    urn = _URN.match(meta.doc_id)
    if urn:
        return "urn " + urn.group(1)
    return council_core(meta.local_authority) if meta.local_authority else ""


def _about(meta: DocumentMeta, question: CouncilQuestion, names: frozenset[str]) -> bool:
    """A passage's document is the named council's: the same key, or, for a document stating no
    council (a seed text), a title naming the place ("..., London Borough of Bexley")."""
    key = council_key(meta)
    if key:
        return key == question.key
    title = f" {name_key(meta.title)} "
    return any(f" {council_core(n)} " in title for n in names)


def generate(store: ChunkStore, per_year: int = 2) -> list[CouncilQuestion]:
    """`per_year` questions for each (council, report year), phrasings and name forms rotating
    so every phrasing and every spelling of a council is used across its years."""
    shown = Councils(m.local_authority for m in store.documents.values()).shown
    years: dict[str, set[int]] = defaultdict(set)
    spellings: dict[str, set[str]] = defaultdict(set)
    for meta in store.documents.values():
        key = council_key(meta)
        if key and meta.local_authority and meta.year and meta.kind == "inspection report":
            years[key].add(meta.year)
            spellings[key].add(meta.local_authority)
    out: list[CouncilQuestion] = []
    turn = 0
    for key in sorted(years, key=lambda k: min(shown[s] for s in spellings[k])):
        places = sorted({shown[s] for s in spellings[key]})
        # a scraped "Bristol City of" is no form a user types
        spelt = sorted(s for s in spellings[key] - set(places) if not s.endswith(" of"))
        forms = [*places, *spelt]
        for year in sorted(years[key]):
            for _ in range(per_year):
                phrasing = turn % len(PHRASINGS)
                form = forms[(turn // len(PHRASINGS) + turn) % len(forms)]
                text = PHRASINGS[phrasing].format(council=form, year=year)
                out.append(CouncilQuestion(text, places[0], key, year, phrasing, form))
                turn += 1
    return out


def score(
    questions: list[CouncilQuestion],
    search: Callable[[str], list[int]],
    store: ChunkStore,
) -> list[CouncilScore]:
    """`search(text)` -> the top chunk ids, best first (only the first K are read)."""
    names: dict[str, set[str]] = defaultdict(set)
    for q in questions:
        names[q.key] |= {q.council, q.name_form}
    out = []
    for q in questions:
        metas = [store.meta(c) for c in search(q.text)[:K]]
        own = [_about(m, q, frozenset(names[q.key])) for m in metas]
        same_year = [o and m.year == q.year for o, m in zip(own, metas, strict=True)]
        others = tuple(
            m.local_authority or m.doc_id for o, m in zip(own, metas, strict=True) if not o
        )
        years = tuple(m.year for m in metas)
        out.append(CouncilScore(q, sum(own) / K, sum(same_year) / K, others, years))
    return out


def run(searcher: Any, per_year: int = 2) -> list[CouncilScore]:
    """Every generated question through the full pipeline of `searcher` (a Searcher)."""
    store = searcher.bundle.store

    def search(text: str) -> list[int]:
        return [h.chunk_id for h in searcher.search(text, k=K).hits]

    return score(generate(store, per_year), search, store)


def summary(scores: list[CouncilScore], worst: int = 10) -> dict[str, Any]:
    """Mean precision overall, by phrasing and by name form (the place alone, or as the reports
    spell it), and the `worst` councils with what took their places."""
    mean = _mean([s.precision for s in scores])
    by_council: dict[str, list[CouncilScore]] = defaultdict(list)
    for s in scores:
        by_council[s.question.council].append(s)
    ranked = sorted(by_council.items(), key=lambda kv: (_mean([s.precision for s in kv[1]]), kv[0]))
    return {
        "questions": len(scores),
        "councils": len(by_council),
        "precision@5": mean,
        "year_precision@5": _mean([s.year_precision for s in scores]),
        "perfect": sum(s.precision == 1.0 for s in scores) / max(1, len(scores)),
        "by_phrasing": {
            PHRASINGS[p]: _mean([s.precision for s in scores if s.question.phrasing == p])
            for p in range(len(PHRASINGS))
        },
        "by_name_form": {
            kind: _mean([s.precision for s in scores if _form_kind(s.question) == kind])
            for kind in ("place", "spelling")
        },
        "worst": [
            {
                "council": council,
                "precision@5": _mean([s.precision for s in rows]),
                "questions": [
                    {"text": s.question.text, "precision@5": s.precision, "others": s.others}
                    for s in rows
                    if s.precision < 1.0
                ],
                "took_places": dict(Counter(o for s in rows for o in s.others).most_common(3)),
            }
            for council, rows in ranked[:worst]
            if _mean([s.precision for s in rows]) < 1.0
        ],
        "worst_year": [
            {"text": s.question.text, "year_precision@5": s.year_precision, "years": s.years}
            for s in sorted(scores, key=lambda s: (s.year_precision, s.question.text))[:worst]
            if s.year_precision < 1.0
        ],
    }


def _form_kind(q: CouncilQuestion) -> str:
    return "spelling" if q.name_form != q.council else "place"


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def markdown(result: dict[str, Any]) -> list[str]:
    """The check as report lines (markdown)."""
    lines = [
        f"{result['questions']} questions over {result['councils']} councils; "
        f"**precision@5 {result['precision@5']:.3f}** (share of the top 5 passages from the "
        f"named council's reports); counting only that year's report: "
        f"{result['year_precision@5']:.3f}; questions with all 5 from the council: "
        f"{result['perfect']:.3f}.",
        "",
        "| phrasing | precision@5 |",
        "|---|---|",
        *(f"| {p} | {v:.3f} |" for p, v in result["by_phrasing"].items()),
        "",
        "| council named as | precision@5 |",
        "|---|---|",
        *(f"| {k} | {v:.3f} |" for k, v in result["by_name_form"].items()),
        "",
        "Worst councils (what took their places):",
        "",
    ]
    if not result["worst"]:
        lines.append("none: every question's top 5 came from the named council's reports.")
    for row in result["worst"]:
        took = ", ".join(f"{c} ×{n}" for c, n in row["took_places"].items())
        lines.append(f"- **{row['council']}** {row['precision@5']:.2f}: {took}")
        lines.extend(f'    - "{q["text"]}": {q["precision@5"]:.1f}' for q in row["questions"][:3])
    lines += ["", "Lowest counting only that year's report (the years of the top 5):", ""]
    lines += [
        f'- "{q["text"]}": {q["year_precision@5"]:.1f} ({", ".join(map(str, q["years"]))})'
        for q in result["worst_year"]
    ] or ["none"]
    return lines
