"""`make bench-reading`: how well and how fast real Ofsted PDFs are read (issue 16, "Measure").

    .venv/bin/python bench/reading.py                       # everything, ~6-8 min on 2 cores
    .venv/bin/python bench/reading.py --sample 20           # quick run: 20 reports, 10 sampled
    .venv/bin/python bench/reading.py --sections fidelity,facts --workers 2

Sections: libraries (pypdfium2 / pdfplumber / pypdf plain-text pages/s on a fixed ~40-PDF
sample, licence, naive fidelity; the shipped reader on the same sample as reference),
fidelity (seed 003 against the Bexley 2014 PDF), facts (read_facts against the scraper's CSV;
writes facts.md/facts.json), furniture (a bench rule over every passage of the corpus) and
speed (read + layout + chunk over the corpus on --workers processes). facts, furniture and
speed share one pass over the corpus. Reads ../shared/ofsted-ilacs; copies nothing from it.

Timings are in-process `time.perf_counter()` readings (the corpus pass: wall clock around the
process pool). The machine is shared and noisy: every speed is printed beside a reference
measured in the same run. Writes bench/results/reading.json and reading.md (merged with the
sections not run this time), facts.json and facts.md.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import platform
import random
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "src"))

import reading_facts  # noqa: E402
from reading_corpus import (  # noqa: E402
    LIBS,
    MAX_TOKENS,
    REPORTS,
    all_reports,
    naive_paragraphs,
    read_one,
    sample,
    spread,
    time_library,
)
from reading_render import render  # noqa: E402

from ofsted_qa.evaluation.fidelity import WHOLE_PARAGRAPHS, _key, fidelity  # noqa: E402
from ofsted_qa.ingest.chunking import chunk_document  # noqa: E402
from ofsted_qa.ingest.readers.pdf import read_pdf  # noqa: E402

RESULTS = BENCH / "results"
SECTIONS = ("libraries", "fidelity", "facts", "furniture", "speed")
SEED = BENCH.parent / "seeds" / "003_365e1ef2b819a726.txt"
BEXLEY = REPORTS / "80488_bexley" / "children's services inspection - 23 may 2014.pdf"
FURNITURE_SAMPLE, FURNITURE_SEED = 500, 500


def shipped_reader(files: list[Path]) -> dict[str, Any]:
    """read_pdf (pypdfium2 + layout recovery + facts) then chunk_document, one process."""
    pages = passages = 0
    t_read = t_chunk = 0.0
    for p in files:
        t0 = time.perf_counter()
        r = read_pdf(p)
        t1 = time.perf_counter()
        passages += len(chunk_document(r.text, p.parent.name, max_tokens=MAX_TOKENS))
        t_chunk += time.perf_counter() - t1
        t_read += t1 - t0
        pages += len(r.page_starts)
    total = t_read + t_chunk
    return {
        "files": len(files),
        "pages": pages,
        "passages": passages,
        "read_pdf_s": round(t_read, 2),
        "chunk_s": round(t_chunk, 2),
        "read_pdf_pages_per_s": round(pages / t_read, 1),
        "read_and_chunk_pages_per_s": round(pages / total, 1),
    }


def naive_fidelity(lib: str) -> dict[str, Any] | None:
    from reading_corpus import installed

    dist, _, fn = LIBS[lib]
    if installed(dist) is None:
        return None
    f = fidelity(SEED.read_text(encoding="utf-8"), naive_paragraphs(fn(BEXLEY)[1]))
    return {"recovered": f.recovered, "total": f.total, "share": round(f.share, 4)}


def section_libraries(files: list[Path], budget: float, reference: dict[str, Any]) -> dict:
    rows = []
    for lib in LIBS:
        row = time_library(lib, files, budget)
        if row["installed"]:
            row["naive_fidelity"] = naive_fidelity(lib)
        rows.append(row)
        print(f"  {lib}: {row.get('pages_per_s', 'not installed')} pages/s", flush=True)
    return {"sample_files": [str(p.relative_to(REPORTS)) for p in files], "rows": rows,
            "reference_shipped_reader": reference, "budget_s_per_library": budget}  # fmt: skip


def section_fidelity() -> dict[str, Any]:
    seed = SEED.read_text(encoding="utf-8")
    t = time.perf_counter()
    pdf_text = read_pdf(BEXLEY).text
    read_s = time.perf_counter() - t
    f = fidelity(seed, pdf_text)
    seed_chunks = {
        c.paragraph: c.text for c in chunk_document(seed, "s", max_tokens=WHOLE_PARAGRAPHS)
    }
    pdf_chunks = chunk_document(pdf_text, "p", max_tokens=WHOLE_PARAGRAPHS)
    misses = []
    for num in f.misses:
        want = seed_chunks.get(num, "")
        same = [c for c in pdf_chunks if c.paragraph == num]
        pool = same or pdf_chunks
        best = max(pool, key=lambda c: difflib.SequenceMatcher(None, want, c.text).ratio())
        sw, pw = want.split(), best.text.split()
        ops = difflib.SequenceMatcher(None, sw, pw).get_opcodes()
        # differences that survive the score's normalisation (a curly quote does not)
        diffs = [{"seed": " ".join(sw[a:b]), "pdf": " ".join(pw[c:d])}
                 for tag, a, b, c, d in ops
                 if tag != "equal" and _key(" ".join(sw[a:b])) != _key(" ".join(pw[c:d]))]  # fmt: skip
        misses.append({"paragraph": num, "seed_text": want, "pdf_paragraph": best.paragraph,
                       "pdf_text": best.text, "differences": diffs})  # fmt: skip
    return {"seed": SEED.name, "pdf": str(BEXLEY.relative_to(REPORTS)), "recovered": f.recovered,
            "total": f.total, "share": round(f.share, 4), "misses": misses,
            "read_pdf_s": round(read_s, 2)}  # fmt: skip


def corpus_pass(files: list[Path], workers: int, full: bool) -> tuple[list[dict], float]:
    t = time.perf_counter()
    out = []
    with ProcessPoolExecutor(workers) as ex:
        for i, rec in enumerate(
            ex.map(read_one, map(str, files), [full] * len(files), chunksize=2)
        ):
            out.append(rec)
            if (i + 1) % 50 == 0:
                print(
                    f"  {i + 1}/{len(files)} reports, {time.perf_counter() - t:.0f} s", flush=True
                )
    return out, time.perf_counter() - t


def section_furniture(records: list[dict]) -> dict[str, Any]:
    ok = [r for r in records if "passages" in r]
    index = [(r["path"], k) for r in ok for k in range(r["passages"])]
    flags = {(r["path"], f["ordinal"]): f for r in ok for f in r["flags"]}
    picked = random.Random(FURNITURE_SEED).sample(index, min(FURNITURE_SAMPLE, len(index)))
    in_sample = [dict(flags[k], pdf=k[0]) for k in picked if k in flags]
    every = [dict(f, pdf=r["path"]) for r in ok for f in r["flags"]]
    for f in in_sample + every:
        f["pdf"] = str(Path(f["pdf"]).relative_to(REPORTS))

    def tally(fs: list[dict]) -> dict[str, Any]:
        real = [f for f in fs if not f["verdict"].startswith("false positive")]
        return {"flagged": len(fs), "by_category": dict(Counter(f["category"] for f in fs)),
                "false_positives_of_the_rule": len(fs) - len(real), "not_cleared": len(real)}  # fmt: skip

    return {"passages": len(index), "sample_size": len(picked), "sample_seed": FURNITURE_SEED,
            "sample": tally(in_sample), "all": tally(every), "sample_flags": in_sample,
            "all_flags": every,
            "reader_dropped": dict(sum((Counter(r["dropped"]) for r in ok), Counter()))}  # fmt: skip


def section_speed(records: list[dict], wall: float, workers: int, ref: dict | None) -> dict:
    ok = [r for r in records if "passages" in r]
    pages = sum(r["pages"] for r in ok)
    stage = Counter()
    for r in ok:
        stage.update(r["times"])
    return {"workers": workers, "files": len(records), "read": len(ok),
            "not_read": {str(Path(r["path"]).relative_to(REPORTS)): r["error"] for r in records if "error" in r},
            "pages": pages, "passages": sum(r["passages"] for r in ok),
            "characters": sum(r["chars"] for r in ok), "wall_s": round(wall, 1),
            "pages_per_s": round(pages / wall, 1),
            "stage_cpu_s": {k: round(v, 1) for k, v in stage.items()},
            "note": "wall time around the process pool includes facts reading and the furniture "
                    "rule (stage_cpu_s: their share)",
            "single_process_reference": ref}  # fmt: skip


def machine() -> dict[str, Any]:
    return {"cores": os.cpu_count(), "python": platform.python_version(),
            "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z")}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--sections", default=",".join(SECTIONS), help="comma list of " + ", ".join(SECTIONS)
    )
    ap.add_argument("--sample", type=int, default=0, help="quick run: only N reports")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--lib-budget",
        type=float,
        default=45.0,
        help="seconds per library on the sample before it stops (pdfplumber is slow)",
    )
    args = ap.parse_args()  # fmt: skip
    chosen = [s.strip() for s in args.sections.split(",") if s.strip()]
    if bad := set(chosen) - set(SECTIONS):
        ap.error(f"unknown sections: {', '.join(sorted(bad))}")
    if not REPORTS.is_dir():
        sys.exit(f"corpus not found: {REPORTS} (../shared/ofsted-ilacs relative to the repo)")
    RESULTS.mkdir(exist_ok=True)
    out_json = RESULTS / "reading.json"
    res: dict[str, Any] = json.loads(out_json.read_text()) if out_json.exists() else {}
    res["machine"] = machine()
    res["profile"] = f"sample {args.sample}" if args.sample else "full"
    t_all = time.perf_counter()
    files = all_reports()
    lib_files = sample()
    if args.sample:
        files, lib_files = spread(files, args.sample), spread(lib_files, max(2, args.sample // 2))

    ref = None
    if {"libraries", "speed"} & set(chosen):
        print(f"shipped reader, 1 process, {len(lib_files)} sampled PDFs ...", flush=True)
        ref = shipped_reader(lib_files)
        print(f"  {ref['read_pdf_pages_per_s']} pages/s read_pdf", flush=True)
    if "libraries" in chosen:
        print("libraries ...", flush=True)
        res["libraries"] = section_libraries(lib_files, args.lib_budget, ref or {})
    if "fidelity" in chosen:
        res["fidelity"] = section_fidelity()
        print(f"fidelity {res['fidelity']['recovered']}/{res['fidelity']['total']}", flush=True)
    if {"facts", "furniture", "speed"} & set(chosen):
        full = bool({"furniture", "speed"} & set(chosen))
        print(f"corpus pass: {len(files)} reports, {args.workers} processes, "
              f"{'read+layout+chunk+facts' if full else 'plain text+facts'} ...", flush=True)  # fmt: skip
        records, wall = corpus_pass(files, args.workers, full)
        if "speed" in chosen:
            res["speed"] = section_speed(records, wall, args.workers, ref)
        if "furniture" in chosen:
            res["furniture"] = section_furniture(records)
        if "facts" in chosen:
            facts = reading_facts.run({r["path"]: r for r in records})
            (RESULTS / "facts.json").write_text(json.dumps(facts, indent=1, default=str))
            (RESULTS / "facts.md").write_text(reading_facts.markdown(facts))
            res["facts"] = {k: facts[k] for k in ("rows", "read", "agreement", "data_unreadable")}
    res["total_seconds_last_run"] = round(time.perf_counter() - t_all, 1)
    res["sections_last_run"] = chosen
    out_json.write_text(json.dumps(res, indent=1, default=str))
    (RESULTS / "reading.md").write_text(render(res))
    print(f"wrote {out_json.relative_to(BENCH.parent)} and reading.md "
          f"in {res['total_seconds_last_run']} s")  # fmt: skip


if __name__ == "__main__":
    main()
