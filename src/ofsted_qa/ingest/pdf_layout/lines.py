"""Glyphs to lines: the geometry step of PDF layout recovery, independent of any PDF library.

A page arrives as glyphs in content-stream order (`Char`); this module groups them into
visual lines (`Line`), marks superscript digits (footnote markers) and turns wide horizontal
gaps into TABs, so table cells stay apart. Everything here is pure and testable without a PDF.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median
from typing import NamedTuple

SPLIT_DY = 0.5  # a baseline jump above this share of the font size starts a new line
SUPER_SIZE = 0.8  # glyphs smaller than this share of the line's size ...
SUPER_RISE = 0.15  # ... and raised by this share are superscripts
TAB_GAP = 2.0  # a horizontal gap of this many font sizes separates table cells ...
SOFT_GAP = 0.6  # ... and a narrower one does too where it lines up with another row's cell
SNAP = 2.0  # points: how closely a narrow gap must line up with a known cell edge
BACKWARD = 1.0  # moving left by this many font sizes is a new line (a wrap)
SAME_BASELINE = 0.3  # side-by-side lines whose baselines differ by less are one row
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
BULLET_GAP = 0.4  # a "-", "–" or "o" followed by at least this gap (in font sizes) is a bullet
BULLET_LIKE = "•-–o"
_MARKER = re.compile(r"\d{1,3}(?:\.\d{1,2})*\.?|•")  # list numbers: a gap after them is no cell


class Char(NamedTuple):
    """One glyph: x0/x1 its horizontal extent, y its baseline measured from the page top.

    A NamedTuple, not a dataclass: pages have thousands of these and tuples are cheap."""

    text: str
    x0: float
    x1: float
    y: float
    size: float


@dataclass(frozen=True, slots=True)
class Line:
    """A visual line: its text (TABs between cells) and geometry in points from the top-left."""

    text: str
    x0: float
    x1: float
    y: float  # baseline
    size: float  # modal font size of its glyphs
    page: int = 0  # 0-based
    stops: tuple[float, ...] = ()  # x0 of each cell after a TAB, in order
    soft: tuple[tuple[int, float], ...] = ()  # (text offset, x0) of words after a wide space

    @property
    def top(self) -> float:
        return self.y - 0.8 * self.size

    @property
    def bottom(self) -> float:
        return self.y + 0.2 * self.size


def _raw_lines(chars: list[Char]) -> list[list[Char]]:
    """Split glyphs where the baseline jumps or the pen moves back left (a wrapped line)."""
    lines: list[list[Char]] = []
    cur: list[Char] = []
    y = big = right = 0.0
    for c in chars:
        if c.text.isspace():
            if cur:
                cur.append(c._replace(x0=right, x1=right, y=y, size=big))
            continue
        jump = abs(c.y - y) > SPLIT_DY * max(big, c.size)
        back = c.x0 < right - BACKWARD * max(big, c.size)
        if cur and (jump or back):
            lines.append(cur)
            cur = []
        if not cur:
            y, big = c.y, c.size
        elif c.size > big:
            y, big = c.y, c.size  # the baseline belongs to the largest glyphs, not a marker
        cur.append(c)
        right = c.x1
    if cur:
        lines.append(cur)
    return lines


def _to_line(chars: list[Char], page: int) -> Line | None:
    """Text with superscript digits as ¹²³ and wide gaps as TAB; None for a blank line."""
    glyphs = [c for c in chars if not c.text.isspace()]
    if not glyphs:
        return None
    size = Counter(round(c.size, 1) for c in glyphs).most_common(1)[0][0]
    base = median(c.y for c in glyphs if round(c.size, 1) == size)
    out: list[str] = []
    stops: list[float] = []
    soft: list[tuple[int, float]] = []
    right = None
    for c in chars:
        if c.text.isspace():
            if out and out[-1] not in " \t":
                out.append(" ")
            continue
        gap = c.x0 - right if right is not None else 0.0
        lead = "".join(out).strip()
        if len(lead) == 1 and lead in BULLET_LIKE and gap > BULLET_GAP * size:
            out = ["•", " "]  # a bullet glyph set off by an indent, whatever glyph it is
        elif gap > TAB_GAP * size:
            while out and out[-1] == " ":
                out.pop()
            if _MARKER.fullmatch(lead):
                out.append(" ")  # "12." then the indent: a paragraph number, not a cell
            else:
                out.append("\t")
                stops.append(c.x0)
        elif gap > SOFT_GAP * size and out and out[-1] == " ":
            soft.append((len("".join(out)), c.x0))
        superscript = c.size < SUPER_SIZE * size and base - c.y > SUPER_RISE * size
        out.append(c.text.translate(SUPERSCRIPT) if superscript and c.text.isdigit() else c.text)
        right = c.x1
    text = "".join(out).strip(" ")
    if text.startswith("•") and not text.startswith("• "):
        text = "• " + text[1:].lstrip()
    x1 = max(c.x1 for c in glyphs)
    return Line(text, glyphs[0].x0, x1, base, size, page, tuple(stops), tuple(soft))


def snap_to_columns(lines: list[Line]) -> list[Line]:
    """Split a line at a narrow gap that lines up with a cell edge seen in another line of the
    page: a long cell can come closer to the next column than TAB_GAP."""
    edges = [s for ln in lines for s in ln.stops]
    if not edges:
        return lines
    out: list[Line] = []
    for ln in lines:
        text, stops = ln.text, list(ln.stops)
        for idx, x in reversed(ln.soft):
            if "\t" not in text[:idx] and any(abs(x - e) < SNAP for e in edges):
                text = text[:idx].rstrip() + "\t" + text[idx:]
                stops.insert(0, x)
        changed = stops != list(ln.stops)
        out.append(
            Line(text, ln.x0, ln.x1, ln.y, ln.size, ln.page, tuple(stops)) if changed else ln
        )
    return out


def merge_side_by_side(lines: list[Line]) -> list[Line]:
    """Join lines that share a baseline (table cells emitted separately), left to right,
    with a TAB between; return all lines in reading order (top to bottom, then left)."""
    out: list[Line] = []
    for line in sorted(lines, key=lambda ln: (ln.y, ln.x0)):
        prev = out[-1] if out else None
        if (
            prev is not None
            and abs(line.y - prev.y) < SAME_BASELINE * min(line.size, prev.size)
            and line.x0 >= prev.x1
        ):
            size = prev.size if len(prev.text) >= len(line.text) else line.size
            text = f"{prev.text}\t{line.text}"
            stops = (*prev.stops, line.x0, *line.stops)
            out[-1] = Line(text, prev.x0, line.x1, prev.y, size, prev.page, stops)
        else:
            out.append(line)
    return out


def lines_from_chars(chars: list[Char], page: int = 0) -> list[Line]:
    """A page's glyphs (content order) as visual lines in reading order."""
    lines = [ln for raw in _raw_lines(chars) if (ln := _to_line(raw, page)) is not None]
    return snap_to_columns(merge_side_by_side(lines))
