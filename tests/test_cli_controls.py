"""Terminal escape sequences and control characters in a question are removed before it is
read (a pasted colour code around "IRO" still searches for IRO), on the command line and in a
stdin batch; what is echoed stays inert."""

from __future__ import annotations

import json

import pytest

from ofsted_qa.inert import typed_text
from test_cli import run  # the CLI runner; the `env` fixture is in conftest

RED, RESET = "\x1b[31m", "\x1b[0m"


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (f"{RED}LADO{RESET} in Bradford", "LADO in Bradford"),
        ("\x1b[1;31;4mcare\x1b[m leavers", "care leavers"),  # several parameters, none
        ("\x1b]0;a title\x07care\x1b]52;c;aGk=\x1b\\ leavers", "care leavers"),  # OSC: BEL, ST
        ("\x9b31mIRO\x9b0m", "IRO"),  # 8-bit CSI
        ("a\x1b[2Jb\x1b[1;2Hc", "abc"),  # erase, move the cursor
        ("\x1b(Bcare", "care"),  # a character-set escape
        ("bell\x07 nul\x00 del\x7f c1\x85", "bell nul del c1"),
        ("cut off \x1b[", "cut off "),
        ("tab\tand\nnewline", "tab\tand\nnewline"),  # whitespace is the question check's
        ("caf\udce9", "caf\udce9"),  # undecodable: kept, for the check to report
        ("café ✓ children’s", "café ✓ children’s"),
        # a lone control between two words parts them; a stray ESC keeps the word after it
        ("care leavers\x07in\x1bstockport", "care leavers in stockport"),
        ("IRO\x00caseloads", "IRO caseloads"),
        ("a \x1bstray", "a stray"),
    ],
)
def test_escape_sequences_and_controls_are_removed(typed: str, read: str) -> None:
    assert typed_text(typed) == read


def test_a_coloured_question_is_read_without_its_colour_codes(env: list[str]) -> None:
    code, out = run([*env, "ask", "--json", "--explain", f"{RED}IRO{RESET} in Bexley"])
    payload = json.loads(out)
    assert code == 0 and payload["query"] == "IRO in Bexley"
    assert "iro" in payload["interpretation"]["terms"]
    assert not any("31m" in t or t == "0m" for t in payload["interpretation"]["terms"])
    code, out = run([*env, "ask", f"{RED}IRO{RESET} in Bexley"])
    assert out.startswith("Q: IRO in Bexley\n") and "\x1b" not in out and "␛" not in out


def test_a_coloured_question_reads_the_same_as_the_plain_one(env: list[str]) -> None:
    _, plain = run([*env, "ask", "--json", "IRO caseloads"])
    _, coloured = run([*env, "ask", "--json", f"{RED}IRO{RESET} caseloads\x1b]0;x\x07"])
    assert json.loads(coloured) == json.loads(plain)


def test_stdin_batch_lines_lose_their_escape_sequences(env: list[str]) -> None:
    code, out = run([*env, "ask", "--json"], stdin=f"{RED}IRO{RESET}\n\x1b[2J\nMASH\n")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [line["query"] for line in lines] == ["IRO", "MASH"]
    assert lines[0]["results"]
