"""How a report's text is laid out: lines and blocks, and the structure read from them.

Blocks become segments (heading, paragraph, numbered paragraph, list item, footnote, table);
the passes here then rejoin page breaks, resolve list lead-ins and give each segment its
section path. Offsets always point into the source text, never into a cleaned copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

HEADING_MAX_WORDS = 20  # longer standalone lines are prose, not headings
HEADING_MAX_CHARS = 200
TITLE_MAX_WORDS, TITLE_MAX_CHARS = 40, 300  # a report's own title, before any text
FIELD_LABEL_MAX_WORDS = 3  # "Lead inspector: X" is content, "What ... mean: the LSCB" a heading
MAX_PARAGRAPH_GAP = 5  # how far report numbering may jump and still count as the next paragraph

SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(\[]*[A-Z0-9]")
_TAG = re.compile(r"</?p>", re.I)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# "37. Ofsted ..." and, as many ILACS PDFs print it, "37.Ofsted ..." (a doubled "46.." too).
# Glued, only a capital or an opening quote may follow: "2.5 times", "12.03.2019" and
# "1.x" are not paragraph numbers. At most 3 digits, so a year ("2019.The") never is.
_NUMBERED = re.compile(r"(\d{1,3})\.\.?(?:\s+(?=\S)|(?=[\"'“‘(\[]?[A-Z]))")
_ITEM = re.compile(r"(?:[-–•●▪◦‣·]|\*(?!\*))\s*(?=\S)")
_BULLETS_ONLY = re.compile(r"[\s\-–•●▪◦‣·*]*")
_FOOTNOTE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*(?=\S)")
_SECTION = re.compile(r"Section \d+:", re.I)
_FIELD = re.compile(r"([^:]{1,40}):\s+\S")
_CLOSERS = "\"'”’)]"


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first visible character
    end: int  # offset after the last visible character
    indent: int
    body: str


@dataclass(frozen=True)
class Segment:
    kind: str  # heading | para | numbered | item | footnote | table
    start: int
    end: int
    indent: int = 0
    number: str = ""
    section: tuple[str, ...] = ()
    context: str = ""


def normalise_for_match(s: str) -> str:
    """Drop `<p>`/`</p>` (they separate words, so become spaces) and `**`; collapse whitespace."""
    if "<" in s:
        s = _TAG.sub(" ", s)
    return " ".join(s.replace("**", "").split())


def _lines(src: str) -> Iterator[Line]:
    for m in _LINE.finditer(src):
        raw = m.group()
        visible = raw.lstrip().lstrip("\ufeff").lstrip()  # a byte-order mark is not content
        indent = len(raw) - len(visible)
        body = visible.rstrip()
        yield Line(m.start() + indent, m.start() + indent + len(body), indent, body)


def blocks(src: str) -> Iterator[list[Line]]:
    block: list[Line] = []
    for line in _lines(src):
        if normalise_for_match(line.body):
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def segment_text(src: str, seg: Segment) -> str:
    return normalise_for_match(src[seg.start : seg.end])


def _last_mark(text: str) -> str:
    """Last character, looking past closing quotes and brackets."""
    return text.rstrip(_CLOSERS)[-1:]


def is_terminal(text: str) -> bool:
    """Ends a sentence (or introduces a list); a trailing comma or 'and' means it runs on."""
    mark = _last_mark(text)
    return bool(mark) and mark in ".!?:…"


def heading_key(text: str) -> str:
    return normalise_for_match(text).rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹").strip().casefold()


def _is_heading(text: str, toc: set[str], *, opening: bool = False) -> bool:
    """A short standalone line that does not end a sentence; may end in '?' or ':'. Before any
    text (`opening`) a report's title may run longer ("Inspection of services for children in
    need of help and protection, ... and Review of the effectiveness of the LSCB")."""
    words = text.split()
    if heading_key(text) in toc or (_SECTION.match(text) and len(words) <= HEADING_MAX_WORDS):
        return True
    max_words, max_chars = (
        (TITLE_MAX_WORDS, TITLE_MAX_CHARS) if opening else (HEADING_MAX_WORDS, HEADING_MAX_CHARS)
    )
    too_long = len(words) > max_words or len(text) > max_chars
    if not words or too_long or SENTENCE_BREAK.search(text) or _last_mark(text) in ".!;,…":
        return False
    field = _FIELD.match(text)
    if field and len(field[1].split()) <= FIELD_LABEL_MAX_WORDS:
        return False
    return not text[0].islower() or len(words) <= 3


def is_heading_block(
    block: list[Line], bodies: list[str], toc: set[str], *, opening: bool = False
) -> bool:
    """One plain line (not a list item or numbered paragraph) that reads as a heading;
    `opening`: no text has come before it (a title page)."""
    first = block[0].body
    plain = not (_ITEM.match(first) or _NUMBERED.match(first))
    return len(block) == 1 and plain and _is_heading(bodies[0], toc, opening=opening)


def line_segments(block: list[Line], last_number: int) -> tuple[list[Segment], int]:
    """Split one block at numbered paragraphs, list items and footnotes; other lines continue."""
    segs: list[Segment] = []
    for line in block:
        num = None if "\t" in line.body else _NUMBERED.match(line.body)
        if num and last_number < int(num[1]) <= (last_number or 999) + MAX_PARAGRAPH_GAP:
            last_number = int(num[1])
            segs.append(Segment("numbered", line.start + num.end(), line.end, number=num[1]))
        elif item := _ITEM.match(line.body):
            segs.append(Segment("item", line.start + item.end(), line.end, indent=line.indent))
        elif _FOOTNOTE.match(line.body):
            segs.append(Segment("footnote", line.start, line.end))
        elif segs:
            segs[-1] = replace(segs[-1], end=line.end)
        else:
            segs.append(Segment("para", line.start, line.end))
    return segs, last_number


def _next_kind(segs: list[Segment], i: int) -> str:
    """Kind of the next segment after i, looking through footnotes (they sit at page feet)."""
    return next((s.kind for s in segs[i + 1 :] if s.kind != "footnote"), "")


def _adjacent(src: str, a: Segment, b: Segment) -> bool:
    """Nothing but blank lines (or the next item's bullet) between two segments."""
    return a.end <= b.start and bool(
        _BULLETS_ONLY.fullmatch(normalise_for_match(src[a.end : b.start]))
    )


def resolve_lead_ins(src: str, segs: list[Segment]) -> list[Segment]:
    """A heading-like line ending in ':' that introduces a list is a lead-in paragraph."""
    return [
        replace(s, kind="para")
        if s.kind == "heading"
        and segment_text(src, s).endswith(":")
        and _next_kind(segs, i) == "item"
        else s
        for i, s in enumerate(segs)
    ]


def join_page_breaks(src: str, segs: list[Segment]) -> list[Segment]:
    """Re-join a paragraph cut by a page break: it ends mid-sentence and the next block starts in
    lower case, or it is numbered and the unnumbered block after it precedes the next number."""
    out: list[Segment] = []
    for i, seg in enumerate(segs):
        prev = out[-1] if out else None
        text = segment_text(src, seg)
        lower = text[:1].islower()
        if (
            prev is not None
            and prev.kind in ("para", "numbered", "item")
            and (seg.kind == "para" or (seg.kind == "heading" and lower))
            and _adjacent(src, prev, seg)
            and (
                (lower and not is_terminal(segment_text(src, prev)))
                or (prev.kind == "numbered" and _next_kind(segs, i) == "numbered")
            )
        ):
            out[-1] = replace(prev, end=seg.end)
        else:
            out.append(seg)
    return out


def title_page_length(segs: list[Segment]) -> int:
    """How many headings open the document before any text: two or more are a title page
    ("London Borough of X" / "Inspection of services ..." / "and" / "Review of ..."), one is
    just a headline."""
    leading = next((i for i, s in enumerate(segs) if s.kind != "heading"), len(segs))
    return leading if leading >= 2 else 0


def _clean_title(src: str, seg: Segment) -> str:
    return segment_text(src, seg).rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹").strip()


def with_sections(src: str, segs: list[Segment], toc: set[str]) -> list[Segment]:
    """With a table of contents: 'Section N:' > contents entries > other headings.
    Without one, the path is just the latest heading. A title page's lines read as one title
    until the first real heading: the cover lines under it ("Inspection date: ...") are about
    the whole report, not its last line ("Review of the effectiveness of the LSCB")."""
    cover = title_page_length(segs)
    levels = {0: " ".join(_clean_title(src, s) for s in segs[:cover])} if cover else {}
    out: list[Segment] = []
    for i, seg in enumerate(segs):
        if seg.kind == "heading" and i >= cover:
            title = _clean_title(src, seg)
            key = heading_key(title)
            level = 1 if _SECTION.match(title) else 2 if key in toc else 3
            levels = {k: v for k, v in levels.items() if 0 < k < level} if toc else {}
            levels[level] = title
        out.append(replace(seg, section=tuple(levels[k] for k in sorted(levels))))
    return out


def _sentence_count(text: str) -> int:
    return len(SENTENCE_BREAK.findall(text)) + 1


def _belongs_below(parent: Segment, items: list[Segment], k: int) -> bool:
    """Deeper than the parent, or a first sub-item whose indent the PDF conversion lost."""
    item = items[k]
    if item.kind != "item" or item.indent < parent.indent:
        return False
    if item.indent > parent.indent:
        return True
    after = items[k + 1] if k + 1 < len(items) else None
    return after is not None and after.kind == "item" and after.indent > parent.indent


def _list_run(src: str, run: list[Segment]) -> list[Segment]:
    """One chunk per item; lead-ins ("... highlighted:") become context, and are chunks of their
    own only when they say more than the introduction. Sub-items stay with their parent."""
    out: list[Segment] = []
    lead = ""
    if run[0].kind == "para":
        lead = segment_text(src, run[0])
        out += [run[0]] if _sentence_count(lead) > 1 else []
        run = run[1:]
    k = 0
    while k < len(run):
        item = run[k]
        text = segment_text(src, item)
        k += 1
        if item.kind != "item":
            out.append(item)
        elif text.endswith(":") and k < len(run) and _belongs_below(item, run, k):
            out += [replace(item, context=lead)] if _sentence_count(text) > 1 else []
            group: list[Segment] = []
            while k < len(run) and (run[k].kind == "footnote" or _belongs_below(item, run, k)):
                sub = run[k]
                if group and (sub.kind == "footnote" or not _adjacent(src, group[-1], sub)):
                    out.append(replace(group[0], end=group[-1].end, context=text))
                    group = []
                if sub.kind == "footnote":
                    out.append(sub)
                else:
                    group.append(sub)
                k += 1
            out += [replace(group[0], end=group[-1].end, context=text)] if group else []
        elif text.endswith(":") and k < len(run):
            lead = text  # an item that introduces the items after it
        else:
            end = item.end
            while k < len(run) and run[k].kind == "item" and run[k].indent > item.indent:
                end = run[k].end
                k += 1
            out.append(replace(item, end=end, context=lead))
    return out


def apply_lists(src: str, segs: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    i = 0
    while i < len(segs):
        seg = segs[i]
        lead_in = seg.kind == "para" and segment_text(src, seg).endswith(":")
        if seg.kind == "item" or (lead_in and _next_kind(segs, i) == "item"):
            j = i + 1
            while j < len(segs) and segs[j].kind in ("item", "footnote"):
                j += 1
            out += _list_run(src, segs[i:j])
            i = j
        else:
            out.append(seg)
            i += 1
    return out
