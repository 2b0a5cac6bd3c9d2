"""Answers built on inspections, through `ofsted-qa ask`: a grade question answered first by a
judgement card (text and JSON), a question about no one council by a listing, a timeline oldest
first, an inspection the index lacks said in a note, the seeds' focused visit found as "the last
focused visit". Reports are the small PDFs of test_judgements, indexed beside the seeds."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from ofsted_qa.retrieval import furniture, time_words
from test_cli import run  # the CLI runner; the `env` fixture is in conftest
from test_judgements import REPORTS, report_pdf


@pytest.fixture
def indexed(env: list[str], tmp_path: Path, docs_dir: Path) -> list[str]:
    reports = tmp_path / "reports"
    for name, (council, dates, grades) in REPORTS.items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_bytes(report_pdf(council, dates, grades))
    built = run([*env, "index", "--docs", str(docs_dir), "--docs", str(reports)])
    assert built[0] == 0
    return env


def ask(env: list[str], question: str, *options: str) -> dict:
    code, out = run([*env, "ask", question, "--json", *options])
    assert code == 0
    return json.loads(out)


def test_a_grade_question_is_answered_first_by_the_inspection_s_card(indexed: list[str]) -> None:
    answer = ask(indexed, "how was Northwick rated for care leavers in 2023")
    (card,) = answer["judgements"]["cards"]
    assert card["council"] == "Northwick" and card["published"].startswith("2023")
    grades = {g["area"]: g["grade"] for g in card["grades"]}
    assert grades["care_leavers"] == "good" and grades["overall_effectiveness"] == "inadequate"
    assert card["asked"] == ["care_leavers"]
    assert card["ref"] and ", p. 1" in card["citation"]
    assert answer["results"]  # the passages still follow
    code, text = run([*indexed, "ask", "how was Northwick rated for care leavers in 2023"])
    assert code == 0
    assert text.index("Judgements: Northwick") < text.index("\n1. ")
    assert "▸ care leavers" in text


def test_without_a_year_the_card_is_the_latest_inspection(indexed: list[str]) -> None:
    (card,) = ask(indexed, "what grades did Northwick get")["judgements"]["cards"]
    assert card["published"].startswith("2023")


def test_a_grade_question_over_time_has_every_inspection_s_card_oldest_first(
    indexed: list[str],
) -> None:
    cards = ask(indexed, "how has Northwick been judged over the years")["judgements"]["cards"]
    assert [c["published"][:4] for c in cards] == ["2019", "2023"]


def test_a_grade_question_about_no_council_is_answered_by_a_listing(indexed: list[str]) -> None:
    answer = ask(indexed, "which councils were inadequate for children in care in 2024")
    listing = answer["judgements"]["listing"]
    assert {(r["council"], r["area"], r["grade"]) for r in listing} == {
        ("South Eastby", "in_care", "inadequate")
    }
    # "how many": the listing says how many inspections and councils it holds
    judgements = answer["judgements"]
    assert (judgements["listing_inspections"], judgements["listing_councils"]) == (1, 1)
    code, text = run([*indexed, "ask", "how many councils were inadequate for children in care?"])
    assert code == 0 and "2 inspections of 2 councils:" in text  # any year: Northwick 2023 too


def test_a_council_s_grade_is_its_overall_effectiveness_and_now_is_each_latest(
    indexed: list[str],
) -> None:
    def listed(question: str) -> set[tuple[str, str, str]]:
        judgements = ask(indexed, question).get("judgements", {"listing": []})
        return {(r["council"], r["published"][:4], r["area"]) for r in judgements["listing"]}

    # no area named: the overall grade, not every area that was good somewhere; past tense:
    # every inspection
    assert listed("which councils were good") == {("Northwick", "2019", "overall_effectiveness")}
    assert listed("councils judged good") == listed("which councils were good")  # no "which"
    # present tense, no year: each council's latest grade (Northwick's 2023 one is inadequate),
    # said in a note that tells how to ask for every inspection
    assert listed("which councils are good") == set()
    assert listed("how many councils are inadequate") == {
        ("Northwick", "2023", "overall_effectiveness")
    }
    notes = ask(indexed, "which councils are inadequate")["notes"]
    assert any("latest graded inspection" in n and "were" in n for n in notes)
    assert listed("which councils are inadequate in 2019") == set()  # a year: that year's
    # "now": each council's latest inspection (Northwick's is 2023), not the newest year's
    assert listed("which councils are currently inadequate") == {
        ("Northwick", "2023", "overall_effectiveness")
    }
    assert listed("which councils are good now") == set()
    assert ask(indexed, "which councils are currently inadequate")["judgements"][
        "listing_said"
    ].endswith("each council's latest inspection")


def test_filters_hold_for_grades_as_for_passages(indexed: list[str]) -> None:
    question = "how was Northwick rated in 2023"
    (card,) = ask(indexed, question)["judgements"]["cards"]
    other = "80002_south eastby/children's services inspection - 20 june 2024"
    filtered = ask(indexed, question, "--doc", other)
    assert "judgements" not in filtered  # the card's report is filtered out
    assert any("the filters leave out" in n for n in filtered["notes"])
    listing = ask(indexed, "which councils were inadequate for children in care", "--doc", other)
    assert {r["doc_id"] for r in listing["judgements"]["listing"]} == {other}


def test_a_change_of_grade_lists_the_inspections_that_made_it(indexed: list[str]) -> None:
    answer = ask(indexed, "which councils went from good to inadequate")["judgements"]
    assert {
        (r["council"], r["published"][:4], r["area"], r["grade"]) for r in answer["listing"]
    } == {("Northwick", "2023", "overall_effectiveness", "inadequate")}
    assert answer["listing_said"].startswith("inadequate after good at the inspection before")
    # for children in care: Northwick's 2019 grade was the joint one, good; 2023 inadequate
    in_care = ask(indexed, "which councils went from good to inadequate for children in care")
    assert {r["published"][:4] for r in in_care["judgements"]["listing"]} == {"2023"}
    none = ask(indexed, "which councils improved from inadequate to good")
    assert "judgements" not in none
    assert any(n.startswith("No judgement in the index matches") for n in none["notes"])


def test_a_grade_asked_in_other_words_needs_a_council(indexed: list[str]) -> None:
    (card,) = ask(indexed, "what did Northwick get in 2023")["judgements"]["cards"]
    assert card["council"] == "Northwick" and card["published"].startswith("2023")
    # about no council, "what did ... get" is not a grade question: no listing of everyone
    assert "judgements" not in ask(indexed, "what did care leavers get in 2023")


def test_a_place_no_council_matches_gets_a_note_not_every_councils_grades(
    indexed: list[str],
) -> None:
    answer = ask(indexed, "how was Narnia rated in 2023")
    assert "judgements" not in answer  # no listing of every council's 2023 grades
    assert any("No council called Narnia" in n for n in answer["notes"])
    answer = ask(indexed, "care leavers in Narnia")
    assert any("No council called Narnia" in n for n in answer["notes"])
    assert answer["results"]  # passages still answer, from any council, as the note says
    # a council of the index, or one within typo reach, is no unknown place
    typo = ask(indexed, "care leavers in Northwik")
    assert not any("No council called" in n for n in typo.get("notes", []))
    code, text = run([*indexed, "ask", "how was Narnia rated in 2023"])
    assert code == 0 and "No council called Narnia" in text


def test_a_comparison_with_a_place_no_council_matches_says_so_beside_the_council(
    indexed: list[str],
) -> None:
    for question in ("Northwick vs narnia care leavers", "compare Narnia and Northwick"):
        answer = ask(indexed, question)
        (said,) = [n for n in answer["notes"] if n.startswith("No council called")]
        assert "arnia" in said and "about Northwick only" in said
        assert answer["results"]
    # a grade question keeps the council's card, and says what it could not compare
    graded = ask(indexed, "how was Northwick v Gotham rated in 2023")
    (card,) = graded["judgements"]["cards"]
    assert card["council"] == "Northwick"
    assert any("No council called Gotham" in n for n in graded["notes"])


def test_a_plain_question_has_no_card_nor_timeline(indexed: list[str]) -> None:
    answer = ask(indexed, "what did Ofsted say about care leavers")
    assert "judgements" not in answer and "timeline" not in answer


def test_a_timeline_groups_by_inspection_oldest_first(indexed: list[str]) -> None:
    answer = ask(indexed, "how has Northwick changed")
    timeline = answer["timeline"]
    assert [e["published"][:4] for e in timeline] == ["2019", "2023"]
    assert {g["grade"] for g in timeline[0]["grades"]} == {"good"}
    assert all(r["doc_id"] == e["doc_id"] for e in timeline for r in e["results"])
    forced = ask(indexed, "Northwick leaders", "--timeline")
    assert [e["published"][:4] for e in forced["timeline"]] == ["2019", "2023"]
    code, text = run([*indexed, "ask", "how has Northwick changed"])
    assert code == 0 and "Timeline: 2 inspections, oldest first" in text
    assert "[overall effectiveness: good]" in text
    assert not any("No council named" in n for n in answer.get("notes", []))


def test_a_timeline_naming_no_council_says_it_spans_councils(indexed: list[str]) -> None:
    answer = ask(indexed, "leaders", "--timeline")
    councils = {e["council"] for e in answer["timeline"]}
    assert len(councils) > 1
    assert any(
        n.startswith("No council named: this timeline follows the topic through")
        and f"of {len(councils)} councils" in n
        for n in answer["notes"]
    )


def test_an_inspection_the_index_lacks_is_said(indexed: list[str]) -> None:
    notes = ask(indexed, "what did Northwick's 2021 inspection say about leaders")["notes"]
    assert any(
        "Northwick has no 2021 inspection" in n and "2019" in n and "2023" in n for n in notes
    )


def test_the_last_focused_visit_is_the_seeds_2025_letter(indexed: list[str]) -> None:
    answer = ask(indexed, "what did the last focused visit say about exploitation")
    assert answer["results"][0]["doc_id"].startswith("002_")
    assert answer["results"][0]["date"].startswith("2025")
    named = ask(indexed, "what did Bexley's last focused visit say", "--explain")
    assert named["results"][0]["contributions"]["report_boost"] > 0


def test_since_an_inspection_the_later_one_answers_and_the_named_one_follows(
    indexed: list[str],
) -> None:
    answer = ask(indexed, "how has Northwick changed since the 2019 inspection", "--explain")
    first = answer["results"][0]
    assert first["date"].startswith("2023") and first["contributions"]["report_boost"] == 1.0
    code, text = run([*indexed, "ask", "how has Northwick changed since the 2019 inspection"])
    assert code == 0 and "counted from Northwick inspection" in text
    assert [e["published"][:4] for e in answer["timeline"]] == ["2019", "2023"]
    plain = ask(indexed, "what did Northwick's 2019 inspection say", "--explain")
    assert plain["results"][0]["date"].startswith("2019")


def test_words_of_time_through_ask(indexed: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """ "is X good" gets the latest grade's card; "when was X last inspected" leads with its
    latest report; a month named with its year counts only in that year's reports."""
    for question in (
        "is Northwick good",
        "is Northwick still inadequate",
        "when was Northwick last inspected",
    ):
        (card,) = ask(indexed, question)["judgements"]["cards"]
        assert card["published"].startswith("2023")
    answer = ask(indexed, "when was Northwick last inspected")
    assert answer["results"][0]["date"].startswith("2023")

    def covers() -> list[float]:  # the month word's score in the 2019 cover ("... March 2019")
        code, out = run([*indexed, "ask", "what was found in March 2023", "--json", "--explain",
                         "--k", "50"])  # fmt: skip
        assert code == 0
        found = json.loads(out)["results"]
        return [r["contributions"]["bm25"] for r in found if "March 2019" in r["text"]]

    # the cover lines kept in the ranking: what is measured is the month word's own score
    monkeypatch.setattr(furniture, "FURNITURE_PENALTY", 0.0)
    assert covers() and not any(covers())
    monkeypatch.setattr(time_words, "month_words", lambda text: ())  # the gate off: it counts
    assert any(covers())


def test_was_a_council_graded_so_shows_the_inspections_that_were(indexed: list[str]) -> None:
    def cards(question: str) -> list[str]:
        answer = ask(indexed, question).get("judgements", {"cards": []})
        return [c["published"][:4] for c in answer["cards"]]

    # the latest (2023, inadequate) alone would read as "no": the 2019 inspection was good
    assert cards("has Northwick ever been inadequate") == ["2023"]
    # no area asked: overall first, then an inspection that gave the grade to another area,
    # named in a note (2023: overall inadequate, care leavers good)
    answer = ask(indexed, "was Northwick good")
    assert [c["published"][:4] for c in answer["judgements"]["cards"]] == ["2019", "2023"]
    assert (
        "Northwick 2023: overall effectiveness not good, but care leavers good." in answer["notes"]
    )
    assert cards("did northwick get good") == ["2019", "2023"]
    assert cards("was Northwick good overall") == ["2019"]  # an area asked: that area alone
    # an area asked: the grade of that area (the 2019 joint judgement was good, 2023's too)
    assert cards("was Northwick good for care leavers") == ["2023", "2019"]
    # none graded so: every inspection, newest first, and a note saying none was
    answer = ask(indexed, "was Northwick outstanding")
    assert [c["published"][:4] for c in answer["judgements"]["cards"]] == ["2023", "2019"]
    assert any("None of the 2 graded inspections of Northwick" in n for n in answer["notes"])
    # the present tense asks how it stands: the latest only
    assert cards("is Northwick good") == ["2023"]


def test_a_council_and_a_grade_alone_get_its_card(indexed: list[str]) -> None:
    for question in ("northwick overall effectiveness", "northwick inadequate?"):
        answer = ask(indexed, question)
        assert [c["council"] for c in answer["judgements"]["cards"]] == ["Northwick"], question
    assert "judgements" not in ask(indexed, "northwick care leavers")


def test_a_listing_asked_in_other_words_answers_a_count_plainly(indexed: list[str]) -> None:
    answer = ask(indexed, "who was inadequate for children in care in 2024")
    assert {r["council"] for r in answer["judgements"]["listing"]} == {"South Eastby"}
    ri = ask(indexed, "which councils were RI overall in 2024")["judgements"]
    assert {(r["council"], r["grade"]) for r in ri["listing"]} == {
        ("South Eastby", "requires improvement")
    }
    counted = ask(indexed, "number of councils inadequate for children in care")["judgements"]
    assert counted["count"] == "2 councils"
    code, text = run([*indexed, "ask", "how many councils were inadequate for children in care"])
    assert code == 0 and "\nAnswer: 2 councils (inadequate · " in text
    assert text.index("Answer: 2 councils") < text.index("Judgements (")


def test_a_listing_s_passages_are_from_its_inspections(indexed: list[str]) -> None:
    answer = ask(indexed, "which councils were inadequate for children in care in 2024")
    listed = {r["doc_id"] for r in answer["judgements"]["listing"]}
    assert answer["results"] and {r["doc_id"] for r in answer["results"]} <= listed


def test_a_listing_s_command_carries_the_filters_and_lists_the_same(indexed: list[str]) -> None:
    answer = ask(
        indexed,
        "which councils were inadequate for children in care",
        "--council",
        "northwick",
        "--year",
        "2023",
    )
    judgements = answer["judgements"]
    command = judgements["judgements_command"]
    assert command == (
        "ofsted-qa judgements --grade inadequate --area 'children in care' --year 2023 "
        "--council northwick"
    )
    code, out = run([*indexed, *shlex.split(command)[1:], "--json"])
    assert code == 0
    listed = {(r["doc_id"], r["area"]) for r in judgements["listing"]}
    assert {(r["doc_id"], r["area"]) for r in json.loads(out)} == listed


def test_since_a_year_is_a_start_for_grades_not_the_one_year(indexed: list[str]) -> None:
    # the reading keeps "since 2023" among its years (a boost for passages); grades start then
    listing = ask(indexed, "which councils were inadequate for children in care since 2023")
    assert {r["published"][:4] for r in listing["judgements"]["listing"]} == {"2023", "2024"}
    assert listing["judgements"]["judgements_command"].endswith("--since 2023")
    cards = ask(indexed, "how has Northwick been rated since 2019")["judgements"]["cards"]
    assert [c["published"][:4] for c in cards] == ["2019", "2023"]


def test_an_unlisted_area_and_a_short_unknown_word_are_said(indexed: list[str]) -> None:
    answer = ask(indexed, "home counties care leavers")
    assert any(n.startswith("“home counties” has no agreed list") for n in answer["notes"])
    boro = ask(indexed, "boro children in care")
    assert not any(c.startswith("boro →") for c in boro["read_as"])
    assert any(n.startswith("“boro” is no word of the reports") for n in boro["notes"])
