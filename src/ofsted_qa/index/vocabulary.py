"""What the corpus's words are, worked out at build time and kept in the generation.

Typo correction needs every word's count and highlighting every term's document frequency;
over the whole real corpus (58,000 passages) working them out takes 20-40 s, so a build does
it once and `vocabulary.json` holds both, read on first use. A build that adds or removes a
few reports updates the previous generation's counts by those reports' passages alone
(`updated`), which gives exactly what counting every passage afresh would.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ofsted_qa.index.lexical_index import terms, words
from ofsted_qa.ingest.chunking import Chunk

VOCABULARY_FILE = "vocabulary.json"


def _idf(df: Counter[str], passages: int) -> dict[str, float]:
    n = max(passages, 1)
    return {t: math.log(1 + n / d) for t, d in df.items()}


@dataclass(frozen=True)
class Vocabulary:
    """Word counts over the passages' embedding texts (for typo correction) and the IDF of each
    stemmed term over the passages' texts (for highlighting). `df` (passages holding each term)
    and `passages` are what `updated` needs; None and 0 in a file saved before they were kept."""

    counts: Counter[str]
    idf: dict[str, float]
    df: Counter[str] | None = None
    passages: int = 0

    @classmethod
    def of(cls, chunks: Iterable[Chunk]) -> Vocabulary:
        counts, df, n = _tally(chunks)
        return cls(counts, _idf(df, n), df, n)

    @property
    def updatable(self) -> bool:
        """Whether `updated` can work from this one (it keeps document frequencies)."""
        return self.df is not None

    def updated(self, added: Iterable[Chunk], removed: Iterable[Chunk]) -> Vocabulary:
        """This vocabulary with `added` passages counted and `removed` ones (passages it
        counted) taken away. Raises ValueError when it keeps no document frequencies."""
        if self.df is None:
            raise ValueError("this vocabulary keeps no document frequencies to update")
        plus_counts, plus_df, plus_n = _tally(added)
        minus_counts, minus_df, minus_n = _tally(removed)
        counts = self.counts + plus_counts - minus_counts  # Counter arithmetic drops zeros
        df = self.df + plus_df - minus_df
        passages = self.passages + plus_n - minus_n
        return Vocabulary(counts, _idf(df, passages), df, passages)

    def save(self, folder: Path) -> None:
        data = {"counts": dict(self.counts), "df": dict(self.df or {}), "passages": self.passages}
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)  # the same words, same bytes
        (folder / VOCABULARY_FILE).write_text(text, "utf-8")

    @classmethod
    def load(cls, folder: Path) -> Vocabulary | None:
        """The saved vocabulary, or None when the generation has none (built before it).

        Raises OSError, ValueError, KeyError or TypeError when the file is damaged."""
        path = folder / VOCABULARY_FILE
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        counts = Counter({str(w): int(n) for w, n in data["counts"].items()})
        if "df" not in data:  # saved before document frequencies were kept
            return cls(counts, {str(t): float(v) for t, v in data["idf"].items()})
        df = Counter({str(t): int(n) for t, n in data["df"].items()})
        passages = int(data["passages"])
        return cls(counts, _idf(df, passages), df, passages)


def _tally(chunks: Iterable[Chunk]) -> tuple[Counter[str], Counter[str], int]:
    counts: Counter[str] = Counter()
    df: Counter[str] = Counter()
    n = 0
    for chunk in chunks:
        n += 1
        counts.update(words(chunk.embedding_text))
        df.update(set(terms(chunk.text)))
    return counts, df, n
