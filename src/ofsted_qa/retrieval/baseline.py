"""Change counted from an inspection: "how has Norfolk improved since the November 2022
inspection", "what has got worse in Trafford since its last inspection", "since Bexley's last
focused visit". The inspection named is the baseline; what changed since is said by the
inspections after it, which look back ("Since the previous inspection in November 2022, leaders
have ..."). So those lead the answer (the searcher's full report boost) and the baseline may
follow (a share of it).

"Its last inspection" in such a question is the one before the latest when nothing came after
the latest: a report speaks of "the last inspection" as the one before it, and nothing in the
index can say what changed since the newest one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ofsted_qa.retrieval.inspections import Inspection, InspectionRef, of_kind, resolve

Chosen = tuple[tuple[Inspection, str], ...]  # (inspection, chip), oldest first


def resolve_since(
    ref: InspectionRef, inspections: Sequence[Inspection], where: str
) -> tuple[Chosen, Chosen, tuple[str, ...]]:
    """For a baseline reference (`ref.since`) among `inspections` (one council's, or the
    index's, oldest first; `where` names them in notes): the inspections after the one named
    (of its council, any kind) with chips ("since the 2022 inspection → Norfolk inspection
    (on site 23 February 2026)"), the baseline itself ("since the 2022 inspection: counted from
    Norfolk inspection (on site 7 November 2022)"), and notes. Where nothing came after the
    one named it is answered as a plain reference, with a note."""
    named, notes = resolve((replace(ref, since=""),), inspections, where)
    if not named:
        return (), (), notes
    base = [i for i, _ in named]
    last = base[-1]
    own = [i for i in inspections if i.council == last.council]
    later = [i for i in own if i.when > last.when]
    if not later and ref.order == "latest":  # "since its last inspection": the latest looks back
        later = base[-1:]
        base = [i for i in of_kind(own, ref.noun) if i.when < last.when][-1:]
    elif not later:
        whose = f"{last.council} " if last.council else ""
        said = f"The index holds no inspection of {whose}after {last.kind} {last.when[:4]}"
        return named, (), (*notes, f"{said}, so “{ref.said}” is read as that inspection.")
    answers = tuple((i, f"{ref.said} → {_shown(i)}") for i in later)
    baselines = tuple((i, f"{ref.said}: counted from {_shown(i)}") for i in base)
    return answers, baselines, notes


def _shown(inspection: Inspection) -> str:
    whose = f"{inspection.council} " if inspection.council else ""
    return f"{whose}{inspection.kind} ({inspection.label})"
