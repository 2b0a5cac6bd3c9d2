"""The golden questions (eval/golden.jsonl) and which indexed passages answer them.

A passage answers a question when it contains one of the question's evidence strings, both
sides normalised (case, whitespace, curly quotes, `<p>`/`**` markup); each evidence string is
one unit of recall. A question may also carry `pooled_evidence` and `pooled_docs`: passages
and judgement cards of documents written after it (the shared corpus), judged blind from a pool
of several modes' top 10s over the bigger index; they are relevant (grade 1, a card credited)
but are not units of recall, so R@k keeps its meaning on every index.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.evaluation.metrics import Judgement, card_id
from ofsted_qa.index.store import ChunkStore

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    text = re.sub(r"</?p>", " ", text).replace("**", "")
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().lower()


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    category: str
    split: str
    evidence: tuple[str, ...]
    docs: tuple[str, ...] = ()
    pooled_evidence: tuple[str, ...] = ()  # judged blind over a bigger index; no recall unit
    pooled_docs: tuple[str, ...] = ()  # inspections whose judgement card answers, as judged


def load_golden(path: Path) -> list[Question]:
    if not path.is_file():
        raise OfstedQAError(f"No golden questions at {path}")
    questions = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            questions.append(
                Question(
                    row["id"],
                    row["question"],
                    row.get("category", "all"),
                    row.get("split", "tune"),
                    tuple(row["evidence"]),
                    tuple(row.get("docs", ())),
                    tuple(row.get("pooled_evidence", ())),
                    tuple(row.get("pooled_docs", ())),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise OfstedQAError(f"{path}:{n}: not a golden question ({exc})") from exc
    return questions


def judge(questions: list[Question], store: ChunkStore) -> dict[str, Judgement]:
    """Passage ids are chunk ids as strings. A judgement card for one of the question's `docs`
    is relevant too (`Judgement.cards`), at document level: it carries no evidence unit."""
    # One joined text searched with str.find: a corpus index holds ~60,000 passages, and a
    # scan of each per evidence string would cost minutes.
    texts = [normalise(chunk.text) for chunk in store]
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    joined = "\n".join(texts)  # normalised text has no newline, so no match spans two
    out = {}
    for q in questions:
        units = _containing(q.evidence, joined, starts, texts)
        pooled = _containing(q.pooled_evidence, joined, starts, texts)
        out[q.id] = Judgement(
            dict.fromkeys([*units, *pooled], 1),
            {p: frozenset(s) for p, s in units.items()},
            len(q.evidence),
            frozenset(card_id(d) for d in (*q.docs, *q.pooled_docs)),
        )
    return out


def _containing(
    needles: tuple[str, ...], joined: str, starts: list[int], texts: list[str]
) -> dict[str, list[int]]:
    """Passage id (as a string) -> the positions of the `needles` its text contains."""
    found_in: dict[str, list[int]] = {}
    for u, evidence in enumerate(needles):
        needle = normalise(evidence)
        found = joined.find(needle) if needle else -1
        while found >= 0:
            chunk_id = bisect.bisect_right(starts, found) - 1
            found_in.setdefault(str(chunk_id), []).append(u)
            found = joined.find(needle, starts[chunk_id] + len(texts[chunk_id]) + 1)
    return found_in


def unmatched(questions: list[Question], judgements: dict[str, Judgement]) -> list[str]:
    """Evidence strings no indexed passage contains (a chunk boundary cut them, or the
    document is not indexed): "id: evidence"."""
    out: list[str] = []
    for q in questions:
        covered = set().union(*judgements[q.id].units.values()) if judgements[q.id].units else set()
        out.extend(f"{q.id}: {e}" for u, e in enumerate(q.evidence) if u not in covered)
    return out
