"""Passage text as a Rich `Text`: literal (never markup), query terms and best sentence styled."""

from __future__ import annotations

import re

from rich.style import Style
from rich.text import Text

_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)?")
SCORE_BAR_WIDTH = 10


def passage(
    text: str,
    query_terms: set[str],
    best: tuple[int, int] | None = None,
    *,
    term_style: Style | str = "bold",
    best_style: Style | str = "underline",
) -> Text:
    """`text` exactly as written; the core's own stemmer decides which words match."""
    out = Text(text)
    if best and best[1] > best[0]:
        out.stylize(best_style, *best)
    if query_terms:
        from ofsted_qa.index.lexical_index import terms

        for match in _WORD.finditer(text):
            found = terms(match.group())
            if found and found[0] in query_terms:
                out.stylize(term_style, match.start(), match.end())
    return out


def score_bar(score: float, top: float, width: int = SCORE_BAR_WIDTH) -> str:
    """Relative to the turn's best score, so bars compare passages within one answer."""
    share = 0.0 if top <= 0 else max(0.0, min(1.0, score / top))
    filled = round(share * width)
    return "█" * filled + "░" * (width - filled)
