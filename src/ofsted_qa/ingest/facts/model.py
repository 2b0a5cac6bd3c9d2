"""Value types returned by report_facts.read_facts (frozen, hashable, stdlib only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Canonical judgement areas.  ILACS (2018-) and the April 2026 framework share the
# first five; SIF (2013-2018) adds its own areas rather than being forced onto ILACS
# ones, because "Leadership, management and governance" is not the ILACS "impact of
# leaders" judgement and "Children looked after and achieving permanence" is not
# "children in care".  care_leavers is shared: SIF 2.2 and ILACS (2023-) both judge
# "the experiences and progress of care leavers".  The looked after children inspections
# before SIF (LAC, and the SLAC inspections of safeguarding and looked after children) grade
# their own areas in a "Record of main findings" table; only its overall effectiveness row is
# shared, and their other rows keep keys of their own ("Leadership and management" of looked
# after children's services is neither SIF's nor ILACS's leadership judgement).
AREAS: tuple[str, ...] = (
    "overall_effectiveness",  # ILACS "Overall effectiveness"; SIF "The overall judgement is ..."
    "impact_of_leaders",  # ILACS "The impact of leaders on (social work) practice ..."
    "help_and_protection",  # ILACS "... children who need help and protection"; SIF 1.
    "in_care",  # ILACS "... children in care" / "... in care and care leavers"
    "care_leavers",  # ILACS 2023- "... of care leavers"; SIF 2.2
    "children_looked_after",  # SIF 2. "Children looked after and achieving permanence"
    "adoption",  # SIF 2.1 "Adoption performance"
    "leadership_management_governance",  # SIF 3.
    "lscb",  # SIF review of the Local Safeguarding Children Board
    "capacity_to_improve",  # LAC/SLAC "Capacity to improve" / "Capacity for improvement"
    "looked_after_outcomes",  # LAC "Outcomes for looked after children and young people"
    "quality_of_provision",  # LAC/SLAC "Quality of provision"
    "leadership_and_management",  # LAC/SLAC "Leadership and management"
)

# Grades are lower-case.  "Requires improvement to be good" (ILACS wording) is folded
# into "requires improvement" (SIF wording): Ofsted treats them as the same grade 3.
# "adequate" only occurs in pre-2013 frameworks.
GRADES: tuple[str, ...] = ("outstanding", "good", "requires improvement", "adequate", "inadequate")

KINDS = (
    "inspection report",
    "focused visit letter",
    "monitoring visit letter",
    "joint targeted area inspection",
    "other",
)
# LAC: "Inspection of looked after children services" (2012-13); SLAC: "Inspection of
# safeguarding and looked after children services" (to 2012).  Both came before SIF.
FRAMEWORKS = ("SIF", "ILACS standard", "ILACS short", "ILACS 2026", "LAC", "SLAC", "unknown")


@dataclass(frozen=True)
class Judgement:
    """One graded area as the report states it."""

    area: str  # one of AREAS
    label: str  # the report's own wording of the area (whitespace collapsed)
    grade: str  # one of GRADES
    page: int  # 1-based page the grade was read from


@dataclass(frozen=True)
class ReportFacts:
    """Facts read from one report's own text."""

    local_authority: str | None
    kind: str
    framework: str
    inspection_start: date | None
    inspection_end: date | None
    published: date | None
    lead_inspector: str | None
    judgements: tuple[Judgement, ...] = ()
    # "standard" (two weeks on site) or "short" (one week), from the first visit's dates;
    # Ofsted does not print the type.  Also set for the April 2026 framework.
    length: str | None = None

    def grade(self, area: str) -> str | None:
        """Grade for `area`, or None if the report does not grade it."""
        return next((j.grade for j in self.judgements if j.area == area), None)


def facts_to_json(facts: ReportFacts) -> dict[str, object]:
    """A JSON-ready dict of `facts` (dates as ISO strings, judgements as objects)."""
    return {
        "local_authority": facts.local_authority,
        "kind": facts.kind,
        "framework": facts.framework,
        "inspection_start": _iso(facts.inspection_start),
        "inspection_end": _iso(facts.inspection_end),
        "published": _iso(facts.published),
        "lead_inspector": facts.lead_inspector,
        "length": facts.length,
        "judgements": [
            {"area": j.area, "label": j.label, "grade": j.grade, "page": j.page}
            for j in facts.judgements
        ],
    }


def facts_from_json(raw: dict[str, object]) -> ReportFacts:
    """The inverse of `facts_to_json`. Raises KeyError, TypeError or ValueError on a bad dict."""
    judgements = raw.get("judgements") or []
    if not isinstance(judgements, list):
        raise TypeError("judgements must be a list")
    return ReportFacts(
        local_authority=_opt(raw.get("local_authority")),
        kind=str(raw["kind"]),
        framework=str(raw["framework"]),
        inspection_start=_date(raw.get("inspection_start")),
        inspection_end=_date(raw.get("inspection_end")),
        published=_date(raw.get("published")),
        lead_inspector=_opt(raw.get("lead_inspector")),
        judgements=tuple(
            Judgement(str(j["area"]), str(j["label"]), str(j["grade"]), int(j["page"]))
            for j in judgements
        ),
        length=_opt(raw.get("length")),
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _opt(value: object) -> str | None:
    return str(value) if value is not None else None
