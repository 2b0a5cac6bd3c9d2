"""reading.md from reading.json (`bench/reading.py`): each speed beside its in-run reference."""

from __future__ import annotations

from typing import Any


def _libraries(lib: dict[str, Any]) -> list[str]:
    ref = lib.get("reference_shipped_reader") or {}
    base = next(
        (r["pages_per_s"] for r in lib["rows"] if r["library"] == "pypdfium2" and r["installed"]),
        None,
    )
    out = [
        "## Libraries: plain text on a fixed sample",
        "",
        f"Sample: {len(lib['sample_files'])} PDFs published 2013–2026 (3 a year, evenly through "
        "the sorted paths), one process; each library's own page-text call, in-process "
        f"perf_counter. A library stops after the file that crosses {lib['budget_s_per_library']} s "
        "(its rate is then over the files it did; `files` says how many). Naive fidelity: the "
        "library's plain text cut into paragraphs at 'N. ' lines and blank lines (no layout "
        "recovery), scored against seed 003 like the fidelity section.",
        "",
        "| library | version | licence (installed metadata) | files | pages | s | pages/s | × pypdfium2 | naive fidelity |",
        "|---|---|---|---|---|---|---|---|---|",
    ]  # fmt: skip
    for r in lib["rows"]:
        if not r["installed"]:
            out.append(f"| {r['library']} | not installed | | | | | | | |")
            continue
        nf = r.get("naive_fidelity") or {}
        ratio = f"{r['pages_per_s'] / base:.3f}" if base and r["pages_per_s"] else ""
        err = f" ({len(r['errors'])} errors)" if r["errors"] else ""
        out.append(
            f"| {r['library']} | {r['version']} | {r['licence']} | {r['files']}/{r['of_files']}{err} | "
            f"{r['pages']} | {r['seconds']} | {r['pages_per_s']} | {ratio} | "
            f"{nf.get('recovered')}/{nf.get('total')} ({100 * nf.get('share', 0):.1f} %) |"
        )
    if ref:
        ratio = f"{ref['read_pdf_pages_per_s'] / base:.3f}" if base else ""
        out.append(
            f"| **reference: shipped `read_pdf`** (pypdfium2 glyphs + layout recovery + facts) | | | "
            f"{ref['files']} | {ref['pages']} | {ref['read_pdf_s']} | {ref['read_pdf_pages_per_s']} | "
            f"{ratio} | see Fidelity |"
        )
    return out + [""]


def _fidelity(f: dict[str, Any]) -> list[str]:
    out = [
        "## Fidelity: the same report in two forms",
        "",
        f"`fidelity(seeds/{f['seed']}, read_pdf(reports/{f['pdf']}).text)`: numbered paragraphs "
        "recovered with the same number and the same text (case, whitespace, punctuation aside), "
        "both sides through the chunker.",
        "",
        f"**{f['recovered']}/{f['total']} = {100 * f['share']:.1f} %** (target ≥ 99 %).",
        "",
    ]
    for m in f["misses"]:
        out += [
            f"Miss: para {m['paragraph']} (closest PDF passage: para {m['pdf_paragraph']}). "
            "Differences, seed → PDF: "
            + "; ".join(f"“{d['seed']}” → “{d['pdf']}”" for d in m["differences"]),
            "",
            f"- seed: {m['seed_text']}",
            f"- PDF:  {m['pdf_text']}",
            "",
        ]
    return out


def _furniture(fu: dict[str, Any]) -> list[str]:
    s, a = fu["sample"], fu["all"]
    out = [
        "## Furniture among the passages",
        "",
        "Every report's recovered text chunked (`chunk_document`, 256 approximate tokens); each "
        "passage tested by the bench's own rule (`bench/reading_furniture.py`: page number; "
        "running header/footer shapes, or a short passage repeated ≥ 3 times in its document; "
        "contents lines with leaders or trailing page numbers; judgement-table fragments outside "
        "a table). A flag matched by a hand verdict is a false positive of the rule.",
        "",
        "| | passages | flagged | by category | false positives of the rule | furniture left (not cleared) |",
        "|---|---|---|---|---|---|",
        f"| random sample (seed {fu['sample_seed']}) | {fu['sample_size']} | {s['flagged']} | "
        f"{s['by_category']} | {s['false_positives_of_the_rule']} | **{s['not_cleared']}** |",
        f"| all passages | {fu['passages']} | {a['flagged']} | {a['by_category']} | "
        f"{a['false_positives_of_the_rule']} | **{a['not_cleared']}** |",
        "",
        f"Dropped by the reader before chunking: {fu['reader_dropped']}.",
        "",
        "Every flagged passage:",
        "",
        "| report | passage | category | text | verdict |",
        "|---|---|---|---|---|",
    ]  # fmt: skip
    for f in fu["all_flags"]:
        text = f["text"].replace("|", "\\|")[:160]
        out.append(f"| `{f['pdf']}` | {f['label']} | {f['category']} | {text} | {f['verdict']} |")
    return out + [""]


def _speed(sp: dict[str, Any]) -> list[str]:
    ref = sp.get("single_process_reference") or {}
    out = [
        "## Speed: reading + layout + chunking",
        "",
        "In-process perf_counter: the corpus row is wall clock around a ProcessPoolExecutor "
        f"({sp['workers']} processes) running read_pages + recover_layout + chunk_document (and "
        "read_facts and the furniture rule, whose CPU share is in the stage times); the reference "
        "row is one process on the library sample in the same run.",
        "",
        "| run | files | pages | passages | characters | wall s | pages/s |",
        "|---|---|---|---|---|---|---|",
        f"| whole corpus, {sp['workers']} processes | {sp['read']} read of {sp['files']} | "
        f"{sp['pages']} | {sp['passages']} | {sp['characters']} | {sp['wall_s']} | "
        f"**{sp['pages_per_s']}** |",
    ]
    if ref:
        out.append(
            f"| reference: sample, 1 process (read_pdf + chunk) | {ref['files']} | {ref['pages']} | "
            f"{ref['passages']} | | {ref['read_pdf_s'] + ref['chunk_s']:.1f} | "
            f"{ref['read_and_chunk_pages_per_s']} |"
        )
        out += ["", f"Parallel speed-up against the in-run reference: "
                    f"{sp['pages_per_s'] / ref['read_and_chunk_pages_per_s']:.2f}×."]  # fmt: skip
    out += [
        "",
        f"CPU seconds by stage, summed over the workers: {sp['stage_cpu_s']}.",
        "",
        f"Not read: {sp['not_read']}",
        "",
    ]
    return out


def _facts(fa: dict[str, Any]) -> list[str]:
    out = [
        "## Report facts (details: facts.md)",
        "",
        f"{fa['rows']} CSV rows, {fa['read']} PDFs read.",
        "",
        "| field | compared | agree | disagree | not read | agree % |",
        "|---|---|---|---|---|---|",
    ]
    for k, a in fa["agreement"].items():
        out.append(
            f"| {k} | {a['compared']} | {a['agree']} | {a['disagree']} | {a['not_read']} | {a['agree_pct']} |"
        )
    return out + [""]


def render(res: dict[str, Any]) -> str:
    m = res["machine"]
    out = [
        "# Reading real Ofsted PDFs: libraries, fidelity, facts, furniture, speed",
        "",
        f"`make bench-reading` ({res['profile']}; last run: sections {res['sections_last_run']}, "
        f"{res['total_seconds_last_run']} s). Machine: {m['cores']} cores, shared and noisy "
        f"(load at start {m['loadavg_at_start']}), Python {m['python']}, {m['date']}. "
        "Figures are from the latest run of each section.",
        "",
    ]
    for key, fn in (("libraries", _libraries), ("fidelity", _fidelity), ("facts", _facts),
                    ("furniture", _furniture), ("speed", _speed)):  # fmt: skip
        if key in res:
            out += fn(res[key])
    return "\n".join(out) + "\n"
