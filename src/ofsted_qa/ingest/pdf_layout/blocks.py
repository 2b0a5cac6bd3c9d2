"""Lines to blocks on one page: paragraphs, numbered paragraphs, list items, footnotes and
table rows, decided from geometry (vertical gaps, indents, font sizes), not wording.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ofsted_qa.ingest.pdf_layout.lines import Line

PARA_GAP = 0.3  # a gap this many font sizes beyond the usual line pitch ends a paragraph ...
SURE_GAP = 0.8  # ... unless below this one and the text runs on (no full stop, lower case)
SIZE_STEP = 1.0  # a font-size change of this many points (heading -> text) ends a block
INDENT = 5.0  # points: smaller x differences are the same margin
FOOTNOTE_SMALLER = 0.5  # footnotes are set at least this many points below body text

NUMBERED = re.compile(r"(\d{1,3})\.\s+(?=\S)")
# A cover's field lines ("Inspection dates: ...", "Report published: ...") each stand alone,
# however tightly they are set under the title.
COVER_FIELD = re.compile(
    r"(?:inspection dates?|dates? of inspection|report published|publication date|"
    r"lead inspectors?|reporting inspector|inspection number|unique reference number)\b\s*:",
    re.I,
)
ITEM = "• "
_FOOTNOTE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*\S|\d{1,2}\s+[A-Z]")
_SUPER = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True, slots=True)
class Block:
    """Lines that form one paragraph, item, footnote or table row (kind), in reading order."""

    kind: str  # para | numbered | item | footnote | row
    lines: tuple[Line, ...]
    cells: tuple[str, ...] = ()  # for rows: each cell's text

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def last_page(self) -> int:
        return self.lines[-1].page

    @property
    def size(self) -> float:
        return self.lines[0].size if self.kind != "item" else self.lines[-1].size

    @property
    def indent(self) -> float:
        """x of the continuation lines (the hanging indent), or of the first line."""
        return self.lines[1].x0 if len(self.lines) > 1 else self.lines[0].x0


def line_pitches(pages: list[list[Line]]) -> dict[float, float]:
    """Usual baseline-to-baseline distance per font size: the commonest close gap."""
    gaps: dict[float, Counter[float]] = {}
    for page in pages:
        for a, b in zip(page, page[1:], strict=False):
            if abs(a.size - b.size) < 0.5 and 0.9 * a.size < b.y - a.y < 2.0 * a.size:
                gaps.setdefault(round(a.size * 2) / 2, Counter())[round(b.y - a.y, 0)] += 1
    return {s: c.most_common(1)[0][0] for s, c in gaps.items()}


def body_size(pages: list[list[Line]]) -> float:
    """The font size most text is set in (weighted by characters)."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for ln in page:
            sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _terminal(text: str) -> bool:
    """Ends a sentence (closing quotes and brackets looked past)."""
    return text.rstrip().rstrip("\"'”’)]")[-1:] in ".!?:;"


def _pitch(pitches: dict[float, float], size: float) -> float:
    return pitches.get(round(size * 2) / 2, 1.2 * size)


def clusters(page: list[Line], pitches: dict[float, float]) -> list[list[Line]]:
    """Runs of lines without a paragraph gap or a font-size change between them."""
    out: list[list[Line]] = []
    for ln in page:
        prev = out[-1][-1] if out else None
        size = max(ln.size, prev.size) if prev else ln.size
        gap = ln.y - prev.y - _pitch(pitches, size) if prev else 0.0
        runs_on = prev is not None and ln.text[:1].islower() and not _terminal(prev.text)
        if (
            prev is None
            or gap > SURE_GAP * size
            or (gap > PARA_GAP * size and not runs_on)
            or (abs(ln.size - prev.size) > SIZE_STEP and ln.top > prev.bottom)
        ):
            out.append([ln])
        else:
            out[-1].append(ln)
    return out


def _overlaps_left(ln: Line, others: list[Line]) -> bool:
    """Another line sits to the left of this one at the same height: a cell beside a cell."""
    return any(o is not ln and o.x1 <= ln.x0 and o.top < ln.bottom and ln.top < o.bottom
               for o in others)  # fmt: skip


def _row_cells(group: list[Line]) -> tuple[str, ...] | None:
    """A cluster laid out in columns becomes one table row; None if it is running text."""
    starts = [s for ln in group for s in ln.stops]
    starts += [ln.x0 for ln in group if _overlaps_left(ln, group)]
    if not starts:
        return None
    columns = sorted({round(s) for s in starts})
    bounds = [min(ln.x0 for ln in group)] + [c for c in columns if c > min(ln.x0 for ln in group)]
    cells: list[list[str]] = [[] for _ in bounds]
    for ln in sorted(group, key=lambda g: g.y):
        for text, x in zip(ln.text.split("\t"), (ln.x0, *ln.stops), strict=False):
            col = max(i for i, b in enumerate(bounds) if b <= x + INDENT)
            cells[col].append(text.strip())
    return tuple(" ".join(c) for c in cells)


def _starts_block(ln: Line, block: list[Line], kind: str, last_number: int) -> bool:
    """Whether a line inside a cluster opens a new block (item, numbered paragraph, ...)."""
    prev = block[-1]
    if ln.text.startswith(ITEM) or COVER_FIELD.match(ln.text):
        return True
    indent = block[1].x0 if len(block) > 1 else None
    if indent is not None and ln.x0 < indent - INDENT:
        return True  # back out to the left of the hanging indent: a new paragraph
    num = NUMBERED.match(ln.text)
    if num and ln.x0 < prev.x0 - INDENT:
        return True
    # one-line numbered paragraphs stacked without gaps: same margin, next number
    return bool(num and len(block) == 1 and kind == "numbered"
                and int(num[1]) == last_number + 1 and abs(ln.x0 - prev.x0) < INDENT)  # fmt: skip


def _kind(first: Line, body: float) -> str:
    if first.text.startswith(ITEM):
        return "item"
    if _FOOTNOTE.match(first.text) and first.size < body - FOOTNOTE_SMALLER:
        return "footnote"
    return "numbered" if NUMBERED.match(first.text) else "para"


def page_blocks(page: list[Line], pitches: dict[float, float], body: float) -> list[Block]:
    """One page's blocks in reading order."""
    out: list[Block] = []
    last_number = 0
    for group in clusters(page, pitches):
        cells = _row_cells(group)
        if cells is not None:
            out.append(Block("row", tuple(group), cells))
            continue
        block: list[Line] = [group[0]]
        kind = _kind(group[0], body)
        for ln in group[1:]:
            if kind != "footnote" and _starts_block(ln, block, kind, last_number):
                out.append(Block(kind, tuple(block)))
                block, kind = [ln], _kind(ln, body)
            else:
                block.append(ln)
            if kind == "numbered" and (num := NUMBERED.match(block[0].text)):
                last_number = int(num[1])
        out.append(Block(kind, tuple(block)))
        if kind == "numbered" and (num := NUMBERED.match(block[0].text)):
            last_number = int(num[1])
    return out


def footnote_text(text: str) -> str:
    """'1 Ofsted ...' or '¹Ofsted ...' -> '¹ Ofsted ...' (the seed convention)."""
    m = re.match(r"([⁰¹²³⁴⁵⁶⁷⁸⁹\d]+)\s*", text)
    return f"{m[1].translate(_SUPER)} {text[m.end() :]}" if m else text
