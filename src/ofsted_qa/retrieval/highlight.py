"""The sentence of a passage that best answers the question, for highlighting in CLI and TUI."""

from __future__ import annotations

from collections.abc import Mapping

from ofsted_qa.index.lexical_index import terms
from ofsted_qa.retrieval.sentences import sentences

__all__ = ["SentenceTerms", "best_sentence", "sentence_terms", "sentences"]


SentenceTerms = list[tuple[int, int, set[str]]]


def sentence_terms(text: str) -> SentenceTerms:
    """Each sentence's offsets and its terms (what `best_sentence` compares; cacheable)."""
    return [(start, end, set(terms(text[start:end]))) for start, end in sentences(text)]


def best_sentence(
    text: str,
    query_terms: set[str],
    weights: Mapping[str, float] | None = None,
    split: SentenceTerms | None = None,
) -> tuple[int, int]:
    """Offsets of the sentence sharing the most (IDF-weighted) query terms; the first on ties.

    A passage with no sentence break, or no sentence matching anything, yields its first
    sentence (the whole text when there is only one). `split` is `sentence_terms(text)`, when
    the caller keeps it.
    """
    best, best_score = (0, len(text)), -1.0
    for start, end, sentence in sentence_terms(text) if split is None else split:
        found = query_terms & sentence
        score = sum(weights.get(t, 1.0) for t in found) if weights else float(len(found))
        if score > best_score:
            best, best_score = (start, end), score
    return best
