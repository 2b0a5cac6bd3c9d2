"""What a listing of judgements says of itself, beside its rows: that a care leavers grade is the
joint ILACS one of 2018-2022, and which councils a listing of latest inspections leaves out
because their latest grades none of the areas asked (the 2026 framework grades no overall
effectiveness). Shared by the answers' listings and `ofsted-qa judgements`."""

from __future__ import annotations

from collections.abc import Sequence

from ofsted_qa.retrieval.judgement_terms import AREA_LABELS
from ofsted_qa.retrieval.judgements import JudgementRow


def joint_grade_note(rows: Sequence[JudgementRow], areas: Sequence[str]) -> str:
    """What a listing for care leavers says when some of its rows are the joint ILACS grade of
    2018-2022 ("children in care and care leavers"), so they are not read as a grade of care
    leavers alone; "" when none is."""
    if "care_leavers" not in areas or "in_care" in areas:
        return ""
    joint = {r.doc_id for r in rows if r.area == "in_care"}
    if not joint:
        return ""
    return (
        f"{len(joint)} of these inspection{'s' * (len(joint) != 1)} (ILACS, 2018–2022) judged "
        "children in care and care leavers together: the grade listed is that joint one."
    )


def lacking_note(lacking: Sequence[str], areas: Sequence[str]) -> str:
    """What a listing of latest inspections says of the councils it leaves out because their
    latest grades none of `areas` (canonical keys; `latest_lacking`); "" for none."""
    if not lacking:
        return ""
    said = " or ".join(dict.fromkeys(AREA_LABELS.get(a, a.replace("_", " ")) for a in areas))
    return (
        f"The latest inspection of {len(lacking)} council{'s' * (len(lacking) != 1)} gives no "
        f"{said} grade, so {'they are' if len(lacking) > 1 else 'it is'} not listed: "
        f"{', '.join(lacking)}."
    )
