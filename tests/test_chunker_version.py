"""The index trusts CHUNKER_VERSION to know when chunks changed: this keeps that promise honest."""

from __future__ import annotations

import hashlib
import json
from dataclasses import astuple
from pathlib import Path

from ofsted_qa.index.models import LocalModel
from ofsted_qa.ingest.chunking import CHUNKER_VERSION, chunk_document

RECORD = Path(__file__).parent / "data" / "chunker_fingerprint.json"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed_chunks_digest() -> str:
    model = LocalModel()
    digest = hashlib.sha256()
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        for chunk in chunk_document(
            text, path.stem, max_tokens=model.max_tokens, count_tokens=model.count_tokens
        ):
            digest.update(json.dumps(astuple(chunk), ensure_ascii=False).encode())
    return digest.hexdigest()


def test_chunk_output_changes_only_with_a_version_bump() -> None:
    recorded = json.loads(RECORD.read_text())
    digest = seed_chunks_digest()
    if recorded["version"] == CHUNKER_VERSION:
        assert digest == recorded["seed_chunks_sha256"], (
            "The chunker's output on the seeds changed but CHUNKER_VERSION did not: existing "
            "indexes would keep stale chunks. Bump CHUNKER_VERSION and record the new digest in "
            f"{RECORD.name} ({digest})."
        )
    else:
        assert digest != recorded["seed_chunks_sha256"], "version bumped: record the new digest"
        raise AssertionError(
            f"Record version {CHUNKER_VERSION} with digest {digest} in {RECORD.name}"
        )
