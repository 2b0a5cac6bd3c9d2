"""bm25s's index built from passages' term ids on whole arrays.

bm25s builds its score matrix passage by passage in Python (a Counter per passage, a set
intersection per passage for document frequencies): 3-12 s at 58,000 passages on two shared
cores, the largest part of adding one report to the corpus. Its `build_index_from_ids` is meant
to be overridden; this one computes the same matrix with bm25s's own Lucene formulas applied to
arrays (document frequencies by `np.unique`, term frequencies by pair counts), so the saved
index and every score are bit-for-bit those bm25s would build (tests/test_incremental.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ofsted_qa.index.passage_terms import PassageTerms

K1 = 1.2
B = 0.75


@dataclass(frozen=True)
class _Corpus:
    """What bm25s.BM25.index accepts as an object: `ids` (handed on to
    build_index_from_ids untouched) and `vocab` (term -> id)."""

    ids: PassageTerms
    vocab: dict[str, int]


def build_retriever(passage_terms: PassageTerms) -> Any:
    """A bm25s.BM25 (Lucene variant, k1 1.2, b 0.75) indexing `passage_terms`, searched and
    saved as bm25s's own."""
    import bm25s
    from bm25s.scoring import _score_idf_lucene, _score_tfc_lucene

    class FromArrays(bm25s.BM25):
        def build_index_from_ids(
            self, unique_token_ids: list[int], corpus_token_ids: PassageTerms, **_: Any
        ) -> dict[str, Any]:
            lengths = np.diff(corpus_token_ids.offsets)
            docs, vocab = len(lengths), len(unique_token_ids)
            passage = np.repeat(np.arange(docs, dtype=np.int64), lengths)
            # (term, passage) pairs sorted term first: already the column order of the CSC
            # matrix bm25s stores, so no second sort is needed.
            pairs, tf = np.unique(
                corpus_token_ids.ids * np.int64(docs) + passage, return_counts=True
            )
            cols, rows = pairs // docs, pairs % docs
            df = np.bincount(cols, minlength=vocab)
            idf = np.array(
                [_score_idf_lucene(d, N=docs) if d else 0.0 for d in df.tolist()], dtype=self.dtype
            )
            # bm25s takes each passage's length as a Python int and the mean as a NumPy
            # float64: the same float64 arithmetic here, element by element.
            tfc = _score_tfc_lucene(
                tf.astype(self.dtype), lengths[rows], lengths.mean(), self.k1, self.b
            )
            self.nonoccurrence_array = None  # Lucene scoring has none
            indptr = np.zeros(vocab + 1, dtype=np.int64)
            np.cumsum(df, out=indptr[1:])
            return {
                "data": (idf[cols] * tfc).astype(self.dtype),
                "indices": rows.astype(self.int_dtype),
                "indptr": indptr,
                "num_docs": docs,
            }

    retriever = FromArrays(k1=K1, b=B, method="lucene", idf_method="lucene")
    if len(passage_terms):
        retriever.index(_Corpus(passage_terms, passage_terms.vocabulary()), show_progress=False)
    return retriever
