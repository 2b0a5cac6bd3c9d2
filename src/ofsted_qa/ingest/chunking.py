"""Split a document into paragraph chunks that stay faithful to its structure.

Pipeline: lines -> blank-line blocks -> segments (heading, paragraph, numbered paragraph,
list item, footnote, table; boilerplate dropped) -> page-break joins -> section paths ->
list lead-ins -> labels -> split to the token budget. Every chunk's `start`/`end` cover
exactly its text in the source, so a citation can always be checked against the file.
Reading the layout lives in `layout`, recognising furniture in `boilerplate`; this module
classifies blocks with both and fits the result to the model's token budget.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

from ofsted_qa.ingest.boilerplate import (
    contents_titles,
    is_furniture,
    is_photo_credit,
    is_valediction,
)
from ofsted_qa.ingest.layout import (
    Segment,
    apply_lists,
    blocks,
    heading_key,
    is_heading_block,
    is_terminal,
    join_page_breaks,
    line_segments,
    normalise_for_match,
    resolve_lead_ins,
    segment_text,
    with_sections,
)

SECTION_SEPARATOR = " › "
CHUNKER_VERSION = "6"  # 4: ILACS grade tables; 5: long cover titles; 6: "37.Ofsted" numbered

APPROX_TOKENS_PER_WORD = 1.6  # conservative against all-MiniLM word pieces
APPROX_CHARS_PER_TOKEN = 5  # only binds for words far longer than English ones
APPROX_SPECIAL_TOKENS = 2  # [CLS] and [SEP]
HEADER_MAX_SHARE = 0.6  # heading + list lead-in may use at most this share of the budget
MIN_MAX_TOKENS = 64  # room for a heading plus some text
TABLE_LABEL = "judgements-table"  # no spaces: labels are used in refs like "003#134"

TokenCounter = Callable[[str], int]
Span = tuple[int, int]  # [start, end) offsets into the source text
Cost = Callable[[int, int], int]  # tokens the model would see for a span

# ILACS writes "Requires improvement to be good", SIF "Requires improvement", 2013 "Adequate".
_GRADE_CELL = re.compile(
    r"\t\s*(?:outstanding|good|requires improvement(?: to be good)?|adequate|inadequate)\s*$",
    re.I | re.M,
)
_MARKUP = r"(?:</?[pP]>|\*\*)"
_SENT_END = re.compile(rf"[.!?…][\"'”’)\]]*{_MARKUP}*(?=\s+(?:{_MARKUP}|[\"'“‘(\[])*[A-Z0-9])")
_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s*")


@dataclass(frozen=True)
class Chunk:
    """One answerable passage and its exact place in its source file.

    `start`/`end` are indices into the decoded file text (str, code points): the text between
    them equals `text` once whitespace is collapsed and markup (`<p>`, `**`) removed.
    """

    doc_id: str
    ordinal: int
    paragraph: str
    section: tuple[str, ...]
    start: int
    end: int
    text: str
    context: str = ""

    @property
    def section_path(self) -> str:
        return SECTION_SEPARATOR.join(self.section)

    @property
    def embedding_text(self) -> str:
        """What the model sees: the nearest heading and list lead-in give the passage its topic."""
        parts = [self.section[-1]] if self.section else []
        if self.context:
            parts.append(self.context)
        parts.append(self.text)
        return "\n".join(parts)


def approx_token_count(s: str) -> int:
    """Conservative stand-in for the model's count; the character term catches long junk words."""
    pieces = max(APPROX_TOKENS_PER_WORD * len(s.split()), len(s) / APPROX_CHARS_PER_TOKEN)
    return math.ceil(pieces) + APPROX_SPECIAL_TOKENS


def _segments(src: str) -> tuple[list[Segment], set[str]]:
    """Classify blocks; boilerplate (and the alt text before a photo credit) is dropped here."""
    segs: list[Segment] = []
    toc: set[str] = set()
    last_number, signing = 0, False
    for block in blocks(src):
        bodies = [normalise_for_match(line.body) for line in block]
        titles = contents_titles([line.body for line in block])
        if titles is not None:
            toc.update(heading_key(t) for t in titles)
            continue
        if sum("\t" in line.body for line in block) >= 2:
            segs.append(Segment("table", block[0].start, block[-1].end))
            continue
        joined = "\n".join(bodies)
        if is_photo_credit(joined) and segs and segs[-1].kind == "heading":
            segs.pop()
        if is_valediction(bodies[0]):
            signing = True  # the name and title that follow are a signature
            continue
        prose = len(joined.split()) > 6 or is_terminal(joined)
        signing = signing and not prose
        if signing or is_furniture(bodies):
            continue
        opening = all(s.kind == "heading" for s in segs)
        if is_heading_block(block, bodies, toc, opening=opening):
            segs.append(Segment("heading", block[0].start, block[0].end))
            continue
        found, last_number = line_segments(block, last_number)
        segs.extend(found)
    return segs, toc


def _label(src: str, seg: Segment, position: int) -> str:
    if seg.kind == "numbered":
        return seg.number
    if seg.kind == "table" and _GRADE_CELL.search(src[seg.start : seg.end]):
        return TABLE_LABEL
    return f"¶{position}"


def _part_suffix(n: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'aa': split parts of one paragraph."""
    letters = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(97 + r) + letters
    return letters


def _pieces(src: str, start: int, end: int, level: int) -> list[Span]:
    """Sentences (level 0), words (1) or characters (2) of src[start:end], as spans."""
    if level == 0:
        spans, s = [], start
        for m in _SENT_END.finditer(src, start, end):
            spans.append((s, m.end()))
            # A match, not a copy of the rest of the text: one long line stays linear.
            s = _SPACE.match(src, m.end(), end).end()  # type: ignore[union-attr]
        return spans + [(s, end)]
    if level == 1:
        return [m.span() for m in _WORD.finditer(src, start, end)]
    return [(k, k + 1) for k in range(start, end)]


def _longest_fit(pieces: list[Span], i: int, cost: Cost, budget: int) -> int:
    """Largest j > i such that pieces[i:j] fit (at least i + 1): gallop, then bisect."""

    def ok(j: int) -> bool:
        return cost(pieces[i][0], pieces[j - 1][1]) <= budget

    lo, step = i + 1, 1
    if not ok(lo):
        return lo
    while lo + step <= len(pieces) and ok(lo + step):
        lo, step = lo + step, step * 2
    hi = min(lo + step, len(pieces) + 1)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if ok(mid) else (lo, mid)
    return lo


def _pack(pieces: list[Span], cost: Cost, budget: int) -> list[list[Span]]:
    groups, i = [], 0
    while i < len(pieces):
        j = _longest_fit(pieces, i, cost, budget)
        groups.append(pieces[i:j])
        i = j
    return groups


def _balanced(pieces: list[Span], cost: Cost, budget: int) -> list[list[Span]]:
    """As few groups as greedy packing needs, but cut near equal shares of the text, so a long
    paragraph becomes even parts rather than full parts and a stub. Falls back to greedy."""
    greedy = _pack(pieces, cost, budget)
    ends = list(accumulate(e - s for s, e in pieces))
    shares = [ends[-1] * i / len(greedy) for i in range(1, len(greedy))]
    cuts = sorted({_nearest(ends, x) + 1 for x in shares})
    groups = [pieces[a:b] for a, b in zip([0, *cuts], [*cuts, len(pieces)], strict=True)]
    even = len(groups) == len(greedy) and all(cost(g[0][0], g[-1][1]) <= budget for g in groups)
    return groups if even else greedy


def _nearest(ends: list[int], x: float) -> int:
    """The index j < len(ends) - 1 whose ends[j] is nearest x (the first on a tie), found by
    bisection: a scan per share made one long paragraph quadratic."""
    last = len(ends) - 2
    at = bisect_left(ends, x, 0, last + 1)
    return min((j for j in (at - 1, at) if 0 <= j <= last), key=lambda j: abs(ends[j] - x))


def _split(src: str, span: Span, cost: Cost, budget: int, level: int = 0) -> list[Span]:
    """Spans covering `span` that each fit: whole sentences where possible, then words, then
    (for one absurdly long word) characters. Nothing is dropped."""
    if cost(*span) <= budget:
        return [span]
    if level > 2:
        raise ValueError("max_tokens is too small to hold a single character with its heading")
    pieces = _pieces(src, *span, level)
    if len(pieces) <= 1:
        return _split(src, span, cost, budget, level + 1)
    groups = _balanced(pieces, cost, budget) if level == 0 else _pack(pieces, cost, budget)
    return [
        part
        for group in groups
        for part in _split(
            src, (group[0][0], group[-1][1]), cost, budget, level + (len(group) == 1)
        )
    ]


def _fit_context(seg: Segment, max_tokens: int, count: TokenCounter) -> str:
    """A lead-in must leave room for the passage: fall back to its last sentence, then drop it."""
    heading = seg.section[-1] if seg.section else ""
    for candidate in (seg.context, re.split(r"(?<=[.!?])\s+", seg.context)[-1]):
        if count(f"{heading}\n{candidate}") <= max_tokens * HEADER_MAX_SHARE:
            return candidate
    return ""


def _fit_segment(
    src: str, seg: Segment, context: str, max_tokens: int, count: TokenCounter
) -> list[tuple[int, int]]:
    def cost(start: int, end: int) -> int:
        text = normalise_for_match(src[start:end])
        return count(Chunk("", 0, "", seg.section, start, end, text, context).embedding_text)

    parts = _split(src, (seg.start, seg.end), cost, max_tokens)
    return [(a, b) for a, b in parts if normalise_for_match(src[a:b])]


def _to_chunks(
    src: str, doc_id: str, segs: list[Segment], max_tokens: int, count: TokenCounter
) -> list[Chunk]:
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for position, seg in enumerate(segs, start=1):
        context = _fit_context(seg, max_tokens, count) if seg.context else ""
        parts = _fit_segment(src, seg, context, max_tokens, count)
        label = _label(src, seg, position)
        label = label if label not in seen else f"{label}-{position}"
        seen.add(label)
        joiner = "" if label[-1].isdigit() else "-"
        for n, (start, end) in enumerate(parts):
            part = label + (joiner + _part_suffix(n) if len(parts) > 1 else "")
            text = normalise_for_match(src[start:end])
            chunks.append(Chunk(doc_id, len(chunks), part, seg.section, start, end, text, context))
    return chunks


def chunk_document(
    text: str, doc_id: str, *, max_tokens: int = 256, count_tokens: TokenCounter | None = None
) -> list[Chunk]:
    if max_tokens < MIN_MAX_TOKENS:
        raise ValueError(f"max_tokens must be at least {MIN_MAX_TOKENS}")
    count = count_tokens or approx_token_count
    segs, toc = _segments(text)
    segs = join_page_breaks(text, resolve_lead_ins(text, segs))
    segs = apply_lists(text, with_sections(text, segs, toc))
    content = [s for s in segs if s.kind != "heading" and segment_text(text, s)]
    return _to_chunks(text, doc_id, content, max_tokens, count)
