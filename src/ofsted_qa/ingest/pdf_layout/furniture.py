"""Page furniture: running headers and footers, page numbers and contents pages.

Headers and footers are recognised by repetition, not by wording: a line in the top or bottom
band of the pages whose text (digits normalised) recurs on many pages is furniture. Contents
entries are lines that end in a page number after a TAB or dot leader, in runs.
"""

from __future__ import annotations

import re
from collections import Counter

from ofsted_qa.ingest.pdf_layout.lines import Line

BAND = 0.12  # share of the text area, at top and bottom, where running lines live
MIN_SHARE = 0.2  # a running line recurs on at least this share of pages (an appended LSCB
# review has its own footer on a fifth of the pages) ...
MIN_PAGES = 2  # ... and on at least this many
MIN_CONTENTS_RUN = 3  # contents lines come in runs; one "Title<TAB>12" may be a table cell

_DIGITS = re.compile(r"\d+")
# page numbers, also letter-spaced ("1 0") as some templates draw each digit apart
_PAGE_NUMBER = re.compile(r"(?:page\s*)?\d(?: ?\d){0,3}(?:\s*(?:of|/)\s*\d{1,4})?", re.I)
_CONTENTS_LINE = re.compile(r"\S.{1,200}?(?:\t|\s*\.{4,}\s*|\s*…+\s*)(?:page\s*)?\d{1,3}", re.I)
_CONTENTS_TITLE = re.compile(r"(?:table of )?contents", re.I)
# under a "Contents" title the page number may sit close to the entry ("improve?4")
_LOOSE_CONTENTS_LINE = re.compile(r"\S.{1,200}?\D\s?\d{1,3}")


def running_key(text: str) -> str:
    """What repeats on every page: digits (page numbers, dates, either side) and spacing do not
    count, so "Title<TAB>3" and "4 Title" on facing pages are the same footer."""
    return " ".join(_DIGITS.sub(" ", text).casefold().split())


def _bands(pages: list[list[Line]]) -> tuple[float, float]:
    lines = [ln for page in pages for ln in page]
    top, bottom = min(ln.top for ln in lines), max(ln.bottom for ln in lines)
    margin = BAND * (bottom - top)
    return top + margin, bottom - margin


def _in_band(line: Line, bands: tuple[float, float]) -> bool:
    return line.bottom <= bands[0] or line.top >= bands[1]


def running_keys(pages: list[list[Line]], bands: tuple[float, float]) -> set[str]:
    """Keys of band lines that recur on enough pages to be running headers or footers."""
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({running_key(ln.text) for ln in page if _in_band(ln, bands)})
    need = max(MIN_PAGES, MIN_SHARE * len(pages))
    return {k for k, n in seen.items() if n >= need and len(pages) >= MIN_PAGES}


def is_contents_line(text: str) -> bool:
    return bool(_CONTENTS_LINE.fullmatch(text.strip()))


def contents_lines(page: list[Line]) -> set[int]:
    """Indexes of a page's contents entries: runs of lines ending in a page number, plus
    the 'Contents' title and wrapped entry lines inside a run."""
    hits = [i for i, ln in enumerate(page) if is_contents_line(ln.text)]
    titles = (i for i, ln in enumerate(page) if _CONTENTS_TITLE.fullmatch(ln.text.strip()))
    titled = next(titles, None)
    if titled is not None:
        hits = sorted({*hits, *(i for i, ln in enumerate(page[titled + 1 :], titled + 1)
                                if _LOOSE_CONTENTS_LINE.fullmatch(ln.text.strip()))})  # fmt: skip
    if len(hits) < MIN_CONTENTS_RUN:
        return set()
    out = set(range(hits[0], hits[-1] + 1))
    before = hits[0] - 1
    if before >= 0 and _CONTENTS_TITLE.fullmatch(page[before].text.strip()):
        out.add(before)
    # a run is only contents if most of it is entries (not prose with stray numbers)
    return out if len(hits) >= 0.6 * len(out) else set()


def drop_furniture(pages: list[list[Line]]) -> tuple[list[list[Line]], Counter[str]]:
    """Pages without furniture, and counts of what was dropped by kind."""
    dropped: Counter[str] = Counter()
    if not any(pages):
        return pages, dropped
    bands = _bands([p for p in pages if p])
    running = running_keys(pages, bands)
    out: list[list[Line]] = []
    for page in pages:
        contents = contents_lines(page)
        kept: list[Line] = []
        for i, ln in enumerate(page):
            if i in contents:
                dropped["contents_lines"] += 1
            elif _in_band(ln, bands) and _PAGE_NUMBER.fullmatch(ln.text.strip()):
                dropped["page_numbers"] += 1
            elif _in_band(ln, bands) and running_key(ln.text) in running:
                dropped["header_footer_lines"] += 1
            else:
                kept.append(ln)
        out.append(kept)
    return out, dropped
