"""`--kind` as people type it: any case, spaces, underscores or hyphens, plurals, and the
everyday names ("focused visit", "report", "blog post"); a letter is also the visit its title
names; an unknown kind fails listing the index's kinds."""

from __future__ import annotations

import json

import pytest

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.retrieval.kinds import kind_key, kind_named, kinds_of
from ofsted_qa.retrieval.results import Filters
from test_cli import run  # the CLI runner; the `env` fixture is in conftest


def meta(doc_id: str, kind: str, title: str = "A title") -> DocumentMeta:
    return DocumentMeta(doc_id, doc_id, title, "Ofsted", kind, "2019")


DOCS = {
    m.doc_id: m
    for m in (
        meta("report", "inspection report"),
        meta("visit", "inspection letter", "Focused visit to Bexley children's services"),
        meta("monitoring", "monitoring visit letter", "Monitoring visit to Kent"),
        meta("news", "news"),
        meta("blog", "blog"),
    )
}


@pytest.mark.parametrize(
    ("typed", "admitted"),
    [
        ("inspection report", {"report"}),
        ("Inspection_Reports", {"report"}),
        ("inspection-report", {"report"}),
        ("  INSPECTION   report ", {"report"}),
        ("report", {"report"}),
        ("focused visit", {"visit"}),
        ("Focused Visits", {"visit"}),
        ("focused_visit_letter", {"visit"}),
        ("monitoring visit", {"monitoring"}),
        ("letters", {"visit", "monitoring"}),  # every letter, whatever its visit
        ("inspection letter", {"visit", "monitoring"}),
        ("news", {"news"}),
        ("NEWS", {"news"}),
        ("blog", {"blog"}),
        ("blogs", {"blog"}),
        ("blog post", {"blog"}),
    ],
)
def test_a_kind_is_taken_as_people_type_it(typed: str, admitted: set[str]) -> None:
    filters = Filters(kinds=(typed,))
    filters.check(DOCS)
    assert {d for d, m in DOCS.items() if filters.admits(m)} == admitted


def test_a_visit_letter_is_a_letter_and_its_visit() -> None:
    assert kinds_of(DOCS["visit"]) == {"inspection letter", "focused visit letter"}
    assert kinds_of(DOCS["report"]) == {"inspection report"}
    assert kind_key("Focused-Visits") == "focused visit" and kind_key("news") == "news"
    assert kind_named("focused visit", ["inspection report"]) is None


@pytest.mark.parametrize("typed", ["webinar", "focused", "joint targeted area inspection"])
def test_an_unknown_kind_fails_listing_the_index_kinds(typed: str) -> None:
    with pytest.raises(OfstedQAError) as raised:
        Filters(kinds=(typed,)).check(DOCS)
    assert "matches no indexed kind" in raised.value.message
    assert raised.value.hint is not None
    for kind in ("blog", "focused visit letter", "inspection report", "news"):
        assert repr(kind) in raised.value.hint


def test_ask_takes_focused_visit_and_a_plural(env: list[str]) -> None:
    code, out = run([*env, "ask", "--json", "--kind", "focused visit", "child protection"])
    results = json.loads(out)["results"]
    assert code == 0 and results
    assert {r["doc_id"] for r in results} == {"002_e7d3b80cb6f79f70"}  # the Bexley focused visit
    code, out = run([*env, "ask", "--json", "--kind", "Inspection_Reports", "care leavers"])
    assert code == 0 and {r["kind"] for r in json.loads(out)["results"]} == {"inspection report"}


def test_ask_says_the_valid_kinds_for_an_unknown_one(env: list[str], capsys) -> None:
    run([*env, "ask", "care leavers"])  # builds the index
    capsys.readouterr()
    code, _ = run([*env, "ask", "--kind", "webinar", "care leavers"])
    err = capsys.readouterr().err
    assert code == 2 and "--kind 'webinar' matches no indexed kind" in err
    assert "'focused visit letter'" in err and "'inspection report'" in err


def test_docs_says_the_kinds_ask_takes(env: list[str]) -> None:
    run([*env, "ask", "care leavers"])  # builds the index
    code, out = run([*env, "docs"])
    said = " ".join(out.strip().splitlines()[-2:])
    assert code == 0 and "kinds (ask --kind):" in said
    assert "focused visit letter 1" in said and "inspection letter 1" in said and "news 2" in said
