"""A region as the councils a grade question is about: "which London councils were outstanding",
"how many London boroughs were inadequate in 2019", "Yorkshire councils outstanding 2025",
"north west LAs RI" and "London outstanding 2025" ask what "which councils in London were
outstanding" asks. The region is already read (`Interpretation.regions`, which narrows the
councils); the grade cues (`judgement_listing`, `grade_question`) read the question as if it
named councils with no place: the text `grade_text` gives.

A region beside a council noun ("London boroughs", "Yorkshire's councils", "councils in the
North East") is dropped, the noun kept; a region with nothing else but a grade, the years and the
words that ask for one ("London outstanding 2025", "is Yorkshire inadequate") stands for "which
councils"; a region beside a topic ("London outstanding practice") is left as typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ofsted_qa.retrieval.grade_terse import only_a_grade
from ofsted_qa.retrieval.query import Interpretation

# a council noun, with the words that style it: "boroughs", "local authorities", "county
# councils", "LAs", "metropolitan borough councils"
COUNCIL_NOUN = (
    r"(?:(?:metropolitan|unitary|local|borough|county|city|district)\s+)*"
    r"(?:councils?|boroughs?|authorit(?:y|ies)|las?|counties)"
)
_OF = r"(?:in|of|across|from|within|around)\s+(?:the\s+)?"


def grade_text(understood: Interpretation) -> str:
    """The question's corrected text as the grade cues read it: each region named taken as
    councils (the module's doc). A question that names no region is its text unchanged."""
    return councils_for_regions(
        understood.corrected,
        tuple(dict.fromkeys(s for s, _ in understood.region_words)),
        tuple(s for s, _ in understood.council_words),
    )


def councils_for_regions(
    text: str, regions_typed: Sequence[str], councils_typed: Sequence[str] = ()
) -> str:
    """`text` with the regions as typed (`regions_typed`) read as councils: dropped beside a
    council noun; and where the regions (or councils), a grade, years and the words asking for
    one are all the text holds and no council is named, the text is "which councils" and the
    rest."""
    for typed in sorted(regions_typed, key=len, reverse=True):
        place = rf"(?:the\s+)?{re.escape(typed)}(?!\w)"
        if re.search(r"\bcouncils\W*$", typed, flags=re.I):  # "northern councils"
            text = re.sub(rf"(?<!\w){place}", "councils", text, flags=re.I)
            continue
        # "London boroughs", "Yorkshire's councils": the noun stays
        text = re.sub(rf"(?<!\w){place}(?:['’]s)?\s+(?={COUNCIL_NOUN}\b)", "", text, flags=re.I)
        # "councils in the North East", "LAs across London"
        text = re.sub(
            rf"(\b{COUNCIL_NOUN})\s+{_OF}{re.escape(typed)}(?!\w)", r"\1", text, flags=re.I
        )
    if not regions_typed or councils_typed:
        return text
    # "London outstanding 2025", "outstanding London councils": no more than the places, a
    # grade, the years and the words asking for one
    rest = text
    for typed in regions_typed:
        rest = re.sub(rf"(?<!\w)(?:the\s+)?{re.escape(typed)}(?!\w)", " ", rest, flags=re.I)
    rest = re.sub(rf"\b{COUNCIL_NOUN}\b", " ", rest, flags=re.I)
    return "which councils " + " ".join(rest.split()) if only_a_grade(rest) else text
