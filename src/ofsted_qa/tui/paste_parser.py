"""Bracketed pastes that carry escape sequences arrive whole and in order.

Textual's XTerm parser, inside a bracketed paste, starts reading an escape sequence at each ESC
and, not knowing it, sends it on as key presses at once, while the rest of the paste waits for
the paste's end: "what about ESC[31mLADOESC[0m in Bradford" became typed "^[31mLADO^[0m in
Bradford" followed by "what about". This parser removes the sequences from a paste's text (with
`typed_text`, as the CLI does) before Textual's parser sees it; a paste's line breaks (CR from
tmux and some terminals) are kept as newlines, for the question box to join with spaces.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser

from ofsted_qa.inert import typed_text


def clean_paste(text: str) -> str:
    """A paste's text without escape sequences or control characters; lines joined by LF."""
    return typed_text("\n".join(text.splitlines()))


class PasteSafeParser(XTermParser):
    """`XTermParser` with each bracketed paste's text cleaned (`clean_paste`) before parsing.
    A paste start marker split across two reads is parsed as before (it is written with the
    text it opens, so that is rare)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._paste: str | None = None  # the open paste's text so far

    def feed(self, data: str) -> Iterable[Any]:
        if not data:  # the end of input
            return super().feed(data)
        out: list[str] = []
        while data:
            if self._paste is None:
                start = data.find(BRACKETED_PASTE_START)
                if start < 0:
                    out.append(data)
                    break
                start += len(BRACKETED_PASTE_START)
                out.append(data[:start])
                data, self._paste = data[start:], ""
            else:
                self._paste += data
                end = self._paste.find(BRACKETED_PASTE_END)
                if end < 0:
                    break
                out.append(clean_paste(self._paste[:end]) + BRACKETED_PASTE_END)
                data, self._paste = self._paste[end + len(BRACKETED_PASTE_END) :], None
        return super().feed("".join(out)) if out else ()
