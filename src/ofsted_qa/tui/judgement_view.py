"""A grade question's judgement cards (every area and grade of one inspection, those asked
marked, cited) or its listing, shown above the passages of the answer."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from ofsted_qa.inert import inert

if TYPE_CHECKING:
    from ofsted_qa.retrieval.judgement_card import Judged, JudgementCard
    from ofsted_qa.retrieval.search import Filters, SearchResponse

GRADE_STYLES = {
    "outstanding": "bold green",
    "good": "green",
    "requires improvement": "yellow",
    "inadequate": "bold red",
}


def card_text(card: JudgementCard) -> Text:
    """Head line, one line per area (asked ones marked ▸), and the citations: each names the
    grades it backs where the report states them in more than one place."""
    # the core loads after the first paint
    from ofsted_qa.render_answers import card_head
    from ofsted_qa.render_judgements import cite_lines

    text = Text(inert("Judgements: " + card_head(card)) + "\n", style="bold")
    for row in card.rows:
        mark = "▸ " if card.is_asked(row) else "  "
        text.append(inert(f"{mark}{row.area_label:<40} "))
        text.append(inert(row.grade), style=GRADE_STYLES.get(row.grade, ""))
        text.append("\n")
    text.append(inert("\n".join(cite_lines(card.rows, ""))), style="dim")
    return text


def listing_text(judged: Judged) -> Text:
    """One line per report: council, dates, and the grades it was listed for; every report
    (the conversation scrolls; the CLI's cut and its advice to read `--json` do not apply
    here), and where the listing itself stopped, the command that lists them all."""
    from ofsted_qa.render_answers import judgements_command

    text = Text(inert(f"{judged.listing_title}:") + "\n", style="bold")
    by_doc: dict[str, list] = {}
    for row in judged.listing:
        by_doc.setdefault(row.doc_id, []).append(row)
    for rows in by_doc.values():
        first = rows[0]
        grades = "; ".join(f"{r.area_label} {r.grade}" for r in rows)
        when = (first.inspection_start or first.published)[:7]
        text.append(inert(f"  {first.council} · {when} · {grades}") + "\n")
    if judged.listing_capped:  # the core stopped listing: say how to see every one
        more = f"The listing stops here; every judgement: {judgements_command(judged)}"
        text.append(inert(textwrap.indent(more, "  ")), style="dim")
    return text


def _words(items: tuple[object, ...]) -> str:
    names = [str(i) for i in items]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else "".join(names)


def no_grades_note(response: SearchResponse, filters: Filters, unknown_place: bool) -> str:
    """For a grade question whose filters (or region) leave no card and no listing, what was
    looked for: "No inspection of Leeds in 2022 matches, so no grades are shown." or "No
    council in London was judged inadequate in 2018."; "" for any other answer, and where
    the question names a place no council matches (`unknown_place`: the notes say so)."""
    from ofsted_qa.retrieval.grade_question import asks_for_cards
    from ofsted_qa.retrieval.judgement_listing import asks_which, grade_named
    from ofsted_qa.retrieval.region_grades import grade_text

    understood = response.interpretation
    scoped = filters.years or filters.councils or filters.regions or filters.kinds
    if unknown_place or response.judged is not None or not asks_for_cards(understood):
        return ""
    if not (scoped or filters.doc_ids or understood.regions):
        return ""
    text = grade_text(understood)  # "London councils": councils, the region read apart
    councils = filters.councils or understood.councils
    regions = filters.regions or understood.regions
    years = filters.years or understood.years
    when = f" in {_words(years)}" if years else ""
    kind = f" ({_words(filters.kinds)})" if filters.kinds else ""
    under = " under the filters" if filters.doc_ids else ""
    if councils and not asks_which(text):
        return (
            f"No inspection{kind} of {_words(councils)}{when} matches{under}, "
            "so no grades are shown."
        )
    if not asks_which(text):  # a card asked of no council read: nothing to say it of
        return ""
    where = f" in {_words(regions)}" if regions else ""
    if councils:
        where = f" among {_words(councils)}"
    grade = grade_named(text)
    judged = f"was judged {grade}" if grade else "has a graded inspection"
    return f"No council{where} {judged}{when}{kind}{under}."


class JudgementView(Static):
    """The cards and listing of one answer, in one block."""

    def __init__(self, judged: Judged) -> None:
        self.judged = judged
        from ofsted_qa.render_answers import count_line

        parts = [Text(inert(line), style="bold") for line in [count_line(judged)] if line]
        parts += [card_text(c) for c in judged.cards]
        if judged.listing:
            parts.append(listing_text(judged))
        super().__init__(Text("\n\n").join(parts), classes="judgements")
