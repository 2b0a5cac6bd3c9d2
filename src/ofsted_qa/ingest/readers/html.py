"""Web pages (a saved GOV.UK page, a news article, council minutes): the main text only.

trafilatura finds the main content and drops navigation, cookie banners, footers and comment
threads; its XML output keeps headings, lists and tables, which are laid out here in the
conventions the chunker reads (blocks split by blank lines, "• " items, tab-separated rows).
trafilatura and lxml are imported inside the functions: the CLI's cold start must not pay for them.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ofsted_qa.ingest.readers.base import ReadText, UnreadableDocument

if TYPE_CHECKING:
    from lxml.etree import _Element

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What may come before the root element of a page: an XML declaration, comments (a page saved
# by Internet Explorer starts "<!-- saved from url=... -->") and whitespace.
_PROLOG = re.compile(rb"\s*(?:<\?xml[^>]*>\s*|<!--.*?-->\s*)*", re.S)
_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
# WHATWG: a page that says latin-1 or ASCII is decoded as windows-1252 by every browser.
_AS_CP1252 = {"iso-8859-1", "latin-1", "latin1", "ascii", "us-ascii", "windows-1252"}
_BLOCK_TAGS = {"p", "head", "lb", "list", "item", "quote", "cell", "row", "table", "code", "div"}


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of a file (about 2 KiB) are a web page, whatever its suffix.

    True when, past a byte-order mark, whitespace, an XML declaration and comments, the file
    opens with a doctype, <html, <head or <body (in any case).
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            if encoding == "utf-16":  # re-encode so the byte patterns below apply
                head = head.decode("utf-16", errors="ignore").encode("utf-8")
            else:
                head = head[len(bom) :]
            break
    start = head[_PROLOG.match(head).end() :].lower()  # type: ignore[union-attr]
    return start.startswith(_HTML_START)


def decode_html(data: bytes) -> str:
    """Decode a page as a browser would: byte-order mark, then the charset it declares in its
    first 2 KiB, then UTF-8, then windows-1252 (nearly every byte maps; no exception)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
    declared = _CHARSET.search(data[:2048])
    if declared:
        name = declared[1].decode("ascii").lower()
        name = "cp1252" if name in _AS_CP1252 else name
        # A UTF-16 declaration read in ASCII bytes is wrong by construction (WHATWG: use UTF-8).
        name = "utf-8" if name.startswith(("utf-16", "utf-32")) else name
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown or wrong declaration: guess as if there were none
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_html(path: Path) -> ReadText:
    """The main text of a saved web page, with its title and date from the page's metadata.

    Returns ReadText(text, encoding="html", title, date): headings as standalone blocks,
    list items one per line ("• " or "1. ", nested items indented two spaces a level) in the
    block after their lead-in, a table's rows in one block with cells split by tabs. `date` is
    the published date the page's markup gives (meta tags, <time>), ISO "YYYY-MM-DD", or "".
    Raises UnreadableDocument when no main text is found, OSError when the file can't be read.
    """
    import trafilatura
    from lxml import etree

    markup = _XML_DECL.sub("", decode_html(path.read_bytes()), count=1)  # lxml refuses str+decl
    tree = trafilatura.load_html(markup) if markup.strip() else None
    if tree is None:
        raise UnreadableDocument("web page has no main text")
    # Only dates the page states in its markup (meta tags, <time>), never guessed from prose.
    meta = trafilatura.extract_metadata(
        tree, date_config={"extensive_search": False, "original_date": True}
    )
    link_words = set().union(*(_words(e.text_content()) for e in tree.iter("a", "button", "nav")))
    for time in list(tree.iter("time")):
        time.drop_tag()  # trafilatura deletes <time> outright: "Met on <time>2 May</time>" keeps it
    xml = trafilatura.extract(
        tree,
        output_format="xml",
        include_formatting=True,
        include_tables=True,
        include_comments=False,
        include_links=False,
        include_images=False,
    )
    main = etree.fromstring(xml).find("main") if xml else None
    text = "\n\n".join(_blocks(main)) if main is not None else ""
    # On a page of links alone trafilatura falls back to returning the menu as a paragraph.
    if not text.strip() or _words(text) <= link_words:
        raise UnreadableDocument("web page has no main text")
    if _is_error_page(text):
        # A report link that served the site's "not found" page (4 files of the real corpus).
        raise UnreadableDocument(f"web page is an error page ({text.split(chr(10))[0][:60]!r})")
    return ReadText(text, encoding="html", title=_collapse(meta.title or ""), date=meta.date or "")


_ERROR_PAGE = re.compile(
    r"\b(?:page|report|document|file)s? (?:was )?not found\b|\b404\b|no longer exists|"
    r"page (?:cannot|can't|could not) be found",
    re.I,
)
ERROR_PAGE_MAX_WORDS = 150  # a real article that mentions "not found" is longer than this


def _is_error_page(text: str) -> bool:
    """A short page whose first lines say the content is missing."""
    opening = " ".join(text.split("\n\n")[:2])
    return len(text.split()) <= ERROR_PAGE_MAX_WORDS and bool(_ERROR_PAGE.search(opening))


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _collapse(text: str) -> str:
    # Tabs and newlines inside a paragraph would read as table cells and new lines.
    return " ".join(text.split())


def _inline(el: _Element, skip: tuple[str, ...] = ()) -> str:
    """An element's text, spaces between block children (a cell's two <p> are two words)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag in skip:
            parts.append(child.tail or "")
            continue
        gap = " " if child.tag in _BLOCK_TAGS else ""
        parts += [gap, _inline(child), gap, child.tail or ""]
    return _collapse("".join(parts))


def _blocks(el: _Element) -> Iterator[str]:
    """The blocks of trafilatura's <main>: one per heading, paragraph, list or table."""
    if el.text and el.text.strip():
        yield _collapse(el.text)
    for child in el:
        if child.tag == "list":
            lines = list(_items(child, 0))
            if lines:
                yield "\n".join(lines)
        elif child.tag == "table":
            rows = ["\t".join(map(_inline, r.findall("cell"))) for r in child.findall("row")]
            rows = [r for r in rows if r.strip()]
            if rows:
                yield "\n".join(rows)
        elif child.tag in ("quote", "div") and any(
            c.tag in ("p", "list", "table", "head") for c in child
        ):
            yield from _blocks(child)  # a quote of several paragraphs stays several blocks
        elif child.tag != "graphic" and (text := _inline(child)):
            yield text
        if child.tail and child.tail.strip():
            yield _collapse(child.tail)


def _items(lst: _Element, depth: int) -> Iterator[str]:
    """One line per item; an ordered list keeps its numbers, nested lists are indented."""
    numbered = lst.get("rend") == "ol"
    for n, item in enumerate(lst.findall("item"), start=1):
        text = _inline(item, skip=("list",))
        if text:
            yield "  " * depth + (f"{n}. " if numbered else "• ") + text
        for sub in item.findall("list"):
            yield from _items(sub, depth + 1)
