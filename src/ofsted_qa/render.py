"""Plain-terminal and JSON renderings of answers, documents and passages."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any, TextIO

from ofsted_qa.citations.citation import human_date, paragraph_label
from ofsted_qa.citations.passages import verify
from ofsted_qa.index.generations import IndexBundle
from ofsted_qa.index.store import ChunkStore
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
        "section": chunk.section_path,
        "paragraph": chunk.paragraph,
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


def response_json(response: SearchResponse, *, explain: bool = False) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "query": response.query,
        "mode": response.mode,
        "results": [hit_json(h, explain=explain) for h in response.hits],
    }
    if explain:
        payload["interpretation"] = interpretation_json(response)
    return payload


def interpretation_json(response: SearchResponse) -> dict[str, Any]:
    understood = response.interpretation
    return {
        "years": list(understood.years),
        "publishers": list(understood.publishers),
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


def _style(out: TextIO, code: str, text: str) -> str:
    return f"{code}{text}{RESET}" if out.isatty() else text


def _wrapped(text: str, indent: str) -> str:
    return textwrap.fill(text, WRAP, initial_indent=indent, subsequent_indent=indent)


def print_response(response: SearchResponse, out: TextIO, *, explain: bool = False) -> None:
    chips = response.interpretation.chips
    print(f"Q: {response.query}", file=out)
    print(
        f"   {' · '.join(chips) if chips else 'no year or source cues'} · mode {response.mode}"
        + ("" if response.dense_used or response.mode == "bm25" else " (lexical only)"),
        file=out,
    )
    if explain:
        for key, value in interpretation_json(response).items():
            if key == "glossary":
                for g in value:
                    print(f"   glossary: {g['typed']} = {g['term']}: {g['definition']}", file=out)
                    print(f"             adds {', '.join(g['adds']) or '(nothing new)'}", file=out)
            else:
                print(f"   {key}: {value}", file=out)
    if not response.hits:
        print("\nNo passage matches. Try other words, or drop a filter.", file=out)
    for hit in response.hits:
        meta, chunk = hit.meta, hit.chunk
        print(file=out)
        header = f"{hit.rank}. {meta.title}"
        print(_style(out, BOLD, textwrap.shorten(header, WRAP, placeholder="…")), file=out)
        where = " › ".join(chunk.section[-2:]) if chunk.section else "(no section)"
        print(
            f"   {meta.publisher} · {meta.kind} · {human_date(meta.date)} · "
            f"{paragraph_label(chunk)} · score {hit.score:.3f}",
            file=out,
        )
        section_line = "   " + textwrap.shorten(where, WRAP - 3, placeholder="…")
        print(_style(out, DIM, section_line), file=out)
        print(_wrapped(chunk.text, "   "), file=out)
        start, end = hit.best_sentence
        if end > start and (end - start) < len(chunk.text):
            print(_style(out, DIM, _wrapped("» " + chunk.text[start:end].strip(), "   ")), file=out)
        print(f"   cite: {hit.citation}", file=out)
        for dup in hit.duplicates:
            print(f"   same passage also in: {dup.citation}  [{dup.ref}]", file=out)
        print(f"   ref:  {hit.ref}  ({meta.source}:{chunk.start}-{chunk.end})", file=out)
        if explain:
            parts = ", ".join(f"{k} {v:.3f}" for k, v in hit.contributions.items())
            print(f"   why:  {parts}", file=out)


def print_documents(bundle: IndexBundle, out: TextIO, *, as_json: bool) -> None:
    import json
    from dataclasses import asdict

    store = bundle.store
    rows = [
        {**asdict(meta), "chunks": store.chunk_count(doc_id)}
        for doc_id, meta in store.documents.items()
    ]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1), file=out)
        return
    for row in rows:
        inferred = f"  (inferred: {', '.join(row['inferred'])})" if row["inferred"] else ""
        print(
            f"{row['doc_id']}  {row['kind']:<17} {row['publisher']:<28.28} "
            f"{human_date(row['date']):<12} {row['chunks']:>4} passages{inferred}",
            file=out,
        )
        print(
            f"    {textwrap.shorten(row['title'], WRAP - 4, placeholder='…')}  [{row['source']}]",
            file=out,
        )
    total = sum(r["chunks"] for r in rows)
    print(f"{len(rows)} documents, {total} passages; index {bundle.folder}", file=out)


def print_in_context(
    store: ChunkStore, chunk_id: int, root: Path, out: TextIO, *, around: int
) -> None:
    from ofsted_qa.citations.citation import house_citation

    target, meta = store.get(chunk_id), store.meta(chunk_id)
    print(_style(out, BOLD, meta.title), file=out)
    print(f"{meta.publisher} · {meta.kind} · {human_date(meta.date)} · {meta.source}", file=out)
    for neighbour in store.neighbours(chunk_id, around):
        chunk = store.get(neighbour)
        marker = "▶" if neighbour == chunk_id else " "
        print(file=out)
        print(
            f"{marker} {paragraph_label(chunk)} · {chunk.section_path or '(no section)'}", file=out
        )
        text = _wrapped(chunk.text, "  ")
        print(_style(out, BOLD, text) if neighbour == chunk_id else text, file=out)
    checked = (
        "verified against the source"
        if verify(meta, target, root)
        else "NOT matching the source file"
    )
    print(f"\ncite: {house_citation(meta, target)}", file=out)
    print(f"offsets {target.start}-{target.end} in {meta.source}: {checked}", file=out)
