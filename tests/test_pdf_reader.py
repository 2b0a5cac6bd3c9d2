"""The PDF reader on real reports of each layout (from ../shared) and on broken files it makes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ofsted_qa.evaluation.fidelity import fidelity
from ofsted_qa.ingest.chunking import chunk_document
from ofsted_qa.ingest.readers import UnreadableDocument, page_span, read_document
from ofsted_qa.ingest.readers.pdf import read_pdf
from shared_corpus import ROOT, corpus_file

BEXLEY_2014 = "reports/80488_bexley/children's services inspection - 23 may 2014.pdf"
LAYOUTS = {
    "SIF 2014": BEXLEY_2014,
    "ILACS standard 2018": "reports/80488_bexley/children's services inspection - 20 august 2018.pdf",
    "ILACS standard 2021": "reports/2532283_dorset/children's services inspection - 19 november 2021.pdf",
    "ILACS short 2025": "reports/2532283_dorset/children's services inspection - 09 may 2025.pdf",
    "April 2026 framework": "reports/2637539_north northamptonshire/children's services inspection - 07 july 2026.pdf",
}


def test_same_report_in_two_forms_gives_the_same_numbered_paragraphs() -> None:
    """The seed text and the PDF it came from: 189 of 190 (para 93: the seed's typo "MAPPAs")."""
    read = read_pdf(corpus_file(BEXLEY_2014))
    seed = (ROOT / "seeds" / "003_365e1ef2b819a726.txt").read_text(encoding="utf-8")
    result = fidelity(seed, read.text)
    assert result.total == 190 and result.share >= 0.99, result.misses
    assert "1. Children who need help and protection\tRequires improvement\n" in read.text
    assert "\n¹ Ofsted produces this report" in read.text
    assert len(read.page_starts) == 38


@pytest.mark.parametrize(
    ("name", "row"),
    [
        ("ILACS standard 2018", "Overall effectiveness\tOutstanding"),
        ("ILACS standard 2021", "Overall effectiveness\tGood"),
        ("ILACS short 2025", "The experiences and progress of care leavers\tGood"),
        ("April 2026 framework", "The experiences and progress of children in care\tGood"),
    ],
)
def test_ilacs_layouts_read_table_rows_and_no_furniture(name: str, row: str) -> None:
    read = read_pdf(corpus_file(LAYOUTS[name]))
    assert row in read.text.splitlines()
    assert "children’s services 1" not in read.text and "\n2\n" not in read.text
    assert "\n1. " in read.text and "\n2. " in read.text


def test_line_end_hyphen_restored() -> None:
    read = read_pdf(corpus_file(LAYOUTS["ILACS short 2025"]))
    assert "progress, multi-disciplinary group supervision" in read.text


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_every_passage_round_trips_to_its_offsets_and_pages(name: str) -> None:
    read = read_pdf(corpus_file(LAYOUTS[name]))
    chunks = chunk_document(read.text, "doc", max_tokens=256)
    assert len(chunks) > 20
    last_page = len(read.page_starts)
    for chunk in chunks:
        excerpt = " ".join(read.text[chunk.start : chunk.end].split())
        assert excerpt == chunk.text
        first, last = page_span(read.page_starts, chunk.start, chunk.end) or (0, 0)
        assert 1 <= first <= last <= last_page


def test_a_paragraph_across_a_page_break_cites_both_pages() -> None:
    read = read_pdf(corpus_file(BEXLEY_2014))
    chunks = {c.paragraph: c for c in chunk_document(read.text, "doc", max_tokens=100_000)}
    assert page_span(read.page_starts, chunks["39"].start, chunks["39"].end) == (6, 7)


def test_report_facts_come_with_the_text() -> None:
    facts = read_pdf(corpus_file(BEXLEY_2014)).facts
    assert facts is not None and facts.framework == "SIF"
    assert facts.grade("lscb") == "inadequate"
    assert facts.grade("care_leavers") == "requires improvement"


# --- broken files, made here ----------------------------------------------------------------


def minimal_pdf(lines: list[str], pages: int = 1) -> bytes:
    """A PDF of `pages` pages, each with `lines` in Helvetica (the page number appended to the
    first)."""
    contents = []
    for page in range(pages):
        texts = [f"{lines[0]} {page + 1}", *lines[1:]] if pages > 1 else lines
        contents.append(
            "BT /F1 12 Tf 72 760 Td 14 TL " + " ".join(f"({t}) '" for t in texts) + " ET"
        )
    return pdf_from_contents(contents)


def pdf_from_contents(contents: list[str]) -> bytes:
    """A PDF with one A4 page per content stream (Helvetica as /F1), its cross-reference table
    computed."""
    pages = len(contents)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(pages)), pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for page, ops in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (5 + 2 * page)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(ops) + ops.encode() + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    pypdf = pytest.importorskip("pypdf")
    folder = tmp_path_factory.mktemp("broken")
    good = minimal_pdf(["1. A numbered paragraph about social work practice.", "Another line."])
    files = {
        "good": good,
        "truncated": good[: len(good) // 2],
        "random": random.Random(1).randbytes(4000),
        "html": b"<!DOCTYPE html>\n<html><head><title>Ofsted</title></head><body>x</body></html>",
        "empty_file": b"",
    }
    for name, data in files.items():
        (folder / f"{name}.pdf").write_bytes(data)
    writer = pypdf.PdfWriter(clone_from=folder / "good.pdf")
    writer.encrypt(user_password="secret", owner_password="owner")
    writer.write(folder / "encrypted.pdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)  # a page with no text layer, as a scan has
    writer.write(folder / "no_text.pdf")
    pypdf.PdfWriter().write(folder / "zero_pages.pdf")
    return {p.stem: p for p in folder.glob("*.pdf")}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated", "corrupt or truncated PDF"),
        ("random", "not a PDF (no %PDF- header)"),
        ("html", "not a PDF (looks like HTML)"),
        ("encrypted", "encrypted"),
        ("no_text", "no text layer: OCR is not supported"),
        ("zero_pages", "no pages"),
        ("empty_file", "not a PDF (empty file)"),
    ],
)
def test_broken_pdfs_give_a_one_line_reason(
    broken: dict[str, Path], name: str, message: str
) -> None:
    with pytest.raises(UnreadableDocument) as err:
        read_pdf(broken[name])
    assert message in str(err.value) and "\n" not in str(err.value)


def test_a_500_page_pdf_reads_with_every_page_known(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(minimal_pdf(["Paragraph on page", "Social work practice was good."], 500))
    read = read_pdf(path)
    assert len(read.page_starts) == 500
    assert page_span(read.page_starts, read.text.index("page 500"), len(read.text)) == (500, 500)


def test_a_good_small_pdf_reads_and_is_chosen_by_content(
    broken: dict[str, Path], tmp_path: Path
) -> None:
    assert read_pdf(broken["good"]).text.startswith("1. A numbered paragraph")
    disguised = tmp_path / "report.txt"  # a PDF under a text name is still read as a PDF
    disguised.write_bytes(broken["good"].read_bytes())
    assert read_document(disguised).encoding == "pdf"


def test_many_files_are_read_by_worker_processes_and_cached(tmp_path: Path) -> None:
    from ofsted_qa.ingest.extract_cache import ExtractCache
    from ofsted_qa.ingest.reading import POOL_MIN_FILES, read_all

    paths = []
    for i in range(POOL_MIN_FILES + 1):
        path = tmp_path / f"report{i}.pdf"
        path.write_bytes(minimal_pdf([f"{i + 1}. Paragraph about visits", "More text."]))
        paths.append(path)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4")
    paths.append(tmp_path / "broken.pdf")
    cache = ExtractCache(tmp_path / "cache")
    outcomes = read_all(paths, cache, workers=2)
    assert [o.path for o in outcomes] == paths
    assert [o.read.text.split(".")[0] for o in outcomes[:-1] if o.read] == [
        str(i + 1) for i in range(POOL_MIN_FILES + 1)
    ]
    assert outcomes[-1].read is None and "corrupt or truncated PDF" in outcomes[-1].problem
    assert all(cache.get(o.key) is not None for o in outcomes[:-1])
