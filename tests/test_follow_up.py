"""Questions worded as follow-ups are answered on their own, and say so."""

from __future__ import annotations

import json

import pytest

from ofsted_qa.retrieval.follow_up import note
from test_cli import run  # the CLI runner; the `env` fixture is in conftest


@pytest.mark.parametrize(
    "question",
    [
        "same for 2019",
        "and the same for care leavers",
        "ok what about leadership",
        "and for Leeds?",
        "How about Bradford",
        "so, what about IROs in Kent",
        "and?",
    ],
)
def test_a_follow_up_says_it_is_read_on_its_own(question: str) -> None:
    (said,) = note(question)
    assert "each question is read on its own" in said


@pytest.mark.parametrize(
    "question",
    [
        "care leavers in Leeds",
        "what did Ofsted say about Leeds",
        "the same council's care leavers in 2019",  # "same" inside a question of its own
        "Leeds and Bradford compared",
        "care leavers: what about them in Leeds",  # not at the start
    ],
)
def test_a_question_of_its_own_gets_no_such_note(question: str) -> None:
    assert note(question) == ()


def test_an_answer_says_it_through_ask(env: list[str]) -> None:
    code, out = run([*env, "ask", "same for 2018", "--json"])
    assert code == 0 and any("read on its own" in n for n in json.loads(out)["notes"])
