"""Report facts read from the report itself: local authority, kind, framework, inspection dates,
publication date, lead inspector, and every judgement with its grade and the page it is on.

`read_facts(pages)` takes one string per page (any PDF extractor's page text, or a whole text
file as one page). Rules cover every layout Ofsted has used since 2012 (SIF, ILACS standard and
short, the April 2026 framework), measured against a third-party table of all 497 reports
(bench/facts.py). Stdlib only.
"""

from ofsted_qa.ingest.facts.authorities import Authority, load_authorities, match_authority
from ofsted_qa.ingest.facts.model import AREAS, FRAMEWORKS, GRADES, KINDS, Judgement, ReportFacts
from ofsted_qa.ingest.facts.read import read_facts

__all__ = [
    "AREAS",
    "FRAMEWORKS",
    "GRADES",
    "KINDS",
    "Authority",
    "Judgement",
    "ReportFacts",
    "load_authorities",
    "match_authority",
    "read_facts",
]
