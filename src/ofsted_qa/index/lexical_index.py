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

from ofsted_qa.index.arrays import load_array
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


# bm25s's saved layout: a term x passage matrix of precomputed BM25 weights, column-compressed.
_ARRAYS = ("data", "indices", "indptr")
_VOCAB = "vocab.index.json"
_NONOCCURRENCE = "nonoccurrence_array.index.npy"  # only BM25L/BM25+ write it


class LexicalIndex:
    """Scores every chunk for a query; chunk ids are row positions.

    Built with bm25s (on whole arrays: `bm25_arrays`); read back as its saved arrays,
    memory-mapped, and scored here exactly as bm25s scores them (each query term's column of
    weights summed), so a question never imports bm25s and its scipy (0.6 s of a cold start)
    nor reads the matrix whole. `passage_terms`: what a build made it from, saved beside it for
    the next build and the phrase bonus (None when loaded for searching)."""

    def __init__(
        self,
        arrays: dict[str, np.ndarray],
        vocabulary: dict[str, int],
        size: int,
        retriever: Any = None,
        passage_terms: PassageTerms | None = None,
    ) -> None:
        self._data, self._indices, self._indptr = (arrays[name] for name in _ARRAYS)
        self._nonoccurrence = arrays.get("nonoccurrence")
        self._vocabulary = vocabulary
        self._retriever = retriever  # kept by a build, to save in bm25s's own layout
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

        retriever = build_retriever(passage_terms)
        if not len(passage_terms):
            empty = {name: np.zeros(1 if name == "indptr" else 0) for name in _ARRAYS}
            return cls(empty, {}, 0, retriever, passage_terms)
        arrays = {name: retriever.scores[name] for name in _ARRAYS}
        if getattr(retriever, "nonoccurrence_array", None) is not None:
            arrays["nonoccurrence"] = retriever.nonoccurrence_array
        vocabulary = dict(retriever.vocab_dict)
        return cls(arrays, vocabulary, len(passage_terms), retriever, passage_terms)

    @property
    def vocabulary(self) -> Mapping[str, int]:
        """Read-only view of the term ids (no copy: it is consulted on every query)."""
        return MappingProxyType(self._vocabulary)

    def passages(self, term: str) -> np.ndarray:
        """The ids of the passages that hold `term` (its column's rows; empty for a term no
        passage has), without scoring every passage."""
        found = self._vocabulary.get(term)
        if found is None or self.size == 0:
            return np.zeros(0, dtype=np.int64)
        start, end = int(self._indptr[found]), int(self._indptr[found + 1])
        return np.asarray(self._indices[start:end], dtype=np.int64)

    def scores(self, query_terms: Sequence[str]) -> np.ndarray:
        """BM25 of every passage (float32, one per passage); a term typed twice counts twice,
        unknown terms nothing."""
        ids = [self._vocabulary[t] for t in query_terms if t in self._vocabulary]
        out = np.zeros(self.size, dtype=np.float32)
        if not ids or self.size == 0:
            return out
        for term in ids:
            start, end = int(self._indptr[term]), int(self._indptr[term + 1])
            # A passage appears once per term's column, so a plain += adds each weight once.
            out[self._indices[start:end]] += self._data[start:end]
        if self._nonoccurrence is not None:
            out += self._nonoccurrence[ids].sum()
        return out

    def save(self, folder: Path) -> None:
        if self._retriever is None:
            raise ValueError("only a lexical index built in this process can be saved")
        self._retriever.save(str(folder))
        if self.passage_terms is not None:
            self.passage_terms.save(folder)

    @classmethod
    def load(cls, folder: Path, size: int) -> LexicalIndex:
        """Memory-map the arrays bm25s saved in `folder`. Raises OSError or ValueError when a
        file is missing or damaged."""
        import json

        arrays = {name: load_array(folder / f"{name}.csc.index.npy", mmap=True) for name in _ARRAYS}
        if (folder / _NONOCCURRENCE).is_file():
            arrays["nonoccurrence"] = load_array(folder / _NONOCCURRENCE)
        vocabulary = json.loads((folder / _VOCAB).read_text(encoding="utf-8"))
        if not isinstance(vocabulary, dict):
            raise ValueError(f"{_VOCAB} is not a mapping")
        # bm25s adds "" as the last id, with no column: it is never a query term.
        if max((i for t, i in vocabulary.items() if t), default=-1) >= len(arrays["indptr"]) - 1:
            raise ValueError(f"{_VOCAB} does not match the BM25 matrix")
        return cls(arrays, vocabulary, size)
