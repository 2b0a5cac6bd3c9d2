"""Text from documents, metadata or the user, made harmless before it reaches a terminal.

A report, its metadata or a pasted question can carry terminal control sequences: OSC 52 sets
the clipboard, OSC 0 the window title, CSI sequences move the cursor or erase the screen. Every
interface (CLI text, `show`, the TUI, copied citations) passes such text through `inert` and
JSON through `inert_json`, so the one rule is kept in one place. A question, though, is read as
well as shown: `typed_text` removes what a terminal would have acted on (a pasted colour code
"ESC[31mLADOESC[0m" reads as "LADO"), and what is left is shown through `inert` as ever.

Unicode format characters (category Cf) are the same kind of hazard without an escape: the
bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) make a terminal
show text in another order than it is stored, and the zero-width ones (U+200B-U+200D, U+2060,
U+FEFF) hide inside a word. A question loses them before it is read ("care<ZWSP> leavers" reads
"care leavers"); shown text has them replaced one for one (a soft hyphen by "-", the others by
U+FFFD), so offsets stay valid; JSON escapes them ("\\u202e"), the same value.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Every Unicode format character (category Cf, Unicode 15; tests/test_inert_format.py checks it
# against unicodedata), as a regex class body: written out, not computed at each import.
FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
# C0 controls except tab and newline, DEL, C1 controls, format characters, and lone surrogates
# (undecodable bytes kept by Python's surrogateescape, which no terminal encoding can write).
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{FORMAT}\ud800-\udfff]")
# A soft hyphen shows as the hyphen it stands for; other format characters as U+FFFD.
_PICTURES = {**{c: chr(0x2400 + c) for c in range(0x20)}, 0x7F: "\u2421", 0xAD: "-"}
REPLACEMENT = "\ufffd"


def _picture(match: re.Match[str]) -> str:
    # One character for one: offsets into the text (highlights, best sentence) stay valid.
    return _PICTURES.get(ord(match.group()), REPLACEMENT)


def inert(text: str) -> str:
    """`text` safe to print: C0 controls (bar tab and newline) and DEL shown as their Unicode
    control pictures (ESC as "␛"), a soft hyphen as "-", C1 controls, format characters
    (bidirectional controls, zero-width characters) and undecodable bytes as U+FFFD; same
    length, so offsets into `text` hold for the result."""
    return _UNSAFE.sub(_picture, text)


# json.dumps escapes C0 controls itself; C1 controls, DEL, format characters and surrogates it
# writes raw.
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{FORMAT}\ud800-\udfff]")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)  # JSON writes a code point past U+FFFF as a pair
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


def inert_json(payload: Any, **options: Any) -> str:
    """`json.dumps(payload)` with every control and format character escaped: the same JSON
    value (document text exactly as stored), but nothing in it that a terminal would act on."""
    text = json.dumps(payload, ensure_ascii=False, **options)
    return _JSON_UNSAFE.sub(_json_escape, text)


# ECMA-48 as terminals read it: a control string (OSC, DCS, SOS, PM, APC) to its terminator
# (BEL or ST) or, cut off, to the next control; a control sequence (CSI, 7- or 8-bit); any other
# escape sequence (ESC, intermediates, a final byte); then any control character left over.
# An ESC with a letter inside a word ("\x1bstockport") is a stray ESC before the word, not the
# two-character escape ESC s: nobody pastes a cursor save mid-word, and eating the letter
# would lose the word.
_SEQUENCE = re.compile(
    "(?:\x1b[]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)?"
    "|(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]?"
    "|\x1b(?:[ -/]+[0-~]?|[0-~](?![A-Za-z]))"
    f"|(?P<lone>[\x00-\x08\x0b-\x1f\x7f-\x9f])"
    f"|[{FORMAT}]"
)


def _removed(match: re.Match[str]) -> str:
    """A sequence or a format character goes; a lone control character between two words
    ("leavers\x07in") parts them as the space it stood for, else goes too."""
    if match.group("lone") is None:
        return ""
    text, before, after = match.string, match.start() - 1, match.end()
    inside = before >= 0 and after < len(text) and not text[before].isspace()
    return " " if inside and not text[after].isspace() else ""


def typed_text(text: str) -> str:
    """A question as typed or pasted, with terminal escape sequences (colour codes, titles,
    cursor moves), other control characters and format characters (bidirectional controls,
    zero-width characters, soft hyphens) removed; tab and newline kept, undecodable bytes
    (surrogates) kept for the question check to report. "ESC[31mLADOESC[0m in Bradford" (ESC
    the escape character) -> "LADO in Bradford"; "care leavers\x07in\x1bstockport" -> "care
    leavers in stockport"."""
    return _SEQUENCE.sub(_removed, text)
