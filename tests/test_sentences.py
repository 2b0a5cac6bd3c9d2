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


# Pieces a full stop is doubtful beside (or not): abbreviations, initials, figures, quotes, line
# ends, words that merely end in an abbreviation ("piano.", "tax."), non-ASCII letters.
_PIECES = [
    "para", "paras", "cllr", "No", "etc", "e.g", "i.e", "Sept", "approx", "govt", "St",
    "piano", "tax", "Dr", "J", "x", "ſ", "5", "2.5", "£5.2m", "é", "word", "up",
    ".", ". ", ".\n", "!", "?", "!x", "?)", ".\u201d", ".'", ". A", " ", "\n", "-", "(", ")",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(40))
def test_the_quick_doubt_finds_what_the_one_pattern_finds(seed: int) -> None:
    from random import Random

    from ofsted_qa.retrieval.sentences import _DOUBTFUL, doubtful

    pick = Random(seed)
    for _ in range(300):
        pieces = (pick.choice(_PIECES) for _ in range(pick.randint(0, 12)))
        text = "".join(piece + pick.choice(("", " ", " ", "\n")) for piece in pieces)
        assert doubtful(text) == bool(_DOUBTFUL.search(text)), repr(text)
    for text in ("Dr\n.", "ends J\n. Then", "J.", "No. 5", "piano. Then", "tax.", "ſ. x"):
        assert doubtful(text) == bool(_DOUBTFUL.search(text)), repr(text)
