"""The index: the model behind the `Embedder` protocol (sentence-transformers, or its ONNX
export), the dense (FAISS) and lexical (BM25) indexes over integer chunk ids, the chunk store, the
manifest, generations on disk, freshness, incremental builds and opening a fresh index.

May import: `ingest` and `ofsted_qa.errors`.
"""

from typing import TYPE_CHECKING

from ofsted_qa.exports import lazy_exports

if TYPE_CHECKING:
    from ofsted_qa.index.build import BuildReport, build_index
    from ofsted_qa.index.dense_index import DenseHit, DenseIndex
    from ofsted_qa.index.embedding import DEFAULT_MODEL, Embedder, ModelSource
    from ofsted_qa.index.freshness import stale_reasons
    from ofsted_qa.index.generations import IndexBundle, load_current
    from ofsted_qa.index.lexical_index import LexicalIndex
    from ofsted_qa.index.manifest import DocRecord, Manifest
    from ofsted_qa.index.models import LocalModel, SentenceTransformerEmbedder
    from ofsted_qa.index.session import index_documents, local_model, open_index, settle_from_index
    from ofsted_qa.index.settings import Settings
    from ofsted_qa.index.store import ChunkStore

_EXPORTS = {
    "DEFAULT_MODEL": "embedding",
    "Embedder": "embedding",
    "ModelSource": "embedding",
    "LocalModel": "models",
    "SentenceTransformerEmbedder": "models",
    "DenseIndex": "dense_index",
    "DenseHit": "dense_index",
    "LexicalIndex": "lexical_index",
    "ChunkStore": "store",
    "Manifest": "manifest",
    "DocRecord": "manifest",
    "IndexBundle": "generations",
    "load_current": "generations",
    "Settings": "settings",
    "BuildReport": "build",
    "build_index": "build",
    "stale_reasons": "freshness",
    "local_model": "session",
    "open_index": "session",
    "index_documents": "session",
    "settle_from_index": "session",
}
__all__ = [
    "BuildReport",
    "ChunkStore",
    "DEFAULT_MODEL",
    "DenseHit",
    "DenseIndex",
    "DocRecord",
    "Embedder",
    "IndexBundle",
    "LexicalIndex",
    "LocalModel",
    "Manifest",
    "ModelSource",
    "SentenceTransformerEmbedder",
    "Settings",
    "build_index",
    "index_documents",
    "load_current",
    "local_model",
    "open_index",
    "settle_from_index",
    "stale_reasons",
]
__getattr__ = lazy_exports(__name__, _EXPORTS)
