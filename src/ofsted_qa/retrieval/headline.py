"""A report's headline: the opening paragraphs that give its verdict ("Children's services in
Leicestershire require improvement to be good", "Since the last inspection in 2019, services
have improved..."), which answer a question asking for a verdict or a change ("how was Leeds
rated", "is X outstanding now", "how has Coventry changed since 2014", "Bury 2016 compared with
2021", "which is doing better").

Every framework opens the same way: the inspection dates and lead inspector, the judgement
table, then the verdict, under the report's title (ILACS), an "Executive summary" (SIF), or
"The overall judgement is..." / "This local authority is good because" (2013-14). The list of
what needs to improve, and the findings by area, follow under headings of their own. The
headline is the first HEADLINE_PASSAGES passages of a document that stand under such a heading
within its first OPENING passages and read as prose (HEADLINE_MIN_CHARS or more; not a footnote).

The boost (`boost`, shown as `headline_boost`) is whole for a question of a verdict or change
alone, a share of it for one that also names a topic ("Devon care leavers 2020 compared with
2025": the topic's own paragraphs answer too), and the searcher gives it only to reports of the
years a dated question names (the 2014 report's verdict does not answer "judged in 2018").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np

from ofsted_qa.index.lexical_index import terms
from ofsted_qa.index.store import ChunkStore
from ofsted_qa.retrieval.grade_question import grade_question
from ofsted_qa.retrieval.query import Interpretation

TOPICAL_SHARE = 0.3  # of the boost, for a question with a topic ("Devon care leavers 2020 v 2025")
HEADLINE_BOOST = 0.5  # added to a headline passage's score (fused ~0-2; tune: 0.35-0.5 best)
OPENING = 12  # passages of a document the headline is looked for in
HEADLINE_PASSAGES = 2  # headline passages per document
HEADLINE_MIN_CHARS = 150  # shorter openings are titles, dates or a list's items

# The heading a verdict stands under: the report's title, an executive summary, the overall
# judgement stated as a heading.
_HEADING = re.compile(
    r"\binspection\s+of\b|\bexecutive\s+summary\b|^summary\b|\boverall\s+judgement\b|"
    r"\bthis\s+local\s+authority\s+(?:is|requires|has)\b|"
    r"\bchildren.s\s+services\s+in\s+.+\s+(?:are|is|require|requires)\b",
    re.I,
)
# What asks for a verdict or a change besides a grade word ("rated", "judged": judgement_card):
# a comparison, a journey, a grade named of a council ("is X outstanding now").
_ASKS = re.compile(
    r"\b(?:compared?|comparison|comparing|vs\.?|versus|v|doing\s+(?:better|worse)|"
    r"better\s+than|worse\s+than|improve(?:d|ment)?|journey|progress|what\s+happened|"
    r"got\s+(?:better|worse)|outstanding|inadequate|requires?\s+improvement|"
    r"how\s+(?:good|bad)|overall)\b",
    re.I,
)


# Words of a question about a council's verdict or change as a whole: with the council's name
# and years left out, a question of only these asks for no topic (the headline answers it).
_GENERIC = frozenset(
    terms(
        "children childrens child young people families services service social care ofsted "
        "council local authority authorities inspection inspections inspected report reports "
        "visit rated rating ratings grade grades graded judged judgement judgements judgment "
        "verdict outstanding good inadequate requires require improvement improve improved "
        "improving better worse changed change changes since now today compared compare "
        "comparison vs versus v doing journey progress happened overall last latest previous "
        "recent most which what how why is was has have did it its reach reached got get "
        "score scored fare trust between from to and or history histories record track "
        "trajectory timeline over time years"
    )
)


def boost(understood: Interpretation) -> float:
    """The headline boost for this question: HEADLINE_BOOST when it asks for a verdict or a
    change and names no topic, TOPICAL_SHARE of it when it also names one (its topic's
    passages answer as well as the headline); HEADLINE_BOOST for a question of a council alone
    (its report as a whole is asked for); else 0."""
    topical = bool(topic_terms(understood))
    if asks_verdict(understood):
        return HEADLINE_BOOST * (TOPICAL_SHARE if topical else 1.0)
    # a council and no topic ("North Northants ofsted 2026"): the report as a whole is asked for
    return HEADLINE_BOOST if understood.councils and not topical else 0.0


def topic_terms(understood: Interpretation) -> tuple[str, ...]:
    """The question's searched words less its councils' names, its years and the words of
    verdict and change ("how has Coventry changed since 2014": none)."""
    named = {t for typed, _council in understood.council_words for t in terms(typed)}
    named |= {t for council in understood.councils for t in terms(council)}
    return tuple(
        t for t in understood.base_terms if t not in _GENERIC and t not in named and not t.isdigit()
    )


def asks_verdict(understood: Interpretation) -> bool:
    """The question asks how a council was judged or how it changed (a grade word, a cue of
    change read by change_cue.py, a comparison or a grade named)."""
    text = understood.corrected
    return bool(understood.over_time) or grade_question(understood) or bool(_ASKS.search(text))


def is_heading_of_verdict(section: Sequence[str]) -> bool:
    return bool(section) and bool(_HEADING.search(section[-1]))


class Headlines:
    """Which passages are their report's headline, worked out per document when first asked
    (through the ChunkStore API only)."""

    def __init__(self, store: ChunkStore) -> None:
        self.store = store
        self._of_doc: dict[str, frozenset[int]] = {}

    def of_document(self, doc_id: str) -> frozenset[int]:
        """The chunk ids of `doc_id`'s headline (maybe none: a letter, a news item)."""
        known = self._of_doc.get(doc_id)
        if known is None:
            found: list[int] = []
            span = self.store.doc_range(doc_id)
            for chunk_id in span[:OPENING]:
                chunk = self.store.get(chunk_id)
                if (
                    len(chunk.text) >= HEADLINE_MIN_CHARS
                    and not chunk.text.startswith("¹")
                    and chunk.paragraph != "judgements-table"
                    and is_heading_of_verdict(chunk.section)
                ):
                    found.append(chunk_id)
                    if len(found) == HEADLINE_PASSAGES:
                        break
            known = self._of_doc[doc_id] = frozenset(found)
        return known

    def of_documents(self, doc_ids: Iterable[str]) -> np.ndarray:
        """The chunk ids of these documents' headlines, ascending (int64)."""
        found = sorted(i for doc in doc_ids for i in self.of_document(doc))
        return np.array(found, dtype=np.int64)

    def marks(self, candidates: np.ndarray) -> np.ndarray:
        """1.0 per candidate (chunk ids) that is its report's headline, else 0.0."""
        out = np.zeros(len(candidates), dtype=np.float32)
        doc_ids = list(self.store.documents)
        # each candidate's document from the documents' id ranges: no passage row is read
        positions = self.store.document_positions[candidates].tolist()
        for at, (chunk_id, position) in enumerate(zip(candidates.tolist(), positions, strict=True)):
            if chunk_id in self.of_document(doc_ids[position]):
                out[at] = 1.0
        return out
