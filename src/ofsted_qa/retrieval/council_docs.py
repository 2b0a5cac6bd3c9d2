"""The councils of one index: their names (`Councils`), how a question names them
(`CouncilFinder`), and which council each document is about, for the council boost and the
balancing of two.

A report states its council (`DocumentMeta.local_authority`); a document that states none (a
news story, a seed text without report facts) is about the councils its title names ("Children's
services in Bexley praised as outstanding"), so a question naming Bexley still finds it; one
whose title names none ("A firmly embedded model of practice", a blog) is about the one council
its opening passages name, if they name exactly one ("Outstanding London Borough of Bexley!").
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import numpy as np

from ofsted_qa.index.store import ChunkStore
from ofsted_qa.retrieval.council_question import CouncilFinder
from ofsted_qa.retrieval.councils import Councils

OPENING = 3  # passages read for a document that states its council nowhere else


class CouncilDocs:
    """`chunk_doc`: each passage's document position; `known` and `acronyms` as for
    `CouncilFinder` (the corpus's words, the glossary's)."""

    def __init__(
        self,
        store: ChunkStore,
        chunk_doc: np.ndarray,
        *,
        known: Callable[[str], bool],
        acronyms: Collection[str],
    ) -> None:
        self.councils = Councils(m.local_authority for m in store.documents.values())
        self.finder = finder = CouncilFinder(
            self.councils,
            known=known,
            ordinary=store.ordinary,  # worked out at build time, looked up per word
            acronyms=acronyms,
        )
        shown = self.councils.shown
        self.chunk_doc = chunk_doc
        self.per_doc: list[frozenset[str]] = [
            frozenset({shown[m.local_authority]})
            if m.local_authority in shown
            else frozenset(c.name for c in finder.find(m.title))
            or self._opening_council(store, doc_id)
            for doc_id, m in store.documents.items()
        ]

    def _opening_council(self, store: ChunkStore, doc_id: str) -> frozenset[str]:
        """The council the document's first `OPENING` passages name, when they name one only:
        only read for the few documents that state no council anywhere else."""
        passages = store.doc_range(doc_id)
        opening = store.texts(list(passages[:OPENING]))
        named = {c.name for text in opening for c in self.finder.find(text)}
        return frozenset(named) if len(named) == 1 else frozenset()

    def _docs(self, names: Collection[str]) -> np.ndarray:
        wanted = set(names)
        return np.array([bool(own & wanted) for own in self.per_doc], dtype=bool)

    def documents(self, names: Collection[str]) -> np.ndarray:
        """Per document position of the index: it is about one of these councils."""
        return self._docs(names)

    def passages(self, names: Collection[str]) -> np.ndarray:
        """Per passage of the index: its document is about one of these councils."""
        docs = self._docs(names)
        return docs[self.chunk_doc] if len(docs) else np.zeros(0, dtype=bool)

    def candidates(self, candidates: np.ndarray, names: Collection[str]) -> np.ndarray:
        """1.0 per candidate whose document is about one of these councils, else 0.0."""
        return self._docs(names)[self.chunk_doc[candidates]].astype(np.float32)

    def of(self, chunk_id: int) -> frozenset[str]:
        """The councils a passage's document is about."""
        return self.per_doc[int(self.chunk_doc[chunk_id])]
