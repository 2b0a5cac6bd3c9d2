"""Corpus access for `bench/reading.py`: the fixed sample, the per-report worker of the
whole-corpus pass (read, layout, chunk, facts, furniture flags), and the three PDF libraries'
plain-text extraction. Timings are in-process `time.perf_counter()` readings.
"""

from __future__ import annotations

import importlib.metadata as md
import logging
import re
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reading_furniture import flag_document

from ofsted_qa.ingest.chunking import chunk_document
from ofsted_qa.ingest.facts import Authority, load_authorities, read_facts
from ofsted_qa.ingest.facts.model import facts_to_json
from ofsted_qa.ingest.pdf_layout import recover_layout
from ofsted_qa.ingest.readers import UnreadableDocument
from ofsted_qa.ingest.readers.pdf import read_pages

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "ofsted-ilacs"
REPORTS = SHARED / "reports"
MAX_TOKENS = 256
# where the compared facts are printed: the first page holding each phrase (facts.md "page")
NEEDLES = ("published", "inspection date", "lead inspector")


def page_of(pages: list[str], needle: str) -> int | None:
    low = needle.lower()
    return next((i for i, p in enumerate(pages, 1) if low in p.lower()), None)


def all_reports() -> list[Path]:
    return sorted(REPORTS.glob("*/*.pdf"))


def spread(paths: list[Path], n: int) -> list[Path]:
    """n paths evenly spread over the sorted list (deterministic)."""
    if n >= len(paths):
        return paths
    return [paths[i * len(paths) // n] for i in range(n)]


def sample(per_year: int = 3) -> list[Path]:
    """~40 report PDFs spanning 2013-2026: per_year a year, evenly through the sorted paths
    (the same rule as the reader's original measurements, so the same 42 files)."""
    by_year: dict[str, list[Path]] = {}
    for p in all_reports():
        y = re.search(r"(20\d\d)\.pdf$", p.name)
        if y and y[1] >= "2013":
            by_year.setdefault(y[1], []).append(p)
    out: list[Path] = []
    for _, ps in sorted(by_year.items()):
        step = max(1, len(ps) // per_year)
        out += ps[::step][:per_year]
    return [p for p in out if p.read_bytes()[:1024].find(b"%PDF-") >= 0]


_AUTHS: list[Authority] | None = None


def _authorities() -> list[Authority]:
    global _AUTHS
    if _AUTHS is None:
        _AUTHS = load_authorities(SHARED / "la_lookup.csv")
    return _AUTHS


def plain_pages(path: Path) -> list[str]:
    """PDFium's plain page text, exactly what `read_pages(path)[1]` returns, without the
    per-glyph work (used when only facts are measured)."""
    import pypdfium2 as pdfium

    head = path.read_bytes()[:1024]
    if b"%PDF-" not in head:
        raise UnreadableDocument("not a PDF")
    doc = pdfium.PdfDocument(str(path))
    try:
        out = []
        for i in range(len(doc)):
            tp = doc[i].get_textpage()
            out.append(tp.get_text_range())
            tp.close()
        return out
    finally:
        doc.close()


def read_one(path_str: str, full: bool = True) -> dict[str, Any]:
    """One report through the pipeline. full: read_pages + recover_layout + chunk_document
    (what read_pdf and the index do) + facts + furniture flags; else plain text + facts."""
    path = Path(path_str)
    rec: dict[str, Any] = {"path": path_str, "times": {}}
    t0 = time.perf_counter()
    try:
        if full:
            lines, plain = read_pages(path)
        else:
            plain = plain_pages(path)
    except UnreadableDocument as e:
        rec["error"] = str(e)
        return rec
    t1 = time.perf_counter()
    rec["times"]["read"] = t1 - t0
    rec["pages"] = len(plain)
    rec["needle_pages"] = {n: page_of(plain, n) for n in NEEDLES}
    if full:
        pdf = recover_layout(lines, frozenset())
        t2 = time.perf_counter()
        chunks = chunk_document(pdf.text, path.parent.name, max_tokens=MAX_TOKENS)
        t3 = time.perf_counter()
        rec["times"] |= {"layout": t2 - t1, "chunk": t3 - t2}
        rec["chars"] = len(pdf.text)
        rec["passages"] = len(chunks)
        rec["dropped"] = pdf.dropped
        rec["flags"] = flag_document(pdf.text, chunks)
        t1 = time.perf_counter()
    facts = read_facts(plain, authorities=_authorities())
    rec["facts"] = facts_to_json(facts)
    rec["raw_authority"] = read_facts(plain).local_authority
    rec["times"]["facts"] = time.perf_counter() - t1
    return rec


# --- the libraries -------------------------------------------------------------------------


def _pdfium(p: Path) -> tuple[int, str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(p))
    n = len(doc)
    text = "\f".join(doc[i].get_textpage().get_text_range() for i in range(n))
    doc.close()
    return n, text


def _plumber(p: Path) -> tuple[int, str]:
    import pdfplumber

    with pdfplumber.open(p) as pdf:
        return len(pdf.pages), "\f".join((pg.extract_text() or "") for pg in pdf.pages)


def _pypdf(p: Path) -> tuple[int, str]:
    import pypdf

    r = pypdf.PdfReader(p)
    return len(r.pages), "\f".join(pg.extract_text() for pg in r.pages)


LIBS: dict[str, tuple[str, str, Callable[[Path], tuple[int, str]]]] = {
    # name: (distribution, import name, plain text of every page)
    "pypdfium2": ("pypdfium2", "pypdfium2", _pdfium),
    "pdfplumber": ("pdfplumber", "pdfplumber", _plumber),
    "pypdf": ("pypdf", "pypdf", _pypdf),
}


def installed(dist: str) -> str | None:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return None


def licence(dist: str) -> str:
    """Licence from the installed distribution's metadata (expression, field or classifiers)."""
    meta = md.metadata(dist)
    if meta.get("License-Expression"):
        return str(meta["License-Expression"])
    field = (meta.get("License") or "").strip()
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if "License" in c]
    if field and len(field) < 80:
        return field + (f" ({', '.join(classifiers)})" if classifiers else "")
    return ", ".join(classifiers) or (field[:80] + "…" if field else "not stated")


def time_library(name: str, files: list[Path], budget_s: float) -> dict[str, Any]:
    """Plain-text pages/s of one library over `files`, one process, stopping after the file
    that crosses `budget_s` (the rate is then over the files done; the row says so)."""
    dist, _, fn = LIBS[name]
    version = installed(dist)
    if version is None:
        return {"library": name, "installed": False}
    logging.disable(logging.CRITICAL)
    warnings.filterwarnings("ignore")
    pages, done, errors, spent = 0, 0, [], 0.0
    for p in files:
        t = time.perf_counter()
        try:
            pages += fn(p)[0]
        except Exception as e:  # a library's failure on one file is a result, not a crash
            errors.append(f"{p.name}: {type(e).__name__}: {e}"[:200])
        spent += time.perf_counter() - t
        done += 1
        if spent > budget_s:
            break
    logging.disable(logging.NOTSET)
    return {
        "library": name,
        "installed": True,
        "version": version,
        "licence": licence(dist),
        "files": done,
        "of_files": len(files),
        "pages": pages,
        "seconds": round(spent, 2),
        "pages_per_s": round(pages / spent, 1) if spent else None,
        "errors": errors,
    }


def naive_paragraphs(text: str) -> str:
    """A library's plain text cut into paragraphs, no layout recovery: a new paragraph at a
    line starting "N. " or at a blank line; lone page numbers dropped."""
    out, cur = [], []
    for raw in text.replace("\f", "\n").splitlines():
        line = raw.strip()
        if not line or re.fullmatch(r"\d{1,3}", line) or re.match(r"\d{1,3}\.\s", line):
            if cur:
                out.append(" ".join(cur))
                cur = []
            if not line or re.fullmatch(r"\d{1,3}", line):
                continue
        cur.append(line)
    return "\n\n".join(out + [" ".join(cur)])
