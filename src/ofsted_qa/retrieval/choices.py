"""A filter value the index cannot match, refused naming the valid ones (shared by the search
filters and the judgement listing)."""

from __future__ import annotations

from ofsted_qa.errors import OfstedQAError

SHOWN_CHOICES = 12  # valid values listed in an error; `ofsted-qa docs` lists them all


def unknown_value(option: str, value: str, valid: list[str], what: str) -> None:
    """Raise for a filter value no indexed document has, listing the first valid ones."""
    shown = ", ".join(repr(v) for v in valid[:SHOWN_CHOICES])
    more = (
        f" and {len(valid) - SHOWN_CHOICES} more (see `ofsted-qa docs`)"
        if len(valid) > SHOWN_CHOICES
        else ""
    )
    raise OfstedQAError(
        f"{option} {value!r} matches no indexed {what}.",
        hint=f"valid: {shown}{more}" if valid else "the index is empty",
    )
