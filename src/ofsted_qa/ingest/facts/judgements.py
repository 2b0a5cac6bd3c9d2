"""Judgement grades from the cover-page table or sentences of a report.

Tables are read as a token stream, not as rows: pypdfium2 emits table cells in
whatever order the PDF drew them — a label split over lines, the grade on the
label's last line, on its own line, between two halves of the label, or even all
labels first and all grades after.  Row order is nevertheless kept, so the n-th
label read gets the n-th grade read.  The stream starts at the first label on a
page and stops at the first text that is neither a label nor a grade (the
narrative that follows the table), so grade words in that prose are never taken.
"""

from __future__ import annotations

import re

from ofsted_qa.ingest.facts.model import Judgement
from ofsted_qa.ingest.facts.text import normalise, squash

GRADE_RE = r"(?:outstanding|good|requires?\s+improvement(?:\s+to\s+be\s+good)?|adequate|inadequate)"
_GRADE = re.compile(GRADE_RE, re.IGNORECASE)
# A cell that holds no grade but still answers its row, so later rows stay aligned.
NOT_JUDGED = "not judged"
_CELL = re.compile(GRADE_RE + r"|not\s+judged", re.IGNORECASE)


def norm_grade(text: str) -> str:
    """Canonical grade: lower-case, single spaces, "to be good" dropped."""
    g = squash(text).lower()
    return "requires improvement" if g.startswith("requir") else g


def _label(words: str) -> str:
    """Regex for a table label whose words may be split by line breaks or a stray grade cell."""
    sep = r"(?:\s+" + GRADE_RE + r")?\s+"
    # raw regex words ("(?:social\\s+work\\s+)?practice") get the same tolerant separators
    body = sep.join(
        w.replace(r"\s+", sep) if w.startswith("(") else re.escape(w) for w in words.split()
    )
    return body + r"\.?"  # some tables end a label with a full stop


_SIF_NO = "(?:\\d(?:\\.\\d)?\\.?\\s*)?"

Labels = tuple[tuple[str, re.Pattern[str]], ...]


def _labels(rows: tuple[tuple[str, str], ...]) -> Labels:
    return tuple((area, re.compile(_label(words), re.IGNORECASE)) for area, words in rows)


# (area, label regex).  Order matters only where one label is a prefix of another.
TABLE_LABELS: Labels = _labels(
    (
        (
            "impact_of_leaders",
            "the impact of leaders on (?:social\\s+work\\s+)?practice with children and families",
        ),
        (
            "help_and_protection",
            "the experiences and progress of children who need help and protection",
        ),
        (
            "in_care",
            "the experiences and progress of children in care (?:\\s*and\\s+care\\s+leavers)?",
        ),
        # 2025- covers print "children care leavers"
        ("care_leavers", "the experiences and progress of (?:children\\s+)?care leavers"),
        ("overall_effectiveness", "overall effectiveness"),
        # SIF numbered table ("1.", "2.1"); numbers are not trusted (one report has two "1.")
        ("help_and_protection", _SIF_NO + "children who need help and protection"),
        ("adoption", _SIF_NO + "adoption performance"),
        ("care_leavers", _SIF_NO + "experiences and progress of care leavers"),
        ("children_looked_after", _SIF_NO + "children looked after and achieving permanence"),
        ("leadership_management_governance", _SIF_NO + "leadership, management and governance"),
    )
)

# The "Record of main findings" table closing a looked after children inspection report (LAC
# 2012-13; SLAC before it), the only place those reports grade every area in one table.  Kept
# apart from TABLE_LABELS: these common phrases ("Leadership and management") start lines of
# SIF and ILACS prose, where they must never start a table.
MAIN_FINDINGS_LABELS: Labels = _labels(
    (
        ("overall_effectiveness", "overall effectiveness"),
        ("capacity_to_improve", "capacity (?:to\\s+improve|for\\s+improvement)"),
        ("looked_after_outcomes", "outcomes for looked after children (?:and\\s+young\\s+people)?"),
        ("quality_of_provision", "quality of provision"),
        ("leadership_and_management", "leadership and management"),
    )
)
_MAIN_FINDINGS = re.compile(r"^record of main findings\s*$", re.IGNORECASE | re.MULTILINE)

# A grade stated in a sentence: "... is good", "... are inadequate", "... require(s)
# improvement (to be good)".
_STATED = r"\s+(?:(?:is|are)\s+(" + GRADE_RE + r")|(requires?\s+improvement(?:\s+to\s+be\s+good)?))"


# Grades written as sentences: the SIF cover ("The overall judgement is requires
# improvement", "The overall judgement is that children's services are good",
# "Children's services in Wokingham require improvement to be good") and the LSCB
# review ("The effectiveness of the Local Safeguarding Children Board (LSCB) is
# inadequate", "The Local Safeguarding Children Board requires improvement").
def _ws(pattern: str) -> str:
    """Let each literal space in a sentence pattern match any run of whitespace (line breaks)."""
    return pattern.replace(" ", r"\s+")


SENTENCES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "overall_effectiveness",
        re.compile(
            _ws(
                r"(the overall judgement(?:\s+is\s+that\s+children's services)?"
                r"|children's services in\s+[^.]{1,80}?)" + _STATED
            ),
            re.I,
        ),
    ),
    (
        "lscb",
        re.compile(
            _ws(
                # "the Local Safeguarding Children is inadequate" (sic, Somerset 2015):
                # "board" is optional
                r"((?:the effectiveness of )?the "
                r"(?:local safeguarding children(?:'s)?(?: board)?|LSCB)(?:\s*\(LSCB\))?)" + _STATED
            ),
            re.I,
        ),
    ),
)

_HEADER = re.compile(r"judgements?\s+grade", re.IGNORECASE)
# whitespace; a bare footnote/page number between cells; "Grade 4" beside a grade word
_SKIP = re.compile(r"\s+|\d{1,2}(?=\s)(?!\.)|grade\s+[1-4](?![\d.])", re.IGNORECASE)


def _tokens(text: str, start: int, labels: Labels = TABLE_LABELS) -> list[tuple[str, str, str]]:
    """Labels and grades from `start` on, as (kind, area-or-grade, matched text), until prose."""
    out: list[tuple[str, str, str]] = []
    pos = start
    while pos < len(text):
        skip = _SKIP.match(text, pos)
        if skip and skip.end() > pos:
            pos = skip.end()
            continue
        for area, rx in labels:
            m = rx.match(text, pos)
            if m:
                inner = [g.group(0) for g in _GRADE.finditer(m.group(0))]
                label = _GRADE.sub("", m.group(0)) if inner else m.group(0)
                out.append(("label", area, squash(label)))
                out.extend(("grade", norm_grade(g), g) for g in inner)
                pos = m.end()
                break
        else:
            m = _CELL.match(text, pos)
            if not m or (m.end() < len(text) and text[m.end()].isalnum()):
                break
            out.append(("grade", norm_grade(m.group(0)), m.group(0)))
            pos = m.end()
    return out


def read_table(page_text: str, page_no: int) -> list[Judgement]:
    """Judgements from the first label/grade table on one page (empty if none).

    Candidate starts are labels at the start of a line (table cells start lines;
    "... contribute to overall effectiveness are:" in prose does not).  The first
    candidate whose token stream holds at least two labels and a grade is the table:
    one label followed by a grade word is just a sentence.
    """
    text = normalise(page_text)
    header = _HEADER.search(text)
    begin = header.end() if header else 0
    starts = sorted(
        {
            m.start()
            for _, rx in TABLE_LABELS
            for m in rx.finditer(text, begin)
            if m.start() == 0 or text[m.start() - 1] == "\n"
        }
    )
    for start in starts:
        toks = _tokens(text, start)
        labels = [(a, t) for k, a, t in toks if k == "label"]
        grades = [g for k, g, _ in toks if k == "grade"]
        if len(labels) >= 2 and grades:
            return [
                Judgement(area, label, grade, page_no)
                for (area, label), grade in zip(labels, grades, strict=False)
                if grade != NOT_JUDGED
            ]
    return []


def read_continuation(page_text: str, page_no: int) -> list[Judgement]:
    """Rows of a table carried over from the previous page: only if the page opens with one.

    The page may open with its running number ("2") before the carried-over rows.
    """
    text = normalise(page_text)
    m = re.match(r"\s*(?:\d{1,3}\s*\n)?\s*", text)
    toks = _tokens(text, m.end() if m else 0)
    labels = [(a, t) for k, a, t in toks if k == "label"]
    grades = [g for k, g, _ in toks if k == "grade"]
    return [
        Judgement(area, label, grade, page_no)
        for (area, label), grade in zip(labels, grades, strict=False)
        if grade != NOT_JUDGED
    ]


def read_main_findings(page_text: str, page_no: int) -> list[Judgement]:
    """Judgements from a "Record of main findings" table (LAC/SLAC reports), or none.

    The table sits under its heading and a line naming the services judged ("Services for
    looked after children"); that line joins each row's label that does not already say whom
    it is about, so "Overall effectiveness" reads "Services for looked after children:
    Overall effectiveness", not the overall effectiveness of all children's services.
    """
    text = normalise(page_text)
    head = _MAIN_FINDINGS.search(text)
    if not head:
        return []
    rows = [
        m.start()
        for _, rx in MAIN_FINDINGS_LABELS
        for m in rx.finditer(text, head.end())
        if text[m.start() - 1] == "\n"
    ]
    if not rows:
        return []
    first = min(rows)
    services = squash(text[head.end() : first])
    toks = _tokens(text, first, MAIN_FINDINGS_LABELS)
    labels = [(a, t) for k, a, t in toks if k == "label"]
    grades = [g for k, g, _ in toks if k == "grade"]
    if len(labels) < 2 or not grades:
        return []
    return [
        Judgement(area, _qualified(label, services), grade, page_no)
        for (area, label), grade in zip(labels, grades, strict=False)
        if grade != NOT_JUDGED
    ]


def _qualified(label: str, services: str) -> str:
    """ "Services for looked after children: Overall effectiveness" (a short heading only)."""
    if not services or len(services) > 80 or "looked after" in label.lower():
        return label
    return f"{services}: {label}"


def read_sentences(page_text: str, page_no: int) -> list[Judgement]:
    """Judgements written as sentences ("The overall judgement is good.")."""
    text = normalise(page_text)
    out = []
    for area, rx in SENTENCES:
        m = rx.search(text)
        if m:
            # group 2: "is/are <grade>"; group 3: "require(s) improvement ..."
            grade = m.group(2) or m.group(3)
            out.append(Judgement(area, squash(m.group(1)), norm_grade(grade), page_no))
    return out


def read_judgements(pages: list[str], *, max_pages: int = 4) -> tuple[Judgement, ...]:
    """All judgements: the first table on the opening pages, plus sentence grades.

    Tables and the overall sentence are read from the first `max_pages` pages only:
    every framework grades on its cover, and later pages quote grades of earlier
    inspections.  The LSCB review appended to a SIF report states its grade at the
    head of its own section, so that sentence is looked for on every page.  A report
    with no table on its cover may close with a "Record of main findings" table (the
    looked after children inspections before SIF): it is read from any page.  The
    first reading of an area wins.
    """
    found: dict[str, Judgement] = {}
    table_page = 0  # page the table was found on
    for i, page in enumerate(pages, 1):
        cover = i <= max_pages
        if table_page == 0 and cover:
            got = read_table(page, i)
            table_page = i if got else 0
        elif table_page and i == table_page + 1:
            got = read_continuation(page, i)
        else:
            got = []
        for j in got + read_sentences(page, i):
            if cover or j.area == "lscb":
                found.setdefault(j.area, j)
    if table_page == 0:
        # the last such table (an earlier inspection's findings may be quoted before it);
        # the report's own record of its grades outranks a sentence
        tables = [t for i, page in enumerate(pages, 1) if (t := read_main_findings(page, i))]
        found.update((j.area, j) for j in (tables[-1] if tables else []))
    return tuple(found.values())
