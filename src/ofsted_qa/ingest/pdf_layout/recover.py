"""Pages of lines -> the text the chunker reads, in the conventions of the seed files.

Output conventions: one block per paragraph, blocks separated by a blank line; a numbered
paragraph starts "12. "; list items start "• " (sub-items indented two spaces per level) on
their own lines straight after their lead-in; table rows are cells joined by TAB, one row per
line, rows of a table in one block; footnotes are blocks starting "¹ ". A form feed stands on
its own line between two blocks exactly where a page ends; a paragraph that runs over a page
break is one block (its footnotes follow it), and `page_starts` still gives every character's
page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ofsted_qa.ingest.pdf_layout.blocks import (
    INDENT,
    Block,
    body_size,
    footnote_text,
    line_pitches,
    page_blocks,
)
from ofsted_qa.ingest.pdf_layout.furniture import drop_furniture
from ofsted_qa.ingest.pdf_layout.lines import Line

TERMINAL = ".!?:;"  # a block ending in one of these does not run on to the next page
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_LEFT = re.compile(r"([A-Za-z]+(?:-[A-Za-z]+)*)-$")
_CLOSERS = "\"'”’)]"


@dataclass(frozen=True)
class PdfText:
    """The recovered text, where each page starts in it, and what furniture was dropped."""

    text: str
    page_starts: tuple[int, ...]
    dropped: dict[str, int] = field(default_factory=dict)


def vocabulary(pages: list[list[Line]]) -> frozenset[str]:
    """Lower-case words (hyphenated compounds whole) seen inside lines, never across a wrap."""
    words: set[str] = set()
    for page in pages:
        for ln in page:
            words.update(w.casefold() for w in _WORD.findall(ln.text.rstrip("-")))
    return frozenset(words)


def wrap_join(left: str, right: str, vocab: frozenset[str]) -> tuple[bool, str]:
    """How two wrapped lines meet: (drop the left line's final hyphen?, separator).

    A line-end hyphen is kept when the hyphenated word is attested ("not-for-profit"), dropped
    when only the solid word is ("safeguarding"), else kept: Ofsted reports hardly ever
    hyphenate words at line ends, while compounds ("multi-agency") are everywhere."""
    m = _LEFT.search(left)
    first = _WORD.match(right)
    if not m or not first:
        return False, " "
    hyphenated = f"{m[1]}-{first[0]}".casefold()
    solid = f"{m[1]}{first[0]}".casefold()
    return solid in vocab and hyphenated not in vocab, ""


def join_hyphen(left: str, right: str, vocab: frozenset[str]) -> str:
    """Two wrapped lines as one (see wrap_join)."""
    drop, sep = wrap_join(left, right, vocab)
    return (left[:-1] if drop else left) + sep + right


def _terminal(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSERS)[-1:] in TERMINAL


def continues(prev: Block, nxt: Block) -> bool:
    """Whether the first block of a page carries on the last running block of an earlier one:
    same font size, and either the earlier one stopped mid-sentence, or the new one starts at
    the earlier one's hanging indent (a numbered paragraph's second-page lines)."""
    if prev.kind not in ("para", "numbered", "item") or nxt.kind not in ("para", "numbered"):
        return False
    first = nxt.lines[0]
    if abs(first.size - prev.lines[-1].size) >= 0.5:
        return False
    hanging = len(prev.lines) > 1 and prev.indent > prev.lines[0].x0 + INDENT
    at_indent = hanging and abs(first.x0 - prev.indent) < INDENT
    if at_indent:
        return True
    running_on = not _terminal(prev.lines[-1].text) and nxt.kind == "para"
    return running_on and first.x0 >= prev.lines[0].x0 - INDENT


def stitch(pages: list[list[Block]]) -> list[Block]:
    """All pages' blocks in reading order: page-break continuations merged, each page's
    footnotes placed after the block that was running when the page ended."""
    out: list[Block] = []
    pending: list[Block] = []
    for blocks in pages:
        main = [b for b in blocks if b.kind != "footnote"]
        for i, b in enumerate(main):
            if i == 0 and out and continues(out[-1], b):
                out[-1] = Block(out[-1].kind, out[-1].lines + b.lines)
                continue
            out += pending
            pending = []
            out.append(b)
        pending += [b for b in blocks if b.kind == "footnote"]
    return out + pending


class _Writer:
    """Accumulates text and records the offset where each page first appears."""

    def __init__(self, n_pages: int) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.starts: list[int | None] = [0] + [None] * (n_pages - 1)
        self.page = 0

    def write(self, s: str, page: int | None = None) -> None:
        if page is not None and page > self.page:
            for p in range(self.page + 1, page + 1):
                self.starts[p] = self.length
            self.page = page
        self.parts.append(s)
        self.length += len(s)

    def unwrite(self, n: int) -> None:
        """Take back the last n characters (a line-end hyphen), all in the last part."""
        self.parts[-1] = self.parts[-1][:-n]
        self.length -= n

    def result(self) -> tuple[str, tuple[int, ...]]:
        starts = [self.length if s is None else s for s in self.starts]
        return "".join(self.parts), tuple(starts)


def _write_block(w: _Writer, b: Block, vocab: frozenset[str], prefix: str) -> None:
    """One block's lines joined into one line (wraps and hyphens undone)."""
    if b.kind == "row":
        w.write("\t".join(b.cells), b.page)
        return
    first = b.lines[0].text
    w.write(prefix + (footnote_text(first) if b.kind == "footnote" else first), b.page)
    for left, ln in zip(b.lines, b.lines[1:], strict=False):
        drop, sep = wrap_join(left.text, ln.text, vocab)
        if drop:
            w.unwrite(1)
        w.write(sep)
        w.write(ln.text, ln.page)


def _separator(prev: Block, cur: Block, prev_text_end: str) -> str:
    if prev.kind == "row" and cur.kind == "row":
        return "\n"
    if cur.kind == "item" and (prev.kind == "item" or prev_text_end == ":"):
        return "\n"
    return "\n\f\n" if cur.page > prev.last_page else "\n\n"


def render(blocks: list[Block], n_pages: int, vocab: frozenset[str]) -> tuple[str, tuple[int, ...]]:
    """Blocks to text and page starts (see the module docstring for the conventions)."""
    w = _Writer(n_pages)
    prev: Block | None = None
    bullets: list[float] = []  # x of the bullets of the list being written, for nesting
    for b in blocks:
        if prev is not None:
            w.write(_separator(prev, b, w.parts[-1][-1:] if w.parts else ""))
        prefix = ""
        if b.kind == "item":
            x = b.lines[0].x0
            bullets = [bx for bx in bullets if bx < x - INDENT] + [x]
            prefix = "  " * (len(bullets) - 1)
        elif not (b.kind == "footnote" and prev is not None and prev.kind == "item"):
            bullets = []
        _write_block(w, b, vocab, prefix)
        prev = b
    return w.result()


def recover_layout(pages: list[list[Line]], extra_vocab: Iterable[str] = ()) -> PdfText:
    """Pages of visual lines -> PdfText: furniture dropped, blocks built, pages stitched."""
    vocab = vocabulary(pages) | frozenset(extra_vocab)
    kept, dropped = drop_furniture(pages)
    pitches, body = line_pitches(kept), body_size(kept)
    blocks = stitch([page_blocks(p, pitches, body) for p in kept])
    text, starts = render(blocks, len(pages), vocab)
    counts: Counter[str] = Counter(dropped)
    return PdfText(text, starts, dict(counts))
