"""Web pages and Word files read into the text conventions the chunker expects.

Every fixture is written here, in tmp_path; the real Ofsted downloads that are web pages saved
under a .pdf name are read from ../shared when it is there.
"""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ofsted_qa.ingest.readers.base import UnreadableDocument
from ofsted_qa.ingest.readers.docx import looks_like_docx, read_docx
from ofsted_qa.ingest.readers.html import decode_html, looks_like_html, read_html
from shared_corpus import REPORTS  # noqa: E402

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="windows-1252">
<title>Children's services in Anytown judged good - GOV.UK</title>
<meta property="og:title" content="Children's services in Anytown judged good">
<meta property="article:published_time" content="2023-03-14T09:30:00+00:00">
</head><body>
<div class="cookie-banner"><p>We use cookies to collect information about how you use GOV.UK.
Accept additional cookies?</p><button>Accept</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/education">Education</a></li>
<li><a href="/news">News</a></li></ul></nav></header>
<main><article>
<h1>Children's services in Anytown judged good</h1>
<p>Ofsted has published its inspection of Anytown council's children's services, which were
judged good overall. Inspectors visited in February 2023 and spoke to children and staff.</p>
<h2>What inspectors found</h2>
<p>Inspectors highlighted:</p>
<ul><li>strong leadership from the director of children's services</li>
<li>timely help for families – café sessions</li></ul>
<p>The council must now:</p>
<ol><li>improve the quality of plans for care leavers</li><li>reduce caseloads</li></ol>
<table><tr><th>Judgement</th><th>Grade</th></tr><tr><td>Overall effectiveness</td><td>Good</td></tr>
<tr><td>Care leavers</td><td>Requires <b>improvement</b></td></tr></table>
<p>A monitoring visit will follow within the next twelve months to check progress on each of
the recommendations above.</p>
</article></main>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>I think this
is a disgrace and the council should be ashamed of the whole thing frankly.</p></div></section>
<footer><p>All content is available under the Open Government Licence v3.0. © Crown copyright</p>
</footer></body></html>
"""

PAGE_TEXT = (
    "Children's services in Anytown judged good\n\n"
    "Ofsted has published its inspection of Anytown council's children's services, which were "
    "judged good overall. Inspectors visited in February 2023 and spoke to children and staff.\n\n"
    "What inspectors found\n\n"
    "Inspectors highlighted:\n\n"
    "• strong leadership from the director of children's services\n"
    "• timely help for families – café sessions\n\n"
    "The council must now:\n\n"
    "1. improve the quality of plans for care leavers\n"
    "2. reduce caseloads\n\n"
    "Judgement\tGrade\n"
    "Overall effectiveness\tGood\n"
    "Care leavers\tRequires improvement\n\n"
    "A monitoring visit will follow within the next twelve months to check progress on each of "
    "the recommendations above."
)


def test_web_page_main_text_headings_lists_and_table(tmp_path: Path) -> None:
    path = tmp_path / "news.html"
    path.write_bytes(PAGE.encode("cp1252"))  # "café" and "–" only decode by the declared charset
    read = read_html(path)
    assert read.text == PAGE_TEXT
    assert (read.title, read.date, read.encoding) == (
        "Children's services in Anytown judged good",
        "2023-03-14",
        "html",
    )
    for chrome in ("cookies", "Home", "disgrace", "Crown copyright", "Accept"):
        assert chrome not in read.text


def test_minutes_keep_time_text_nested_lists_and_quotes(tmp_path: Path) -> None:
    path = tmp_path / "minutes.htm"
    path.write_text(
        """<html><head><title>Minutes</title></head><body><div class="content">
<h2>Minutes of the Children and Young People Scrutiny Committee</h2>
<p>Published <time datetime="2022-11-02">2 November 2022</time>. The committee met to consider
the Ofsted report and the action plan prepared in response to it by officers.</p>
<p>Members asked about:</p>
<ul><li>staffing:<ul><li>agency workers</li><li>caseloads</li></ul></li>
<li>placement sufficiency and the use of unregistered children's homes</li></ul>
<blockquote><p>First quoted paragraph from the report, read aloud by the chair.</p>
<p>Second quoted paragraph.</p></blockquote></div></body></html>""",
        encoding="utf-8",
    )
    read = read_html(path)
    assert read.text == (
        "Minutes of the Children and Young People Scrutiny Committee\n\n"
        "Published 2 November 2022. The committee met to consider the Ofsted report and the "
        "action plan prepared in response to it by officers.\n\n"
        "Members asked about:\n\n"
        "• staffing:\n  • agency workers\n  • caseloads\n"
        "• placement sufficiency and the use of unregistered children's homes\n\n"
        "First quoted paragraph from the report, read aloud by the chair.\n\n"
        "Second quoted paragraph."
    )
    assert (read.title, read.date) == ("Minutes", "2022-11-02")


@pytest.mark.parametrize(
    "markup",
    [
        "<!DOCTYPE html><html><head><title>Links</title></head><body><nav><ul>"
        '<li><a href="/">Home</a></li><li><a href="/a">About us</a></li>'
        '<li><a href="/c">Contact</a></li><li><a href="/n">News</a></li></ul></nav>'
        '<footer><a href="/privacy">Privacy</a></footer></body></html>',
        "",
        "<html><head><title>Nothing</title></head><body></body></html>",
    ],
    ids=["navigation-only", "empty-file", "empty-body"],
)
def test_page_without_main_text_is_unreadable(tmp_path: Path, markup: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="^web page has no main text$"):
        read_html(path)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<!DOCTYPE html>\n<html>", True),
        (b"\xef\xbb\xbf  \n<!doctype HTML><html>", True),
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', True),
        (b"<!-- saved from url=(0014)about:internet -->\r\n<HTML><HEAD>", True),
        ("\ufeff<html><body>".encode("utf-16-le"), True),
        (b"<body><p>fragment</p>", True),
        (b"%PDF-1.7\n%\xe2\xe3", False),
        (b"PK\x03\x04\x14\x00", False),
        (b"Report text that mentions <html> later", False),
    ],
)
def test_looks_like_html(head: bytes, expected: bool) -> None:
    assert looks_like_html(head) is expected


def test_decoding_follows_bom_then_declared_charset_then_utf8() -> None:
    assert decode_html('<meta charset="iso-8859-1">café'.encode("cp1252")).endswith("café")
    assert decode_html("café – ok".encode()) == "café – ok"
    assert decode_html(b"\xef\xbb\xbfcaf\xc3\xa9") == "café"
    assert decode_html(b"<meta charset=bogus>caf\xe9") == "<meta charset=bogus>café"
    assert decode_html('<meta charset="utf-16">café'.encode()).endswith("café")


def test_ofsted_downloads_that_are_web_pages_read_as_html() -> None:
    """Four 2012 'PDFs' are the reports site's "Report not found" page under a .pdf name."""
    if not REPORTS.is_dir():
        pytest.skip(f"{REPORTS} is absent: the shared Ofsted corpus is not on this machine")
    fakes = [p for p in sorted(REPORTS.glob("*/*.pdf")) if p.read_bytes()[:5] != b"%PDF-"]
    assert len(fakes) == 4
    for path in fakes:
        assert looks_like_html(path.read_bytes()[:2048])
        with pytest.raises(UnreadableDocument, match="error page .'Report not found'"):
            read_html(path)


def test_an_error_page_is_refused_but_an_article_about_one_is_not(tmp_path: Path) -> None:
    page = tmp_path / "gone.html"
    page.write_text(
        "<html><head><title>Oops</title></head><body><main><h1>Page not found</h1>"
        "<p>Sorry, the page you asked for no longer exists on this site.</p></main></body></html>"
    )
    with pytest.raises(UnreadableDocument, match="error page"):
        read_html(page)
    article = tmp_path / "article.html"
    body = " ".join(["Inspectors found that plans for care leavers were not found on file."] * 20)
    article.write_text(
        f"<html><head><title>Care leavers</title></head><body><article><h1>Plans not found"
        f"</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )
    assert "care leavers" in read_html(article).text


# ---- Word -----------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _report_docx(path: Path) -> None:
    import docx

    doc = docx.Document()
    props = doc.core_properties
    props.title = "Inspection of Anytown children's services"
    props.created = datetime.datetime(2021, 5, 4, 9, 0)
    props.modified = datetime.datetime(2021, 6, 10, 16, 30)
    doc.add_heading("Inspection of Anytown children's services", level=0)
    doc.add_heading("Summary", level=1)
    doc.add_paragraph("Children in Anytown receive a good service.\tLeaders know\ntheir strengths.")
    doc.add_paragraph("Inspectors found:")
    doc.add_paragraph("strong leadership", style="List Bullet")
    doc.add_paragraph("timely help", style="List Bullet")
    doc.add_paragraph("early help hubs", style="List Bullet 2")
    doc.add_heading("What needs to improve", level=2)
    doc.add_paragraph("The local authority should:")
    doc.add_paragraph("improve plans for care leavers", style="List Number")
    doc.add_paragraph("reduce caseloads", style="List Number")
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate([("Judgement", "Grade", "Note"), ("Overall", "Good", "")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(2, 0).merge(table.cell(2, 1)).text = "Care leavers (merged)"
    table.cell(2, 2).text = "Requires improvement"
    doc.add_paragraph("")  # empty paragraphs are spacing, not text
    doc.add_paragraph("Paragraph after the table.")
    doc.save(str(path))


def test_word_report_blocks_lists_table_and_properties(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    _report_docx(path)
    assert looks_like_docx(path)
    read = read_docx(path)
    assert read.text == (
        "Inspection of Anytown children's services\n\n"
        "Summary\n\n"
        "Children in Anytown receive a good service. Leaders know their strengths.\n\n"
        "Inspectors found:\n\n"
        "• strong leadership\n• timely help\n  • early help hubs\n\n"
        "What needs to improve\n\n"
        "The local authority should:\n\n"
        "1. improve plans for care leavers\n2. reduce caseloads\n\n"
        "Judgement\tGrade\tNote\n"
        "Overall\tGood\t\n"
        "Care leavers (merged)\tRequires improvement\n\n"
        "Paragraph after the table."
    )
    assert (read.title, read.date, read.encoding, read.page_starts) == (
        "Inspection of Anytown children's services",
        "2021-06-10",
        "docx",
        (),
    )


def _numbered(doc: object, num_id: int, ilvl: int, text: str) -> None:
    from docx.oxml import parse_xml

    para = doc.add_paragraph(text)  # type: ignore[attr-defined]
    para._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def test_word_numbering_is_replayed_across_paragraphs_levels_and_restarts(tmp_path: Path) -> None:
    """Word continues a list over other paragraphs (a report's numbered paragraphs run on past
    headings); 'restart numbering' is a new num with a startOverride; level 2 is "(a)"."""
    import docx
    from docx.oxml import parse_xml

    doc = docx.Document()
    numbering = doc.part.numbering_part.element
    levels = (
        f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="(%2)"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>'
        '<w:lvlText w:val="%3)"/></w:lvl></w:abstractNum>'
    )
    numbering.insert(0, parse_xml(levels))
    numbering.append(
        parse_xml(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    numbering.append(
        parse_xml(
            f'<w:num xmlns:w="{W}" w:numId="91"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    for ilvl, text in [(0, "first"), (0, "second:"), (1, "sub a"), (1, "sub b"), (2, "deep")]:
        _numbered(doc, 90, ilvl, text)
    doc.add_heading("Next section", level=1)
    _numbered(doc, 90, 0, "third, continued past the heading")
    _numbered(doc, 91, 0, "a restarted list")
    _numbered(doc, 0, 0, "numId 0 switches numbering off")
    path = tmp_path / "numbered.docx"
    doc.save(str(path))
    assert read_docx(path).text == (
        "1. first\n2. second:\n  • (a) sub a\n  • (b) sub b\n    • i) deep\n\n"
        "Next section\n\n"
        "3. third, continued past the heading\n1. a restarted list\n\n"
        "numId 0 switches numbering off"
    )


def test_word_date_falls_back_to_created_and_table_order_is_kept(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    props = doc.core_properties
    props.created = datetime.datetime(2019, 2, 1, 12, 0)
    for modified in props._element.findall("{http://purl.org/dc/terms/}modified"):
        props._element.remove(modified)
    doc.add_paragraph("Before.")
    doc.add_table(rows=1, cols=2).rows[0].cells[1].text = "only the second cell"
    doc.add_paragraph("After.")
    doc.add_paragraph("an indented list paragraph with no numbering", style="List Paragraph")
    doc.add_paragraph("•\ta bullet typed by hand", style="List Paragraph")
    path = tmp_path / "order.docx"
    doc.save(str(path))
    read = read_docx(path)
    # A row's leading empty cell keeps its tab, so the columns still line up.
    assert read.text == (
        "Before.\n\n\tonly the second cell\n\nAfter.\n\n"
        "• an indented list paragraph with no numbering\n• a bullet typed by hand"
    )
    assert (read.title, read.date) == ("", "2019-02-01")

    # Without a core-properties part there is no title or date (none is invented).
    with zipfile.ZipFile(path) as source:
        members = {n: source.read(n) for n in source.namelist() if "core.xml" not in n}
    rels = members["_rels/.rels"].decode()
    members["_rels/.rels"] = re.sub(r"<Relationship [^>]*core\.xml\"/>", "", rels).encode()
    bare = read_docx(_zip(tmp_path / "bare.docx", members))
    assert (bare.text, bare.title, bare.date) == (read.text, "", "")


def _zip(path: Path, members: dict[str, bytes] | dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_bad_word_files_say_why(tmp_path: Path) -> None:
    other_zip = _zip(tmp_path / "archive.docx", {"notes.txt": "hello"})
    random = tmp_path / "random.docx"
    random.write_bytes(bytes(range(256)) * 8)
    old_doc = tmp_path / "report.doc"
    old_doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"))
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"))
    cases = [
        (other_zip, r"^not a Word document \(zip without word/document\.xml\)$"),
        (random, r"^not a Word document \(not a zip file\)$"),
        (old_doc, r"^old Word \.doc format is not supported; save as \.docx$"),
        (locked, r"^Word document is password-protected$"),
    ]
    for path, message in cases:
        assert not looks_like_docx(path)
        with pytest.raises(UnreadableDocument, match=message):
            read_docx(path)


def test_word_package_of_another_kind_or_empty_is_unreadable(tmp_path: Path) -> None:
    report = tmp_path / "report.docx"
    _report_docx(report)
    with zipfile.ZipFile(report) as source:
        members = {name: source.read(name) for name in source.namelist()}
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"document.main+xml", b"document.macroEnabled.main+xml"
    )
    macro = _zip(tmp_path / "macro.docx", members)
    with pytest.raises(UnreadableDocument, match=r"^not a Word document \(.*is not a Word file"):
        read_docx(macro)

    import docx

    blank = tmp_path / "blank.docx"
    docx.Document().save(str(blank))
    with pytest.raises(UnreadableDocument, match="^Word document has no text$"):
        read_docx(blank)


def test_readers_do_not_import_their_libraries_until_used() -> None:
    code = (
        "import sys, ofsted_qa.ingest.readers.html, ofsted_qa.ingest.readers.docx\n"
        "print(sorted(m for m in ('trafilatura', 'docx', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
