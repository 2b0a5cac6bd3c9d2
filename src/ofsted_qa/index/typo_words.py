"""The words a typo may be corrected to, grouped by length, built at index time and kept in the
generation as `typo_words.json`; a search reads it on the first word it has to correct.

Looked up with rapidfuzz (optimal string alignment distance, in C++), which was measured
against symspellpy on the real corpus (13,645 words, 58,131 passages; bench/typo_index.py):
both return exactly what the old pure-Python scan did (16/16 of the golden typos, 85.2% of
1,931 generated misspellings of corpus words, 100% agreement), but

| | build | on disk | load | per word, median / p95 |
| --- | --- | --- | --- | --- |
| old scan (letter masks, Python distance) | 0 s | (counts) | 0 s | 0.73 / 11.7 ms |
| symspellpy (2 edits, prefix 7) | 0.48-0.94 s | 890 KB | 0.25-0.81 s | 0.07 / 0.20 ms |
| rapidfuzz (words by length, `cdist`) | 0.02 s | 80 KB | 0.007 s | 0.48 / 2.0 ms |

(same runs, two shared cores). symspellpy answers a word faster, but a question holds a few
unknown words at most, while its index costs a quarter to most of a second to load on the
first such question and has to be rebuilt or patched on every build; rapidfuzz's costs
nothing to build, load or keep current, and is fast enough per word.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

TYPO_WORDS_FILE = "typo_words.json"
# Candidates may be a letter shorter than the shortest word corrected (typos.MIN_LENGTH).
CANDIDATE_MIN_LENGTH = 3


@dataclass(frozen=True)
class TypoWords:
    """Alphabetic words of at least `CANDIDATE_MIN_LENGTH` letters with their corpus counts:
    `by_length[n]` is (words of n letters sorted, their counts)."""

    by_length: dict[int, tuple[tuple[str, ...], tuple[int, ...]]]

    @classmethod
    def of(cls, counts: Counter[str]) -> TypoWords:
        grouped: dict[int, list[str]] = {}
        for word in sorted(counts):
            if word.isalpha() and len(word) >= CANDIDATE_MIN_LENGTH:
                grouped.setdefault(len(word), []).append(word)
        return cls({n: (tuple(ws), tuple(counts[w] for w in ws)) for n, ws in grouped.items()})

    def nearest(self, word: str, limit: int) -> str | None:
        """The word at the smallest optimal-string-alignment distance from `word`, at most
        `limit` edits away (adjacent transpositions count as one), the most frequent on ties,
        then the first alphabetically; None when there is none."""
        from rapidfuzz.distance import OSA
        from rapidfuzz.process import cdist

        best: tuple[int, int, str] | None = None
        for length in range(len(word) - limit, len(word) + limit + 1):
            if length not in self.by_length:
                continue
            words, counts = self.by_length[length]
            found = cdist([word], words, scorer=OSA.distance, score_cutoff=limit, workers=1)[0]
            for at in np.flatnonzero(found <= limit).tolist():
                key = (int(found[at]), -counts[at], words[at])
                if best is None or key < best:
                    best = key
        return best[2] if best else None

    def save(self, folder: Path) -> None:
        data = {str(n): [list(ws), list(cs)] for n, (ws, cs) in sorted(self.by_length.items())}
        (folder / TYPO_WORDS_FILE).write_text(json.dumps(data, ensure_ascii=False), "utf-8")

    @classmethod
    def load(cls, folder: Path) -> TypoWords | None:
        """The saved words, or None when the generation has none (built before them).

        Raises OSError, ValueError, KeyError or TypeError when the file is damaged."""
        path = folder / TYPO_WORDS_FILE
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        by_length = {}
        for n, (ws, cs) in data.items():
            if len(ws) != len(cs):
                raise ValueError(f"{TYPO_WORDS_FILE}: {len(ws)} words but {len(cs)} counts")
            by_length[int(n)] = (tuple(map(str, ws)), tuple(map(int, cs)))
        return cls(by_length)
