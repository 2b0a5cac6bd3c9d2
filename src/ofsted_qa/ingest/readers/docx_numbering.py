"""Word's list labels, replayed: python-docx does not render list numbering.

Word keeps one counter per abstract list definition, honours start values and "restart
numbering" overrides, and formats each level as decimal, letter or roman. Ofsted's numbered
paragraphs carry on past headings (1-120 across sections), so counting runs alone would not do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

_STYLE_LEVEL = re.compile(r"List (?:Bullet|Number|Paragraph) ?(\d?)")  # "List Bullet 2"
_PLAIN_NUMBER = re.compile(r"\d{1,3}\.\Z")  # the form the chunker reads as a numbered paragraph
_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


@lru_cache(maxsize=256)
def _compiled(path: str) -> Any:
    from lxml import etree

    return etree.XPath(path, namespaces=_NS)


def xpath(el: Any, path: str) -> Any:
    """XPath with the "w" prefix on any element (python-docx's own .xpath is on some only)."""
    return _compiled(path)(el)


def styles(style: Any) -> Iterator[Any]:
    while style is not None:
        yield style
        style = style.base_style


class Numbering:
    """Word's list labels, replayed: a counter per abstract list definition, as Word keeps."""

    def __init__(self, doc: Any) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        try:  # doc.part.numbering_part would add an empty part to a file without one
            self._root = doc.part.part_related_by(RT.NUMBERING).element
        except KeyError:
            self._root = None
        self._counts: dict[str, dict[int, int]] = {}  # abstractNumId -> level -> last number
        self._started: set[str] = set()  # numIds whose start overrides have been applied
        self.style_run = 0  # "List Number" paragraphs with no numbering definition

    def label(self, para: Any) -> str | None:
        """The line prefix for a list paragraph ("• ", "3. ", "  • (a) "); None otherwise."""
        num_id, ilvl = _num_pr(para)
        style = _STYLE_LEVEL.match(para.style.name or "") if para.style is not None else None
        indent = "  " * (ilvl + (int(style[1]) - 1 if style and style[1] else 0))
        if num_id is None and style:  # a list style whose numbering definition is missing
            self.style_run += "Number" in style[0]
            return indent + (f"{self.style_run}. " if "Number" in style[0] else "• ")
        if num_id is None or self._root is None:
            return None
        num = xpath(self._root, f'./w:num[@w:numId="{num_id}"]')
        if not num:
            return None  # no numbering, numId 0 (switched off) or an id that shows nothing
        abstract = (xpath(num[0], "./w:abstractNumId/@w:val") or ["-"])[0]
        if not abstract.isdigit():
            return None  # ids go into XPath below: only the numbers the schema allows
        counts = self._counts.setdefault(abstract, {})
        if num_id not in self._started:  # "Restart numbering" makes a new num with overrides
            self._started.add(num_id)
            for over in xpath(num[0], "./w:lvlOverride[w:startOverride]"):
                level, start = xpath(over, "./@w:ilvl"), xpath(over, "./w:startOverride/@w:val")
                if level and start and level[0].isdigit() and start[0].isdigit():
                    counts[int(level[0])] = int(start[0]) - 1
        fmt, pattern, start = self._level(abstract, ilvl)
        if fmt == "bullet":
            return indent + "• "
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a new item restarts the levels below it

        def number(m: re.Match[str]) -> str:
            k_fmt, _, k_start = self._level(abstract, int(m[1]) - 1)
            return _format(counts.get(int(m[1]) - 1, k_start), k_fmt)

        label = re.sub(r"%(\d)", number, pattern).strip()
        if not label:
            return None  # numbered with no visible label: Word shows a plain paragraph
        return label + " " if not indent and _PLAIN_NUMBER.match(label) else f"{indent}• {label} "

    def _level(self, abstract: str, ilvl: int) -> tuple[str, str, int]:
        """(numFmt, lvlText, start) of one level; a missing definition reads as "%N." decimal."""
        path = f'./w:abstractNum[@w:abstractNumId="{abstract}"]/w:lvl[@w:ilvl="{ilvl}"]'
        lvl = xpath(self._root, path)[:1] if self._root is not None else []
        fmt, text, start = (xpath(lvl[0], f"./w:{n}/@w:val") if lvl else [] for n in _LEVEL_FIELDS)
        start_value = int(start[0]) if start and start[0].isdigit() else 1
        return (fmt or ["decimal"])[0], (text or [f"%{ilvl + 1}."])[0], start_value


def _num_pr(para: Any) -> tuple[str | None, int]:
    """(numId, ilvl) from the paragraph, else from its style chain; (None, 0) when neither has."""
    num_id: str | None = None
    ilvl: int | None = None
    for el in [para._p, *(s.element for s in styles(para.style))]:
        if num_id is None:
            num_id = next(iter(xpath(el, "./w:pPr/w:numPr/w:numId/@w:val")), None)
        if ilvl is None:
            found = xpath(el, "./w:pPr/w:numPr/w:ilvl/@w:val")
            ilvl = int(found[0]) if found and found[0].isdigit() else None
    return (num_id if num_id and num_id.isdigit() else None), min(ilvl or 0, 8)


_LEVEL_FIELDS = ("numFmt", "lvlText", "start")
_ROMAN = dict(m=1000, cm=900, d=500, cd=400, c=100, xc=90, l=50, xl=40, x=10, ix=9, v=5, iv=4, i=1)


def _format(n: int, fmt: str) -> str:
    """A number as Word writes it in one level's format (decimal when the format is unknown)."""
    text = str(n) if fmt != "decimalZero" else f"{n:02d}"
    if fmt.endswith("Letter") and n > 0:
        text = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # Word: ..., z, aa, bb
    elif fmt.endswith("Roman") and n > 0:
        text = ""
        for numeral, value in _ROMAN.items():
            count, n = divmod(n, value)
            text += numeral * count
    return text.upper() if fmt.startswith("upper") else text
