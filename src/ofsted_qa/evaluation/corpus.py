"""The real-report corpus for the eval: where it is, its questions, and its cached index.

The shared corpus (`../shared/ofsted-ilacs/reports`, 497 published inspection reports) is
never copied into the repository. The eval indexes it together with `seeds/` into a cache
folder outside the checkout, `$XDG_CACHE_HOME/ofsted-qa/eval-index/corpus` (default
`~/.cache/ofsted-qa/...`; `$OFSTED_QA_CORPUS_INDEX` or `eval --corpus-index DIR` chooses
another). The build is incremental: a later run finds the index fresh and only loads it, and a
changed report is the only one read and embedded again (index/build.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.evaluation.golden import Question, load_golden

ROOT = Path(__file__).resolve().parents[3]
CORPUS_QUESTIONS = ROOT / "eval" / "corpus"
SHARED_ENV = "OFSTED_QA_SHARED"
CORPUS_INDEX_ENV = "OFSTED_QA_CORPUS_INDEX"


def shared_reports(root: Path = ROOT) -> Path:
    """The shared corpus's report folder (it may not exist: callers check)."""
    shared = Path(os.environ.get(SHARED_ENV) or root.parent / "shared")
    return shared / "ofsted-ilacs" / "reports"


def corpus_index_dir() -> Path:
    """Where the eval keeps its corpus + seeds index between runs."""
    if os.environ.get(CORPUS_INDEX_ENV):
        return Path(os.environ[CORPUS_INDEX_ENV])
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "ofsted-qa" / "eval-index" / "corpus"


def load_corpus_questions(folder: Path = CORPUS_QUESTIONS) -> list[Question]:
    """Every `*.jsonl` of `folder`, in file-name order. Raises OfstedQAError when two files
    use one id or the folder holds no question."""
    questions: list[Question] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for q in load_golden(path):
            if q.id in seen:
                raise OfstedQAError(f"{path.name}: question id {q.id} is also in {seen[q.id]}")
            seen[q.id] = path.name
            questions.append(q)
    if not questions:
        raise OfstedQAError(f"No corpus questions in {folder}", hint="add eval/corpus/*.jsonl")
    return questions


def open_corpus_index(
    reports: Path,
    index_dir: Path,
    *,
    model: str | None = None,
    source=None,
    notify: Callable[[str], None] = lambda _m: None,
):
    """The corpus + seeds index at `index_dir`, built or brought up to date first (both are
    incremental). Returns (IndexBundle, model source). Raises OfstedQAError when `reports` is
    not a folder."""
    from ofsted_qa.index.session import local_model, open_index
    from ofsted_qa.index.settings import Settings, project_root

    if not reports.is_dir():
        raise OfstedQAError(
            f"The shared corpus is not at {reports}",
            hint="put ofsted-ilacs beside the checkout (../shared) or pass --corpus DIR",
        )
    settings = Settings.resolve(
        index_dir=str(index_dir),
        doc_dirs=[str(project_root() / "seeds"), str(reports)],
        model=model,
    )
    index_dir.mkdir(parents=True, exist_ok=True)
    source = source or local_model(settings)
    return open_index(settings, source, notify=notify), source
