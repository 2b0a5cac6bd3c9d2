"""Read an Ofsted children's-services report's facts from its own page text.

    facts = read_facts(pages, authorities=load_authorities("la_lookup.csv"))

`pages` is one string per page as any PDF text extractor returns it (tested with
pypdfium2's get_text_range()).  Everything here is stdlib and pure: no file or
PDF access.  Rules are general to the layouts Ofsted has used since 2012:

* cover page: council name (first lines, or "Inspection of X local authority
  children's services"), "Inspection date(s): ...", "Report published: ..."
  (SIF and earlier only — ILACS reports do not print a publication date),
  "Lead inspector: ..." / "Reporting inspector ...";
* framework from the cover wording and the judgement table (see `_framework`);
* judgements from the cover table / sentences, or the closing "Record of main findings"
  table of the looked after children inspections before SIF (facts.judgements).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ofsted_qa.ingest.facts.authorities import Authority, match_authority
from ofsted_qa.ingest.facts.dates import parse_date, parse_periods
from ofsted_qa.ingest.facts.judgements import read_judgements
from ofsted_qa.ingest.facts.model import Judgement, ReportFacts
from ofsted_qa.ingest.facts.text import lines, normalise, squash

ILACS_2026_START = date(2026, 4, 1)  # the April 2026 framework: no overall effectiveness grade

_DATES_LINE = re.compile(r"^(?:inspection dates?|dates? of inspection)\b\s*:?\s*(.*)$", re.I)
_PUBLISHED = re.compile(r"^(?:report )?published\s*:?\s*(.+)$", re.I)
# "Lead inspector: X" (ILACS cover, SIF inspection-team list) or "Reporting inspector X HMI"
# (2013); the colon is required for "lead" because prose says "... the lead inspector attended".
_INSPECTOR = re.compile(
    r"^(?:lead inspectors?(?: on site)?\s*:|reporting inspector\b:?)\s*(.+)$", re.I
)
_TITLE_ILACS = re.compile(
    r"inspection of (.+?)\s+(?:local authority\s+)?children's (?:social care )?services", re.I
)
_TRUST = re.compile(r"inspection of (.+?)\s+children(?:'s)?(?: and families)? trust", re.I)
# "London Borough of Bexley / Inspection of local authority children's services" (2018-2020):
# the name stands before the title, which names no council itself.
_NAME_BEFORE_TITLE = re.compile(
    r"(?:\d+\s+)?(.+?)\s+inspection of (?:the )?local authority children's", re.I
)
# The 2013 looked-after children template names "<X> County Council" under its title.
_COUNCIL = re.compile(r"\b((?:[A-Z][a-z'&-]+ ){1,4}(?:County |City |Borough )?Council)\b")
_HTML = re.compile(r"<\s*(?:html|!doctype|head|body)\b", re.I)


def _dates_text(page_lines: list[str]) -> str | None:
    """The inspection-period text, joined with its continuation line when wrapped."""
    for i, ln in enumerate(page_lines):
        m = _DATES_LINE.match(ln)
        if not m:
            continue
        text = m.group(1)
        # a wrapped period ends in a connector or lacks its year ("... and 13 to")
        for nxt in page_lines[i + 1 : i + 3]:
            if re.search(r"(?:\b(?:19|20)\d{2}|\d{1,2}/\d{2,4})\s*$", text) and not re.search(
                r"\band\s*$", text
            ):
                break
            text += " " + nxt
        return text
    return None


def _first(pattern: re.Pattern[str], page_lines: list[str]) -> str | None:
    """Group 1 of the first line matching `pattern`."""
    return next((m.group(1).strip() for ln in page_lines if (m := pattern.match(ln))), None)


def _all_lines(pages: list[str]) -> list[str]:
    """Every non-empty line of the report, in order."""
    return [ln for p in pages for ln in lines(p)]


def _inspector(raw: str | None) -> str | None:
    """Name only: drop "HMI", ", His/Her Majesty's Inspector" and any second lead."""
    if not raw:
        return None
    name = re.split(r",|\s+\(?(?:Senior\s+)?(?:HMI|Her Majesty|His Majesty)\b|\s+and\s+", raw)[0]
    return squash(name).strip(" .") or None


def _title_region(pages: list[str]) -> str:
    """Page-1 text before the inspection dates: where the council is named."""
    first = normalise(pages[0]) if pages else ""
    m = re.search(r"^(?:inspection dates?|dates? of inspection)\b", first, re.I | re.M)
    return squash(first[: m.start()] if m else first[:400])


def _raw_authority(title: str) -> str | None:
    """Council name as written, without a lookup table."""
    m = _NAME_BEFORE_TITLE.match(title)
    if m:
        return squash(m.group(1))
    m = _TRUST.search(title)
    if m:
        return squash(m.group(1))
    m = _TITLE_ILACS.search(title)
    if m and not re.match(r"(?i)services for|children's|(?:the )?local authority\Z", m.group(1)):
        return squash(m.group(1))
    m = re.match(r"(?:\d+\s+)?(.+?)\s+(?:re-?inspection|inspection|review) of", title, re.I)
    if m:
        return squash(m.group(1))
    m = _COUNCIL.search(title)
    return squash(m.group(1)) if m else None


def _kind(title: str) -> str:
    """What sort of publication this is, from its cover wording."""
    t = title.lower()
    if "joint targeted area inspection" in t:
        return "joint targeted area inspection"
    if "focused visit" in t:
        return "focused visit letter"
    if "monitoring visit" in t:
        return "monitoring visit letter"
    if re.search(r"inspection of|re-?inspection", t):
        return "inspection report"
    return "other"


def _length(periods: list[tuple[date, date]]) -> str | None:
    """ "short" or "standard" from the first visit: a later visit is a return for more evidence."""
    if not periods:
        return None
    first_start, first_end = periods[0]
    return "short" if (first_end - first_start).days <= 7 else "standard"


def _framework(
    title: str, judgements: tuple[Judgement, ...], start: date | None, length: str | None
) -> str:
    """SIF / ILACS standard / ILACS short / ILACS 2026 / LAC / SLAC / unknown.

    LAC and SLAC: the cover title of the looked after children inspections before SIF
    ("Inspection of looked after children services", "... of safeguarding and looked after
    children services"), or their "Record of main findings" areas.

    SIF: its cover title ("services for children in need of help and protection,
    children looked after and care leavers") or its SIF-only judgement areas (the
    LSCB review published alone included).  ILACS: the ILACS table areas; the April 2026
    framework is an ILACS-style table with no overall effectiveness row, or an
    inspection starting on/after 1 April 2026.  Standard vs short is not printed: a
    short inspection is one week on site, a standard one two weeks.
    """
    areas = {j.area for j in judgements}
    if re.search(r"inspection of safeguarding and looked after children", title, re.I):
        return "SLAC"
    if re.search(r"inspection of looked after children", title, re.I) or (
        areas & {"capacity_to_improve", "looked_after_outcomes", "quality_of_provision"}
    ):
        return "LAC"
    if (
        re.search(r"children in need of help and protection, children looked after", title, re.I)
        or areas & {"children_looked_after", "adoption", "leadership_management_governance"}
        or (areas == {"lscb"})
    ):
        return "SIF"
    if not areas & {"impact_of_leaders", "in_care"}:
        return "unknown"
    if (start and start >= ILACS_2026_START) or "overall_effectiveness" not in areas:
        return "ILACS 2026"
    return f"ILACS {length}" if length else "unknown"


def read_facts(pages: list[str], *, authorities: Sequence[Authority] = ()) -> ReportFacts:
    """Facts of one report from its page texts; fields the text does not state are None."""
    if not pages or _HTML.search(pages[0][:2000]):  # an HTML page saved as .pdf: nothing to read
        return ReportFacts(None, "other", "unknown", None, None, None, None, ())
    head = [ln for p in pages[:2] for ln in lines(p)]  # cover facts sit on page 1 (rarely 2)
    title = _title_region(pages)
    periods = parse_periods(_dates_text(head) or "")
    # a split inspection ("... and 13 to 16 January 2025") runs to the end of its last visit
    start, end = (periods[0][0], periods[-1][1]) if periods else (None, None)
    length = _length(periods)
    published_raw = _first(_PUBLISHED, head)
    judgements = read_judgements(pages)
    auth = match_authority(title, authorities) if authorities else None
    framework = _framework(title, judgements, start, length)
    return ReportFacts(
        local_authority=auth.name if auth else _raw_authority(title),
        kind=_kind(title),
        framework=framework,
        inspection_start=start,
        inspection_end=end,
        published=parse_date(published_raw) if published_raw else None,
        # ILACS names the lead on the cover; SIF only in "Information about this inspection"
        lead_inspector=_inspector(
            _first(_INSPECTOR, head) or _first(_INSPECTOR, _all_lines(pages))
        ),
        judgements=judgements,
        # a week on site is how every LAC inspection ran, not a "short" one
        length=length if judgements and start and framework not in ("LAC", "SLAC") else None,
    )
