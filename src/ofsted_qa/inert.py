"""Text from documents, metadata or the user, made harmless before it reaches a terminal.

A report, its metadata or a pasted question can carry terminal control sequences: OSC 52 sets
the clipboard, OSC 0 the window title, CSI sequences move the cursor or erase the screen. Every
interface (CLI text, `show`, the TUI, copied citations) passes such text through `inert` and
JSON through `inert_json`, so the one rule is kept in one place. A question, though, is read as
well as shown: `typed_text` removes what a terminal would have acted on (a pasted colour code
"ESC[31mLADOESC[0m" reads as "LADO"), and what is left is shown through `inert` as ever.
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 controls except tab and newline, DEL, C1 controls, and lone surrogates (undecodable
# bytes kept by Python's surrogateescape, which no terminal encoding can write).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_PICTURES = {**{c: chr(0x2400 + c) for c in range(0x20)}, 0x7F: "\u2421"}
REPLACEMENT = "\ufffd"


def _picture(match: re.Match[str]) -> str:
    # One character for one: offsets into the text (highlights, best sentence) stay valid.
    return _PICTURES.get(ord(match.group()), REPLACEMENT)


def inert(text: str) -> str:
    """`text` safe to print: C0 controls (bar tab and newline) and DEL shown as their Unicode
    control pictures (ESC as "␛"), C1 controls and undecodable bytes as U+FFFD; same length."""
    return _UNSAFE.sub(_picture, text)


# json.dumps escapes C0 controls itself; C1 controls, DEL and surrogates it writes raw.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff]")


def inert_json(payload: Any, **options: Any) -> str:
    """`json.dumps(payload)` with every control character escaped: the same JSON value, but
    nothing in it that a terminal would act on."""
    text = json.dumps(payload, ensure_ascii=False, **options)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# ECMA-48 as terminals read it: a control string (OSC, DCS, SOS, PM, APC) to its terminator
# (BEL or ST) or, cut off, to the next control; a control sequence (CSI, 7- or 8-bit); any other
# escape sequence (ESC, intermediates, a final byte); then any control character left over.
_SEQUENCE = re.compile(
    "(?:\x1b[]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)?"
    "|(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]?"
    "|\x1b[ -/]*[0-~]?"
    "|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def typed_text(text: str) -> str:
    """A question as typed or pasted, with terminal escape sequences (colour codes, titles,
    cursor moves) and other control characters removed; tab and newline kept, undecodable bytes
    (surrogates) kept for the question check to report. "ESC[31mLADOESC[0m in Bradford" (ESC
    the escape character) -> "LADO in Bradford"."""
    return _SEQUENCE.sub("", text)
