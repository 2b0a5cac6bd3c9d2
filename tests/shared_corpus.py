"""Where the shared real-report corpus lies: `../shared/ofsted-ilacs/` beside the checkout.

Tests that read it skip with a message when it is absent; CI has it. Never copied into the repo.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("OFSTED_QA_SHARED", ROOT.parent / "shared")) / "ofsted-ilacs"
REPORTS = SHARED / "reports"


def corpus_file(relative: str) -> Path:
    """A file of the shared corpus, or a skip naming what is missing."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"shared corpus absent: {path} (CI has ../shared/ofsted-ilacs)")
    return path
