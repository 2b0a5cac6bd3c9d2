"""Paragraph fidelity: the same report read from two forms (a hand-prepared text and its PDF)
gives the same numbered passages.

Both texts go through the same chunker, so page-break joins, list lead-ins and numbering are
decided by one set of rules; a paragraph counts as recovered when the PDF side has a passage
with the same report number and the same text, case, whitespace and punctuation aside.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ofsted_qa.ingest.chunking import chunk_document

_NOT_WORD = re.compile(r"[\W_]+")
# Large enough that no numbered paragraph of a report is split into parts.
WHOLE_PARAGRAPHS = 100_000


@dataclass(frozen=True)
class Fidelity:
    """Share of the reference's numbered paragraphs found in the candidate; `misses` are the
    report numbers not found, in reference order."""

    recovered: int
    total: int
    misses: tuple[str, ...]

    @property
    def share(self) -> float:
        return self.recovered / self.total if self.total else 0.0


def _key(text: str) -> str:
    return _NOT_WORD.sub("", text.casefold())


def numbered_paragraphs(text: str) -> list[tuple[str, str]]:
    """(report's paragraph number, normalised text) for each numbered passage of `text`."""
    chunks = chunk_document(text, "fidelity", max_tokens=WHOLE_PARAGRAPHS)
    return [(c.paragraph, _key(c.text)) for c in chunks if c.paragraph.isdigit()]


def fidelity(reference: str, candidate: str) -> Fidelity:
    """How many numbered paragraphs of `reference` the `candidate` text recovers exactly."""
    wanted = numbered_paragraphs(reference)
    have = Counter(numbered_paragraphs(candidate))
    misses = []
    for pair in wanted:
        if have[pair] > 0:
            have[pair] -= 1
        else:
            misses.append(pair[0])
    return Fidelity(len(wanted) - len(misses), len(wanted), tuple(misses))
