"""Keyboard and paste input that survives bytes which are not UTF-8, and pastes that carry
escape sequences (paste_parser.py).

Textual's Linux driver decodes the terminal's input strictly: one invalid byte (a paste from a
Latin-1 file, a mangled SSH session) raises in its input thread and the app dies. Its decoder
comes from `getincrementaldecoder` looked up in the driver's module, so the driver is given one
that replaces such bytes with U+FFFD instead.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable
from functools import partial
from typing import Any


def lenient_decoder(encoding: str) -> Callable[..., codecs.IncrementalDecoder]:
    """`codecs.getincrementaldecoder`, with undecodable bytes replaced instead of raised."""
    return partial(codecs.getincrementaldecoder(encoding), errors="replace")


def make_input_lenient() -> None:
    """Make the platform's Textual driver decode input leniently and parse pastes whole
    (idempotent)."""
    if sys.platform == "win32":  # the Windows driver reads key events, not bytes
        return
    from textual.drivers import linux_driver, linux_inline_driver

    from ofsted_qa.tui.paste_parser import PasteSafeParser

    module: Any
    for module in (linux_driver, linux_inline_driver):
        module.getincrementaldecoder = lenient_decoder
        module.XTermParser = PasteSafeParser
