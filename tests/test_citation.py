from __future__ import annotations

import pytest

from ofsted_qa.citations.citation import (
    house_citation,
    human_date,
    parse_house_citation,
    parse_ref,
    ref,
)
from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.ingest.documents import DocumentMeta

REPORT = DocumentMeta(
    doc_id="003_365e1ef2b819a726",
    source="seeds/003_365e1ef2b819a726.txt",
    title="Inspection of services for children in need of help and protection, children looked "
    "after and care leavers, London Borough of Bexley",
    publisher="Ofsted",
    kind="inspection report",
    date="2014-05-23",
)


def _chunk(paragraph: str) -> Chunk:
    return Chunk(REPORT.doc_id, 0, paragraph, ("Section",), 10, 20, "text")


@pytest.mark.parametrize(
    ("iso", "human"),
    [("2014-05-23", "23 May 2014"), ("2018-08", "August 2018"), ("2018", "2018"), ("", "undated")],
)
def test_human_date(iso: str, human: str) -> None:
    assert human_date(iso) == human


def test_house_style_matches_the_issue_example() -> None:
    assert house_citation(REPORT, _chunk("134")) == (
        "Ofsted, Inspection of services for children in need of help and protection, children "
        "looked after and care leavers, London Borough of Bexley (published 23 May 2014), para 134"
    )


@pytest.mark.parametrize(
    "paragraph", ["134", "134b", "¶7", "judgements-table", "judgements-table-111", "¶7c"]
)
def test_citation_and_ref_round_trip(paragraph: str) -> None:
    chunk = _chunk(paragraph)
    head, label = parse_house_citation(house_citation(REPORT, chunk)) or ("", "")
    assert label == paragraph and house_citation(REPORT, chunk).startswith(head)
    assert parse_ref(ref(chunk)) == (REPORT.doc_id, paragraph)
    # the whole line `ask` prints, pasted: label and "(file:start-end)" tail dropped
    pasted = f"ref:  {ref(chunk)}  (/reports/a (2).pdf:{chunk.start}-{chunk.end})"
    assert parse_ref(pasted) == (REPORT.doc_id, paragraph)


def test_letters_are_dated_not_published() -> None:
    letter = DocumentMeta("002", "s", "Focused visit", "Ofsted", "inspection letter", "2025-03-14")
    assert "(dated 14 March 2025), unnumbered passage 3" in house_citation(letter, _chunk("¶3"))


@pytest.mark.parametrize("text", ["nonsense", "", "a, b c d"])
def test_unparseable_citations(text: str) -> None:
    assert parse_house_citation(text) is None and parse_ref(text) is None


def test_the_page_a_pasted_citation_ends_with_is_read_as_page_label_writes_it() -> None:
    from ofsted_qa.citations.citation import cited_page

    assert cited_page("Ofsted, Report (published 23 May 2014), para 134, p. 25") == "p. 25"
    assert cited_page("Ofsted, Report, para 1, pp. 14-15.") == "pp. 14–15"
    assert cited_page("Ofsted, Report (published 23 May 2014), para 134") == ""
