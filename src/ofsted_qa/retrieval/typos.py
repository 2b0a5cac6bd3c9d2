"""Typo tolerance from the corpus vocabulary: "adoptoin" -> "adoption", "safegaurding" ->
"safeguarding".

Only a word that nothing knows is corrected: not in the indexed passages, not in the glossary,
not a stopword, and not a whole word in the model's WordPiece vocabulary (so ordinary English
the reports happen not to use, such as "dads" or "teeth", is left alone). The candidate is the
indexed word at the smallest Damerau-Levenshtein (optimal string alignment) distance (one edit
for short words, two for long ones), the most frequent on ties.

A short word (`SHORT` letters or fewer) is corrected only into a field term (a one-word
glossary form, "mash", "lado") one edit away: of the many common words that near, "boro" is
"born", "toon" is "too" and "sotn" is "soon", where the user meant a council's nickname. A wrong
common word is worse than none; a short word corrected to nothing is `left` as typed, and said.

A glossary phrase typed as one word ("careleavers", "earlyhelp") is split back into it
(`glued`: from `Glossary.glued`), even when the corpus has the glued word too (text extraction
glues words), unless it is an ordinary English word.

Candidates come from the index's typo words (`index.typo_words`: built with the index, looked
up with rapidfuzz, chosen over symspellpy on the figures given there), read on the first word
that needs correcting.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from ofsted_qa.index.lexical_index import STOPWORDS
from ofsted_qa.index.typo_words import TypoWords

MIN_LENGTH = 4  # shorter words are too ambiguous to correct ("dad" -> "day"?)
SHORT = 4  # words this short are corrected only into a field term (module docstring)
TWO_EDITS_FROM = 8  # words this long may be two edits away
SUGGESTIONS_KEPT = 50_000  # remembered suggestions (forgotten all at once past this)


def distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (adjacent transpositions count once); limit + 1 when
    it is more than `limit`."""
    from rapidfuzz.distance import OSA

    return int(OSA.distance(a, b, score_cutoff=limit))


@lru_cache(maxsize=1)
def model_words() -> frozenset[str]:
    """Whole words of the bundled model's WordPiece vocabulary (empty if unavailable)."""
    try:
        from ofsted_qa.index.embedding import bundled_model_path

        lines = (bundled_model_path() / "vocab.txt").read_text(encoding="utf-8").splitlines()
    except Exception:  # noqa: BLE001 - a missing vocabulary only makes correction bolder
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and w.islower())


def ordinary_english(word: str) -> bool:
    """`word` (lower case) or its stem less "s"/"es" is a whole word of the model's vocabulary."""
    return _english(word)


def _english(word: str) -> bool:
    vocab = model_words()
    return word in vocab or word.removesuffix("s") in vocab or word.removesuffix("es") in vocab


class Corrector:
    """Suggests corrections for words of a question. `vocabulary`: the corpus's word counts;
    `known`: words never corrected (the glossary's); `candidates`: reads the index's typo
    words, called once, on the first word that needs correcting (default: worked out from
    `vocabulary`); `glued`: glossary phrases written as one word, to the phrase; `terms`: the
    field's one-word terms, all a short word may be corrected into."""

    def __init__(
        self,
        vocabulary: Counter[str],
        known: Iterable[str] = (),
        candidates: Callable[[], TypoWords] | None = None,
        glued: Mapping[str, str] | None = None,
        terms: Iterable[str] = (),
    ) -> None:
        self.vocabulary = vocabulary
        self.glued = glued or {}
        self.known = {w.lower() for w in known} | set(STOPWORDS)
        # what a short word may be corrected into: the field's own words, most frequent first
        field = {w.lower() for w in terms if w.isalpha() and w.lower() not in STOPWORDS}
        self._field_terms = sorted(field, key=lambda w: (-vocabulary.get(w, 0), w))
        self._read = candidates or (lambda: TypoWords.of(vocabulary))
        self._candidates: TypoWords | None = None
        # The vocabulary is fixed, so a word's suggestion is too: worked out once per word.
        self._suggested: dict[str, str | None] = {}

    @classmethod
    def for_index(
        cls,
        folder: Path,
        vocabulary: Counter[str],
        known: Iterable[str] = (),
        glued: Mapping[str, str] | None = None,
        terms: Iterable[str] = (),
    ) -> Corrector:
        """A corrector reading the typo words saved in generation `folder` when first needed
        (worked out from `vocabulary` when that generation has none or they are unreadable:
        the same words, only found slower)."""

        def read() -> TypoWords:
            try:
                saved = TypoWords.load(folder)
            except (OSError, ValueError, KeyError, TypeError):
                saved = None
            return saved if saved is not None else TypoWords.of(vocabulary)

        return cls(vocabulary, known, read, glued, terms)

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
        split = self.glued.get(word)
        if split is not None and not _english(word):
            return split
        if self.is_known(word):
            return None
        if len(word) <= SHORT:
            return next((t for t in self._field_terms if distance(word, t, 1) <= 1), None)
        if self._candidates is None:
            self._candidates = self._read()
        return self._candidates.nearest(word, 2 if len(word) >= TWO_EDITS_FROM else 1)

    def left(self, typed: Iterable[str]) -> list[str]:
        """The short words of `typed` (`SHORT` letters or fewer) that nothing knows and that no
        field term is one edit from ("boro"), each once, lower-cased."""
        out: list[str] = []
        for word in (w.lower() for w in typed):
            if len(word) > SHORT or word in out or self.is_known(word):
                continue
            if self.suggest(word) is None:
                out.append(word)
        return out

    def corrections(self, typed: Iterable[str]) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for word in typed:
            fixed = self.suggest(word)
            if fixed and (word.lower(), fixed) not in out:
                out.append((word.lower(), fixed))
        return out
