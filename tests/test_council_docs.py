"""Which council each document is about: a report's stated council, else its title's, else the
one council its opening passages name (a blog whose title names none)."""

from __future__ import annotations

import numpy as np

from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.retrieval.council_docs import OPENING, CouncilDocs


class _Store:
    """The parts of a ChunkStore that CouncilDocs reads: documents, their passage ranges and
    texts, and which words are ordinary."""

    def __init__(self, docs: dict[str, tuple[DocumentMeta, list[str]]]) -> None:
        self.documents = {doc_id: meta for doc_id, (meta, _) in docs.items()}
        self.passages = [text for _, texts in docs.values() for text in texts]
        self.ranges, start = {}, 0
        for doc_id, (_, texts) in docs.items():
            self.ranges[doc_id] = range(start, start + len(texts))
            start += len(texts)
        self.read: list[int] = []

    def doc_range(self, doc_id: str) -> range:
        return self.ranges[doc_id]

    def texts(self, ids: list[int]) -> list[str]:
        self.read += ids
        return [self.passages[i] for i in ids]

    def ordinary(self, word: str) -> bool:
        return word in {"reading", "bath"}


def _meta(doc_id: str, title: str, council: str = "") -> DocumentMeta:
    return DocumentMeta(doc_id, doc_id, title, "p", "report", "2023", local_authority=council)


def test_a_document_stating_no_council_is_about_the_one_its_opening_names() -> None:
    docs = {
        "r1": (_meta("r1", "Inspection of Bexley", "Bexley"), ["Bexley report."]),
        "r2": (_meta("r2", "Inspection of Leeds", "Leeds"), ["Leeds report."]),
        "blog": (
            _meta("blog", "A firmly embedded model of practice"),
            ["A firmly embedded model of practice", "Outstanding London Borough of Bexley!", "x"],
        ),
        "two": (_meta("two", "Regional news"), ["Bexley and Leeds both improved.", "y"]),
        "late": (
            _meta("late", "An interview"),
            [*(["Nothing here."] * OPENING), "Later on, Leeds is mentioned."],
        ),
        "story": (_meta("story", "Children's services in Leeds praised"), ["Bexley too."]),
    }
    store = _Store(docs)
    chunk_doc = np.repeat(np.arange(len(docs)), [len(t) for _, t in docs.values()])
    found = CouncilDocs(store, chunk_doc, known=lambda w: True, acronyms=())  # type: ignore[arg-type]
    about = dict(zip(docs, found.per_doc, strict=True))
    assert about["r1"] == {"Bexley"} and about["r2"] == {"Leeds"}
    assert about["blog"] == {"Bexley"}
    assert about["two"] == frozenset()  # two councils: about neither in particular
    assert about["late"] == frozenset()  # only the opening passages are read
    assert about["story"] == {"Leeds"}  # the title decides before any passage is read
    # Passages are read only for the documents that state no council anywhere else.
    readers = {d for d, (_, texts) in docs.items() for i in store.ranges[d] if i in store.read}
    assert readers == {"blog", "two", "late"}
