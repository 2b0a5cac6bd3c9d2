"""Unicode format characters (bidirectional controls, zero-width characters, the rest of
category Cf) are dropped from a question before it is read, shown one for one as harmless
characters wherever document text reaches a terminal, and escaped (same value) in JSON."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from ofsted_qa.inert import FORMAT, inert, inert_json, typed_text
from ofsted_qa.ingest.readers import read_document
from test_cli import run  # the CLI runner; the `env` fixture is in conftest

RLO, PDF_, LRI, PDI, ALM = "\u202e", "\u202c", "\u2066", "\u2069", "\u061c"
ZWSP, ZWJ, WJ, BOM, LRM = "\u200b", "\u200d", "\u2060", "\ufeff", "\u200e"
BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x61C)]
ZERO_WIDTH = [chr(c) for c in (*range(0x200B, 0x200E), 0x2060, 0xFEFF)]
_FORMAT = re.compile(f"[{FORMAT}]")


def formats(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) == "Cf"]


def test_the_class_is_every_format_character_of_this_python() -> None:
    every = [chr(c) for c in range(sys.maxunicode + 1)]
    cf = [c for c in every if unicodedata.category(c) == "Cf"]
    assert cf and all(_FORMAT.fullmatch(c) for c in cf)
    # and nothing else that this Python knows (later Unicode adds Cf code points to the class)
    assert all(unicodedata.category(c) in ("Cf", "Cn") for c in every if _FORMAT.fullmatch(c))


@pytest.mark.parametrize("mark", BIDI + ZERO_WIDTH + ["\u00ad", "\U000e0041"])
def test_a_question_loses_every_format_character(mark: str) -> None:
    assert typed_text(f"care{mark} leavers") == "care leavers"
    assert typed_text(f"{mark}IRO{mark} in Bex{mark}ley") == "IRO in Bexley"


def test_an_override_cannot_reorder_the_question() -> None:
    assert typed_text(f"{RLO}sreveal erac{PDF_} in {LRI}Bexley{PDI}") == "sreveal erac in Bexley"


def test_shown_text_neutralises_them_one_for_one() -> None:
    text = f"a{RLO}b{ZWSP}c{ALM}d{LRM}e{BOM}f\u00adg{WJ}h{ZWJ}i\U000e0041j"
    shown = inert(text)
    assert len(shown) == len(text) and not formats(shown)
    assert shown == "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf-g\ufffdh\ufffdi\ufffdj"


def test_json_keeps_the_exact_text_escaped() -> None:
    payload = {"text": f"x{RLO}y{ZWSP}z\U000e0041"}
    written = inert_json(payload)
    assert json.loads(written) == payload and not formats(written)
    assert "\\u202e" in written and "\\udb40\\udc41" in written


def test_cli_questions_are_read_without_format_characters(env: list[str]) -> None:
    _, plain = run([*env, "ask", "--json", "care leavers"])
    _, hidden = run([*env, "ask", "--json", f"care{ZWSP} leavers{RLO}"])
    assert json.loads(hidden) == json.loads(plain) and json.loads(plain)["query"] == "care leavers"
    code, out = run([*env, "ask", f"{RLO}IRO{PDF_} in Bex{ZWSP}ley"])
    assert code == 0 and out.startswith("Q: IRO in Bexley\n") and not formats(out)
    code, out = run([*env, "ask", "--json"], stdin=f"{RLO}IRO\nMA{ZWJ}SH{BOM}\n{LRM}\n")
    assert code == 0 and [json.loads(x)["query"] for x in out.splitlines()] == ["IRO", "MASH"]


def test_document_text_is_neutral_on_screen_and_exact_in_json(
    env: list[str],  # noqa: F811
    docs_dir: Path,
    tmp_path: Path,
) -> None:
    (docs_dir / "bidi.txt").write_text(
        f"Quixotic inspection {RLO}report\n\nA {LRI}section{PDI} heading\n\n"
        f"The quixotic leaving care team {RLO}works well{PDF_} with young people and their "
        f"personal advi{ZWSP}sers, who visit them of{LRM}ten.\n",
        encoding="utf-8",
    )
    code, out = run([*env, "ask", "quixotic leaving care", "--doc", "bidi"])
    assert code == 0 and "quixotic" in out.lower() and not formats(out)
    ref = out.split("ref:  ")[1].split()[0]
    code, shown = run([*env, "show", ref])
    assert code == 0 and "quixotic" in shown.lower() and not formats(shown)
    assert not formats(run([*env, "docs"])[1])
    code, out = run([*env, "ask", "quixotic leaving care", "--doc", "bidi", "--json"])
    assert code == 0 and not formats(out)
    top = json.loads(out)["results"][0]
    assert f"{RLO}works well{PDF_}" in top["text"] and f"advi{ZWSP}sers" in top["text"]
    # the stored passage and its offsets are the source's, characters for characters
    source = read_document(tmp_path / top["source"]).text
    assert source[top["start"] : top["end"]] == top["text"]
