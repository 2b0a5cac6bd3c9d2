"""BM25 over stemmed words (bm25s): exact terms, numbers and acronyms the model blurs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np

from ofsted_qa.index.passage_terms import PassageTerms

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# A hyphenated compound ("well-being", "co-ordinated"): indexed as its parts and as one word,
# so it meets the same word written solid ("wellbeing", "coordinated") on either side.
_COMPOUND = re.compile(r"[a-z0-9]+(?:'[a-z]+)?(?:[-\u2010][a-z0-9]+(?:'[a-z]+)?)+|" + WORD.pattern)
# Invisible characters that split a word without showing: soft hyphen, zero-width space,
# non-joiner, joiner, word joiner, byte-order mark.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_APOSTROPHES = {ord("\u2019"): "'", ord("\u2018"): "'"}
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


def fold(text: str) -> str:
    """Lower case, one form per word: invisible characters dropped, compatibility forms
    (ligatures, full-width letters) and accents folded, curly apostrophes made straight."""
    text = text.lower().translate(_APOSTROPHES)
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_INVISIBLE))
    return "".join(c for c in text if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens as typed, curly apostrophes folded ("who've", "council's")."""
    return WORD.findall(fold(text))


def _word(token: str) -> str:
    return token[:-2] if token.endswith("'s") else token.replace("'", "")


def words(text: str) -> list[str]:
    """`tokens` with possessive 's dropped and other apostrophes removed."""
    return [_word(w) for w in tokens(text)]


def _with_compounds(text: str) -> list[str]:
    """`words`, each hyphenated compound of letters followed by its solid form."""
    out: list[str] = []
    for token in _COMPOUND.findall(fold(text)):
        parts = [_word(p) for p in WORD.findall(token)]
        out.extend(parts)
        if len(parts) > 1 and not any(p.isdigit() for p in parts):
            out.append("".join(parts))
    return out


def terms(text: str) -> list[str]:
    """The index's vocabulary: stemmed words without stopwords, compounds also solid."""
    kept = [w for w in _with_compounds(text) if w not in STOPWORDS]
    return list(_stemmer().stemWords(kept))


class LexicalIndex:
    """Scores every chunk for a query; chunk ids are row positions. `passage_terms`: what it
    was built from, saved beside it for the next build (None when loaded for searching)."""

    def __init__(
        self, retriever: Any, size: int, passage_terms: PassageTerms | None = None
    ) -> None:
        self._retriever = retriever
        self.size = size
        self.passage_terms = passage_terms

    @classmethod
    def build(cls, texts: Sequence[str]) -> LexicalIndex:
        """From passages' texts, tokenized here (`terms`)."""
        return cls.from_terms(PassageTerms.of(terms(t) for t in texts))

    @classmethod
    def from_terms(cls, passage_terms: PassageTerms) -> LexicalIndex:
        """From passages already tokenized (bm25s's own index, built on whole arrays)."""
        from ofsted_qa.index.bm25_arrays import build_retriever

        return cls(build_retriever(passage_terms), len(passage_terms), passage_terms)

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
        if self.passage_terms is not None:
            self.passage_terms.save(folder)

    @classmethod
    def load(cls, folder: Path, size: int) -> LexicalIndex:
        import bm25s

        retriever = bm25s.BM25.load(str(folder), mmap=False)
        return cls(retriever, size)
