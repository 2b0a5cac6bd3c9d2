"""Tests for report_facts: synthetic page texts per rule, plus real reports when present."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ofsted_qa.ingest.facts import Authority, load_authorities, match_authority, read_facts
from ofsted_qa.ingest.facts.dates import parse_date, parse_periods, parse_span
from ofsted_qa.ingest.facts.judgements import read_judgements
from shared_corpus import SHARED, corpus_file

AUTHS = [
    Authority("Bexley"),
    Authority("Bournemouth, Christchurch and Poole", ("BCP", "Bournemouth")),
    Authority("Poole"),
    Authority("Bristol, City of", ("Bristol", "City of Bristol")),
    Authority("Northamptonshire"),
    Authority("North Northamptonshire"),
    Authority("St. Helens"),
    Authority("Kingston Upon Hull, City of", ("Hull", "Kingston upon Hull")),
    Authority("Kingston upon Thames"),
]


def grades(pages: list[str]) -> dict[str, str]:
    return {j.area: j.grade for j in read_judgements(pages)}


# ---------- dates ----------


@pytest.mark.parametrize(
    "text,start,end",
    [
        ("2 to 13 July 2018", date(2018, 7, 2), date(2018, 7, 13)),
        ("11 to 22 May 2026", date(2026, 5, 11), date(2026, 5, 22)),
        ("27 September to 8 October 2021", date(2021, 9, 27), date(2021, 10, 8)),
        ("11 March 2014 – 2 April 2014", date(2014, 3, 11), date(2014, 4, 2)),
        ("9–24 November 2017", date(2017, 11, 9), date(2017, 11, 24)),
        ("11/03/2014 – 02/04/2014", date(2014, 3, 11), date(2014, 4, 2)),
        ("3 Feb 2015 - 5 March 2015", date(2015, 2, 3), date(2015, 3, 5)),
        (
            "28 December to 8 January 2016",
            date(2015, 12, 28),
            date(2016, 1, 8),
        ),  # year borrowed backwards
    ],
)
def test_date_spans(text: str, start: date, end: date) -> None:
    assert parse_span(text) == (start, end)


def test_split_visits_are_separate_periods() -> None:
    periods = parse_periods("5 to 9 December 2022 and 14 to 15 February 2023")
    assert periods == [
        (date(2022, 12, 5), date(2022, 12, 9)),
        (date(2023, 2, 14), date(2023, 2, 15)),
    ]
    assert parse_periods("2 to 6 December and 10 to 14 February 2023")[0][0] == date(2022, 12, 2)


def test_single_dates() -> None:
    assert parse_date("23 May 2014") == date(2014, 5, 23)
    assert parse_date("10/08/2015") == date(2015, 8, 10)
    assert parse_date("no date here") is None


# ---------- authorities ----------


@pytest.mark.parametrize(
    "title,name",
    [
        (
            "Inspection of Bournemouth, Christchurch & Poole local authority children's services",
            "Bournemouth, Christchurch and Poole",
        ),
        ("London Borough of Bexley", "Bexley"),
        ("Bristol City Council", "Bristol, City of"),
        (
            "Inspection of North Northamptonshire local authority children’s services",
            "North Northamptonshire",
        ),
        ("St Helens Metropolitan Borough Council", "St. Helens"),
        ("Kingston Upon Hull City Council", "Kingston Upon Hull, City of"),
        ("Royal Borough of Kingston upon Thames", "Kingston upon Thames"),
    ],
)
def test_authority_aliases(title: str, name: str) -> None:
    found = match_authority(title, AUTHS)
    assert found is not None and found.name == name


def test_load_authorities_reads_bom_and_aliases(tmp_path: Path) -> None:
    csv_path = tmp_path / "la.csv"
    csv_path.write_text(
        "\ufeffurn,local_authority_ons_name,also_known_as,ltla23nm,utla23nm\n"
        '2532287,"Bournemouth, Christchurch and Poole","[BCP, Bournemouth, Christchurch & Poole]",,\n'
        "80465,Durham,,County Durham,County Durham\n",
        encoding="utf-8",
    )
    auths = load_authorities(csv_path)
    assert [a.urn for a in auths] == ["2532287", "80465"]
    assert "BCP" in auths[0].aliases
    assert match_authority("Durham County Council", auths).name == "Durham"
    assert match_authority("Inspection of BCP children's services", auths).name.startswith(
        "Bournemouth"
    )


# ---------- ILACS ----------

ILACS_2018 = """1
London Borough of Bexley
Inspection of children's social care services
Inspection dates: 9 July 2018 to 20 July 2018
Lead inspector: Marcie Taylor
Her Majesty's Inspector
Judgement Grade
The impact of leaders on social work practice with children and 
families Outstanding
The experiences and progress of children who need help and 
protection Requires improvement to 
be good
The experiences and progress of children in care and care 
leavers Good
Overall effectiveness Good
Children who need help and protection receive a good service, and
children in care receive an outstanding service.
"""

ILACS_2023 = """Inspection of Bexley local authority 
children’s services 
Inspection dates: 6 to 10 February 2023
Lead inspector: Tom Anthony, His Majesty’s Inspector
Judgement Grade
The impact of leaders on social work 
practice with children and families
Outstanding
The experiences and progress of 
children who need help and protection
Good
The experiences and progress of 
children in care
Good
The experiences and progress of 
children care leavers
Inadequate
Overall effectiveness Outstanding
Leaders are good at many things.
"""


def test_ilacs_2018_cover() -> None:
    f = read_facts([ILACS_2018.replace("\n", "\r\n")], authorities=AUTHS)
    assert (f.local_authority, f.kind, f.framework) == (
        "Bexley",
        "inspection report",
        "ILACS standard",
    )
    assert (f.inspection_start, f.inspection_end, f.lead_inspector) == (
        date(2018, 7, 9),
        date(2018, 7, 20),
        "Marcie Taylor",
    )
    assert f.published is None  # ILACS covers do not print it
    assert grades([ILACS_2018]) == {
        "impact_of_leaders": "outstanding",
        "help_and_protection": "requires improvement",
        "in_care": "good",
        "overall_effectiveness": "good",
    }
    assert all(j.page == 1 for j in f.judgements)


def test_ilacs_2023_care_leavers_and_short() -> None:
    f = read_facts([ILACS_2023], authorities=AUTHS)
    assert f.framework == "ILACS short" and f.length == "short"
    assert f.lead_inspector == "Tom Anthony"
    assert f.grade("care_leavers") == "inadequate" and f.grade("in_care") == "good"
    label = next(j.label for j in f.judgements if j.area == "in_care")
    assert label == "The experiences and progress of children in care"


def test_interleaved_cells_keep_row_order() -> None:
    # grade cell drawn between the two halves of its label
    text = (
        "Judgement Grade\nThe impact of leaders on social work\nGood\npractice with children and families\n"
        "The experiences and progress of\nInadequate\nchildren who need help and protection\n"
        "Overall effectiveness\nRequires improvement to be good\nNarrative starts here and is good."
    )
    assert grades([text]) == {
        "impact_of_leaders": "good",
        "help_and_protection": "inadequate",
        "overall_effectiveness": "requires improvement",
    }


def test_column_wise_table() -> None:
    text = (
        "Judgement Grade\nThe impact of leaders on social work practice with children and families\n"
        "The experiences and progress of children who need help and protection\n"
        "Overall effectiveness\nGood\nOutstanding\nGood\nThe council is inadequate at nothing."
    )
    assert grades([text]) == {
        "impact_of_leaders": "good",
        "help_and_protection": "outstanding",
        "overall_effectiveness": "good",
    }


def test_prose_is_not_a_table() -> None:
    text = (
        "Overall effectiveness of services is good.\nChildren who need help and protection receive a good "
        "service.\nLeadership, management and governance require improvement."
    )
    assert grades([text]) == {}


def test_april_2026_framework_has_no_overall() -> None:
    text = (
        "Inspection of North Northamptonshire local authority children’s services\n"
        "Inspection dates: 11 to 22 May 2026\nLead inspector: David Cohen, His Majesty’s Inspector\n"
        "Judgement Grade\nThe impact of leaders on practice with\nchildren and families\nOutstanding\n"
        "The experiences and progress of\nchildren who need help and protection\nGood\n"
        "The experiences and progress of\nchildren in care\nGood\n"
        "The experiences and progress of care\nleavers\nGood\nThe experiences of children have improved."
    )
    f = read_facts([text], authorities=AUTHS)
    assert f.local_authority == "North Northamptonshire"
    assert f.framework == "ILACS 2026" and f.length == "standard"
    assert (
        f.grade("overall_effectiveness") is None and f.grade("impact_of_leaders") == "outstanding"
    )


def test_split_inspection_length_from_first_visit() -> None:
    text = ILACS_2023.replace(
        "6 to 10 February 2023", "5 to 9 December 2022 and 14 to 15 February 2023"
    )
    f = read_facts([text])
    assert (f.inspection_start, f.inspection_end) == (date(2022, 12, 5), date(2023, 2, 15))
    assert f.framework == "ILACS short"
    assert f.local_authority == "Bexley"  # raw name from the title when no lookup is given


# ---------- SIF ----------

SIF_COVER = """1
London Borough of Bexley
Inspection of services for children in need of help and 
protection, children looked after and care leavers
and
Review of the effectiveness of the Local Safeguarding Children 
Board1
Inspection date: 11 March 2014 – 2 April 2014
Report published: 23 May 2014
The overall judgement is requires improvement.
1. Children who need help and protection Requires 
improvement
2. Children looked after and achieving permanence Good
2.1 Adoption performance Not judged
2.2 Experiences and progress of care leavers
Require improvement
"""
SIF_PAGE2 = """2
3. Leadership, management and governance Inadequate
Executive summary
"""
SIF_LATER = """40
The Local Safeguarding Children Board (LSCB)
The Local Safeguarding Children Board is 
inadequate
"""
SIF_TEAM = "41\nThe inspection team\nLead inspector: Pietro Battista Senior HMI\nDeputy lead inspector: A N Other\n"


def test_sif_report() -> None:
    f = read_facts([SIF_COVER, SIF_PAGE2, "3\nprose", SIF_LATER, SIF_TEAM], authorities=AUTHS)
    assert (f.framework, f.kind, f.local_authority) == ("SIF", "inspection report", "Bexley")
    assert (f.inspection_start, f.inspection_end, f.published) == (
        date(2014, 3, 11),
        date(2014, 4, 2),
        date(2014, 5, 23),
    )
    assert f.lead_inspector == "Pietro Battista"
    got = {j.area: (j.grade, j.page) for j in f.judgements}
    assert got == {
        "overall_effectiveness": ("requires improvement", 1),
        "help_and_protection": ("requires improvement", 1),
        "children_looked_after": ("good", 1),
        "care_leavers": ("requires improvement", 1),
        "leadership_management_governance": ("inadequate", 2),  # table carried over to page 2
        "lscb": ("inadequate", 4),
    }  # adoption "Not judged": no judgement, and later rows stay aligned


@pytest.mark.parametrize(
    "sentence,grade",
    [
        (
            "Children’s services in Wokingham require improvement to be \ngood",
            "requires improvement",
        ),
        ("The overall judgement is that children’s services are \ninadequate", "inadequate"),
        (
            "Children's services in the Royal Borough of Kensington and\nChelsea are outstanding",
            "outstanding",
        ),
    ],
)
def test_sif_overall_sentences(sentence: str, grade: str) -> None:
    assert grades([sentence]) == {"overall_effectiveness": grade}


def test_lscb_review_published_alone() -> None:
    text = (
        "1\nSurrey Safeguarding Children Board\nReview of the effectiveness of the Local Safeguarding Children \n"
        "Board \nInspection date: 15 June 2015 – 17 June 2015\nReport published: 3 August 2015\n"
        "The Local Safeguarding Children Board requires improvement \n"
    )
    f = read_facts([text])
    assert f.framework == "SIF" and f.grade("lscb") == "requires improvement"


# The looked after children inspection (LAC, 2012-13): cover, a contents page naming the areas,
# a section per area ("Grade 4 (inadequate)") and the grades in a closing table (Norfolk 2013's
# page texts; Medway's table adds "Grade 4" beside each grade).
LAC_COVER = (
    "Inspection of looked after children \r\nservices\r\nNorfolk County Council\r\n"
    "Inspection dates: 8 \u2013 12 July 2013\r\nReporting inspector Gary Lamb HMI\r\n"
    "Age group: All\r\nPublished: 16 August 2013"
)
LAC_CONTENTS = (
    "Norfolk County Council Inspection of looked after children services 1\nContents\n"
    "Overall effectiveness of services for looked after children and \nyoung people 4\n"
    "Capacity to improve 4\nOutcomes for looked after children and young people 8\n"
    "Quality of provision 15\nLeadership and management 17\nRecord of main findings 21\n"
)
LAC_SECTION = (
    "Norfolk County Council Inspection of looked after children services 4\n"
    "Overall effectiveness of services for looked \nafter children and young people\n"
    "Grade 4 (inadequate)\n8. The local authority is not carrying out its statutory duties.\n"
    "Capacity to improve\nGrade 4 (inadequate)\n11. Leadership and management is weak and "
    "quality of provision is inadequate.\n"
)
LAC_FINDINGS = (
    "Norfolk County Council Inspection of looked after children services 21\r\n"
    "Record of main findings\r\nServices for looked after children\r\n"
    "Overall effectiveness Inadequate\r\nCapacity to improve Good\r\n"
    "Outcomes for looked after children \r\nand young people\r\nAdequate\r\n"
    "Quality of provision Inadequate\r\nLeadership and management Outstanding"
)


def test_lac_report_grades_from_its_record_of_main_findings() -> None:
    pages = [LAC_COVER, "\u00a9 Crown copyright 2013", LAC_CONTENTS, LAC_SECTION, LAC_FINDINGS]
    f = read_facts(pages, authorities=[Authority("Norfolk")])
    assert (f.framework, f.kind, f.local_authority, f.lead_inspector) == (
        "LAC",
        "inspection report",
        "Norfolk",
        "Gary Lamb",
    )
    assert (f.inspection_start, f.inspection_end, f.published) == (
        date(2013, 7, 8),
        date(2013, 7, 12),
        date(2013, 8, 16),
    )
    assert f.length is None  # "standard"/"short" are ILACS's lengths
    got = {j.area: (j.grade, j.page) for j in f.judgements}
    assert got == {
        "overall_effectiveness": ("inadequate", 5),
        "capacity_to_improve": ("good", 5),
        "looked_after_outcomes": ("adequate", 5),
        "quality_of_provision": ("inadequate", 5),
        "leadership_and_management": ("outstanding", 5),
    }
    # the overall grade is of looked after children's services, and its label says so
    labels = {j.area: j.label for j in f.judgements}
    assert labels["overall_effectiveness"] == (
        "Services for looked after children: Overall effectiveness"
    )
    assert labels["looked_after_outcomes"] == "Outcomes for looked after children and young people"


def test_lac_findings_table_with_grade_numbers() -> None:
    table = (
        "Record of main findings\nServices for looked after children\n"
        "Overall effectiveness Inadequate Grade 4\nCapacity to improve Adequate Grade 3\n"
        "Outcomes for looked after children and \nyoung people\nInadequate Grade 4\n"
        "Quality of provision Good Grade 2\nLeadership and management Inadequate Grade 4\n"
    )
    assert grades(["Inspection of looked after children services\nMedway Council", table]) == {
        "overall_effectiveness": "inadequate",
        "capacity_to_improve": "adequate",
        "looked_after_outcomes": "inadequate",
        "quality_of_provision": "good",
        "leadership_and_management": "inadequate",
    }


def test_findings_labels_do_not_start_a_cover_table() -> None:
    # SIF/ILACS prose starts lines with these phrases; only a "Record of main findings" heading
    # makes them a table, and a report whose cover has a table keeps it.
    prose = "Leadership and management\ngood practice is seen.\nQuality of provision\nadequate"
    assert grades([prose]) == {}
    cover = "Overall effectiveness Good\nThe experiences and progress of care leavers Good\n"
    late = "Record of main findings\nOverall effectiveness Inadequate\nCapacity to improve Good"
    assert grades([cover, "2", "3", "4", late]) == {
        "overall_effectiveness": "good",
        "care_leavers": "good",
    }


def test_slac_framework_is_named_from_its_cover() -> None:
    cover = "Inspection of safeguarding and looked after \nchildren services\nBromley\n"
    assert read_facts([cover]).framework == "SLAC"


def test_html_saved_as_pdf() -> None:
    f = read_facts(["<!DOCTYPE html><html><head><title>Ofsted</title></head>"])
    assert (f.kind, f.framework, f.judgements) == ("other", "unknown", ())


@pytest.mark.parametrize(
    "title,kind",
    [
        ("Focused visit to Bexley local authority children’s services", "focused visit letter"),
        (
            "Monitoring visit to Bexley local authority children’s services",
            "monitoring visit letter",
        ),
        (
            "Joint targeted area inspection of the multi-agency response in Bexley",
            "joint targeted area inspection",
        ),
    ],
)
def test_kinds(title: str, kind: str) -> None:
    assert read_facts([title + "\nDear Ms Smith\n"]).kind == kind


# ---------- real reports (skipped when the corpus or pypdfium2 is absent) ----------

BEXLEY = SHARED / "reports" / "80488_bexley"


def _pages(pdf: Path) -> list[str]:
    import pypdfium2 as pdfium

    corpus_file(str(pdf.relative_to(SHARED)))
    doc = pdfium.PdfDocument(str(pdf))
    return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]


@pytest.fixture(scope="module")
def authorities() -> list[Authority]:
    return load_authorities(corpus_file("la_lookup.csv"))


@pytest.mark.parametrize(
    "name,framework,start,overall",
    [
        (
            "children's services inspection - 23 may 2014.pdf",
            "SIF",
            date(2014, 3, 11),
            "requires improvement",
        ),
        (
            "children's services inspection - 20 august 2018.pdf",
            "ILACS standard",
            date(2018, 7, 9),
            "outstanding",
        ),
        (
            "children's services inspection - 24 march 2023.pdf",
            "ILACS short",
            date(2023, 2, 6),
            "outstanding",
        ),
    ],
)
def test_real_bexley(
    authorities: list[Authority], name: str, framework: str, start: date, overall: str
) -> None:
    f = read_facts(_pages(BEXLEY / name), authorities=authorities)
    assert (f.local_authority, f.framework, f.inspection_start) == ("Bexley", framework, start)
    assert f.grade("overall_effectiveness") == overall


def test_real_2026_framework(authorities: list[Authority]) -> None:
    pdf = (
        SHARED
        / "reports"
        / "2637539_north northamptonshire"
        / "children's services inspection - 07 july 2026.pdf"
    )
    f = read_facts(_pages(pdf), authorities=authorities)
    assert f.framework == "ILACS 2026" and f.grade("overall_effectiveness") is None
    assert f.grade("impact_of_leaders") == "outstanding" and f.lead_inspector == "David Cohen"


def test_real_bcp(authorities: list[Authority]) -> None:
    pdf = (
        SHARED
        / "reports"
        / "2532287_bournemouth, christchurch & poole"
        / "children's services inspection - 29 january 2025.pdf"
    )
    f = read_facts(_pages(pdf), authorities=authorities)
    assert f.local_authority == "Bournemouth, Christchurch and Poole"
    assert f.grade("care_leavers") == "requires improvement"


@pytest.mark.parametrize(
    ("cover", "name"),
    [
        (
            "London Borough of Barnet\nInspection of local authority children's services\n"
            "Inspection dates: 2 to 13 July 2018",
            "London Borough of Barnet",
        ),
        (
            "Inspection of Bradford Children and Families Trust\nInspection dates: 11 to 22 May 2026",
            "Bradford",
        ),
        (
            "Inspection of looked after children services\nNorfolk County Council\n"
            "Inspection dates: 15 to 26 July 2013",
            "Norfolk County Council",
        ),
        (
            "Inspection of Bexley local authority children’s services\nInspection dates: 6 to 10 "
            "February 2023",
            "Bexley",
        ),
    ],
)
def test_the_council_is_read_from_the_cover_without_a_lookup_table(cover: str, name: str) -> None:
    assert read_facts([cover]).local_authority == name


@pytest.mark.parametrize(
    "folder,council,published,grades_read",
    [  # each "Record of main findings", checked against the report's section headings
        ("80418_norfolk", "Norfolk", "16 august 2013", "IIIII"),
        ("80476_kent", "Kent", "23 august 2013", "AGAAA"),
        ("80522_medway", "Medway", "23 august 2013", "IAIII"),
        ("80549_sandwell", "Sandwell", "02 august 2013", "IAAII"),
    ],
)
def test_real_lac_2013(
    authorities: list[Authority], folder: str, council: str, published: str, grades_read: str
) -> None:
    pdf = SHARED / "reports" / folder / f"children's services inspection,  pdf - {published}.pdf"
    f = read_facts(_pages(pdf), authorities=authorities)
    assert (f.local_authority, f.framework) == (council, "LAC")
    assert f.published == parse_date(published)
    word = {"I": "inadequate", "A": "adequate", "G": "good"}
    areas = (
        "overall_effectiveness",
        "capacity_to_improve",
        "looked_after_outcomes",
        "quality_of_provision",
        "leadership_and_management",
    )
    assert [f.grade(a) for a in areas] == [word[g] for g in grades_read]
