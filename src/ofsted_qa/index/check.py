"""`ofsted-qa index --check`: verify everything a load only spot-checks.

A load checks sizes and the checksums of small files; this reads every file of the live
generation whole against the manifest's checksums, re-hashes the model's weights without the
hash cache, and says whether the documents changed since the build.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index import generations
from ofsted_qa.index.freshness import stale_reasons
from ofsted_qa.index.manifest import Manifest
from ofsted_qa.index.settings import Settings


@dataclass(frozen=True)
class _Weights:
    """The model as a freshness check needs it: a name and a fingerprint read afresh."""

    name: str
    fingerprint: str


class Rehashable(Protocol):
    """A model that can fingerprint its weights afresh, bypassing any cached hash."""

    name: str

    def fresh_fingerprint(self) -> str: ...


def check_index(settings: Settings, model: Rehashable) -> list[str]:
    """What was verified, one line each; raises OfstedQAError naming the first fault found."""
    generation = generations.current_generation(settings.index_dir)
    if generation is None:
        raise OfstedQAError(f"No index at {settings.index_dir}", hint="run `ofsted-qa index`")
    manifest = Manifest.read(generation)
    manifest.check_files(generation, everything=True)
    bundle = generations.IndexBundle.load(generation)
    lines = [
        f"{len(manifest.checksums)} index files match their checksums ({generation.name})",
        f"{len(bundle.store)} passages consistent across store, vectors, dense and lexical",
    ]
    fingerprint = model.fresh_fingerprint()
    if fingerprint != manifest.model_fingerprint:
        raise OfstedQAError(
            f"The model's weights ({model.name}) differ from those the index was built with",
            hint="run `ofsted-qa index` to re-embed with these weights",
        )
    lines.append(f"model weights re-hashed: {fingerprint} as built")
    stale = stale_reasons(manifest, settings, _Weights(model.name, fingerprint))
    lines.append(
        "documents: up to date"
        if not stale
        else f"documents: {'; '.join(stale)} (run `ofsted-qa index`)"
    )
    return lines
