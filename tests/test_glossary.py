"""The glossary data file is complete and auditable; matching is whole-word and stemmed."""

from __future__ import annotations

import pytest

from ofsted_qa.retrieval.glossary import Glossary, _stems, default_glossary

REQUIRED_ACRONYMS = {
    "IRO",
    "LADO",
    "PLO",
    "CAMHS",
    "SGO",
    "LSCB",
    "MASH",
    "CSE",
    "S47",
    "MARAC",
    "MAPPA",
    "FGC",
    "JSNA",
    "NYAS",
    "CICC",
    "SCR",
    "ILACS",
    "CAF",
    "NEET",
    "UASC",
}


def test_every_entry_is_documented() -> None:
    glossary = default_glossary()
    assert len(glossary.entries) >= 50
    for entry in glossary.entries:
        assert entry.definition.strip() and entry.expansions, entry.term
        assert len(entry.definition) < 250, entry.term
    terms = [e.term for e in glossary.entries]
    assert len(terms) == len(set(terms))
    assert set(terms) >= REQUIRED_ACRONYMS


def _terms(text: str) -> list[str]:
    return [m.entry.term for m in default_glossary().find(text)]


def test_synonyms_of_looked_after_children() -> None:
    for text in ("kids in care", "children in care", "LAC", "CLA", "looked-after children"):
        assert _terms(text) == ["looked after children"], text


def test_stemmed_and_whole_word() -> None:
    assert "care leavers" in _terms("support for a care leaver")
    assert "IRO" in _terms("what do IROs do")
    assert _terms("irony") == []


def test_case_sensitive_acronyms() -> None:
    assert "KEEP" in _terms("the KEEP programme")
    assert "KEEP" not in _terms("keep families together")
    assert "SEND" not in _terms("send me the report")
    assert "personal adviser" in _terms("personal advisers")  # worded forms: any case


def test_longest_match_wins() -> None:
    found = default_glossary().find("child sexual exploitation")
    assert [m.entry.term for m in found] == ["CSE"]
    assert found[0].surface == "child sexual exploitation"


def test_added_skips_what_was_typed() -> None:
    match = default_glossary().find("independent reviewing officer")[0]
    assert "independent reviewing officer" not in match.added and "IRO" in match.added


def test_custom_glossary(tmp_path) -> None:
    path = tmp_path / "g.json"
    path.write_text(
        '{"entries": [{"term": "XYZ", "aliases": ["ex why zed"], "expansions": ["xylophone"],'
        ' "definition": "test"}]}'
    )
    glossary = Glossary.load(path)
    assert [m.entry.term for m in glossary.find("an ex why zed here")] == ["XYZ"]
    assert "zed" in glossary.known_words


def test_each_form_triggers_one_entry() -> None:
    """Two entries sharing a stemmed form would both fire on it, one of them in the wrong
    sense: "grade" is Ofsted's ("what grade did Leeds get" is no question about school); the
    school sense needs its context ("exam grades", "GCSE grades")."""
    owners: dict[tuple[str, ...], set[str]] = {}
    for entry in default_glossary().entries:
        for form in entry.forms:
            owners.setdefault(_stems(form), set()).add(entry.term)
    shared = {key for key, terms in owners.items() if len(terms) > 1}
    assert shared == set()
    assert _terms("what grade did Leeds get") == ["judgement"]
    assert "education of children in care" in _terms("exam grades of children in care")


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("children allocated a social worker", "allocation"),  # "allocated" is not "allocation"
        ("how quickly are children allocated", "allocation"),
        ("is it quite clear", "recruitment and retention"),  # "quite" is not "quitting"
        ("related to exploitation", "wider family"),  # "related" is not "relatives"
        ("how manageable were caseloads", "supervision"),  # nor "manageable" "managers"
        ("diversion from custody", "culture and identity"),  # nor "diversion" "diversity"
        ("exclusively online", "exclusion"),
        ("judgemental attitudes", "judgement"),
        ("a faithful account", "culture and identity"),
    ],
)
def test_a_word_sharing_only_a_stem_with_a_form_is_not_read_as_it(question: str, term: str) -> None:
    assert term not in {m.entry.term for m in default_glossary().find(question)}


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("unallocated cases", "allocation"),
        ("a care leaver", "care leavers"),  # plurals, -ed and -ing forms are the same word
        ("babies in care", "babies"),
        ("were children exploited", "exploitation"),
        ("PEPs", "PEP"),
        ("children going back home", "reunification"),
        ("children go back home", "reunification"),
        ("how was Leeds rated", "judgement"),
    ],
)
def test_inflected_forms_are_still_read(question: str, term: str) -> None:
    assert term in {m.entry.term for m in default_glossary().find(question)}


def test_everyday_and_workforce_vocabulary() -> None:
    assert "newly qualified social workers" in _terms("NQSWs")
    assert "supported accommodation" in _terms("care leavers in HMOs")
    assert "DfE" in _terms("did the govt step in")
    assert "birth family" in _terms("do birth parents get a say")
    assert "family time" in _terms("contact with birth parents")  # the longer match wins
    # "government" stems like "governance": it must not pull in the Department for Education.
    assert "DfE" not in _terms("LSCB governance arrangements")
    # CP, as the field writes child protection; "CP conferences" are the conferences
    assert "ICPC" in _terms("cp conferences timeliness in wigan")
    assert "CP" in _terms("CP work in Wigan") and "CP" in _terms("cp in Wigan")
    assert _terms("CP plans") == ["child protection plan"]  # the longer form wins


# The newer frameworks' vocabulary (2023-2026 ILACS, the April 2026 framework): how a user or a
# newer report words it -> the entry it must reach, and words its expansion must add.
NEWER_VOCABULARY = {
    "care-experienced young people": ("care leavers", "leaving care"),
    "separated migrant children": ("separated migrant children", "unaccompanied asylum-seeking"),
    "family help": ("family help", "early help"),
    "Families First Partnership Programme": ("family help", "early help"),
    "designated officer": ("LADO", "Local Authority Designated Officer"),
    "children's rights advocates": ("children's rights advocates", "advocacy"),
    "unregistered provision": ("unregistered children's homes", "children's homes"),
    "DoLS": ("deprivation of liberty", "deprivation of liberty"),
    "care experience as a protected characteristic": ("protected characteristic", "care-exper"),
    "Staying Close": ("Staying Close", "children's homes"),
    "outcome 4 of the national framework": ("national framework", "national framework"),
    "MACPTs": ("multi-agency child protection teams", "multi-agency child protection"),
}


def test_newer_vocabulary_expands_as_intended() -> None:
    for typed, (term, added) in NEWER_VOCABULARY.items():
        matches = {m.entry.term: m for m in default_glossary().find(typed)}
        assert term in matches, (typed, list(matches))
        entry = matches[term].entry
        searched = " ".join(entry.expansions + entry.broader)  # broader: searched, lower
        assert added.lower() in searched.lower(), (typed, searched)


def test_newer_entries_say_where_they_are_used() -> None:
    glossary = {e.term: e for e in default_glossary().entries}
    for term, _ in NEWER_VOCABULARY.values():
        entry = glossary[term]
        assert entry.definition.strip() and len(entry.used_in) > 20, term


def test_older_words_reach_the_newer_wording() -> None:
    """A user's older term finds reports that use the newer one."""
    by_term = {e.term: e for e in default_glossary().entries}
    assert "separated migrant children" in by_term["UASC"].expansions
    assert "designated officer" in by_term["LADO"].expansions
    assert _terms("UASC") == ["UASC"]  # the older term keeps its own entry


def test_newer_words_do_not_capture_ordinary_text() -> None:
    assert "multi-agency child protection teams" not in _terms("macpt")  # acronym: capitals only
    assert "family help" not in _terms("help the family")


def _glossary(tmp_path, entries: str) -> Glossary:
    path = tmp_path / "g.json"
    path.write_text('{"entries": [' + entries + "]}")
    return Glossary.load(path)


def test_a_specific_entry_wins_over_the_general_one_it_is_a_kind_of(tmp_path) -> None:
    # "county lines" expands to "exploitation": it is a kind of exploitation, so the general
    # entry (and its wider expansions) is not read beside it
    glossary = _glossary(
        tmp_path,
        '{"term": "exploitation", "expansions": ["sexual exploitation"], "definition": "d"},'
        '{"term": "CCE", "aliases": ["county lines"], "expansions": ["criminal exploitation",'
        ' "exploitation"], "definition": "d"}',
    )
    assert [m.entry.term for m in glossary.find("county lines exploitation")] == ["CCE"]
    assert [m.entry.term for m in glossary.find("exploitation")] == ["exploitation"]
    assert _terms("county lines exploitation") == ["CCE"]
    assert _terms("child exploitation and gangs in Newham") == ["CCE"]


def test_synonyms_that_expand_to_each_other_both_stay(tmp_path) -> None:
    glossary = _glossary(
        tmp_path,
        '{"term": "UASC", "expansions": ["separated migrant children"], "definition": "d"},'
        '{"term": "separated migrant children", "expansions": ["UASC"], "definition": "d"}',
    )
    found = [m.entry.term for m in glossary.find("UASC and separated migrant children")]
    assert found == ["UASC", "separated migrant children"]


def test_exploitation_alone_is_criminal_and_sexual() -> None:
    (match,) = default_glossary().find("exploitation")
    said = " ".join(match.added)
    assert "criminal" in said and "sexual" in said


def test_advocacy_is_not_one_provider() -> None:
    for typed in ("advocacy", "advocates", "independent advocacy"):
        (match,) = default_glossary().find(typed)
        assert match.entry.term == "advocacy", typed
        assert not any("National Youth" in e for e in match.added), typed
    assert _terms("NYAS") == ["NYAS"] == _terms("National Youth Advocacy Service")


# Words nearly every passage of every report has: an expansion to one of them matches all
# ("focused visit → inspectors"), so it says nothing.
EVERYWHERE = {"inspectors", "inspector", "inspection", "inspections", "report", "children"}


def test_no_expansion_is_a_word_every_report_uses() -> None:
    for entry in default_glossary().entries:
        if entry.term in {"kids", "watchdog"}:  # everyday words for "children", "Ofsted"
            continue
        assert not EVERYWHERE & {e.lower() for e in entry.expansions}, entry.term


def test_broader_words_are_searched_but_not_read_as_the_term() -> None:
    (match,) = default_glossary().find("staying put")
    assert "care leavers" in match.broader and "care leavers" not in match.added
    (match,) = default_glossary().find("Staying Close")
    assert "care leavers" in match.broader and not match.added


@pytest.mark.parametrize(
    ("typed", "glued"),
    [
        ("careleavers", "care leavers"),
        ("earlyhelp", "early help"),
        ("fostercarers", "foster carers"),
    ],
)
def test_two_word_phrases_typed_as_one_word(typed: str, glued: str) -> None:
    assert default_glossary().glued[typed] == glued


def test_a_word_the_glossary_knows_is_not_split() -> None:
    glossary = default_glossary()
    assert "aftercare" in glossary.known_words and "aftercare" not in glossary.glued
