"""`metadata.json`: read (with or without a byte-order mark) and validated once, at index time.

Every field is checked for its type and every date is read into ISO 8601 as precise as given, so
nothing downstream (citations, `docs`, the TUI, year matching) ever meets a malformed value. A
bad field becomes a warning naming the file, the entry and the field, and is then inferred from
the document's text as if it were absent.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

KINDS = (
    "inspection report",
    "inspection letter",
    "focused visit letter",
    "monitoring visit letter",
    "joint targeted area inspection",
    "news",
    "blog",
    "document",
)
# `local_authority`: the council a news story or blog is about when its own words never say
# (a report's cover names it; a page headed "A firmly embedded model of practice" does not).
TEXT_FIELDS = ("title", "publisher", "url", "local_authority")
MIN_YEAR, MAX_YEAR = 1900, 2100

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
# "2014/15", "2014-15", "2014/2015": a financial or academic year, read as both years.
_YEAR_SPAN = re.compile(r"^((?:19|20)\d\d)\s*[-/–]\s*(\d{2}|(?:19|20)\d\d)$")
# Two distinct defaults reveal which parts a free-form date left out.
_DEFAULTS = (datetime(1904, 1, 1), datetime(1908, 2, 2))


@dataclass(frozen=True)
class Entry:
    """One file's validated metadata: only the fields given and valid; the rest are inferred."""

    text: dict[str, str] = field(default_factory=dict)  # title, publisher, url, local_authority
    kind: str = ""
    date: str = ""
    period: tuple[str, str] = ("", "")


def _checked(year: int, month: int = 1, day: int = 1) -> bool:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return False
    try:
        datetime(year, month, day)
    except ValueError:
        return False
    return True


def parse_date(value: object) -> tuple[str, tuple[str, str]] | None:
    """An ISO date as precise as given, and the years it spans when it names a span.

    "2014-05-23", "2014-05", "2014", 2014, "23/05/2014" (day first, as in the UK), "23 May 2014",
    "May 2014" and "2014/15" or "2014-15" (-> "2014", spanning 2014 to 2015; "2011-12" is
    December 2011, "2011/12" the span) are read; anything else ("2019-13", "next Tuesday", a
    list) gives None."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    # "2011-12" is ISO December 2011; a hyphenated span is read only where no month fits.
    iso = _ISO.match(text)
    if iso and _checked(*(int(p) if p else 1 for p in iso.groups())):
        year, month, day = (int(p) if p else 0 for p in iso.groups())
        return "-".join([f"{year:04d}"] + [f"{p:02d}" for p in (month, day) if p]), ("", "")
    if span := _YEAR_SPAN.match(text):
        first, second = int(span[1]), int(span[2])
        second = second if second >= 100 else first // 100 * 100 + second
        if second != first + 1 or not _checked(first):
            return None
        return str(first), (str(first), str(second))
    return None if iso else _free_form(text)


def _free_form(text: str) -> tuple[str, tuple[str, str]] | None:
    if not re.search(r"\d{4}", text):
        return None  # a year is required: "23 May" or "next Tuesday" say too little
    from dateutil import parser as date_parser  # only a build reads free-form dates

    try:
        one, two = (date_parser.parse(text, dayfirst=True, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    if one.year != two.year or not _checked(one.year):
        return None
    if one.month != two.month:
        return f"{one.year:04d}", ("", "")
    if one.day != two.day:
        return f"{one.year:04d}-{one.month:02d}", ("", "")
    return one.date().isoformat(), ("", "")


def read_metadata(folder: Path, warnings: list[str]) -> dict[str, Entry]:
    """The validated entries of `folder`'s metadata file, keyed by file name (none if absent)."""
    path = folder / "metadata.json"
    if not path.is_file():
        return {}
    try:
        # utf-8-sig: editors on Windows save JSON with a byte-order mark.
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        warnings.append(f"{path}: unreadable metadata ({exc}); inferring from the texts")
        return {}
    if not isinstance(raw, dict):
        warnings.append(f"{path}: expected an object keyed by file name; inferring from the texts")
        return {}
    entries = {}
    for name, value in raw.items():
        where = f"{path}: entry {name!r}"
        if not isinstance(value, dict):
            warnings.append(f"{where} is not an object; ignored")
            continue
        entries[str(name)] = _entry(value, where, warnings)
    return entries


def _entry(value: dict[str, object], where: str, warnings: list[str]) -> Entry:
    text = {}
    for name in TEXT_FIELDS:
        given = value.get(name)
        if isinstance(given, str) and given.strip():
            text[name] = given.strip()
        elif given not in (None, ""):
            warnings.append(f"{where} field {name!r}: expected text, got {given!r}; ignored")
    kind = value.get("kind")
    if kind is not None and kind not in KINDS:
        warnings.append(f"{where} field 'kind': {kind!r} is not one of {', '.join(KINDS)}")
        kind = None
    date, period = _date_field(value.get("date"), f"{where} field 'date'", warnings)
    start, end = _period(value.get("period"), where, warnings)
    if not (start or end):
        start, end = period
    return Entry(text=text, kind=str(kind or ""), date=date, period=(start, end))


def _date_field(given: object, where: str, warnings: list[str]) -> tuple[str, tuple[str, str]]:
    if given in (None, ""):
        return "", ("", "")
    parsed = parse_date(given)
    if parsed is None:
        warnings.append(f"{where}: cannot read {given!r} as a date; inferred from the text")
        return "", ("", "")
    return parsed


def _period(given: object, where: str, warnings: list[str]) -> tuple[str, str]:
    if given is None:
        return "", ""
    if not isinstance(given, dict):
        warnings.append(f"{where} field 'period': expected {{start, end}}, got {given!r}; ignored")
        return "", ""
    start = _date_field(given.get("start"), f"{where} field 'period.start'", warnings)[0]
    end = _date_field(given.get("end"), f"{where} field 'period.end'", warnings)[0]
    if start and end and end < start:
        warnings.append(f"{where} field 'period': ends before it starts; ignored")
        return "", ""
    return start, end


class MetadataLookup:
    """A file's entry: in its own folder's metadata file by file name, else in its document
    folder's by path inside it ("2014/x.txt"). Each metadata file is read once; entries that
    match no indexed document are reported (a typo in a file name would otherwise pass)."""

    def __init__(self, warnings: list[str]) -> None:
        self._warnings = warnings
        self._folders: dict[Path, dict[str, Entry]] = {}
        self._used: set[tuple[Path, str]] = set()

    def _entries(self, folder: Path) -> dict[str, Entry]:
        if folder not in self._folders:
            self._folders[folder] = read_metadata(folder, self._warnings)
        return self._folders[folder]

    def entry(self, path: Path, given: Path) -> Entry | None:
        """The entry describing `path`, found under the document folder `given`, if any."""
        for folder, key in ((path.parent, path.name), (given, path.relative_to(given).as_posix())):
            found = self._entries(folder).get(key)
            if found is not None:
                self._used.add((folder, key))
                return found
        return None

    def unused(self) -> list[str]:
        """One warning per entry that described no indexed document."""
        return [
            f"{folder / 'metadata.json'}: entry {key!r} matches no indexed document"
            for folder, entries in self._folders.items()
            for key in entries
            if (folder, key) not in self._used
        ]
