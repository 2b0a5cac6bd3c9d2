"""BM25 over stemmed words (bm25s): exact terms, numbers and acronyms the model blurs."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Short list on purpose: "not", "no" and numbers carry meaning in inspection findings.
STOPWORDS = frozenset(
    "a an and are as at be been by for from has have in is it its of on or that the their "
    "there these they this to was were which who will with what did does do how about say said "
    "s".split()
)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens as typed, curly apostrophes folded ("who've", "council's")."""
    return WORD.findall(text.lower().replace("\u2019", "'").replace("\u2018", "'"))


def words(text: str) -> list[str]:
    """`tokens` with possessive 's dropped and other apostrophes removed."""
    return [w[:-2] if w.endswith("'s") else w.replace("'", "") for w in tokens(text)]


def terms(text: str) -> list[str]:
    """The index's vocabulary: stemmed words without stopwords."""
    kept = [w for w in words(text) if w not in STOPWORDS]
    return list(_stemmer().stemWords(kept))


class LexicalIndex:
    """Scores every chunk for a query; chunk ids are row positions."""

    def __init__(self, retriever: Any, size: int) -> None:
        self._retriever = retriever
        self.size = size

    @classmethod
    def build(cls, texts: Sequence[str]) -> LexicalIndex:
        import bm25s

        retriever = bm25s.BM25(k1=1.2, b=0.75)
        tokenized = [terms(t) or ["\x00empty"] for t in texts]
        if tokenized:
            retriever.index(tokenized, show_progress=False)
        return cls(retriever, len(texts))

    @property
    def vocabulary(self) -> Mapping[str, int]:
        """Read-only view of the term ids (no copy: it is consulted on every query)."""
        return MappingProxyType(getattr(self._retriever, "vocab_dict", None) or {})

    def scores(self, query_terms: Sequence[str]) -> np.ndarray:
        known = self.vocabulary
        query = [t for t in query_terms if t in known]
        if not query or self.size == 0:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._retriever.get_scores(query), dtype=np.float32)

    def save(self, folder: Path) -> None:
        self._retriever.save(str(folder))

    @classmethod
    def load(cls, folder: Path, size: int) -> LexicalIndex:
        import bm25s

        retriever = bm25s.BM25.load(str(folder), mmap=False)
        return cls(retriever, size)
