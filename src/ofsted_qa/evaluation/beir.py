"""Public benchmarks in the BEIR layout: corpus.jsonl, queries.jsonl, qrels/<split>.tsv.

The corpus becomes a temporary in-memory index (one passage per corpus document; no chunker),
so the same Searcher is measured against published numbers (BEIR reports nDCG@10).
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

import numpy as np

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.evaluation.metrics import Judgement
from ofsted_qa.index.dense_index import DenseIndex
from ofsted_qa.index.embedding import Embedder
from ofsted_qa.index.generations import IndexBundle
from ofsted_qa.index.lexical_index import LexicalIndex
from ofsted_qa.index.manifest import FORMAT_VERSION, Manifest
from ofsted_qa.index.store import ChunkStore
from ofsted_qa.ingest.chunking import Chunk
from ofsted_qa.ingest.documents import DocumentMeta


def _jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        raise OfstedQAError(f"No {path.name} in {path.parent}", hint="expected the BEIR layout")
    rows = []
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise OfstedQAError(f"{path}:{n}: not JSON ({exc.msg})") from exc
    return rows


def load_qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) < 3 or not row[2].strip().lstrip("-").isdigit():
                continue  # the header ("query-id corpus-id score") or a blank line
            qrels.setdefault(row[0], {})[row[1]] = int(row[2])
    return qrels


def load(folder: Path, split: str = "test") -> tuple[list[dict], dict[str, str], dict]:
    """(corpus rows, query id -> text, qrels) for one split; only judged queries are kept."""
    corpus = _jsonl(folder / "corpus.jsonl")
    queries = {str(q["_id"]): q["text"] for q in _jsonl(folder / "queries.jsonl")}
    qrels_path = folder / "qrels" / f"{split}.tsv"
    if not qrels_path.is_file():
        raise OfstedQAError(f"No qrels file {qrels_path}")
    qrels = load_qrels(qrels_path)
    return corpus, {q: t for q, t in queries.items() if q in qrels}, qrels


def judgements(qrels: dict[str, dict[str, int]], known: set[str]) -> dict[str, Judgement]:
    """Each relevant document is its own unit; judged documents missing from the corpus are
    dropped (and a query left with none is unanswerable)."""
    out = {}
    for qid, docs in qrels.items():
        relevant = {d: g for d, g in docs.items() if g > 0 and d in known}
        units = {d: frozenset([i]) for i, d in enumerate(sorted(relevant))}
        out[qid] = Judgement(relevant, units, len(units))
    return out


def build_bundle(corpus: list[dict], embedder: Embedder) -> IndexBundle:
    if not corpus:
        raise OfstedQAError("The BEIR corpus is empty")
    chunks, metas = [], {}
    for row in corpus:
        doc_id, title, text = str(row["_id"]), row.get("title") or "", row.get("text") or ""
        chunks.append(Chunk(doc_id, 0, "1", (title,) if title else (), 0, len(text), text))
        metas[doc_id] = DocumentMeta(doc_id, "corpus.jsonl", title or doc_id, "", "document", "")
    texts = [c.embedding_text for c in chunks]
    vectors = np.asarray(embedder.embed_documents(texts), dtype=np.float32)
    manifest = Manifest(
        format_version=FORMAT_VERSION,
        model_name=embedder.name,
        model_fingerprint=embedder.fingerprint,
        dimension=int(vectors.shape[1]),
        chunker_version="beir",
        chunker_max_tokens=embedder.max_tokens,
        dense_kind="flat",
        doc_dirs=(),
        documents=(),
        chunk_count=len(chunks),
        created=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    )
    return IndexBundle(
        Path("."),
        manifest,
        ChunkStore(chunks, metas),
        DenseIndex.build(vectors),
        LexicalIndex.build(texts),
        vectors,
    )
