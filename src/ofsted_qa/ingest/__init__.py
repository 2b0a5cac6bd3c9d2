"""Reading documents and their metadata, recovering their layout and cutting them into
paragraph chunks with exact offsets; furniture (contents, footers, contact blocks) is dropped here.

May import: `ofsted_qa.errors` and the standard library. Nothing from the later stages.
"""

from typing import TYPE_CHECKING

from ofsted_qa.exports import lazy_exports

if TYPE_CHECKING:
    from ofsted_qa.ingest.chunking import CHUNKER_VERSION, Chunk, chunk_document
    from ofsted_qa.ingest.discovery import Discovery, discover, unreadable_reason
    from ofsted_qa.ingest.documents import (
        KINDS,
        Document,
        DocumentMeta,
        LoadResult,
        content_hash,
        load_documents,
    )
    from ofsted_qa.ingest.readers import read_document

_EXPORTS = {
    "Document": "documents",
    "DocumentMeta": "documents",
    "LoadResult": "documents",
    "KINDS": "documents",
    "Discovery": "discovery",
    "discover": "discovery",
    "unreadable_reason": "discovery",
    "load_documents": "documents",
    "read_document": "readers",
    "content_hash": "documents",
    "Chunk": "chunking",
    "CHUNKER_VERSION": "chunking",
    "chunk_document": "chunking",
}
__all__ = [
    "CHUNKER_VERSION",
    "Chunk",
    "Discovery",
    "Document",
    "DocumentMeta",
    "KINDS",
    "LoadResult",
    "chunk_document",
    "content_hash",
    "discover",
    "load_documents",
    "read_document",
    "unreadable_reason",
]
__getattr__ = lazy_exports(__name__, _EXPORTS)
