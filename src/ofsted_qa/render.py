"""Plain-terminal and JSON renderings of answers, documents and passages."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from ofsted_qa import render_answers
from ofsted_qa.citations.citation import POSITIONAL, human_date, paragraph_label, place_label
from ofsted_qa.citations.parts import paragraph_parts, paragraph_range, split_label
from ofsted_qa.citations.passages import verify
from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.generations import IndexBundle
from ofsted_qa.index.store import ChunkStore
from ofsted_qa.inert import inert, inert_json
from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.ingest.readers import page_span
from ofsted_qa.render_shortened import short_question, short_title
from ofsted_qa.retrieval.search import Hit, SearchResponse

WRAP = 88
BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def hit_json(hit: Hit, *, explain: bool = False) -> dict[str, Any]:
    chunk, meta = hit.chunk, hit.meta
    payload: dict[str, Any] = {
        "rank": hit.rank,
        "score": round(hit.score, 4),
        "doc_id": chunk.doc_id,
        "source": meta.source,
        "title": meta.title,
        "publisher": meta.publisher,
        "kind": meta.kind,
        "date": meta.date,
        "council": meta.local_authority,  # as the report states it; "" for other documents
        "councils": list(hit.councils),  # as the index reads it (a letter's from its title)
        "framework": meta.framework,
        "section": chunk.section_path,
        # the report's own label ("18"; "¶7" unnumbered) and, for a paragraph cut into
        # passages, which part of how many (0 and 0 for a whole one)
        "paragraph": split_label(chunk.paragraph)[0],
        # false for a passage the report did not number ("¶4": the fourth such, no "para 4")
        "numbered": not chunk.paragraph.startswith(POSITIONAL),
        "part": split_label(chunk.paragraph)[1],
        "parts": hit.paragraph_parts,
        "place": paragraph_label(chunk, hit.paragraph_parts),
        "pages": list(page_span(meta.page_starts, chunk.start, chunk.end) or []),
        "start": chunk.start,
        "end": chunk.end,
        "citation": hit.citation,
        "ref": hit.ref,
        "text": chunk.text,
        "best_sentence": list(hit.best_sentence),
    }
    if explain:
        payload["contributions"] = {k: round(v, 4) for k, v in hit.contributions.items()}
    if hit.duplicates:
        payload["duplicates"] = [
            {"ref": d.ref, "citation": d.citation, "doc_id": d.chunk.doc_id} for d in hit.duplicates
        ]
    return payload


def response_json(
    response: SearchResponse, *, explain: bool = False, filters: dict[str, Any] | None = None
) -> dict[str, Any]:
    """An answer for programs; `filters` (render_filters.filters_json), when any is set, under
    "filters"."""
    payload: dict[str, Any] = {
        "query": response.query,
        "mode": response.mode,
        **({"filters": filters} if filters else {}),
        # how the question was read, as the text and the TUI show it ("council Kent",
        # "the last inspection → 2023"): a program can see what was assumed
        "read_as": list(response.interpretation.chips),
        "notes": list(response.notes),  # [] when there is nothing to say
        "results": [hit_json(h, explain=explain) for h in response.hits],
    }
    payload.update(render_answers.answer_json(response, hit_json))
    if explain:
        payload["interpretation"] = interpretation_json(response)
    return payload


def interpretation_json(response: SearchResponse) -> dict[str, Any]:
    understood = response.interpretation
    return {
        "years": list(understood.years),
        "publishers": list(understood.publishers),
        "councils": list(understood.councils),
        "regions": list(understood.regions),
        "expansions": list(understood.expansions),
        "corrections": [list(c) for c in understood.corrections],
        "since": understood.year_from,
        "recent": understood.recent,
        "framing": list(understood.framing),
        "glossary": [
            {"typed": g.surface, "term": g.term, "adds": list(g.added), "definition": g.definition}
            for g in understood.glossary
        ],
        "terms": understood.base_terms,
        "glossary_terms": understood.expansion_terms,
        "dense_text": understood.dense_text,
        "dense_used": response.dense_used,
    }


def json_text(payload: Any, **options: Any) -> str:
    """One JSON document, faithful and inert (see `inert_json`)."""
    return inert_json(payload, **options)


def _say(out: TextIO, text: str = "", style: str = "") -> None:
    """Every line this module writes: document text made inert first, then our own styling."""
    safe = inert(text)
    print(f"{style}{safe}{RESET}" if style and out.isatty() else safe, file=out)


def _wrapped(text: str, indent: str) -> str:
    return textwrap.fill(text, WRAP, initial_indent=indent, subsequent_indent=indent)


def print_failed(question: str, error: OfstedQAError, out: TextIO) -> None:
    """A question of a batch that could not be asked, said where its answer would be."""
    _say(out, f"Q: {short_question(question.strip())}")
    _say(out, _wrapped(f"error: {error.message}", "   "))
    if error.hint:
        _say(out, _wrapped(f"hint: {error.hint}", "   "))


def print_response(
    response: SearchResponse, out: TextIO, *, explain: bool = False, filters: str = ""
) -> None:
    """An answer for a reader: the question, its cues, the filters set (`filters`,
    render_filters.filters_line), then cards, a timeline or the passages."""
    chips = response.interpretation.chips
    _say(out, f"Q: {short_question(response.query)}")
    _say(
        out,
        f"   {' · '.join(chips) if chips else 'no year or source cues'} · mode {response.mode}"
        + ("" if response.dense_used or response.mode == "bm25" else " (lexical only)"),
    )
    if filters:
        _say(out, _wrapped(f"filters: {filters}", "   "))
    for note in response.notes:
        _say(out, _wrapped(f"note: {note}", "   "))
    if explain:
        for key, value in interpretation_json(response).items():
            if key == "glossary":
                for g in value:
                    _say(out, f"   glossary: {g['typed']} = {g['term']}: {g['definition']}")
                    _say(out, f"             adds {', '.join(g['adds']) or '(nothing new)'}")
            else:  # a long pasted question's words and dense text: shortened, as its echo
                _say(out, f"   {key}: {short_question(str(value))}")
    if render_answers.print_before_passages(response, out):
        return  # a timeline shows the passages under their inspections
    if not response.hits:
        _say(out, "\nNo passage matches. Try other words, or drop a filter.")
    for hit in response.hits:
        _print_hit(hit, out, explain=explain)


def _print_hit(hit: Hit, out: TextIO, *, explain: bool) -> None:
    meta, chunk = hit.meta, hit.chunk
    _say(out)
    rank = f"{hit.rank}. "
    _say(out, rank + short_title(meta.title, meta.local_authority, WRAP - len(rank)), BOLD)
    where = " › ".join(chunk.section[-2:]) if chunk.section else "(no section)"
    _say(
        out,
        f"   {meta.publisher} · {meta.kind} · {human_date(meta.date)} · "
        f"{place_label(meta, chunk, hit.paragraph_parts)} · score {hit.score:.3f}",
    )
    _say(out, "   " + textwrap.shorten(where, WRAP - 3, placeholder="…"), DIM)
    _say(out, _wrapped(chunk.text, "   "))
    start, end = hit.best_sentence
    if end > start and (end - start) < len(chunk.text):
        _say(out, _wrapped("» " + chunk.text[start:end].strip(), "   "), DIM)
    _say(out, f"   cite: {hit.citation}")
    for dup in hit.duplicates:
        _say(out, f"   same passage also in: {dup.citation}  [{dup.ref}]")
    _say(out, f"   ref:  {hit.ref}  ({meta.source}:{chunk.start}-{chunk.end})")
    if explain:
        _say(out, f"   why:  {', '.join(f'{k} {v:.3f}' for k, v in hit.contributions.items())}")


def report_line(row: dict[str, Any]) -> str:
    """What a report states about itself, on one line: council, framework, inspection dates,
    lead inspector and each judgement ("leaders good · ...")."""
    parts = [row.get("local_authority", ""), row.get("framework", "")]
    if row.get("period_start"):
        parts.append(f"inspected {human_date(row['period_start'])}–{human_date(row['period_end'])}")
    if row.get("lead_inspector"):
        parts.append(f"lead {row['lead_inspector']}")
    grades = [f"{j['area'].replace('_', ' ')} {j['grade']}" for j in row.get("judgements", ())]
    return " · ".join(p for p in [*parts, *grades] if p)


def print_documents(bundle: IndexBundle, out: TextIO, *, as_json: bool) -> None:
    from dataclasses import asdict

    store = bundle.store
    rows = [
        {**asdict(meta), "chunks": store.chunk_count(doc_id)}
        for doc_id, meta in store.documents.items()
    ]
    if as_json:
        print(json_text(rows, indent=1), file=out)
        return
    for row in rows:
        inferred = f"  (inferred: {', '.join(row['inferred'])})" if row["inferred"] else ""
        _say(
            out,
            f"{row['doc_id']}  {row['kind']:<17} {row['publisher']:<28.28} "
            f"{human_date(row['date']):<12} {row['chunks']:>4} passages{inferred}",
        )
        title = short_title(row["title"], row["local_authority"], WRAP - 4)
        _say(out, f"    {title}  [{row['source']}]")
        if report := report_line(row):
            _say(out, _wrapped(report, "    "), DIM)
    total = sum(r["chunks"] for r in rows)
    _say(out, f"{len(rows)} documents, {total} passages; index {bundle.folder}")
    _say(out, _wrapped(f"kinds (ask --kind): {kinds_line(store.documents.values())}", ""))


def kinds_line(metas: Iterable[DocumentMeta]) -> str:
    """Each kind `ask --kind` takes here and how many documents are of it: "focused visit
    letter 1, inspection letter 1, inspection report 493, news 2" (a letter counts as its
    visit too)."""
    from collections import Counter

    from ofsted_qa.retrieval.kinds import kinds_of

    counts = Counter(k for m in metas for k in kinds_of(m))
    return ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))


def print_in_context(
    store: ChunkStore,
    chunk_id: int,
    root: Path,
    out: TextIO,
    *,
    around: int,
    targets: range | None = None,
) -> None:
    """Passage `chunk_id` (or the passages `targets`, every part of one paragraph) marked "▶"
    with `around` passages each side, its citation, and whether the source file still holds
    it at its offsets."""
    from ofsted_qa.citations.citation import house_citation, ref_label

    targets = targets or range(chunk_id, chunk_id + 1)
    meta = store.meta(chunk_id)
    target = _whole(store, targets)
    _say(out, meta.title, BOLD)
    _say(out, f"{meta.publisher} · {meta.kind} · {human_date(meta.date)} · {meta.source}")
    doc = store.doc_range(target.doc_id)
    for neighbour in range(
        max(doc.start, targets.start - around), min(doc.stop, targets.stop + around)
    ):
        chunk = store.get(neighbour)
        marker = "▶" if neighbour in targets else " "
        _say(out)
        section = chunk.section_path or "(no section)"
        place = place_label(meta, chunk, paragraph_parts(store, neighbour))
        _say(out, f"{marker} {place} · {section}")
        _say(out, _wrapped(chunk.text, "  "), BOLD if neighbour in targets else "")
    whole = paragraph_range(store, chunk_id)
    if len(targets) == 1 and len(whole) > 1:  # one part asked for: say where the rest is
        paragraph = split_label(target.paragraph)[0]
        name = paragraph_label(replace(target, paragraph=paragraph))
        whole_ref = f"{target.doc_id}#{ref_label(paragraph)}"
        _say(out, f'\n{name} runs over {len(whole)} passages; show "{whole_ref}" shows it whole')
    fresh = "a fresh extraction of the source" if meta.page_starts else "the source"
    checked = (
        f"verified against {fresh}"
        if verify(meta, target, root)
        else "NOT matching the source file"
    )
    parts = paragraph_parts(store, chunk_id) if len(targets) == 1 else 0
    _say(out, f"\ncite: {house_citation(meta, target, parts)}")
    _say(out, f"offsets {target.start}-{target.end} in {meta.source}: {checked}")


def _whole(store: ChunkStore, targets: range) -> Chunk:
    """The passage `targets` names, or the paragraph its several parts make, as one passage
    from the first's start to the last's end (cited and verified whole: "para 18, pp. 6–7")."""
    first = store.get(targets.start)
    if len(targets) == 1:
        return first
    texts = [store.get(i).text for i in targets]
    last = store.get(targets.stop - 1)
    paragraph = split_label(first.paragraph)[0]
    return replace(first, paragraph=paragraph, end=last.end, text=" ".join(texts))
