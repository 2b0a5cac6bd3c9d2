"""Paragraph numbers printed with no space after the dot ("37.Ofsted has ...", as many ILACS
PDFs set them) are the report's paragraph numbers exactly as "37. Ofsted has ..." is; numbers
that merely start a line ("2.5 times", "12.03.2019", a year) are not."""

from __future__ import annotations

import re

import pytest

from ofsted_qa.ingest.chunking import Chunk, chunk_document, normalise_for_match

REPORT = (
    "The impact of leaders on social work practice with children and families: inadequate\n"
    "\n"
    "36.{sp}In September 2018, Bradford children’s social care was judged to be inadequate.\n"
    "\n"
    "37.{sp}Ofsted has completed seven monitoring visits since the inadequate judgement and\n"
    "has consistently expressed serious concern about the slow pace of change.\n"
    "\n"
    "38.{sp}‘Closing the loop’ audits help to embed learning.\n"
    "\n"
    "39.{sp}Most care leavers live in suitable homes.\n"
    "Their personal advisers know them well.\n"
    "\n"
    "40.{sp}(Recommendation) Leaders should improve pathway plans.\n"
)


def chunks_of(text: str) -> list[Chunk]:
    found = chunk_document(text, "x")
    for c in found:  # a citation's offsets always hold exactly its text
        assert normalise_for_match(text[c.start : c.end]) == c.text
    return found


def labels(text: str) -> list[str]:
    return [c.paragraph for c in chunks_of(text)]


def test_glued_numbers_are_paragraph_numbers_exactly_as_spaced_ones() -> None:
    spaced = chunks_of(REPORT.format(sp=" "))
    glued_src = REPORT.format(sp="")
    glued = chunks_of(glued_src)
    assert [c.paragraph for c in glued] == ["36", "37", "38", "39", "40"]
    assert [(c.paragraph, c.section, c.text) for c in glued] == [
        (c.paragraph, c.section, c.text) for c in spaced
    ]
    for c in glued:  # the passage starts at its first word, straight after "37."
        assert re.search(r"\d\.$", glued_src[: c.start]), glued_src[c.start - 4 : c.start + 10]
    assert glued[1].text.startswith("Ofsted has completed")
    assert glued[2].text.startswith("‘Closing the loop’")


def test_a_doubled_dot_is_still_the_paragraph_number() -> None:
    text = "45. Leaders know their services.\n\n46.. Most care leavers live in suitable homes.\n"
    assert labels(text) == ["45", "46"]
    assert chunks_of(text)[1].text == "Most care leavers live in suitable homes."


@pytest.mark.parametrize("sp", [" ", ""])
def test_a_numbered_title_reads_the_same_glued_or_spaced(sp: str) -> None:
    text = f"1.{sp}Introduction\n\n2.{sp}Leaders know their services well.\n"
    assert [(c.paragraph, c.text) for c in chunks_of(text)] == [
        ("1", "Introduction"),
        ("2", "Leaders know their services well."),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "2.5 times as many children were seen this year.",  # a decimal
        "2.03.2019 was the date of the visit.",  # a date
        "2019.The council restructured its front door.",  # a year
        "£3.2m was invested in early help.",  # money
        "2.the next step is a review.",  # glued, then lower case
    ],
)
def test_a_line_starting_with_a_number_that_is_no_paragraph_number_continues_the_paragraph(
    line: str,
) -> None:
    text = f"1. Leaders have been busy in the year since\n{line}\n\n2. Staff know this.\n"
    found = chunks_of(text)
    assert [c.paragraph for c in found] == ["1", "2"]
    assert found[0].text.endswith(line)


def test_glued_numbers_out_of_sequence_are_not_new_paragraphs() -> None:
    text = (
        "5.In March the number of children looked after was\n"
        "260.This is higher than last year.\n"
        "6.Leaders know this.\n"
    )
    found = chunks_of(text)
    assert [c.paragraph for c in found] == ["5", "6"]
    assert found[0].text.endswith("was 260.This is higher than last year.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Managers acted in 2019.The next review is due.",
        "Leaders have: 1.Improved plans; 2.Recruited staff.",
        "See paragraph 3.The plan is clear.",
    ],
)
def test_numbers_inside_a_paragraph_never_split_it(sentence: str) -> None:
    text = f"1.Leaders know their services. {sentence}\n\n2.Staff know this.\n"
    found = chunks_of(text)
    assert [c.paragraph for c in found] == ["1", "2"]
    assert found[0].text == f"Leaders know their services. {sentence}"


def test_unnumbered_documents_keep_positional_labels_for_glued_lookalikes() -> None:
    text = "The year in review.\n\n2019.The council restructured.\n\n2.5 times more visits.\n"
    assert all(label.startswith("¶") for label in labels(text))
