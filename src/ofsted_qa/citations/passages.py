"""Finding a passage again from a citation, and proving it against its source file."""

from __future__ import annotations

from pathlib import Path

from ofsted_qa.citations.citation import (
    cited_page,
    house_citation,
    page_label,
    parse_house_citation,
    parse_ref,
    ref_label,
)
from ofsted_qa.citations.parts import find_paragraph, numbering, paragraph_range, split_label
from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.store import ChunkStore
from ofsted_qa.ingest.chunking import Chunk, normalise_for_match
from ofsted_qa.ingest.documents import DocumentMeta
from ofsted_qa.ingest.readers import read_document


def source_path(meta: DocumentMeta, root: Path) -> Path:
    path = Path(meta.source)
    return path if path.is_absolute() else root / path


def source_excerpt(meta: DocumentMeta, chunk: Chunk, root: Path) -> str:
    """The text at the chunk's offsets in a fresh reading of its source file: the file itself
    for plain text, a new extraction for a PDF, web page or Word file (never the index's copy).

    Raises OSError or UnreadableDocument when the file can no longer be read."""
    return read_document(source_path(meta, root)).text[chunk.start : chunk.end]


def verify(meta: DocumentMeta, chunk: Chunk, root: Path) -> bool:
    """The file's own text at the cited offsets is the passage (whitespace and markup aside)."""
    try:
        excerpt = source_excerpt(meta, chunk, root)
    except (OSError, OfstedQAError):  # gone, or no longer readable: not verified
        return False
    return normalise_for_match(excerpt) == normalise_for_match(chunk.text)


def _doc_for(store: ChunkStore, handle: str) -> str:
    for exact in (handle, handle.strip()):  # an exact id wins over ids it is a prefix of
        if exact in store.documents:
            return exact
    handle = handle.strip()
    matches = [d for d in store.documents if d.startswith(handle)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise OfstedQAError(f"No indexed document matches {handle!r}", hint="see `ofsted-qa docs`")
    raise OfstedQAError(f"{handle!r} matches several documents: {', '.join(matches)}")


def locate(store: ChunkStore, citation: str) -> int:
    """The chunk id for a ref ("003_365e…#134", "003#134", "003#u7", a part "003#18a") or a
    pasted house-style citation. A bare number is only ever the report's own paragraph number;
    a paragraph cut into passages is found by its first part."""
    return locate_paragraph(store, citation)[0]


def locate_paragraph(store: ChunkStore, citation: str) -> range:
    """As `locate`, but every passage of the paragraph when the citation names a paragraph the
    index cut into parts ("003#18": 18a and 18b); the one passage when it names a part."""
    parsed = parse_ref(citation)
    if parsed:
        doc_id, paragraph = _doc_for(store, parsed[0]), parsed[1]
    else:
        house = parse_house_citation(citation)
        if not house:
            raise OfstedQAError(
                f"Cannot read the citation {citation!r}",
                hint="use a ref such as 003_365e1ef2b819a726#134 or a citation as printed by "
                '`ask`; to find a paragraph by council and year, ask: ofsted-qa ask "luton 2026 '
                'paragraph 35"',
            )
        prefix, paragraph = house
        doc_id = _doc_by_citation_prefix(store, prefix, paragraph, cited_page(citation))
    chunk_id = find_paragraph(store, doc_id, paragraph)
    if chunk_id is None:
        raise OfstedQAError(
            f"Document {doc_id} has no paragraph {ref_label(paragraph)}: "
            f"{numbering(store, doc_id)}",
            hint="unnumbered passages are written u1, u2, … as `ask` prints them",
        )
    if split_label(paragraph)[1] > 0:  # a part asked for: that passage alone
        return range(chunk_id, chunk_id + 1)
    return paragraph_range(store, chunk_id)


_TYPED_FORMS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def loose(citation: str) -> str:
    """A citation as people retype it compares equal to the printed one: any case, straight or
    curly quotes, hyphen or dash, spaces collapsed ("children's" for "children’s")."""
    return " ".join(citation.translate(_TYPED_FORMS).casefold().split())


def _doc_by_citation_prefix(store: ChunkStore, prefix: str, paragraph: str, page: str) -> str:
    """The document a house citation names. Two copies of one report (a seed text and the
    corpus PDF) cite alike but for the page, which only the paged copy prints: the copy whose
    paragraph sits on the page cited, else the unpaged copy when no page is cited."""
    typed = loose(prefix)
    matching = [
        doc_id
        for doc_id, meta in store.documents.items()
        if (ids := store.doc_range(doc_id))
        and loose(house_citation(meta, store.get(ids.start))).startswith(typed)
    ]
    if not matching:
        raise OfstedQAError(f"No indexed document matches the citation {prefix!r}")

    def page_of(doc_id: str) -> str:
        chunk_id = find_paragraph(store, doc_id, paragraph)
        return page_label(store.documents[doc_id], store.get(chunk_id)) if chunk_id else ""

    return next((d for d in matching if page_of(d) == page), matching[0])
