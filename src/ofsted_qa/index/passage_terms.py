"""Each passage's BM25 terms in order, as ids, kept in the generation for two readers.

The next build: cutting a passage into stemmed terms (`lexical_index.terms`) is the costly part
of a BM25 build, about half a minute for the 58,000 passages of the real corpus, against a few
seconds for bm25s to score terms it is given as ids; a build that adds one report tokenizes
only that report's passages and takes every other passage's ids from the previous generation.

The phrase bonus: a question's word pairs are compared with a candidate's by reading a slice of
ids, memory-mapped (`open`), instead of re-tokenising every candidate's text (three fifths of a
warm question's time over the whole corpus). The ids are the BM25 vocabulary's (`bm25_arrays`
indexes with `vocabulary()`), so a question's terms map to them through the lexical index.

Ids are numbered by first appearance in passage order, so the same passages give the same ids
(and the same files) however they were assembled: afresh, or partly from a previous build.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ofsted_qa.index.arrays import load_array

IDS_FILE = "passage_terms.npy"
OFFSETS_FILE = "passage_term_offsets.npy"
NAMES_FILE = "passage_terms.json"
EMPTY = "\x00empty"  # stands in for a passage with no terms (bm25s needs one per passage)

# Passages' terms, or a range of an earlier build's passages (`PassageTerms.assemble`).
Part = list[Sequence[str]] | tuple["PassageTerms", range]


@dataclass(frozen=True, eq=False)
class PassageTerms:
    """`ids` (int32) holds every passage's term ids one passage after another; passage i's are
    `ids[offsets[i]:offsets[i + 1]]` (`offsets`: int64, passages + 1 long); `names[id]` is the
    term."""

    ids: np.ndarray
    offsets: np.ndarray
    names: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, PassageTerms)
            and self.names == other.names
            and np.array_equal(self.ids, other.ids)
            and np.array_equal(self.offsets, other.offsets)
        )

    __hash__ = None  # type: ignore[assignment]  # mutable arrays inside

    def vocabulary(self) -> dict[str, int]:
        """Term -> id."""
        return {name: i for i, name in enumerate(self.names)}

    @classmethod
    def of(cls, passages: Iterable[Sequence[str]]) -> PassageTerms:
        """From each passage's terms (an empty passage gets `EMPTY`)."""
        return cls.assemble([list(passages)])

    @classmethod
    def assemble(cls, parts: Iterable[Part]) -> PassageTerms:
        """Passages in order from `parts`: each either passages' terms or a range of passages
        of an earlier `PassageTerms` (whose ids are kept, not re-read as strings)."""
        names: list[str] = []
        known: dict[str, int] = {}
        bases: dict[int, int] = {}  # id(earlier) -> where its names start in `names`
        chunks: list[np.ndarray] = []
        lengths: list[np.ndarray] = []
        for part in parts:
            if isinstance(part, tuple):
                earlier, rows = part
                if id(earlier) not in bases:
                    bases[id(earlier)] = len(names)
                    names.extend(earlier.names)  # duplicates vanish when ids are renumbered
                a, b = int(earlier.offsets[rows.start]), int(earlier.offsets[rows.stop])
                chunks.append(earlier.ids[a:b].astype(np.int64) + bases[id(earlier)])
                lengths.append(np.diff(earlier.offsets[rows.start : rows.stop + 1]))
                continue
            for passage in part:
                words = list(passage) or [EMPTY]
                row = []
                for word in words:
                    at = known.get(word)
                    if at is None:
                        at = known[word] = len(names)
                        names.append(word)
                    row.append(at)
                chunks.append(np.array(row, dtype=np.int64))
                lengths.append(np.array([len(row)], dtype=np.int64))
        flat = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int64)
        sizes = np.concatenate(lengths) if lengths else np.zeros(0, dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        return cls._renumbered(flat, offsets, names)

    @classmethod
    def _renumbered(cls, flat: np.ndarray, offsets: np.ndarray, names: list[str]) -> PassageTerms:
        """Ids by first appearance, one per distinct term (an earlier build's names may repeat
        a new passage's term, or name terms no passage kept uses any more)."""
        canonical: dict[str, int] = {}
        merged = np.array([canonical.setdefault(n, len(canonical)) for n in names], dtype=np.int64)
        flat = merged[flat] if len(flat) else flat
        used, first = np.unique(flat, return_index=True)
        order = used[np.argsort(first, kind="stable")]
        remap = np.zeros(len(canonical), dtype=np.int64)
        remap[order] = np.arange(len(order))
        unique_names = list(canonical)
        return cls(
            remap[flat].astype(np.int32) if len(flat) else flat.astype(np.int32),
            offsets,
            tuple(unique_names[i] for i in order.tolist()),
        )

    def save(self, folder: Path) -> None:
        np.save(folder / IDS_FILE, self.ids, allow_pickle=False)
        np.save(folder / OFFSETS_FILE, self.offsets, allow_pickle=False)
        (folder / NAMES_FILE).write_text(json.dumps(self.names, ensure_ascii=False), "utf-8")

    @classmethod
    def load(cls, folder: Path) -> PassageTerms | None:
        """The saved terms with their names, for the next build; None when that build kept
        none or they cannot be read (the caller then tokenizes afresh, which gives the same
        result, only slower)."""
        try:
            ids = load_array(folder / IDS_FILE)
            offsets = load_array(folder / OFFSETS_FILE)
            names = json.loads((folder / NAMES_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError):
            return None
        whole = len(offsets) > 0 and offsets[-1] == len(ids) and isinstance(names, list)
        if not whole or (len(ids) and not 0 <= int(ids.min()) <= int(ids.max()) < len(names)):
            return None
        return cls(ids, offsets, tuple(str(n) for n in names))

    @classmethod
    def open(cls, folder: Path, passages: int) -> PassageTerms:
        """The ids and offsets memory-mapped, without the names (a question maps its terms
        through the lexical index's vocabulary). Raises OSError or ValueError when a file is
        missing, damaged or not of `passages` passages."""
        ids, offsets = (
            np.asarray(load_array(folder / name, mmap=True)) for name in (IDS_FILE, OFFSETS_FILE)
        )
        if len(offsets) != passages + 1 or (len(offsets) and int(offsets[-1]) != len(ids)):
            raise ValueError(f"{OFFSETS_FILE} does not match {passages} passages")
        return cls(ids, offsets, ())

    def gather(self, passages: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The terms of these passages, one after another (int64), and for each term the
        position in `passages` of the passage it belongs to."""
        first = self.offsets[passages]
        lengths = self.offsets[passages + 1] - first
        owner = np.repeat(np.arange(len(passages)), lengths)
        starts = np.cumsum(lengths) - lengths  # where each passage's terms begin in the output
        at = np.arange(int(lengths.sum())) - np.repeat(starts - first, lengths)
        return self.ids[at].astype(np.int64), owner
