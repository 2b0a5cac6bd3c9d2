"""Words the documents write as ordinary lower-case words inside a sentence ("their reading
age"), as no text writes a place: a council whose name is also a word ("Reading", "Bury") is
only taken as named by a question when it is capitalised, unless the documents never use the
word this way. Worked out once at build time and kept in the chunk store, so no question reads
every passage to find out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+")
_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyz,'\u2019")
_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz")


def ordinary_words(texts: Iterable[str]) -> set[str]:
    """Every lower-case word that some text has between single spaces, after a lower-case
    letter, comma or apostrophe and before a lower-case letter: exactly the words `w` for which
    the pattern ``(?<=[a-z,'’] )w(?= [a-z])`` matches some text."""
    found: set[str] = set()
    for text in texts:
        parts = text.split(" ")
        for i in range(1, len(parts) - 1):
            word, before, after = parts[i], parts[i - 1], parts[i + 1]
            if (
                word
                and before
                and after
                and before[-1] in _BEFORE
                and after[0] in _AFTER
                and word not in found
                and word.lower() == word
                and _WORD.fullmatch(word)
            ):
                found.add(word)
    return found
