"""Publication furniture that is no answer to anything: contents pages, copyright and
subscription notices, contact blocks, letter salutations and signatures, photo credits.

Each test looks at one blank-line block as its normalised line bodies; the chunker drops
blocks that match (and keeps the contents titles, which shape section paths).
"""

from __future__ import annotations

import re

from ofsted_qa.ingest.layout import SENTENCE_BREAK

BOILERPLATE_MAX_WORDS = 150  # furniture is short; a long block that mentions it is content
TOC_LINE_MAX_CHARS = 160

_TOC_LINE = re.compile(r"(.+?)(?:\t+\s*|\s*\.{3,}\s*)\d+")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Publication furniture found across sites and Ofsted templates (lower case); a block with one
# of these phrases, or a line starting with one of the openings, is dropped.
_BOILERPLATE_PHRASES = (
    "crown copyright", "©", "website design by", "web design by", "all rights reserved",
    "photo credit", "image credit", "picture credit", "photo courtesy",
    "(ofsted) regulates and inspects",
)  # fmt: skip
_BOILERPLATE_OPENINGS = (
    "if you would like a copy of", "if you would like ofsted to send you a copy",
    "to receive regular email alerts", "you may copy all or parts of this document",
    "any complaints about the inspection",
)  # fmt: skip
# Letter furniture that stands alone on its line: salutation, date.
_LETTER_LINE = re.compile(
    rf"dear [^,.]{{1,60}},?|(?:\w+day,? )?\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTHS}),? \d{{4}}", re.I
)
_PHOTO_CREDIT = re.compile(r"\b(?:photo|image|picture)\s*(?:credit|courtesy)\b", re.I)
_VALEDICTION = re.compile(r"(?:yours (?:sincerely|faithfully)|kind regards|best wishes)\W*$", re.I)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")
_CONTACT = re.compile(
    r"\b(?:T|Tel|Telephone|Textphone|Fax|Phone)\b\.?:?\s*\+?\d[\d ]{6,}"
    r"|\S@\S+\.\w|\bwww\.\S|https?://|\bcontact us\b",
    re.I,
)


def _is_toc_line(body: str) -> bool:
    return len(body) <= TOC_LINE_MAX_CHARS and bool(_TOC_LINE.fullmatch(body))


def contents_titles(raw_bodies: list[str]) -> list[str] | None:
    """The entry titles if the block is a contents page (two or more 'Title .... 12' lines).

    Takes the raw line bodies: the tab or dot leaders matter here."""
    if len(raw_bodies) > 1 and all(_is_toc_line(b) for b in raw_bodies):
        return [m[1] for b in raw_bodies if (m := _TOC_LINE.fullmatch(b))]
    return None


def is_photo_credit(text: str) -> bool:
    return bool(_PHOTO_CREDIT.search(text))


def is_valediction(body: str) -> bool:
    """'Yours sincerely' and the like: the name and title that follow are a signature."""
    return bool(_VALEDICTION.match(body))


def _is_boilerplate(bodies: list[str]) -> bool:
    if sum(len(b.split()) for b in bodies) > BOILERPLATE_MAX_WORDS:
        return False
    lowered = [b.casefold() for b in bodies]
    return any(p in b for b in lowered for p in _BOILERPLATE_PHRASES) or any(
        b.startswith(_BOILERPLATE_OPENINGS) for b in lowered
    )


def _is_contact_block(bodies: list[str]) -> bool:
    """Addresses, phone/email lines: a contact signal and no line of prose."""
    prose = any(SENTENCE_BREAK.search(b) or b.endswith(".") and len(b.split()) >= 8 for b in bodies)
    return not prose and any(_POSTCODE.search(b) or _CONTACT.search(b) for b in bodies)


def is_furniture(bodies: list[str]) -> bool:
    """A salutation or date line, a notice, or a contact block."""
    letter = len(bodies) == 1 and _LETTER_LINE.fullmatch(bodies[0])
    return bool(letter or _is_boilerplate(bodies) or _is_contact_block(bodies))
