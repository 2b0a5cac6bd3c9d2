"""Typo tolerance from the corpus vocabulary: "adoptoin" -> "adoption", "safegaurding" ->
"safeguarding".

Only a word that nothing knows is corrected: not in the indexed passages, not in the glossary,
not a stopword, and not a whole word in the model's WordPiece vocabulary (so ordinary English
the reports happen not to use, such as "dads" or "teeth", is left alone). The candidate is the
indexed word at the smallest Damerau-Levenshtein distance (one edit for short words, two for
long ones), the most frequent on ties.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from ofsted_qa.index.lexical_index import STOPWORDS

MIN_LENGTH = 4  # shorter words are too ambiguous to correct ("dad" -> "day"?)
TWO_EDITS_FROM = 8  # words this long may be two edits away
SUGGESTIONS_KEPT = 50_000  # remembered suggestions (forgotten all at once past this)


def distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (adjacent transpositions count once); > limit early."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _letters(word: str) -> int:
    """The letters a word uses, one bit each (letters beyond a-z share bit 26)."""
    mask = 0
    for ch in word:
        mask |= 1 << (ord(ch) - 97 if "a" <= ch <= "z" else 26)
    return mask


@lru_cache(maxsize=1)
def model_words() -> frozenset[str]:
    """Whole words of the bundled model's WordPiece vocabulary (empty if unavailable)."""
    try:
        from ofsted_qa.index.embedding import bundled_model_path

        lines = (bundled_model_path() / "vocab.txt").read_text(encoding="utf-8").splitlines()
    except Exception:  # noqa: BLE001 - a missing vocabulary only makes correction bolder
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and w.islower())


def _english(word: str) -> bool:
    vocab = model_words()
    return word in vocab or word.removesuffix("s") in vocab or word.removesuffix("es") in vocab


class Corrector:
    def __init__(self, vocabulary: Counter[str], known: Iterable[str] = ()) -> None:
        self.vocabulary = vocabulary
        self.known = {w.lower() for w in known} | set(STOPWORDS)
        self._by_length: dict[int, list[str]] = {}
        # The vocabulary is fixed, so a word's suggestion is too: worked out once per word.
        self._suggested: dict[str, str | None] = {}
        self._letter_masks: dict[int, np.ndarray] = {}  # per length: letters of each word
        for word in vocabulary:
            if word.isalpha() and len(word) >= MIN_LENGTH - 1:
                self._by_length.setdefault(len(word), []).append(word)

    def _masks(self, length: int) -> np.ndarray:
        masks = self._letter_masks.get(length)
        if masks is None:
            masks = self._letter_masks[length] = np.array(
                [_letters(w) for w in self._by_length[length]], dtype=np.uint32
            )
        return masks

    def is_known(self, word: str) -> bool:
        return (
            word in self.vocabulary
            or word in self.known
            or _english(word)
            or not word.isalpha()
            or len(word) < MIN_LENGTH
        )

    def suggest(self, word: str) -> str | None:
        word = word.lower()
        if word in self._suggested:
            return self._suggested[word]
        if len(self._suggested) >= SUGGESTIONS_KEPT:
            self._suggested.clear()
        fixed = self._suggested[word] = self._suggest(word)
        return fixed

    def _suggest(self, word: str) -> str | None:
        if self.is_known(word):
            return None
        limit = 2 if len(word) >= TWO_EDITS_FROM else 1
        best: tuple[int, int, str] | None = None
        mask = np.uint32(_letters(word))
        for length in range(len(word) - limit, len(word) + limit + 1):
            same_length = self._by_length.get(length)
            if not same_length:
                continue
            masks = self._masks(length)
            # An edit adds at most one letter and drops at most one, so words whose letter sets
            # differ by more than `limit` either way cannot be within `limit` edits.
            near = (np.bitwise_count(masks & ~mask) <= limit) & (
                np.bitwise_count(mask & ~masks) <= limit
            )
            for at in np.flatnonzero(near).tolist():
                candidate = same_length[at]
                d = distance(word, candidate, limit)
                if d <= limit:
                    key = (d, -self.vocabulary[candidate], candidate)
                    if best is None or key < best:
                        best = key
        return best[2] if best else None

    def corrections(self, typed: Iterable[str]) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for word in typed:
            fixed = self.suggest(word)
            if fixed and (word.lower(), fixed) not in out:
                out.append((word.lower(), fixed))
        return out
