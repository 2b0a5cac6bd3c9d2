"""PDF layout recovery: each rule on a minimal page of synthetic lines, no PDF needed."""

from __future__ import annotations

from ofsted_qa.ingest.pdf_layout.blocks import page_blocks
from ofsted_qa.ingest.pdf_layout.furniture import drop_furniture
from ofsted_qa.ingest.pdf_layout.lines import Char, Line, lines_from_chars, merge_side_by_side
from ofsted_qa.ingest.pdf_layout.recover import join_hyphen, recover_layout
from ofsted_qa.ingest.readers.base import page_of

PITCH = 14.5  # body line spacing used by the synthetic pages (12 pt text)


def L(text: str, y: float, x0: float = 70.0, size: float = 12.0, page: int = 0, **kw) -> Line:  # noqa: N802
    return Line(text, x0, x0 + 6 * len(text), y, size, page, **kw)


def text_of(pages: list[list[Line]], vocab: frozenset[str] = frozenset()) -> str:
    return recover_layout(pages, vocab).text


def chars(word_specs: list[tuple[str, float, float, float]]) -> list[Char]:
    """(text, x0, y, size) per word -> glyphs 5 pt wide, a space between words."""
    out: list[Char] = []
    for text, x0, y, size in word_specs:
        if out:
            out.append(Char(" ", out[-1].x1, out[-1].x1, y, size))
        for k, ch in enumerate(text):
            out.append(Char(ch, x0 + 5 * k, x0 + 5 * k + 5, y, size))
    return out


# --- glyphs to lines ---------------------------------------------------------------------


def test_superscript_digit_becomes_marker_glued_to_word():
    glyphs = chars([("Board", 70, 100, 14)]) + [Char("1", 96, 100, 94.5, 8)]
    assert lines_from_chars(glyphs)[0].text == "Board¹"


def test_wide_gap_is_a_tab_and_side_by_side_cells_merge():
    row = chars([("Overall", 70, 100, 12), ("effectiveness", 110, 100, 12)])
    row += chars([("Good", 300, 100, 12)])  # 125 pt gap
    assert lines_from_chars(row)[0].text == "Overall effectiveness\tGood"
    split = chars([("Leaders", 70, 200, 12)]) + chars([("Good", 300, 190, 12)])  # emitted apart
    split += chars([("Outstanding", 300, 200.2, 12)])
    texts = [ln.text for ln in lines_from_chars(split)]
    assert texts == ["Good", "Leaders\tOutstanding"]


def test_paragraph_number_indent_is_not_a_cell_and_dash_bullet_normalised():
    glyphs = chars([("12.", 70, 100, 12), ("Text", 106, 100, 12)])
    assert lines_from_chars(glyphs)[0].text == "12. Text"
    dash = chars([("-", 70, 100, 12), ("item", 88, 100, 12)])
    assert lines_from_chars(dash)[0].text == "• item"


# --- lines to blocks ---------------------------------------------------------------------


def test_wrapped_lines_join_and_gap_separates_paragraphs():
    page = [
        L("First paragraph runs", 100),
        L("on here.", 100 + PITCH),
        L("Second one.", 100 + 2 * PITCH + 12),
    ]
    assert text_of([page]) == "First paragraph runs on here.\n\nSecond one."


def test_wrapped_line_starting_with_number_is_not_a_new_paragraph():
    page = [
        L("6. The authority saw cases in", 100, x0=70),
        L("2013. Then", 100 + PITCH, x0=106),
        L("7. more were seen.", 100 + 2 * PITCH, x0=106),
    ]
    out = text_of([page])
    assert out == "6. The authority saw cases in 2013. Then 7. more were seen."


def test_numbered_paragraphs_by_hanging_indent():
    page = [
        L("1. One", 100, x0=70),
        L("wraps.", 100 + PITCH, x0=106),
        L("2. Two.", 100 + 2 * PITCH, x0=70),
    ]
    assert text_of([page]) == "1. One wraps.\n\n2. Two."


def test_items_follow_lead_in_on_own_lines_with_nesting():
    page = [
        L("Areas to improve:", 100),
        L("• first", 100 + PITCH + 8, x0=70),
        L("• second", 100 + 2 * PITCH + 16, x0=70),
        L("• sub", 100 + 3 * PITCH + 24, x0=90),
    ]
    assert text_of([page]) == "Areas to improve:\n• first\n• second\n  • sub"


def test_hyphen_kept_when_compound_attested_dropped_when_solid_word_attested():
    vocab = frozenset({"not-for-profit", "safeguarding"})
    assert join_hyphen("a not-for-", "profit body", vocab) == "a not-for-profit body"
    assert join_hyphen("local safe-", "guarding", vocab) == "local safeguarding"
    assert join_hyphen("multi-", "agency", frozenset()) == "multi-agency"  # unknown: keep


def test_running_footer_and_page_numbers_dropped_by_repetition():
    words = ["Alpha", "Beta", "Gamma", "Delta"]
    pages = [
        [
            L(f"{words[i]} text.", 100, page=i),
            L(words[3 - i], 400, page=i),
            L(
                f"Inspection of X children's services 11 to 22 May 2026 {i + 1}",
                800,
                size=8,
                page=i,
            ),
            L(str(i + 1), 815, x0=500, page=i),
        ]
        for i in range(4)
    ]
    kept, dropped = drop_furniture(pages)
    assert all(len(p) == 2 for p in kept)
    assert dropped == {"header_footer_lines": 4, "page_numbers": 4}


def test_contents_lines_dropped():
    page = [
        L("Contents", 100),
        L("Summary\t3", 120),
        L("Findings\t5", 140),
        L("Annex\t9", 160),
        L("Real text.", 300),
    ]
    kept, dropped = drop_furniture([page])
    assert [ln.text for ln in kept[0]] == ["Real text."]
    assert dropped["contents_lines"] == 4


def test_table_rows_from_columns():
    page = [
        L("Judgement\tGrade", 100, stops=(300.0,)),
        L("The impact of leaders on practice", 140),
        L("Requires", 140, x0=300),
        L("with children", 140 + PITCH),
        L("improvement", 140 + PITCH, x0=300),
        L("Overall effectiveness\tGood", 190, stops=(300.0,)),
    ]
    # side-by-side cells share baselines: build via lines_from_chars's merge in real use
    out = text_of([merge_side_by_side(page)])
    assert out == (
        "Judgement\tGrade\nThe impact of leaders on practice with children\t"
        "Requires improvement\nOverall effectiveness\tGood"
    )


def test_paragraph_over_page_break_is_one_block_footnote_after_it_and_pages_known():
    p1 = [
        L("1. Leaders know the Board¹ and", 100, x0=70),
        L("the work of", 100 + PITCH, x0=106),
        L("¹ A footnote.", 700, size=9),
    ]
    p2 = [L("the partners well.", 100, x0=106, page=1), L("2. Next.", 130, x0=70, page=1)]
    r = recover_layout([p1, p2])
    assert r.text == (
        "1. Leaders know the Board¹ and the work of the partners well.\n\n"
        "¹ A footnote.\n\f\n2. Next."
    )
    assert page_of(r.page_starts, r.text.index("Leaders")) == 1
    assert page_of(r.page_starts, r.text.index("partners")) == 2


def test_continuation_at_hanging_indent_joins_even_after_full_stop():
    p1 = [L("5. Risks are understood.", 100, x0=70), L("Strengths are clear.", 100 + PITCH, x0=99)]
    p2 = [L("Assessments are informed.", 100, x0=99, page=1)]
    assert text_of([p1, p2]).count("\n") == 0


def test_page_of_bisects():
    assert [page_of((0, 10, 10, 25), o) for o in (0, 9, 10, 24, 25, 99)] == [1, 1, 3, 3, 4, 4]


def test_blocks_footnote_kind_uses_size():
    blocks = page_blocks([L("Body.", 100), L("¹ Note text.", 700, size=9)], {}, 12.0)
    assert [b.kind for b in blocks] == ["para", "footnote"]


def test_cover_field_lines_stand_alone_however_tight() -> None:
    page = [
        L("Inspection of services for children in need of help", 100),
        L("Inspection date: 6 July 2015 – 30 July 2015", 100 + PITCH),
        L("Report published: 19 October 2015", 100 + 2 * PITCH),
    ]
    assert text_of([page]).split("\n\n") == [
        "Inspection of services for children in need of help",
        "Inspection date: 6 July 2015 – 30 July 2015",
        "Report published: 19 October 2015",
    ]
