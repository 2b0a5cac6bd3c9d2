"""What the question says about *which* document it means, turned into visible boosts.

A year ("in 2014", "the 2025 visit") boosts passages of documents dated in, or covering, that
year, and a little those that name the year in their text; a source cue ("what did Ofsted
say") boosts that publisher's documents; a council named, that council's documents
(`council_docs`). Comparisons naming several years ("2014 and 2025") or councils get both sides into
the lead (`cover_years`, `cover`). Boosts are added to the fused score, so they are shown per
passage (`Hit.contributions`) and never filter anything out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Hashable, Sequence

import numpy as np

from ofsted_qa.index.store import ChunkStore
from ofsted_qa.retrieval.query import Interpretation

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
# What an answer of each kind looks like in a passage. Numbers: figures and number words, but
# not a bare year (every report is full of them) nor "one" (mostly a pronoun).
ANSWER_SHAPES = {
    "number": re.compile(
        r"(?<![\w.])(?!(?:19|20)\d\d\b)\d[\d,.]*%?|\b(?:two|three|four|five|six|seven|eight|"
        r"nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|half|twice|"
        r"double|per\s?cent)\b",
        re.I,
    ),
    "date": re.compile(
        rf"\b\d{{1,2}}\s+{_MONTH}\b|\b{_MONTH}\s+(?:19|20)\d\d\b|\bin\s+(?:19|20)\d\d\b"
    ),
}


class ChunkFacts:
    """What the boosts read of each passage's document, worked out once per index instead of
    per candidate per query (document years and publisher; answer shapes and years named in the
    text, lazily per passage)."""

    def __init__(self, store: ChunkStore) -> None:
        self.store = store
        docs = list(store.documents.values())
        self.doc_years: list[frozenset[int]] = [m.years for m in docs]
        self.doc_publishers: list[str] = [m.publisher for m in docs]
        self.doc_dates: list[str] = [m.date for m in docs]  # "in the last year": published
        self.chunk_doc = store.document_positions  # from the documents' ranges, not the passages
        self.known_years: frozenset[int] = frozenset().union(*self.doc_years)
        self._marks: dict[str, np.ndarray] = {}  # per test: 1 / 0 per passage, -1 not yet seen
        # The texts last read, by chunk id: a question's tests (answer shape, cover line, a
        # year named) read the same candidates, once between them.
        self._texts: dict[int, str] = {}
        self.kept: dict[str, np.ndarray] = {}  # per passage of the index, by what it marks

    def years(self, chunk_id: int) -> frozenset[int]:
        return self.doc_years[self.chunk_doc[chunk_id]]

    def per_doc(self, candidates: np.ndarray, test: Callable[[int], bool]) -> np.ndarray:
        """`test(document position)` for each candidate's document, asked once per document."""
        docs, back = np.unique(self.chunk_doc[candidates], return_inverse=True)
        return np.array([test(int(d)) for d in docs], dtype=np.float32)[back.reshape(-1)]

    def marks(self, candidates: np.ndarray, key: str, test: Callable[[str], bool]) -> np.ndarray:
        """`test(passage text)` per candidate, 1.0 or 0.0, remembered under `key` per passage."""
        known = self._marks.get(key)
        if known is None:
            known = self._marks[key] = np.full(len(self.store), -1, dtype=np.int8)
        missing = candidates[known[candidates] < 0].tolist()
        for i, text in zip(missing, self._read(missing), strict=True):
            known[i] = 1 if test(text) else 0
        return known[candidates].astype(np.float32)

    def _read(self, ids: list[int]) -> list[str]:
        """The texts of these passages: those of the last read kept, the others read in one go
        and kept instead (only the latest question's: the next asks of other passages)."""
        texts = self._texts
        unread = [i for i in ids if i not in texts]
        if unread:
            texts = {i: texts[i] for i in ids if i in texts}
            texts.update(zip(unread, self.store.texts(unread), strict=True))
            self._texts = texts
        return [texts[i] for i in ids]


def _or_new(facts: ChunkFacts | None, store: ChunkStore) -> ChunkFacts:
    """The searcher passes its facts, kept per index; other callers get them worked out now."""
    return facts if facts is not None else ChunkFacts(store)


def dated(store: ChunkStore, understood: Interpretation, facts: ChunkFacts | None = None) -> bool:
    """Every year the question names is a publication or period year of some document."""
    known = _or_new(facts, store).known_years
    return all(y in known for y in understood.years) and (
        understood.year_from is None or any(y >= understood.year_from for y in known)
    )


def year_and_source(
    store: ChunkStore,
    candidates: np.ndarray,
    understood: Interpretation,
    *,
    text_share: float,
    facts: ChunkFacts | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Per candidate: year match in [0, 1] (1 for the document's own years, `text_share` for a
    passage that only names the year) and source match in {0, 1}. A source cue in a dated
    question counts only for that publisher's documents of that year."""
    zeros = np.zeros(len(candidates), dtype=np.float32)
    is_dated = bool(understood.years or understood.year_from is not None)
    publishers = understood.publishers
    if not is_dated and not publishers:  # most questions: nothing to look up
        return zeros, zeros.copy()
    known = _or_new(facts, store)
    in_year = (
        known.per_doc(
            candidates, lambda d: understood.wants_dated(known.doc_years[d], known.doc_dates[d])
        )
        if is_dated
        else zeros
    )
    year = in_year
    named = [str(y) for y in understood.years]
    if named:
        mentions = np.max([known.marks(candidates, f"names {y}", _names(y)) for y in named], axis=0)
        year = np.maximum(in_year, text_share * mentions)
    source = (
        known.per_doc(candidates, lambda d: known.doc_publishers[d] in publishers)
        if publishers
        else zeros
    )
    return year, source * (in_year if is_dated else 1.0)


def _names(year: str) -> Callable[[str], bool]:
    return lambda text: year in text


def cover_years(
    store: ChunkStore,
    order: np.ndarray,
    candidates: np.ndarray,
    understood: Interpretation,
    per_year: int,
    facts: ChunkFacts | None = None,
) -> np.ndarray:
    """A comparison needs both sides: the best `per_year` passages of each named year go
    first, taken in turns (the year whose best passage scores highest starts), then the rest."""
    if len(understood.years) < 2 or per_year < 1:
        return order
    known = _or_new(facts, store)
    return cover(order, candidates, understood.years, known.years, per_year)


def cover(
    order: np.ndarray,
    candidates: np.ndarray,
    sides: Sequence[Hashable],
    sides_of: Callable[[int], Collection[Hashable]],
    per_side: int,
    first: np.ndarray | None = None,
) -> np.ndarray:
    """The best `per_side` passages of each side (a year, a council: `sides_of(chunk id)`) go
    first, taken in turns (the side whose best passage scores highest starts), then the rest;
    unchanged unless two sides have passages. `first` (bool per candidate): passages each side
    takes before its others (each council's newest report, where no year is named)."""
    buckets: dict[Hashable, list[int]] = {side: [] for side in sides}
    taking = order  # stable: score order among the preferred, then among the rest
    if first is not None:
        taking = np.concatenate([order[first[order]], order[~first[order]]])
    for i in taking:
        own = sides_of(int(candidates[i]))
        for side in sides:
            if side in own and len(buckets[side]) < per_side:
                buckets[side].append(int(i))
                break
    found = [side for side in sides if buckets[side]]
    if len(found) < 2:
        return order
    position = {int(i): p for p, i in enumerate(order)}
    found.sort(key=lambda side: position[buckets[side][0]])
    lead: list[int] = []
    for turn in range(per_side):
        lead.extend(buckets[side][turn] for side in found if turn < len(buckets[side]))
    taken = set(lead)
    rest = [int(i) for i in order if int(i) not in taken]
    return np.array(lead + rest, dtype=np.int64)


def answer_shape(
    store: ChunkStore, candidates: np.ndarray, kind: str, facts: ChunkFacts | None = None
) -> np.ndarray:
    """1 for a passage holding an answer of the kind asked for ("how many" -> a figure)."""
    shape = ANSWER_SHAPES.get(kind)
    if shape is None:
        return np.zeros(len(candidates), dtype=np.float32)
    return _or_new(facts, store).marks(
        candidates, f"answer {kind}", lambda t: bool(shape.search(t))
    )
