"""Text normalisation shared by the report-fact readers.

pypdfium2 (and other extractors) emit CRLF line ends, U+FFFE where a word was
hyphenated at a line break, non-breaking spaces and typographic dashes/quotes.
The readers match on a normalised copy so that one regex serves every layout.
"""

from __future__ import annotations

import re

_DASHES = str.maketrans(
    {
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u2500": "-",  # box-drawing ─ seen in one report
        "\u2019": "'",
        "\u2018": "'",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\ufffe": "-",  # pdfium marks a soft hyphen at a line break with U+FFFE
        "\u00ad": "-",
    }
)


def normalise(text: str) -> str:
    """Return `text` with unified line ends, dashes, quotes and spaces (line structure kept)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_DASHES)
    return re.sub(r"[ \t]+", " ", text)


def lines(text: str) -> list[str]:
    """Non-empty stripped lines of normalised `text`."""
    return [ln.strip() for ln in normalise(text).split("\n") if ln.strip()]


def squash(text: str) -> str:
    """Collapse all whitespace (including line breaks) to single spaces."""
    return re.sub(r"\s+", " ", text).strip()
