"""Query understanding: years, source cues, framing words, glossary and chips."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.retrieval.query import interpret, parse_years, validate
from ofsted_qa.retrieval.typos import Corrector
from ofsted_qa.retrieval.years import flag_years


@pytest.mark.parametrize(
    ("text", "years", "since"),
    [
        ("What did Ofsted say about care leavers in 2014?", (2014,), None),
        ("against the 2013-14 target", (2013, 2014), None),
        ("adopters in 2013\u201314", (2013, 2014), None),
        ("compare 2014 with 2025", (2014, 2025), None),
        # an open range: its first year is no year of its own (no "nearest" years for it)
        ("Since the 2023 inspection, has it got faster?", (), 2023),
        ("leeds since 2016", (), 2016),
        ("leeds 2016 onwards", (), 2016),
        ("leeds from 2016 onwards", (), 2016),
        ("leeds 2016 and later", (), 2016),
        ("after 2016, and in 2014", (2014,), 2016),
        ("from 2014 to 2018", (2014, 2015, 2016, 2017, 2018), None),
        # Ranges mean every year in them (issue 18, item 6).
        ("between 2014 and 2016", (2014, 2015, 2016), None),
        ("reports 2014-2016", (2014, 2015, 2016), None),
        ("reports 2014\u20132016", (2014, 2015, 2016), None),
        ("from 2014 to 2016", (2014, 2015, 2016), None),
        ("the 2014/15 budget", (2014, 2015), None),
        ("the 2014-15 budget", (2014, 2015), None),
        ("2014 until 2016", (2014, 2015, 2016), None),
        ("1990 and 2025", (1990, 2025), None),
        # decades, and their parts
        ("leeds in the 2020s", tuple(range(2020, 2030)), None),
        ("the 2010's", tuple(range(2010, 2020)), None),
        ("the late 2010s", (2017, 2018, 2019), None),
        ("early 2020s", (2020, 2021, 2022, 2023), None),
        ("the mid-2010s", (2014, 2015, 2016), None),
        ("no year here, only 47% and 260 children", (), None),
        # a year no report can have is still a year: read, so that a note says so
        ("postcode 1234 and the year 2099", (2099,), None),
    ],
)
def test_years(text: str, years: tuple[int, ...], since: int | None) -> None:
    assert parse_years(text) == (years, since)


@pytest.mark.parametrize(
    ("text", "ofsted"),
    [
        ("What did Ofsted say about adoption?", True),
        ("what did inspectors find about supervision", True),
        ("What did the 2014 inspection find about agency staff?", True),
        ("according to Ofsted, are children safe?", True),
        ("what does the focused visit letter say", True),
        ("whats ofsted view on bexleys care leavers 2023", True),
        ("Ofsted's verdict on Leeds' help and protection", True),
        ("ofsteds findings about care leavers in Kent", True),
        ("Who was Ofsted's regional director for London?", False),
        ("how did the news report Ofsted's visit", False),
        ("Are kids in care doing OK at school?", False),
        # the grade Ofsted gave is its own word, as what it said is
        ("what did Ofsted give Hartlepool in 2024", True),
        ("what grade did inspectors award Leeds", True),
        ("what rating has Ofsted given Norfolk", True),
        ("Ofsted gave Derby what", True),
        ("what did Leeds give care leavers", False),  # the council gives, not Ofsted
        ("what awards has Leeds won", False),
    ],
)
def test_source_cues(text: str, ofsted: bool) -> None:
    assert (interpret(text).publishers == ("Ofsted",)) is ofsted


def test_ofsted_giving_a_grade_is_the_source_chip_and_not_searched() -> None:
    reading = interpret("what did Ofsted give Hartlepool in 2024")
    assert "source Ofsted" in reading.chips and "give" not in reading.base_terms


def test_framing_words_leave_the_lexical_query_but_stay_visible() -> None:
    reading = interpret("In the 2025 focused visit, what did Ofsted say about agency workers?")
    assert reading.years == (2025,)
    assert "year 2025" in reading.chips and "source Ofsted" in reading.chips
    assert "2025" not in reading.base_terms and "visit" not in reading.base_terms
    assert {"agenc", "worker"} <= set(reading.base_terms)
    assert "2025" in reading.unframed().base_terms


def test_framing_never_empties_the_query() -> None:
    assert interpret("the 2014 inspection").base_terms


def test_glossary_expansions_are_explained() -> None:
    reading = interpret("IRO")
    assert "independent reviewing officer" in reading.expansions
    assert reading.glossary[0].definition
    assert {"independ", "review", "offic"} <= set(reading.expansion_terms)
    assert reading.dense_text.startswith("IRO (")


def test_understand_false_is_the_plain_question() -> None:
    reading = interpret("What did Ofsted say about kids in care in 2014?", understand=False)
    assert reading.years == () and reading.publishers == () and reading.expansions == ()
    assert reading.dense_text == reading.query


def test_corrections_apply_before_the_glossary() -> None:
    corrector = Corrector(Counter({"camhs": 5, "waiting": 3, "times": 4}))
    reading = interpret("CAMSH waiting times", corrector=corrector)
    assert reading.corrections == (("camsh", "camhs"),)
    assert reading.corrected == "camhs waiting times"
    assert any(g.term == "CAMHS" for g in reading.glossary)


@pytest.mark.parametrize("question", ["who\u2019ve been taken into care", "you'd think", "they'd"])
def test_contractions_are_not_typos(question: str) -> None:
    corrector = Corrector(Counter({"whole": 9, "you": 9, "they": 9, "taken": 3}))
    assert interpret(question, corrector=corrector).corrections == ()
    # A typo beside a contraction, or before a possessive, is still corrected.
    reading = interpret("who've seen the wholle's end", corrector=corrector)
    assert reading.corrections == (("wholle", "whole"),)


def test_without_drops_one_chip() -> None:
    reading = interpret("What did Ofsted say about the IRO in 2014?")
    assert {"year 2014", "source Ofsted"} <= set(reading.chips)
    dropped = reading.without("year 2014")
    assert dropped.years == () and dropped.publishers == ("Ofsted",)
    glossary_chip = next(c for c in reading.chips if c.startswith("IRO"))
    assert reading.without(glossary_chip).expansions == ()
    since = interpret("changes since 2014").without("since 2014")
    assert since.year_from is None and since.years == ()


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("How are homeless teenagers supported now?", "now"),
        ("do social workers like working in bexley these days", "these days"),
        ("What does the latest Ofsted letter say about exploitation?", "the latest Ofsted letter"),
        ("IRO caseloads at the moment", "at the moment"),
        ("What did Ofsted say in 2014 about care leavers now?", ""),  # a named year wins
        ("changes since 2018, currently", ""),
        ("known risks", ""),  # whole words only
    ],
)
def test_recency_cue(text: str, cue: str) -> None:
    reading = interpret(text)
    assert reading.recent == cue
    assert (cue in reading.framing) == bool(cue)
    resolved = reading.since_latest(2025)
    if not cue:
        assert resolved == reading
        return
    assert reading.year_from is None and resolved.year_from == 2025
    chip = f"{cue} → since 2025"
    assert chip in resolved.chips and "since 2025" not in resolved.chips
    dropped = resolved.without(chip)
    assert dropped.year_from is None and dropped.recent == ""
    assert dropped.since_latest(2025).year_from is None  # a dropped cue stays dropped


def test_validate() -> None:
    assert validate("  a   b ") == "a b"
    with pytest.raises(OfstedQAError):
        validate("   ")
    with pytest.raises(OfstedQAError):
        validate("x" * 6000)


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("How many care leavers are at university?", "number"),
        ("What percentage of children live in poverty?", "number"),
        ("When was the report published?", "date"),
        ("On what dates did the focused visit take place?", "date"),
        ("Are staff overworked?", ""),
    ],
)
def test_answer_kind_is_a_removable_chip(text: str, answer: str) -> None:
    reading = interpret(text)
    assert reading.answer == answer
    if answer:
        assert f"answer: {answer}" in reading.chips
        assert reading.without(f"answer: {answer}").answer == ""
    assert interpret(text, understand=False).answer == ""


@pytest.mark.parametrize("question", ["???", "\u200b", "\u00ad \u200d", "!!! ... ---"])
def test_a_question_with_no_words_is_refused(question: str) -> None:
    with pytest.raises(OfstedQAError, match="no words to search"):
        validate(question)


def test_undecodable_bytes_in_a_question_are_named() -> None:
    raw = b"caf\xe9 care leavers".decode("utf-8", errors="surrogateescape")
    with pytest.raises(OfstedQAError, match="not valid UTF-8.*0xe9"):
        validate(raw)


def test_a_glossary_chip_never_shows_the_typed_words_opposite_nor_the_words_typed() -> None:
    # searched for too ("allocated" beside "unallocated"), but not what the question says
    assert interpret("unallocated cases in Leeds").chips == ["unallocated cases → allocation"]
    assert interpret("allocated social worker").chips == ["allocated social worker → allocation"]
    assert interpret("kids in care").chips == ["kids in care → looked after children"]
    # the word typed alone, sharing a stem with the entry, is no reading at all
    assert interpret("how quickly are children allocated").chips == []


@pytest.mark.parametrize(
    ("between", "searched"),
    [
        ("vs", []),
        ("vs.", []),
        ("v", []),
        ("versus", []),
        ("against", []),
        ("and", []),
        ("&", []),
        ("compared with", ["compar"]),  # verdicts say "compared with the last inspection"
        ("compared to", ["compar"]),
    ],
)
def test_two_years_compared_are_both_read_and_the_word_between_is_not_searched(
    between: str, searched: list[str]
) -> None:
    from ofsted_qa.retrieval.judgement_terms import areas_in

    question = f"derby help & protection 2017 {between} 2025"
    reading = interpret(question)
    assert reading.years == (2017, 2025) and reading.year_from is None
    assert reading.base_terms == ["derbi", "help", "protect", *searched]
    assert areas_in(question) == ("help_and_protection",)  # "&" inside the area's name


def test_against_is_searched_where_no_year_follows() -> None:
    assert "against" in interpret("allegations against staff in 2017").base_terms


@pytest.mark.parametrize(
    ("typed", "years"),
    [
        ("2019", (2019,)),
        ("2019-2021", (2019, 2020, 2021)),
        ("2021\u20132019", (2019, 2020, 2021)),
        ("2014/15", (2014, 2015)),
        ("2014-15", (2014, 2015)),
        (" 2014 / 2015 ", (2014, 2015)),
    ],
)
def test_one_parser_reads_every_year_flag_form(typed: str, years: tuple[int, ...]) -> None:
    assert flag_years(typed) == years


@pytest.mark.parametrize(
    "typed", ["", "twenty", "2019 to 2021", "2019-21-23", "19/20", "1990-2030"]
)
def test_a_year_flag_of_no_form_is_the_project_s_error(typed: str) -> None:
    with pytest.raises(OfstedQAError, match="--year"):
        flag_years(typed)


def test_a_range_reads_the_same_in_every_form_and_names_no_inspection() -> None:
    """ "the 2014-2016 inspection" is a range of years, not "the 2016 inspection"."""
    readings = [
        interpret(f"essex {form}")
        for form in (
            "2014-2016 inspection",
            "2014\u20132016",
            "between 2014 and 2016",
            "from 2014 to 2016",
            "2014 to 2016 reports",
        )
    ]
    assert {r.years for r in readings} == {(2014, 2015, 2016)}
    assert {r.year_ranges for r in readings} == {((2014, 2016),)}
    assert all(not r.inspection_refs for r in readings)
    assert {tuple(c for c in r.chips if c.startswith("year")) for r in readings} == {
        ("years 2014–2016",)
    }
    dropped = readings[0].without("years 2014–2016")
    assert (dropped.years, dropped.year_ranges) == ((), ())
    assert "years 2014–2016" not in dropped.chips
    # a range of which some years are not searched shows the years that are
    part = replace(readings[0], years=(2014, 2016))
    assert [c for c in part.chips if c.startswith("year")] == ["year 2014", "year 2016"]
    assert interpret("essex 2016 inspection").inspection_refs  # a year alone still names one
    # the words that date it are no search words
    assert interpret("leeds in the 2020s").search_terms == interpret("leeds").search_terms
