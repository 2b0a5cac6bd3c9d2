"""Text cut to fit a line keeps what tells it apart: a report title keeps its council and date
(pre-2018 titles name the council last, after 130 characters), and a long pasted question is
echoed as its opening words and its length, never whole and never as bare punctuation."""

from __future__ import annotations

import json

import pytest

from ofsted_qa.render_shortened import QUESTION_CHARS, cut, short_question, short_title
from test_cli import run  # the CLI runner; the `env` fixture is in conftest

SIF_TITLE = (
    "Inspection of services for children in need of help and protection, children looked "
    "after and care leavers and Review of the effectiveness of the Local Safeguarding Children "
    "Board, London Borough of Barnet"
)
ILACS_TITLE = "Inspection of Bath and North East Somerset local authority children’s services"


@pytest.mark.parametrize("width", [88, 60, 45, 30, 24])
def test_a_title_naming_its_council_last_keeps_it_whole(width: int) -> None:
    shown = short_title(SIF_TITLE, "London Borough of Barnet", width)
    assert len(shown) <= width and shown.endswith("London Borough of Barnet")


def test_the_generic_wording_is_shortened_at_a_word() -> None:
    shown = short_title(SIF_TITLE, "London Borough of Barnet", 60)
    assert shown == "Inspection of services for… London Borough of Barnet"


@pytest.mark.parametrize("width", [80, 60, 50, 40, 30])
def test_a_council_in_the_middle_survives_and_the_rest_is_cut(width: int) -> None:
    shown = short_title(ILACS_TITLE, "Bath and North East Somerset", width)
    assert len(shown) <= width and "Bath and North East Somerset" in shown


def test_a_date_survives_beside_the_council() -> None:
    shown = short_title(SIF_TITLE, "London Borough of Barnet", 38, date="7 July 2017")
    assert shown == "London Borough of Barnet · 7 July 2017"
    assert short_title("Short title", "", 38, date="7 July 2017") == "Short title · 7 July 2017"


def test_a_council_the_title_does_not_name_is_added() -> None:
    title = SIF_TITLE.replace("London Borough of Barnet", "Reading")
    shown = short_title(title, "Reading Borough Council", 60)
    assert len(shown) <= 60 and shown.endswith("Reading Borough Council")


def test_a_title_that_fits_is_unchanged_and_one_without_a_council_is_cut_at_the_end() -> None:
    assert short_title(ILACS_TITLE, "Bath and North East Somerset", 88) == ILACS_TITLE
    assert (
        short_title("A news page about nothing much at all today", "", 20) == "A news page about…"
    )


def test_cut_keeps_whole_words_unless_the_first_is_longer_than_the_line() -> None:
    assert cut("care leavers and pathway plans", 16) == "care leavers…"
    assert cut("x" * 30, 10) == "x" * 9 + "…"
    assert cut("x" * 30, 10, mid_word=False) == ""


def test_a_long_question_is_echoed_as_its_opening_words_and_its_length() -> None:
    question = " ".join(["what did inspectors say about care leavers"] * 60)
    shown = short_question(question)
    assert shown.startswith("what did inspectors say") and shown.endswith(
        f"… ({len(question):,} characters)"
    )
    assert len(shown) < QUESTION_CHARS + 30
    assert short_question("  care\n leavers  ") == "care leavers"  # whole, whitespace collapsed


def test_a_question_opening_with_a_run_of_punctuation_echoes_its_words() -> None:
    assert short_question("?" * 300 + " care leavers") == "…care leavers (313 characters)"


def test_the_cli_echoes_a_pasted_question_shortened(env: list[str]) -> None:
    question = " ".join(["what did Ofsted say about care leavers"] * 70)  # ~2,600 characters
    code, out = run([*env, "ask", "--k", "1", question])
    echo = out.splitlines()[0]
    assert code == 0 and len(question) > 2500
    assert echo.startswith("Q: what did Ofsted say") and echo.endswith(
        f"({len(question):,} characters)"
    )
    assert len(echo) < QUESTION_CHARS + 30


def test_explain_shortens_what_repeats_a_long_question(env: list[str]) -> None:
    question = " ".join(["what did Ofsted say about care leavers"] * 70)
    code, out = run([*env, "ask", "--k", "1", "--explain", question])
    explained = {
        line.split(":")[0].strip(): line for line in out.splitlines() if line.startswith("   ")
    }
    assert code == 0 and explained["dense_text"].endswith(" characters)")
    for key in ("terms", "framing", "dense_text"):
        assert len(explained[key]) < QUESTION_CHARS + 40
    code, out = run([*env, "ask", "--k", "1", "--explain", "--json", question])
    assert json.loads(out)["interpretation"]["dense_text"].count("care leavers") == 70  # whole


def test_the_cli_keeps_the_council_of_a_long_title(env: list[str]) -> None:
    # the seeds' 2014 Bexley report: "Inspection of services for ... care leavers, London
    # Borough of Bexley", 132 characters, the council last
    code, out = run([*env, "ask", "--k", "5", "Bexley 2014 inspection care leavers"])
    titles = [line for line in out.splitlines() if line[:3] in {f"{n}. " for n in range(1, 6)}]
    assert code == 0 and titles
    long_ones = [t for t in titles if "Inspection of services for children in need" in t]
    assert long_ones and all(t.endswith("London Borough of Bexley") for t in long_ones)
    code, out = run([*env, "docs"])
    listed = [line for line in out.splitlines() if "Inspection of services for children" in line]
    assert code == 0 and listed
    assert all("London Borough of Bexley  [" in line for line in listed)


def test_an_unknown_council_is_the_titles_last_part() -> None:
    # a text file states no council: the 2013-2019 titles name it after their last comma
    assert short_title(SIF_TITLE, "", 60) == "Inspection of services for… London Borough of Barnet"


def test_the_filter_bars_document_button_names_council_and_date() -> None:
    from ofsted_qa.tui.document_filter import DocumentFilter
    from ofsted_qa.tui.engine import DocumentChoice
    from ofsted_qa.tui.filter_search import SHORT_CHARS, document_entry

    doc = DocumentChoice(
        "80487_barnet/x", SIF_TITLE, "London Borough of Barnet", "2017-07-07", "inspection report"
    )
    entry = document_entry(doc)
    assert entry.short == "London Borough of Barnet · 7 July 2017"
    assert len(entry.short) <= SHORT_CHARS and entry.label.endswith(SIF_TITLE)  # search: whole
    button = DocumentFilter()
    button.set_entries([entry])
    button.choose([doc.doc_id])
    assert str(button.label) == entry.short
