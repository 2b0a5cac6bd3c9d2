"""A report's headline (the verdict paragraphs after the judgement table) and the questions
that ask for it."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from ofsted_qa.index.store import ChunkStore
from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.retrieval.headline import Headlines, asks_verdict
from ofsted_qa.retrieval.query import interpret

PROSE = "Services for children in Luton are inadequate, and too many children wait. " * 3
ILACS = "Inspection of Luton local authority children’s services"
# (section heading, paragraph, text): the openings of an ILACS report and of a SIF report
OPENINGS = {
    "ilacs": [
        (ILACS, "¶1", "Inspection dates: 15 to 19 July 2024"),
        (ILACS, "judgements-table", "Judgement Grade The impact of leaders ... " * 5),
        (ILACS, "¶4", PROSE),
        ("What needs to improve?", "¶5", "The timeliness of assessments. " * 6),
        ("The experiences and progress of children in care: good", "1", PROSE),
    ],
    "sif": [
        ("Children’s services in Bury require improvement to be good", "¶4", "¹ Ofsted " * 30),
        ("Executive summary", "¶5", PROSE),
        ("Executive summary", "¶6", PROSE),
        ("Executive summary", "¶7", PROSE),
    ],
    "letter": [("Dear Ms Smith", "1", PROSE)],
}


def _store() -> ChunkStore:
    chunks, documents = [], {}
    for doc, openings in OPENINGS.items():
        documents[doc] = DocumentMeta(doc, doc, doc, "Ofsted", "inspection report", "2024-08-28")
        chunks += [
            Chunk(doc, n, paragraph, (heading,), 0, len(text), text)
            for n, (heading, paragraph, text) in enumerate(openings)
        ]
    return ChunkStore(chunks, documents)


def test_the_headline_is_the_verdict_prose_under_the_title_or_executive_summary() -> None:
    store = _store()
    headlines = Headlines(store)
    # ILACS: the paragraph after the table, not the dates, the table or what needs to improve
    assert headlines.of_document("ilacs") == frozenset({2})
    # SIF: the first two executive summary paragraphs, not the footnote
    assert headlines.of_document("sif") == frozenset({6, 7})
    assert headlines.of_document("letter") == frozenset()
    marks = headlines.marks(np.arange(len(store)))
    assert marks.tolist() == [0, 0, 1, 0, 0, 0, 1, 1, 0, 0]


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("how was Liverpool rated in 2023", True),
        ("Is Leicestershire children's services outstanding now?", True),
        ("Why was Harrow judged inadequate in 2025?", True),
        ("How has Coventry changed since 2014?", True),
        ("Bury children's services 2016 compared with 2021", True),
        ("Cheshire East vs Cheshire West and Chester 2024 - which is doing better?", True),
        ("Norfolk improvement journey 2018 to 2026", True),
        ("What did Ofsted say about care leavers in Barnsley in 2014?", False),
        ("LADO bradford 2023", False),
        ("how many children were on child protection plans in Bury", False),
    ],
)
def test_a_verdict_or_a_change_is_asked_for(question: str, asks: bool) -> None:
    assert asks_verdict(interpret(question)) is asks


def test_the_boost_is_whole_for_a_verdict_alone_and_a_share_with_a_topic() -> None:
    from ofsted_qa.retrieval import headline

    # the councils as the searcher reads them (a finder over the index's councils)
    whole = replace(interpret("How has Coventry changed since 2014?"), councils=("Coventry",))
    topical = replace(interpret("Devon care leavers 2020 compared with 2025"), councils=("Devon",))
    assert headline.topic_terms(whole) == ()
    assert headline.boost(whole) == headline.HEADLINE_BOOST
    assert headline.topic_terms(topical) == ("leaver",)
    assert headline.boost(topical) == pytest.approx(
        headline.HEADLINE_BOOST * headline.TOPICAL_SHARE
    )
    assert headline.boost(interpret("care leavers in Devon")) == 0.0


def test_a_question_of_a_council_alone_asks_for_its_report_as_a_whole() -> None:
    from ofsted_qa.retrieval import headline

    alone = replace(interpret("North Northants ofsted 2026"), councils=("North Northamptonshire",))
    alone = replace(alone, council_words=(("North Northants", "North Northamptonshire"),))
    assert headline.boost(alone) == headline.HEADLINE_BOOST
    topic = replace(interpret("Camden systemic practice 2017"), councils=("Camden",))
    assert headline.boost(topic) == 0.0
