"""Each passage's stemmed words in order (`lexical_index.terms` of its text), as ids of the BM25
vocabulary, worked out at build time and memory-mapped at question time: the phrase bonus
compares a question's word pairs with a candidate's by reading a slice of ids, instead of
re-tokenising the text of every new candidate (three fifths of a warm question's time over
the whole corpus).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ofsted_qa.index.lexical_index import terms

TERMS_FILE = "passage_terms.npy"
STARTS_FILE = "passage_term_starts.npy"


@dataclass(frozen=True)
class PassageTerms:
    """`ids[starts[i]:starts[i + 1]]`: passage i's terms as vocabulary ids (a term the
    vocabulary lacks is `len(vocabulary)`, which no question's term is)."""

    ids: np.ndarray
    starts: np.ndarray  # int64, one more than there are passages

    @classmethod
    def of(cls, texts: Iterable[str], vocabulary: Mapping[str, int]) -> PassageTerms:
        unknown = len(vocabulary)
        starts = [0]
        ids: list[int] = []
        for text in texts:
            ids.extend(vocabulary.get(t, unknown) for t in terms(text))
            starts.append(len(ids))
        dtype = np.min_scalar_type(unknown)  # uint16 below 65,536 terms: half the file
        return cls(np.array(ids, dtype=dtype), np.array(starts, dtype=np.int64))

    def save(self, folder: Path) -> None:
        np.save(folder / TERMS_FILE, self.ids, allow_pickle=False)
        np.save(folder / STARTS_FILE, self.starts, allow_pickle=False)

    @classmethod
    def load(cls, folder: Path, passages: int) -> PassageTerms:
        """Memory-mapped. Raises OSError or ValueError when a file is missing, damaged or not
        of `passages` passages."""
        ids, starts = (
            np.asarray(np.load(folder / name, allow_pickle=False, mmap_mode="r"))
            for name in (TERMS_FILE, STARTS_FILE)
        )
        if len(starts) != passages + 1 or (len(starts) and int(starts[-1]) != len(ids)):
            raise ValueError(f"{STARTS_FILE} does not match {passages} passages")
        return cls(ids, starts)

    def gather(self, passages: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The terms of these passages, one after another (int64), and for each term the
        position in `passages` of the passage it belongs to."""
        first = self.starts[passages]
        lengths = self.starts[passages + 1] - first
        owner = np.repeat(np.arange(len(passages)), lengths)
        offsets = np.cumsum(lengths) - lengths  # where each passage's terms begin in the output
        at = np.arange(int(lengths.sum())) - np.repeat(offsets - first, lengths)
        return self.ids[at].astype(np.int64), owner
