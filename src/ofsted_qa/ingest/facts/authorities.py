"""Local authorities: load names and aliases from la_lookup.csv, and find one in a title.

Reports name the council in many ways ("London Borough of Bexley", "Bexley",
"Inspection of Bexley local authority children's services", "Kingston upon Hull
City Council", "Bradford Children and Families Trust").  Matching looks for the
*longest* known alias occurring as whole words in the normalised title, so that
"North Northamptonshire" beats "Northamptonshire" and "Bournemouth, Christchurch
and Poole" beats "Poole".
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ofsted_qa.ingest.facts.text import normalise, squash


@dataclass(frozen=True)
class Authority:
    """One local authority: canonical (ONS) name, other names, Ofsted URN."""

    name: str
    aliases: tuple[str, ...] = ()
    urn: str | None = None


def name_key(text: str) -> str:
    """Lower-case, '&'→'and', punctuation and hyphens→spaces, for loose name comparison."""
    text = normalise(text).lower().replace("&", " and ")
    return squash(re.sub(r"[^a-z0-9]+", " ", text))


# Short names reports use that la_lookup.csv does not list ("Inspection of Newcastle
# local authority children's services").  Data, not rules: extend as found.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "Newcastle upon Tyne": ("Newcastle",),
    "East Riding of Yorkshire": ("East Riding",),
}


def _variants(name: str) -> set[str]:
    """Spellings of one name: "Bristol, City of" also reads "City of Bristol" and "Bristol"."""
    out = {name}
    m = re.fullmatch(r"(.+?),\s*(City|County) of", name.strip())
    if m:
        out |= {m.group(1), f"{m.group(2)} of {m.group(1)}"}
    return out


def load_authorities(csv_path: str | Path) -> list[Authority]:
    """Read la_lookup.csv (UTF-8 with BOM): ONS name, `also_known_as` list, ONS area names.

    `also_known_as` is written like "[BCP, Bournemouth, Christchurch & Poole]".  A name may
    itself contain commas, so the items are split on commas *and* the whole list is kept
    as one more alias; stray fragments are harmless because matching prefers the longest
    alias and the ONS name is always present.
    """
    out: list[Authority] = []
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("local_authority_ons_name") or "").strip()
            if not name:
                continue
            names: set[str] = set()
            aka = (row.get("also_known_as") or "").strip().strip("[]")
            items = [a.strip() for a in aka.split(",") if a.strip()]
            names.update(items)
            if aka:
                names.add(aka)
            for col in ("ltla23nm", "utla23nm"):
                if (row.get(col) or "").strip():
                    names.add(row[col].strip())
            for n in list(names) + [name]:
                names |= _variants(n)
            names.update(EXTRA_ALIASES.get(name, ()))
            names.discard(name)
            out.append(
                Authority(name, tuple(sorted(names)), (row.get("urn") or "").strip() or None)
            )
    return out


def match_authority(text: str, authorities: Sequence[Authority]) -> Authority | None:
    """The authority whose longest alias occurs as whole words in `text`, or None."""
    hay = f" {name_key(text)} "
    best: tuple[int, Authority] | None = None
    for auth in authorities:
        for alias in (auth.name, *auth.aliases):
            key = name_key(alias)
            if len(key) < 3 or f" {key} " not in hay:
                continue
            if best is None or len(key) > best[0]:
                best = (len(key), auth)
    return best[1] if best else None
