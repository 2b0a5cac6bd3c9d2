"""Section 3 of `bench/reading.py`: report facts (`read_facts` on PDFium's plain page text)
against the scraper's table `ofsted_csc_ilacs_history.csv`, with the hand verdicts on every
disagreement (data below: who is right and why, checked on the PDF page) and the hand check of
20 `data_unreadable` rows. Ported from the facts engineers' compare.py / make_report.py /
handcheck.py; the verdicts and hand-checked values are theirs, re-applied to each fresh run.
"""

from __future__ import annotations

import csv
import random
import re
import unicodedata
from collections import Counter
from datetime import date, datetime
from typing import Any

from reading_corpus import SHARED

from ofsted_qa.ingest.facts import load_authorities
from ofsted_qa.ingest.facts.authorities import name_key
from ofsted_qa.ingest.facts.dates import parse_date

GRADE_COLS = {
    "overall_effectiveness_grade": "overall_effectiveness",
    "impact_of_leaders_grade": "impact_of_leaders",
    "help_and_protection_grade": "help_and_protection",
    "in_care_grade": "in_care",
    "care_leavers_grade": "care_leavers",
}
# CSV values meaning "this report has no such grade": agreement means we read none either
ABSENT = {"inspection_pre_dates_judgement", "not_reported_post_reform"}
FIELDS = [
    "local_authority",
    "local_authority_raw",
    "publication_date",
    "publication_date_or_filename",
    "inspection_start",
    "inspection_end",
    "inspector",
    "framework",
    *GRADE_COLS,
]
FIELD_NOTES = {
    "local_authority": "read_facts with la_lookup.csv, vs the CSV row's URN -> la_lookup ONS name",
    "local_authority_raw": "council name as the cover writes it (no lookup table), vs the CSV's "
    "folder name, both loosely normalised (case, '&', punctuation, 'London Borough of', "
    "'City Council', 'County Council'... dropped; one name inside the other counts)",
    "publication_date": "'Report published:' on the cover (SIF and earlier only)",
    "publication_date_or_filename": "the cover's date, else the file name's date "
    "('... - 20 august 2018.pdf'): the tool's fallback",
}

# Hand verdicts after reading the page text: (path fragment, field) -> (who is right, why)
VERDICTS: dict[tuple[str, str], tuple[str, str]] = {
    ("derbyshire/children's services inspection - 19 september 2019", "inspection_end"): (
        "both (definition)",
        "cover: '8 July 2019 to 12 July 2019 and 7 August 2019 to 8 August 2019'; CSV keeps the "
        "first visit's end, we keep the last visit's end",
    ),
    ("devon/children's services inspection - 13 may 2025", "inspection_end"): (
        "both (definition)",
        "cover: '30 September to 11 October 2024 and 13 to 16 January 2025' (return visit under "
        "Ofsted's deferring/pausing policy)",
    ),
    ("south tyneside/children's services inspection - 10 may 2023", "inspection_end"): (
        "both (definition)",
        "cover: '5 to 9 December 2022 and 14 to 15 February 2023'",
    ),
    ("doncaster/children's services inspection - 19 january 2018", "framework"): (
        "ours",
        "cover: 'Re-inspection of services for children in need of help and protection, children "
        "looked after and care leavers' with the SIF numbered table (1., 2., 2.1, 2.2, 3.): a SIF "
        "re-inspection, not ILACS standard",
    ),
    ("wiltshire/children's services inspection - 22 july 2019", "framework"): (
        "ours",
        "ILACS table on the cover, 3-19 June 2019 on site: a (long) standard inspection; the CSV "
        "value is a remark, not a framework",
    ),
    ("nottingham/children's services inspection - 07 january 2019", "help_and_protection_grade"): (
        "ours",
        "cover table: 'Requires improvement\\nto be good'; the CSV cell 'to requires improvement' "
        "is a parse artefact",
    ),
    ("southend-on-sea/children's services inspection - 27 august 2019", "help_and_protection_grade"): (
        "ours",
        "cover table: 'Requires improvement\\nto be good'; CSV 'to requires improvement' is a "
        "parse artefact",
    ),
    ("st helens/children's services inspection - 04 september 2023", "help_and_protection_grade"): (
        "ours",
        "cover table: leaders Good / help and protection Requires improvement to be good / in care "
        "Good / care leavers Outstanding / overall Good; the CSV grades are shifted",
    ),
    ("st helens/children's services inspection - 04 september 2023", "in_care_grade"): (
        "ours",
        "see help_and_protection: children in care Good",
    ),
    ("st helens/children's services inspection - 04 september 2023", "care_leavers_grade"): (
        "ours",
        "see help_and_protection: care leavers Outstanding",
    ),
    ("oxfordshire/children's services inspection - 22 may 2018", "in_care_grade"): (
        "ours",
        "cover table: 'The experiences and progress of children in care and care leavers Good' "
        "(help and protection is the row graded 'Requires improvement to \\nbe good')",
    ),
    ("rochdale/children's services inspection - 12 march 2018", "in_care_grade"): (
        "ours",
        "cover table: 'children in care and care leavers Good'",
    ),
    ("doncaster/children's services inspection - 19 january 2018", "care_leavers_grade"): (
        "ours",
        "SIF table '2.2 Experiences and progress of care leavers Good': the judgement exists in "
        "this (SIF) report",
    ),
    ("nottingham/children's services inspection - 05 september 2022", "care_leavers_grade"): (
        "ours",
        "cover table grades 'children in care and care leavers' jointly (Requires improvement to be "
        "good); there is no separate care-leavers judgement before 2023 (CSV 'inadequate' is the "
        "overall grade)",
    ),
    ("redcar and cleveland/children's services inspection - 22 september 2022", "care_leavers_grade"): (
        "ours",
        "cover table grades 'children in care and care leavers' jointly; no separate care-leavers "
        "judgement before 2023",
    ),
}  # fmt: skip
PUB_WHY = (
    "the PDF prints 'Report published: {mine}' on page 1; the CSV date ({csv}) is Ofsted's web "
    "listing date (also the file name). Neither is a misreading: the PDF date is the date on the "
    "document."
)
# Verdicts by pattern, for the raw (no lookup) council names: the cover's wording vs the CSV's
# folder name; a name that is the same council under its formal or former name is "both".
_WITH_LOOKUP = " (read right with la_lookup.csv: see local_authority)"
RAW_LA_VERDICTS: tuple[tuple[str, str, str], ...] = (
    (r"\| local authority$", "CSV",
     "cover (2018-2020 template): '<X> Borough/City/County Council' on the line above "
     "'Inspection of local authority children's services'; the raw rule takes 'local authority' "
     "for the name" + _WITH_LOOKUP),
    (r"^bradford \| None$", "CSV",
     "cover: 'Inspection of Bradford Children and Families Trust' (a trust, not '... local "
     "authority children's services'); the raw rule does not read it" + _WITH_LOOKUP),
    (r"\| None$", "CSV",
     "2013 template: 'Inspection of looked after children services' then '<X> County Council' "
     "on line 3; the raw rule does not read it" + _WITH_LOOKUP),
)  # fmt: skip

# The 20-row hand check (seed 20260822 over the rows with any `data_unreadable` cell): what the
# cover says, read by hand next to the page text: "framework, start, end, lead" and the grades
# (help = help and protection, CLA = children looked after, leavers = care leavers,
# LMG = leadership, management and governance).
HAND_AREAS = {
    "help": "help_and_protection", "CLA": "children_looked_after", "adoption": "adoption",
    "leavers": "care_leavers", "LMG": "leadership_management_governance",
    "overall": "overall_effectiveness", "LSCB": "lscb",
}  # fmt: skip
HANDCHECK: tuple[tuple[str, str, str], ...] = (
    (
        "80551_sheffield/children's services inspection - 21 february 2014.pdf",
        "SIF, 2013-11-19, 2014-01-30, Sarah Urding",
        "help good p1; CLA requires improvement p1; adoption requires improvement p1; leavers good p1; LMG good p1; overall requires improvement p1; LSCB good p1",
    ),
    (
        "80451_wakefield/children's services inspection - 20 september 2016.pdf",
        "SIF, 2016-07-05, 2016-07-27, Susan Myers",
        "help requires improvement p1; CLA requires improvement p1; adoption good p1; leavers good p1; LMG requires improvement p1; overall requires improvement p1; LSCB good p39",
    ),
    (
        "80456_coventry/children's services inspection - 21 march 2014.pdf",
        "SIF, 2014-01-28, 2014-02-05, Wendy Ghaffar",
        "help inadequate p1; CLA requires improvement p1; adoption requires improvement p1; leavers requires improvement p1; LMG inadequate p1; overall inadequate p1; LSCB inadequate p1",
    ),
    (
        "80560_st helens/children's services inspection - 20 january 2015.pdf",
        "SIF, 2014-11-05, 2014-11-25, Tracey Metcalfe",
        "help requires improvement p1; CLA requires improvement p1; adoption requires improvement p1; leavers requires improvement p1; LMG requires improvement p1; overall requires improvement p1; LSCB requires improvement p43",
    ),
    (
        "80460_derbyshire/children's services inspection - 11 february 2014.pdf",
        "SIF, 2013-11-19, 2013-12-11, Fiona J Millns",
        "help good p1; CLA good p1; adoption good p1; leavers good p1; LMG good p1; overall good p1; LSCB requires improvement p1",
    ),
    (
        "80418_norfolk/children's services inspection - 19 january 2018.pdf",
        "SIF, 2017-11-13, 2017-11-24, Donna Marriott",
        "help requires improvement p1; CLA requires improvement p1; adoption outstanding p1; leavers requires improvement p1; LMG requires improvement p1; overall requires improvement p1",
    ),
    (
        "80488_bexley/children's services inspection - 23 may 2014.pdf",
        "SIF, 2014-03-11, 2014-04-02, Pietro Battista",
        "help requires improvement p1; CLA requires improvement p1; adoption requires improvement p1; leavers requires improvement p1; LMG requires improvement p1; overall requires improvement p1; LSCB inadequate p1",
    ),
    (
        "80508_lewisham/children's services inspection - 20 january 2016.pdf",
        "SIF, 2015-10-26, 2015-11-20, Sean Tarpey",
        "help requires improvement p1; CLA good p1; adoption good p1; leavers good p1; LMG requires improvement p1; overall requires improvement p1; LSCB requires improvement p31",
    ),
    (
        "80572_torbay/children's services inspection - 24 august 2018.pdf",
        "SIF, 2018-06-11, 2018-07-05, Karen Wareing",
        "help inadequate p1; CLA requires improvement p1; adoption good p1; leavers requires improvement p1; LMG inadequate p1; overall inadequate p1",
    ),
    (
        "80480_lancashire/children's services inspection - 17 august 2018.pdf",
        "SIF, 2018-06-04, 2018-06-28, Lorna Schlechte",
        "help requires improvement p1; CLA requires improvement p1; adoption good p1; leavers requires improvement p1; LMG requires improvement p1; overall requires improvement p1",
    ),
    (
        "80442_buckinghamshire/children's services inspection - 08 august 2014.pdf",
        "SIF, 2014-06-03, 2014-06-25, Brenda McLaughlin",
        "help inadequate p1; CLA inadequate p1; adoption requires improvement p1; leavers requires improvement p1; LMG inadequate p1; overall inadequate p1; LSCB inadequate p1",
    ),
    (
        "80544_kensington and chelsea/children's services inspection - 29 march 2016.pdf",
        "SIF, 2016-01-11, 2016-02-04, Ian Young",
        "help good p1; CLA outstanding p1; adoption outstanding p1; leavers outstanding p1; LMG outstanding p1; overall outstanding p1; LSCB good p42",
    ),
    (
        "80547_rutland/children's services inspection - 13 february 2017.pdf",
        "SIF, 2016-11-14, 2016-12-07, Karen Wareing",
        "help requires improvement p1; CLA requires improvement p1; adoption requires improvement p1; leavers good p1; LMG requires improvement p1; overall requires improvement p1; LSCB good p33",
    ),
    (
        "80575_warrington/children's services inspection - 12 may 2015.pdf",
        "SIF, 2015-02-24, 2015-03-20, Sarah Urding",
        "help requires improvement p1; CLA good p1; adoption good p1; leavers good p1; LMG requires improvement p1; overall requires improvement p1; LSCB requires improvement p44",
    ),
    (
        "80582_wokingham/children's services inspection - 05 january 2016.pdf",
        "SIF, 2015-10-12, 2015-11-05, Linda Steele",
        "help requires improvement p1; CLA requires improvement p1; adoption good p1; leavers requires improvement p1; LMG requires improvement p1; overall requires improvement p1; LSCB requires improvement p34",
    ),
    (
        "80567_surrey/children's services inspection - 03 august 2015.pdf",
        "SIF, 2015-06-15, 2015-06-17, Dominic Stevens",
        "LSCB requires improvement p1",
    ),
    (
        "80427_bath and north east somerset/children's services inspection - 07 july 2017.pdf",
        "SIF, 2017-04-24, 2017-05-18, Donna Marriott",
        "help requires improvement p1; CLA good p1; adoption outstanding p1; leavers requires improvement p1; LMG good p1; overall good p1; LSCB good p28",
    ),
    (
        "80513_richmond upon thames/children's services inspection - 08 december 2017.pdf",
        "SIF, 2017-09-25, 2017-10-19, Marcie Taylor",
        "help good p1; CLA good p1; adoption good p1; leavers good p1; LMG good p1; overall good p1; LSCB good p31",
    ),
    (
        "80518_wandsworth/children's services inspection - 20 july 2018.pdf",
        "SIF, 2018-05-08, 2018-05-31, Louise Warren",
        "help requires improvement p1; CLA requires improvement p1; adoption requires improvement p1; leavers good p1; LMG requires improvement p1; overall requires improvement p1",
    ),
    (
        "80574_walsall/children's services inspection - 04 september 2017.pdf",
        "SIF, 2017-06-20, 2017-07-13, Jenny Turnross",
        "help requires improvement p1; CLA requires improvement p1; adoption good p1; leavers requires improvement p1; LMG requires improvement p1; overall requires improvement p1; LSCB requires improvement p31",
    ),
)
HANDCHECK_SEED = 20260822
_FILE_DATE = re.compile(r" - (\d{1,2} [a-z]+ \d{4})\.pdf$", re.I)
_LA_NOISE = re.compile(
    r"\b(?:london|royal|metropolitan)?\s*borough(?: council)? of\b|\b(?:city|county) of\b"
    r"|\b(?:city|county|borough|district|metropolitan borough)? ?council\b|\bthe\b"
)


def person(s: str | None) -> str:
    """Name key: accents, case and spacing ignored."""
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode()
    return " ".join(s.lower().replace("-", " ").split())


def la_loose(s: str | None) -> str:
    return " ".join(_LA_NOISE.sub(" ", name_key(s or "")).split())


def _d(s: str, fmt: str) -> date | None:
    return datetime.strptime(s, fmt).date() if s else None


def _iso(s: object) -> date | None:
    return date.fromisoformat(str(s)) if s else None


def file_date(path: str) -> date | None:
    m = _FILE_DATE.search(path)
    return parse_date(m.group(1)) if m else None


def verdict(pdf: str, field: str, fd: dict[str, Any]) -> tuple[str, str]:
    if field.startswith("publication_date"):
        return "both (different dates)", PUB_WHY.format(mine=fd["mine"], csv=fd["csv"])
    if field == "local_authority_raw":
        for rx, who, why in RAW_LA_VERDICTS:
            if re.search(rx, f"{fd['csv']} | {fd['mine']}", re.I):
                return who, why
    for (frag, fld), v in VERDICTS.items():
        if frag in pdf and fld == field:
            return v
    return "UNREVIEWED", ""


def _status(field: str, ref: Any, mine: Any) -> str:
    if ref is None:
        return "csv_blank_read" if mine else "both_blank"
    if mine is None:
        return "not_read"
    if field == "inspector":
        return "agree" if person(ref) == person(mine) else "disagree"
    if field == "local_authority_raw":
        a, b = la_loose(ref), la_loose(mine)
        return "agree" if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} " else "disagree"
    return "agree" if ref == mine else "disagree"


def compare(records: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One result per CSV row whose PDF was processed in this run (records: by path)."""
    by_urn = {a.urn: a.name for a in load_authorities(SHARED / "la_lookup.csv")}
    with open(SHARED / "ofsted_csc_ilacs_history.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    results = []
    for r in rows:
        found = list((SHARED / "reports").glob(f"{r['urn']}_*/{r['pdf_filename']}"))
        if len(found) != 1 or str(found[0]) not in records:
            continue
        pdf = str(found[0])
        rec = records[pdf]
        res: dict[str, Any] = {"pdf": pdf, "csv": r, "fields": {}}
        results.append(res)
        if "facts" not in rec:
            res["skipped"] = rec.get("error")
            continue
        f = rec["facts"]
        res["facts"] = f
        where = rec["needle_pages"]
        published = _iso(f["published"])
        fw_mine = {"ILACS standard": "standard", "ILACS short": "short"}.get(
            f["framework"], f["length"] if f["framework"] == "ILACS 2026" else f["framework"]
        )
        pairs = {
            "local_authority": (by_urn.get(r["urn"]), f["local_authority"], 1),
            "local_authority_raw": (r["local_authority"] or None, rec["raw_authority"], 1),
            "publication_date": (_d(r["publication_date"], "%d/%m/%y"), published, where["published"]),
            "publication_date_or_filename": (
                _d(r["publication_date"], "%d/%m/%y"),
                published or file_date(pdf),
                where["published"] if published else "file name",
            ),
            "inspection_start": (_d(r["inspection_start_date"], "%d/%m/%Y"), _iso(f["inspection_start"]), where["inspection date"]),
            "inspection_end": (_d(r["inspection_end_date"], "%d/%m/%Y"), _iso(f["inspection_end"]), where["inspection date"]),
            "inspector": (r["inspector_name"] or None, f["lead_inspector"], where["lead inspector"]),
            "framework": (r["inspection_framework"] or None, fw_mine, where["inspection date"]),
        }  # fmt: skip
        for name, (ref, mine, page) in pairs.items():
            res["fields"][name] = {
                "csv": str(ref) if ref else None,
                "mine": str(mine) if mine else None,
                "status": _status(name, ref, mine),
                "page": page,
            }
        for col, area in GRADE_COLS.items():
            ref = r[col]
            j = next((j for j in f["judgements"] if j["area"] == area), None)
            mine = j["grade"] if j else None
            if ref in ("", "data_unreadable"):
                status = ("csv_" + (ref or "blank")) + ("_read" if mine else "_none")
            elif ref in ABSENT:
                status = "agree" if mine is None else "disagree"
            else:
                status = "agree" if ref == mine else ("not_read" if mine is None else "disagree")
            res["fields"][col] = {
                "csv": ref or None,
                "mine": mine,
                "status": status,
                "page": j["page"] if j else None,
            }
    return results


def agreement(results: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out = {}
    for field in FIELDS:
        c = Counter(r["fields"][field]["status"] for r in results if r.get("fields"))
        comp = c["agree"] + c["disagree"] + c["not_read"]
        read = c["agree"] + c["disagree"]
        out[field] = {
            "compared": comp,
            "agree": c["agree"],
            "disagree": c["disagree"],
            "not_read": c["not_read"],
            "agree_pct": round(100 * c["agree"] / comp, 1) if comp else None,
            "of_read_pct": round(100 * c["agree"] / read, 1) if read else None,
            "csv_blank_or_unreadable_but_read": c["csv_blank_read"] + c["csv_data_unreadable_read"],
        }
    return out


def _short(pdf: str) -> str:
    return pdf.split("/reports/")[1]


def _hand_expected(row: tuple[str, str, str]) -> dict[str, Any]:
    fw, start, end, lead = (x.strip() for x in row[1].split(",", 3))
    grades = {}
    for part in filter(None, (p.strip() for p in row[2].split(";"))):
        short, rest = part.split(" ", 1)
        grade, page = rest.rsplit(" p", 1)
        grades[HAND_AREAS[short]] = (grade, int(page))
    return {"framework": fw, "start": start, "end": end, "lead": lead, "grades": grades}


def handcheck(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same 20 rows as the hand check (same seed, same population in CSV order), each
    compared field by field with the values read by hand."""
    unread = [r for r in results if "data_unreadable" in r["csv"].values()]
    if len(unread) < 20:
        return []
    rnd = random.Random(HANDCHECK_SEED)
    expected = {row[0]: _hand_expected(row) for row in HANDCHECK}
    out = []
    for r in rnd.sample(unread, 20):
        f = r.get("facts")
        exp = expected.get(_short(r["pdf"]))
        ours = None
        if f:
            grades = {j["area"]: (j["grade"], j["page"]) for j in f["judgements"]}
            ours = {
                "framework": f["framework"],
                "start": f["inspection_start"],
                "end": f["inspection_end"],
                "lead": f["lead_inspector"],
                "grades": grades,
            }
        if exp is None:
            check = "not in the hand check"
        elif ours == exp:
            check = "correct (same as read by hand)"
        else:
            diff = [k for k in exp if ours is None or ours[k] != exp[k]]
            check = "DIFFERS from the hand reading: " + ", ".join(diff)
        out.append({"pdf": _short(r["pdf"]), "ours": ours, "check": check})
    return out


def unreadable_rows(results: list[dict[str, Any]]) -> dict[str, Any]:
    unread = [r for r in results if r["csv"]["care_leavers_grade"] == "data_unreadable"]
    facts = [r.get("facts") or {} for r in unread]
    graded = [f for f in facts if f.get("judgements")]
    areas = [{j["area"] for j in f["judgements"]} for f in graded]
    key3 = {"overall_effectiveness", "help_and_protection", "care_leavers"}
    return {
        "rows": len(unread),
        "by_framework": dict(Counter(f.get("framework", "skipped (not a PDF)") for f in facts)),
        "read_with_a_grade": len(graded),
        "with_overall_help_and_care_leavers": sum(1 for a in areas if key3 <= a),
        "with_lscb_grade": sum(1 for a in areas if "lscb" in a),
        "dates_read": sum(1 for f in facts if f.get("inspection_start")),
        "lead_inspector_read": sum(1 for f in facts if f.get("lead_inspector")),
        "publication_date_read": sum(1 for f in facts if f.get("published")),
    }


def disagreements(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for field in FIELDS:
        for r in results:
            fd = r.get("fields", {}).get(field)
            if not fd or fd["status"] not in ("disagree", "not_read"):
                continue
            if field.startswith("publication_date") and fd["status"] == "not_read":
                continue  # summarised: ILACS covers print no publication date
            who, why = verdict(r["pdf"], field, fd)
            rows.append({"pdf": _short(r["pdf"]), "field": field, **fd, "who": who, "why": why})
    return rows


def run(records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    results = compare(records)
    pub_nr = Counter(
        r["facts"]["framework"]
        for r in results
        if r.get("fields", {}).get("publication_date", {}).get("status") == "not_read"
    )
    return {
        "rows": len(results),
        "read": sum(1 for r in results if "facts" in r),
        "skipped": {_short(r["pdf"]): r["skipped"] for r in results if "skipped" in r},
        "field_notes": FIELD_NOTES,
        "agreement": agreement(results),
        "disagreements": disagreements(results),
        "publication_date_not_read_by_framework": dict(pub_nr),
        "data_unreadable": unreadable_rows(results),
        "handcheck": handcheck(results),
        "results": results,
    }


def _grades(g: dict[str, Any]) -> str:
    inv = {v: k for k, v in HAND_AREAS.items()}
    return ", ".join(f"{inv.get(a, a)} {gr} (p{p})" for a, (gr, p) in g.items())


def markdown(res: dict[str, Any]) -> str:
    out = [
        "# Report facts against the scraper's table (`ofsted_csc_ilacs_history.csv`)",
        "",
        "Written by `bench/reading.py --sections facts` (`make bench-reading`). `read_facts` reads "
        "PDFium's plain page text (`read_pages(path)[1]`); verdicts on disagreements are hand "
        "verdicts kept as data in `bench/reading_facts.py`.",
        "",
        f"{res['rows']} CSV rows compared; {res['read']} PDFs read; {len(res['skipped'])} not read:",
        "",
        *[f"- `{p}`: {why}" for p, why in res["skipped"].items()],
        "",
        "## Agreement per field (rows where the CSV has a value)",
        "",
        "`compared`: the CSV has a value (for grades also `inspection_pre_dates_judgement` / "
        "`not_reported_post_reform`, which agree when we read no such grade); `not read`: we found "
        "nothing; `agree %` is over compared, `of read %` over the rows we read.",
        "",
        *[f"- `{k}`: {v}" for k, v in res["field_notes"].items()],
        "",
        "| field | compared | agree | disagree | not read | agree % | of read % | CSV blank/unreadable but we read |",
        "|---|---|---|---|---|---|---|---|",
    ]  # fmt: skip
    for field, a in res["agreement"].items():
        out.append(
            f"| {field} | {a['compared']} | {a['agree']} | {a['disagree']} | {a['not_read']} | "
            f"{a['agree_pct']} | {a['of_read_pct']} | {a['csv_blank_or_unreadable_but_read']} |"
        )
    out += [
        "",
        f"publication_date not read, by framework: {res['publication_date_not_read_by_framework']} "
        "(ILACS covers print no publication date; `publication_date_or_filename` is the fallback).",
        "",
        "## Every disagreement (and every CSV value we did not read), with the hand verdict",
        "",
        "| report | field | CSV | ours | page | who is right | evidence |",
        "|---|---|---|---|---|---|---|",
    ]
    for d in res["disagreements"]:
        out.append(
            f"| `{d['pdf']}` | {d['field']} | {d['csv']} | {d['mine']} | {d['page']} | "
            f"{d['who']} | {d['why']} |"
        )
    u = res["data_unreadable"]
    out += [
        "",
        f"## The {u['rows']} `data_unreadable` rows",
        "",
        f"- by our framework: {u['by_framework']}",
        f"- read with at least one grade: {u['read_with_a_grade']}; with overall + help and "
        f"protection + care leavers: {u['with_overall_help_and_care_leavers']}; with an LSCB "
        f"grade: {u['with_lscb_grade']}",
        f"- dates read: {u['dates_read']}; lead inspector read: {u['lead_inspector_read']}; "
        f"publication date read: {u['publication_date_read']}",
        "",
        f"## Hand check: 20 rows with a `data_unreadable` cell (seed {HANDCHECK_SEED})",
        "",
        "Each row's cover (page 1, and the LSCB section's page where given) was read by hand; the "
        "bench compares this run's output with those hand readings.",
        "",
        "| report | ours: framework, dates, lead | ours: grades (page) | check |",
        "|---|---|---|---|",
    ]
    for h in res["handcheck"]:
        o = h["ours"]
        if o is None:
            out.append(f"| `{h['pdf']}` | not read | | {h['check']} |")
            continue
        out.append(
            f"| `{h['pdf']}` | {o['framework']}, {o['start']}–{o['end']}, {o['lead']} | "
            f"{_grades(o['grades'])} | {h['check']} |"
        )
    return "\n".join(out) + "\n"
