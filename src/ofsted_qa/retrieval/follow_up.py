"""Questions worded as follow-ups ("same for 2019", "and for care leavers?", "ok what about
leadership"): each question is read on its own, in the CLI and the app alike, so an answer to one
says that it refers to nothing asked before, rather than passing for the answer meant."""

from __future__ import annotations

import re

_LEAD = r"^\s*(?:(?:and|ok|okay|so|also|then|right|now)[,\s]+)*"
_FOLLOW_UP = re.compile(
    _LEAD + r"(?:(?:what|how)\s+about|(?:the\s+)?same\s+(?:for|in|with|but|again|thing|question)"
    r"|and\s+(?:for|in|at|with|the\s+same))\b"
    r"|^\s*(?:and|also)\s*\?*\s*$",
    re.I,
)


def note(question: str) -> tuple[str, ...]:
    """One note when `question` opens as a follow-up to an earlier one, else none."""
    found = _FOLLOW_UP.search(question)
    if not found:
        return ()
    return (
        f"“{found.group().strip()}” reads as a follow-up, but each question is read on its own: "
        "name the council, the year and the topic in it.",
    )
