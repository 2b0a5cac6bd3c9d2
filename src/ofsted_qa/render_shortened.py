"""Text cut to fit a line without losing what tells it apart: a report's title keeps its council
(pre-2018 titles name it last, after 130 characters of the framework's wording), and a long
pasted question is echoed as its opening words and its length."""

from __future__ import annotations

import re

ELLIPSIS = "…"
_WORD = re.compile(r"[^\W_]", re.UNICODE)
COUNCIL_CHARS = 45  # "Royal Borough of Windsor and Maidenhead" and the like
QUESTION_CHARS = 200  # a question echoed above its answer: about two lines


def cut(text: str, width: int, *, mid_word: bool = True) -> str:
    """`text` (whitespace collapsed) in at most `width` characters: whole words and "…" where
    it is cut; mid-word only when its first word is longer than the line (else "" where not
    `mid_word`); "" for width < 2."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    if width < 2:
        return ""
    head = text[: width - 1]
    if text[width - 1] != " ":
        if " " in head:
            head = head.rsplit(" ", 1)[0]
        elif not mid_word:
            return ""
    return head.rstrip(" ,;:–-") + ELLIPSIS


def short_title(title: str, council: str, width: int, *, date: str = "") -> str:
    """`title` (and " · `date`" where given) in `width` characters, its council and date kept
    whole: the generic wording around the council is shortened instead ("Inspection of services
    for children in need… London Borough of Barnet"). A council the title does not name is
    added after it; an unknown one ("") is taken to be the title's last comma-separated part.
    Only a line narrower than council and date cuts them."""
    title = " ".join(title.split())
    tail = f" · {date}" if date else ""
    if len(title) + len(tail) <= width:
        return title + tail
    council = " ".join(council.split()) or _named_last(title)
    found = re.search(re.escape(council), title, re.I) if council else None
    if found:
        before, kept, after = title[: found.start()], found.group(), title[found.end() :]
    else:
        before, kept, after = title, council, ""
    before, after = before.rstrip(" ,"), after.lstrip(" ,")
    room = width - len(kept) - len(tail)
    if after and room > 0:  # "Inspection of Barnet local authority children’s services"
        after = cut(after, room - len(before) - 2, mid_word=False)
    before = cut(before, room - len(after) - 2, mid_word=False) if room > 0 else ""
    joined = " ".join(p for p in (before, kept, after) if p) + tail
    return joined if len(joined) <= width else cut(kept + tail, width)


def _named_last(title: str) -> str:
    """Where the council is not known (a text file's title): the title's last comma-separated
    part, where titles of 2013-2019 name it ("..., London Borough of Bexley"), if short."""
    last = title.rsplit(", ", 1)[-1] if ", " in title else ""
    return last if len(last) <= COUNCIL_CHARS else ""


def short_question(question: str, limit: int = QUESTION_CHARS) -> str:
    """A question as echoed above its answer: whole up to `limit` characters (whitespace
    collapsed), else its opening words, "…" and its length ("what … (2,600 characters)"); a
    long run of punctuation before the first word is left out ("…care leavers (313 ...)")."""
    text = " ".join(question.split())
    if len(text) <= limit:
        return text
    head = cut(text, limit)
    first_word = _WORD.search(text)
    if first_word and not _WORD.search(head):  # "?????…" would not say what was searched
        head = ELLIPSIS + cut(text[first_word.start() :], limit - 1)
    return f"{head} ({len(text):,} characters)"
