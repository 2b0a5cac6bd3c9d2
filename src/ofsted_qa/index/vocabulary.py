"""What the corpus's words are, worked out once at build time and kept in the generation.

Typo correction needs every word's count and highlighting every term's document frequency;
over the whole real corpus (58,000 passages) working them out took 20 s on a question's first
use. `vocabulary.json` holds both, read on first use.
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


@dataclass(frozen=True)
class Vocabulary:
    """Word counts over the passages' embedding texts (for typo correction) and the IDF of each
    stemmed term over the passages' texts (for highlighting), with `passages` counted."""

    counts: Counter[str]
    idf: dict[str, float]

    @classmethod
    def of(cls, chunks: Iterable[Chunk]) -> Vocabulary:
        counts: Counter[str] = Counter()
        df: Counter[str] = Counter()
        n = 0
        for chunk in chunks:
            n += 1
            counts.update(words(chunk.embedding_text))
            df.update(set(terms(chunk.text)))
        n = max(n, 1)
        return cls(counts, {t: math.log(1 + n / d) for t, d in df.items()})

    def save(self, folder: Path) -> None:
        data = {"counts": dict(self.counts), "idf": self.idf}
        (folder / VOCABULARY_FILE).write_text(json.dumps(data, ensure_ascii=False), "utf-8")

    @classmethod
    def load(cls, folder: Path) -> Vocabulary | None:
        """The saved vocabulary, or None when the generation has none (built before it)."""
        path = folder / VOCABULARY_FILE
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(Counter(data["counts"]), dict(data["idf"]))
