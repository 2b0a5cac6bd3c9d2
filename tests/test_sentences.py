"""Issue 18, item 20: the best sentence never cuts a figure, an abbreviation or an initial."""

from __future__ import annotations

import pytest

from ofsted_qa.retrieval.highlight import best_sentence
from ofsted_qa.retrieval.sentences import sentences


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("The council spent £5.2m on agency staff. Caseloads fell.", "£5.2m on agency staff."),
        ("See para. 12 for details. Leaders agree.", "See para. 12 for details."),
        ("Some plans, e.g. pathway plans, are late. Others are not.", "e.g. pathway plans"),
        ("Cllr. Smith chairs the board. She was praised.", "Cllr. Smith chairs the board."),
        ("Signed by J. Smith, HMI. It was sent in May.", "J. Smith, HMI."),
        ("Only 2.5% of children were seen. This is too low.", "2.5% of children were seen."),
        ("The rate is 34.7 per 10,000 children. That is high.", "34.7 per 10,000 children."),
        ("Staff, i.e. social workers, were positive. Managers too.", "i.e. social workers"),
        (
            "Leaders said; \u201cwe improved.\u201d It shows. Good.",
            "Leaders said; \u201cwe improved.\u201d",
        ),
    ],
)
def test_two_sentences_each(text: str, first: str) -> None:
    spans = sentences(text)
    assert len(spans) == 2 or (len(spans) == 3 and text.endswith("Good.")), spans
    assert first in text[spans[0][0] : spans[0][1]]


def test_best_sentence_keeps_the_figure_whole() -> None:
    text = "Leaders are stable. The council spent £5.2m on agency social workers in 2014."
    start, end = best_sentence(text, {"spent", "agenc"})
    assert text[start:end] == "The council spent £5.2m on agency social workers in 2014."


def test_plain_passages_split_as_before() -> None:
    text = "  First one. Second one!  Third one? Fourth"
    assert [text[a:b] for a, b in sentences(text)] == [
        "First one.",
        "Second one!",
        "Third one?",
        "Fourth",
    ]
