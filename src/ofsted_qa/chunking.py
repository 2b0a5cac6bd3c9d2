"""Split a document into paragraph chunks that stay faithful to its structure.

Pipeline: lines -> blank-line blocks -> segments (heading, paragraph, numbered paragraph,
list item, footnote, table; boilerplate dropped) -> page-break joins -> section paths ->
list lead-ins -> labels -> split to the token budget. Every chunk's `start`/`end` cover
exactly its text in the source, so a citation can always be checked against the file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import accumulate

SECTION_SEPARATOR = " › "
CHUNKER_VERSION = "2"

HEADING_MAX_WORDS = 20  # longer standalone lines are prose, not headings
HEADING_MAX_CHARS = 200
FIELD_LABEL_MAX_WORDS = 3  # "Lead inspector: X" is content, "What ... mean: the LSCB" a heading
MAX_PARAGRAPH_GAP = 5  # how far report numbering may jump and still count as the next paragraph
APPROX_TOKENS_PER_WORD = 1.6  # conservative against all-MiniLM word pieces
APPROX_CHARS_PER_TOKEN = 5  # only binds for words far longer than English ones
APPROX_SPECIAL_TOKENS = 2  # [CLS] and [SEP]
HEADER_MAX_SHARE = 0.6  # heading + list lead-in may use at most this share of the budget
MIN_MAX_TOKENS = 64  # room for a heading plus some text
TOC_LINE_MAX_CHARS = 160
BOILERPLATE_MAX_WORDS = 150  # furniture is short; a long block that mentions it is content
TABLE_LABEL = "judgements-table"  # no spaces: labels are used in refs like "003#134"

TokenCounter = Callable[[str], int]
Span = tuple[int, int]  # [start, end) offsets into the source text
Cost = Callable[[int, int], int]  # tokens the model would see for a span


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


_TAG = re.compile(r"</?p>", re.I)


def normalise_for_match(s: str) -> str:
    """Drop `<p>`/`</p>` (they separate words, so become spaces) and `**`; collapse whitespace."""
    if "<" in s:
        s = _TAG.sub(" ", s)
    return " ".join(s.replace("**", "").split())


def approx_token_count(s: str) -> int:
    """Conservative stand-in for the model's count; the character term catches long junk words."""
    pieces = max(APPROX_TOKENS_PER_WORD * len(s.split()), len(s) / APPROX_CHARS_PER_TOKEN)
    return math.ceil(pieces) + APPROX_SPECIAL_TOKENS


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_NUMBERED = re.compile(r"(\d{1,3})\.\s+(?=\S)")
_ITEM = re.compile(r"(?:[-–•●▪◦‣·]|\*(?!\*))\s*(?=\S)")
_BULLETS_ONLY = re.compile(r"[\s\-–•●▪◦‣·*]*")
_FOOTNOTE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*(?=\S)")
_TOC_LINE = re.compile(r"(.+?)(?:\t+\s*|\s*\.{3,}\s*)\d+")
_SECTION = re.compile(r"Section \d+:", re.I)
_FIELD = re.compile(r"([^:]{1,40}):\s+\S")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+[\"'“‘(\[]*[A-Z0-9]")
_GRADE_CELL = re.compile(
    r"\t\s*(?:outstanding|good|requires improvement|inadequate)\s*$", re.I | re.M
)
_MARKUP = r"(?:</?[pP]>|\*\*)"
_SENT_END = re.compile(rf"[.!?…][\"'”’)\]]*{_MARKUP}*(?=\s+(?:{_MARKUP}|[\"'“‘(\[])*[A-Z0-9])")
_WORD = re.compile(r"\S+")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Publication furniture found across sites and Ofsted templates (lower case); a block with one
# of these phrases, or a line starting with one of the openings, is dropped.
_BOILERPLATE_PHRASES = (
    "crown copyright", "©", "website design by", "web design by", "all rights reserved",
    "photo credit", "image credit", "picture credit", "photo courtesy",
    "(ofsted) regulates and inspects",
)  # fmt: skip
_BOILERPLATE_OPENINGS = (
    "if you would like a copy of", "if you would like ofsted to send you a copy",
    "to receive regular email alerts", "you may copy all or parts of this document",
    "any complaints about the inspection",
)  # fmt: skip
# Letter furniture that stands alone on its line: salutation, date.
_LETTER_LINE = re.compile(
    rf"dear [^,.]{{1,60}},?|(?:\w+day,? )?\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS}),? \d{{4}}", re.I
)
_PHOTO_CREDIT = re.compile(r"\b(?:photo|image|picture)\s*(?:credit|courtesy)\b", re.I)
_CLOSERS = "\"'”’)]"
_VALEDICTION = re.compile(r"(?:yours (?:sincerely|faithfully)|kind regards|best wishes)\W*$", re.I)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")
_CONTACT = re.compile(
    r"\b(?:T|Tel|Telephone|Textphone|Fax|Phone)\b\.?:?\s*\+?\d[\d ]{6,}"
    r"|\S@\S+\.\w|\bwww\.\S|https?://|\bcontact us\b",
    re.I,
)


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the first visible character
    end: int  # offset after the last visible character
    indent: int
    body: str


@dataclass(frozen=True)
class _Seg:
    kind: str  # heading | para | numbered | item | footnote | table
    start: int
    end: int
    indent: int = 0
    number: str = ""
    section: tuple[str, ...] = ()
    context: str = ""


def _lines(src: str) -> Iterator[_Line]:
    for m in _LINE.finditer(src):
        raw = m.group()
        visible = raw.lstrip().lstrip("\ufeff").lstrip()  # a byte-order mark is not content
        indent = len(raw) - len(visible)
        body = visible.rstrip()
        yield _Line(m.start() + indent, m.start() + indent + len(body), indent, body)


def _blocks(src: str) -> Iterator[list[_Line]]:
    block: list[_Line] = []
    for line in _lines(src):
        if normalise_for_match(line.body):
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _last_mark(text: str) -> str:
    """Last character, looking past closing quotes and brackets."""
    return text.rstrip(_CLOSERS)[-1:]


def _is_terminal(text: str) -> bool:
    """Ends a sentence (or introduces a list); a trailing comma or 'and' means it runs on."""
    mark = _last_mark(text)
    return bool(mark) and mark in ".!?:…"


def _is_boilerplate(bodies: list[str]) -> bool:
    if sum(len(b.split()) for b in bodies) > BOILERPLATE_MAX_WORDS:
        return False
    lowered = [b.casefold() for b in bodies]
    return any(p in b for b in lowered for p in _BOILERPLATE_PHRASES) or any(
        b.startswith(_BOILERPLATE_OPENINGS) for b in lowered
    )


def _is_toc_line(body: str) -> bool:
    return len(body) <= TOC_LINE_MAX_CHARS and bool(_TOC_LINE.fullmatch(body))


def _heading_key(text: str) -> str:
    return normalise_for_match(text).rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹").strip().casefold()


def _is_heading(text: str, toc: set[str]) -> bool:
    """A short standalone line that does not end a sentence; may end in '?' or ':'."""
    words = text.split()
    if _heading_key(text) in toc or (_SECTION.match(text) and len(words) <= HEADING_MAX_WORDS):
        return True
    too_long = len(words) > HEADING_MAX_WORDS or len(text) > HEADING_MAX_CHARS
    if not words or too_long or _SENTENCE_BREAK.search(text) or _last_mark(text) in ".!;,…":
        return False
    field = _FIELD.match(text)
    if field and len(field[1].split()) <= FIELD_LABEL_MAX_WORDS:
        return False
    return not text[0].islower() or len(words) <= 3


def _is_contact_block(bodies: list[str]) -> bool:
    """Addresses, phone/email lines: a contact signal and no line of prose."""
    prose = any(
        _SENTENCE_BREAK.search(b) or b.endswith(".") and len(b.split()) >= 8 for b in bodies
    )
    return not prose and any(_POSTCODE.search(b) or _CONTACT.search(b) for b in bodies)


def _line_segments(block: list[_Line], last_number: int) -> tuple[list[_Seg], int]:
    """Split one block at numbered paragraphs, list items and footnotes; other lines continue."""
    segs: list[_Seg] = []
    for line in block:
        num = None if "\t" in line.body else _NUMBERED.match(line.body)
        if num and last_number < int(num[1]) <= (last_number or 999) + MAX_PARAGRAPH_GAP:
            last_number = int(num[1])
            segs.append(_Seg("numbered", line.start + num.end(), line.end, number=num[1]))
        elif item := _ITEM.match(line.body):
            segs.append(_Seg("item", line.start + item.end(), line.end, indent=line.indent))
        elif _FOOTNOTE.match(line.body):
            segs.append(_Seg("footnote", line.start, line.end))
        elif segs:
            segs[-1] = replace(segs[-1], end=line.end)
        else:
            segs.append(_Seg("para", line.start, line.end))
    return segs, last_number


def _segments(src: str) -> tuple[list[_Seg], set[str]]:
    """Classify blocks; boilerplate (and the alt text before a photo credit) is dropped here."""
    segs: list[_Seg] = []
    toc: set[str] = set()
    last_number, signing = 0, False
    for block in _blocks(src):
        bodies = [normalise_for_match(line.body) for line in block]
        if len(block) > 1 and all(_is_toc_line(line.body) for line in block):
            toc.update(
                _heading_key(m[1]) for line in block if (m := _TOC_LINE.fullmatch(line.body))
            )
            continue
        if sum("\t" in line.body for line in block) >= 2:
            segs.append(_Seg("table", block[0].start, block[-1].end))
            continue
        joined = "\n".join(bodies)
        if _PHOTO_CREDIT.search(joined) and segs and segs[-1].kind == "heading":
            segs.pop()
        if _VALEDICTION.match(bodies[0]):
            signing = True  # the name and title that follow are a signature
            continue
        prose = len(joined.split()) > 6 or _is_terminal(joined)
        signing = signing and not prose
        letter = len(block) == 1 and _LETTER_LINE.fullmatch(bodies[0])
        if signing or letter or _is_boilerplate(bodies) or _is_contact_block(bodies):
            continue
        first = block[0].body
        plain = not (_ITEM.match(first) or _NUMBERED.match(first))
        if len(block) == 1 and plain and _is_heading(bodies[0], toc):
            segs.append(_Seg("heading", block[0].start, block[0].end))
            continue
        found, last_number = _line_segments(block, last_number)
        segs.extend(found)
    return segs, toc


def _text(src: str, seg: _Seg) -> str:
    return normalise_for_match(src[seg.start : seg.end])


def _next_kind(segs: list[_Seg], i: int) -> str:
    """Kind of the next segment after i, looking through footnotes (they sit at page feet)."""
    return next((s.kind for s in segs[i + 1 :] if s.kind != "footnote"), "")


def _adjacent(src: str, a: _Seg, b: _Seg) -> bool:
    """Nothing but blank lines (or the next item's bullet) between two segments."""
    return a.end <= b.start and bool(
        _BULLETS_ONLY.fullmatch(normalise_for_match(src[a.end : b.start]))
    )


def _resolve_lead_ins(src: str, segs: list[_Seg]) -> list[_Seg]:
    """A heading-like line ending in ':' that introduces a list is a lead-in paragraph."""
    return [
        replace(s, kind="para")
        if s.kind == "heading" and _text(src, s).endswith(":") and _next_kind(segs, i) == "item"
        else s
        for i, s in enumerate(segs)
    ]


def _join_page_breaks(src: str, segs: list[_Seg]) -> list[_Seg]:
    """Re-join a paragraph cut by a page break: it ends mid-sentence and the next block starts in
    lower case, or it is numbered and the unnumbered block after it precedes the next number."""
    out: list[_Seg] = []
    for i, seg in enumerate(segs):
        prev = out[-1] if out else None
        text = _text(src, seg)
        lower = text[:1].islower()
        if (
            prev is not None
            and prev.kind in ("para", "numbered", "item")
            and (seg.kind == "para" or (seg.kind == "heading" and lower))
            and _adjacent(src, prev, seg)
            and (
                (lower and not _is_terminal(_text(src, prev)))
                or (prev.kind == "numbered" and _next_kind(segs, i) == "numbered")
            )
        ):
            out[-1] = replace(prev, end=seg.end)
        else:
            out.append(seg)
    return out


def _with_sections(src: str, segs: list[_Seg], toc: set[str]) -> list[_Seg]:
    """With a table of contents: 'Section N:' > contents entries > other headings.
    Without one, the path is just the latest heading."""
    levels: dict[int, str] = {}
    out: list[_Seg] = []
    for seg in segs:
        if seg.kind == "heading":
            title = _text(src, seg).rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹").strip()
            key = _heading_key(title)
            level = 1 if _SECTION.match(title) else 2 if key in toc else 3
            levels = {k: v for k, v in levels.items() if k < level} if toc else {}
            levels[level] = title
        out.append(replace(seg, section=tuple(levels[k] for k in sorted(levels))))
    return out


def _sentence_count(text: str) -> int:
    return len(_SENTENCE_BREAK.findall(text)) + 1


def _belongs_below(parent: _Seg, items: list[_Seg], k: int) -> bool:
    """Deeper than the parent, or a first sub-item whose indent the PDF conversion lost."""
    item = items[k]
    if item.kind != "item" or item.indent < parent.indent:
        return False
    if item.indent > parent.indent:
        return True
    after = items[k + 1] if k + 1 < len(items) else None
    return after is not None and after.kind == "item" and after.indent > parent.indent


def _list_run(src: str, run: list[_Seg]) -> list[_Seg]:
    """One chunk per item; lead-ins ("... highlighted:") become context, and are chunks of their
    own only when they say more than the introduction. Sub-items stay with their parent."""
    out: list[_Seg] = []
    lead = ""
    if run[0].kind == "para":
        lead = _text(src, run[0])
        out += [run[0]] if _sentence_count(lead) > 1 else []
        run = run[1:]
    k = 0
    while k < len(run):
        item = run[k]
        text = _text(src, item)
        k += 1
        if item.kind != "item":
            out.append(item)
        elif text.endswith(":") and k < len(run) and _belongs_below(item, run, k):
            out += [replace(item, context=lead)] if _sentence_count(text) > 1 else []
            group: list[_Seg] = []
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


def _apply_lists(src: str, segs: list[_Seg]) -> list[_Seg]:
    out: list[_Seg] = []
    i = 0
    while i < len(segs):
        seg = segs[i]
        lead_in = seg.kind == "para" and _text(src, seg).endswith(":")
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


def _label(src: str, seg: _Seg, position: int) -> str:
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
            s = m.end() + len(src[m.end() : end]) - len(src[m.end() : end].lstrip())
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
    cuts = sorted({min(range(len(ends) - 1), key=lambda j: abs(ends[j] - x)) + 1 for x in shares})
    groups = [pieces[a:b] for a, b in zip([0, *cuts], [*cuts, len(pieces)], strict=True)]
    even = len(groups) == len(greedy) and all(cost(g[0][0], g[-1][1]) <= budget for g in groups)
    return groups if even else greedy


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


def _fit_context(seg: _Seg, max_tokens: int, count: TokenCounter) -> str:
    """A lead-in must leave room for the passage: fall back to its last sentence, then drop it."""
    heading = seg.section[-1] if seg.section else ""
    for candidate in (seg.context, re.split(r"(?<=[.!?])\s+", seg.context)[-1]):
        if count(f"{heading}\n{candidate}") <= max_tokens * HEADER_MAX_SHARE:
            return candidate
    return ""


def _fit_segment(
    src: str, seg: _Seg, context: str, max_tokens: int, count: TokenCounter
) -> list[tuple[int, int]]:
    def cost(start: int, end: int) -> int:
        text = normalise_for_match(src[start:end])
        return count(Chunk("", 0, "", seg.section, start, end, text, context).embedding_text)

    parts = _split(src, (seg.start, seg.end), cost, max_tokens)
    return [(a, b) for a, b in parts if normalise_for_match(src[a:b])]


def _to_chunks(
    src: str, doc_id: str, segs: list[_Seg], max_tokens: int, count: TokenCounter
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
    segs = _join_page_breaks(text, _resolve_lead_ins(text, segs))
    segs = _apply_lists(text, _with_sections(text, segs, toc))
    content = [s for s in segs if s.kind != "heading" and _text(text, s)]
    return _to_chunks(text, doc_id, content, max_tokens, count)
