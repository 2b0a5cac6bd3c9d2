"""What a document says of itself, as metadata: the title, kind, dates and council a report
states, and the judgements it gives, for files that have no `metadata.json` entry (or leave a
field out of it).

Only a report's own words are used, plus one convention of the files people download: Ofsted
names each PDF after its publication date ("children's services inspection - 20 august 2018"),
which inspection reports since 2018 no longer print (bench/results/facts.md: publication date
from the text or the file name agrees with the third-party table for 487 of 493 reports).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ofsted_qa.ingest.facts import ReportFacts
from ofsted_qa.ingest.facts.dates import parse_date
from ofsted_qa.ingest.readers.base import ReadText

# Kinds of publication the facts reader tells apart, as the index names them.
FACT_KINDS = {
    "inspection report": "inspection report",
    "focused visit letter": "focused visit letter",
    "monitoring visit letter": "monitoring visit letter",
    "joint targeted area inspection": "joint targeted area inspection",
}
_TITLE_LINE = re.compile(
    r"^(?:(?:re-?)?inspection|focused visit|monitoring visit|joint targeted area inspection|"
    r"review) (?:of|to)\b.{10,300}$",
    re.I,
)
_TRAILING_JOIN = re.compile(r"[\s,;:⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:and|&)?\s*$", re.I)
_FILE_DATE = re.compile(r"(\d{1,2} [a-z]+ (?:19|20)\d\d)\s*$", re.I)


@dataclass(frozen=True)
class SelfDescription:
    """Fields read from the document itself; "" where it says nothing."""

    title: str = ""
    kind: str = ""
    date: str = ""
    period_start: str = ""
    period_end: str = ""
    publisher: str = ""


def file_name_date(path: Path) -> str:
    """ISO date at the end of a file's name ("... - 20 august 2018.pdf"), else ""."""
    m = _FILE_DATE.search(path.stem)
    found = parse_date(m.group(1)) if m else None
    return found.isoformat() if found else ""


def report_title(text: str, facts: ReportFacts) -> str:
    """The report's own title line ("Inspection of services for children in need of help and
    protection, ...", "Focused visit to ..."), with its council when the line names none."""
    head = text[:4000]
    lines = [" ".join(block.split()) for block in re.split(r"\n\s*\n", head)]
    title = next((line for line in lines if _TITLE_LINE.match(line)), "")
    # A SIF cover goes on "and / Review of the ... LSCB": the title proper ends before it.
    title = _TRAILING_JOIN.sub("", title)
    council = facts.local_authority or ""
    if title and council and council.lower() not in title.lower():
        title = f"{title}, {council}"
    return title[:300]


def describe(read: ReadText, path: Path) -> SelfDescription:
    """What a document read from `path` states about itself: as an Ofsted report where it is
    one, else its file's own title and date (a web page's or Word file's metadata)."""
    facts = read.facts
    if facts is None or (facts.kind == "other" and not facts.judgements):
        named = file_name_date(path) if path.suffix.lower() == ".pdf" else ""
        return SelfDescription(title=read.title, date=named or read.date)
    published = facts.published.isoformat() if facts.published else file_name_date(path)
    return SelfDescription(
        title=report_title(read.text, facts) or read.title,
        kind=FACT_KINDS.get(facts.kind, ""),
        date=published or read.date,
        period_start=facts.inspection_start.isoformat() if facts.inspection_start else "",
        period_end=facts.inspection_end.isoformat() if facts.inspection_end else "",
        publisher="Ofsted",
    )
