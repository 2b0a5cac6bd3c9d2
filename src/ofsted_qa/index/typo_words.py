"""The words a typo may be corrected to, grouped by length, built at index time and kept in the
generation as `typo_words.json`; a search reads it on the first word it has to correct.

Looked up with rapidfuzz (optimal string alignment distance, in C++), chosen over symspellpy
on the real corpus (13,645 words from 58,131 passages; bench/typo_index.py, all rows from one
run, results/typo_index.json). Both return exactly what the old pure-Python scan did: 16/16 of
the golden set's typos and 85.2% of 1,931 generated misspellings of corpus words (of the 285
misses, 167 are as near another, commoner corpus word and 118 are more edits away than the
word's length allows), 100% agreement with the old scan.

| | build | on disk | load | per word, median / p95 |
| --- | --- | --- | --- | --- |
| old scan (letter masks, Python distance) | - | - | - | 0.27 / 4.3 ms |
| symspellpy (2 edits, prefix 7) | 0.50 s | 822 KB | 0.30 s | 0.04 / 0.14 ms |
| rapidfuzz (words by length, `cdist`): this | 0.007 s | 72 KB | 0.002 s | 0.27 / 4.4 ms |

(two cores shared at load 10, so p95 mostly measures the scheduler; a busier run gave symspellpy
0.94 s to build and 0.81 s to load.) symspellpy answers a word several times faster, but a
question holds a few unknown words, while its index costs a third of a second or more to load
on the first such question and has to be rebuilt or patched by every build; rapidfuzz costs
next to nothing to build, load or keep current, and replaces our own edit distance.
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
