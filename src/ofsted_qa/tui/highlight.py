"""Passage text as a Rich `Text`: literal (never markup), query terms and best sentence styled."""

from __future__ import annotations

import re

from rich.style import Style
from rich.text import Text

from ofsted_qa.inert import inert

# Words as the index sees them: hyphenated compounds whole, invisible characters inside.
_WORD = re.compile(r"[^\W_]+(?:['\u2019\u00ad\u200b-\u200d\u2060-]+[^\W_]+)*")
SCORE_BAR_WIDTH = 10


def passage(
    text: str,
    query_terms: set[str],
    best: tuple[int, int] | None = None,
    *,
    term_style: Style | str = "bold",
    best_style: Style | str = "underline",
) -> Text:
    """`text` as written but inert (controls shown, never acted on; offsets unchanged); the
    core's own stemmer decides which words match."""
    out = Text(inert(text))
    if best and best[1] > best[0]:
        out.stylize(best_style, *best)
    if query_terms:
        from ofsted_qa.index.lexical_index import terms

        for match in _WORD.finditer(text):
            if query_terms.intersection(terms(match.group())):
                out.stylize(term_style, match.start(), match.end())
    return out


def score_bar(score: float, top: float, width: int = SCORE_BAR_WIDTH) -> str:
    """Relative to the turn's best score, so bars compare passages within one answer."""
    share = 0.0 if top <= 0 else max(0.0, min(1.0, score / top))
    filled = round(share * width)
    return "█" * filled + "░" * (width - filled)
