"""Typo index candidates measured on a real corpus vocabulary: the old pure-Python scan,
symspellpy (precomputed deletes) and rapidfuzz (a C++ scan of the word list).

    PYTHONPATH=src python bench/typo_index.py --index /tmp/corpus-index [--out FILE]

symspellpy is measured only when installed (`pip install symspellpy`; the project does not
depend on it).

Accuracy is measured on the golden set's typo questions and on misspellings generated from the
corpus's own words (adjacent transpositions, dropped, doubled and substituted letters; two of
those for words of 8 letters or more), each expected to come back as the word it was made from.
Typos that the corrector leaves alone by design (they are words it knows) are counted apart.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import pickle
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from ofsted_qa.index.generations import current_generation
from ofsted_qa.index.lexical_index import words
from ofsted_qa.index.typo_words import TypoWords
from ofsted_qa.index.vocabulary import Vocabulary
from ofsted_qa.retrieval import typos
from ofsted_qa.retrieval.glossary import default_glossary

SAMPLE = 2000
NEIGHBOURS = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wertyuiopqsdfghjklaxcvbnmz", strict=True))


def misspell(word: str, rng: random.Random) -> str:
    """One realistic slip of the fingers (two for long words)."""
    edits = 2 if len(word) >= typos.TWO_EDITS_FROM else 1
    for _ in range(edits):
        kind = rng.choice(("swap", "drop", "double", "near"))
        i = rng.randrange(1, len(word) - 1)  # first letters are rarely mistyped
        if kind == "swap" and word[i] != word[i + 1]:
            word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif kind == "drop":
            word = word[:i] + word[i + 1 :]
        elif kind == "double":
            word = word[:i] + word[i] + word[i:]
        else:
            word = word[:i] + NEIGHBOURS.get(word[i], word[i]) + word[i + 1 :]
    return word


def generated(
    counts: Counter[str], corrector: typos.Corrector
) -> tuple[list[tuple[str, str]], int]:
    rng = random.Random(0)
    pool = sorted(w for w, n in counts.items() if w.isalpha() and len(w) >= 5 and n >= 3)
    pairs, known = [], 0
    for word in rng.sample(pool, SAMPLE):
        typo = misspell(word, rng)
        if typo == word:
            continue
        if corrector.is_known(typo):
            known += 1  # a real word (or too short): left alone by design, not counted
            continue
        pairs.append((typo, word))
    return pairs, known


def golden(corrector: typos.Corrector) -> list[tuple[str, str]]:
    """(typed, wanted) from the golden typo questions, wanted read off their evidence words."""
    wanted = {
        "adoptoin": "adoption", "safegaurding": "safeguarding", "persnal": "personal",
        "fostr": "foster", "chronolgies": "chronologies", "independant": "independent",
        "vistors": "visitors", "strategey": "strategy", "discusions": "discussions",
        "helth": "health", "emergancy": "emergency", "diffrence": "difference",
        "improvment": "improvement", "lerning": "learning", "permenancy": "permanency",
        "planing": "planning",
    }  # fmt: skip
    lines = Path("eval/golden.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(x) for x in lines if x.strip()]
    typed = {w for q in questions if "typo" in q.get("notes", "").lower()
             for w in words(q["question"])}  # fmt: skip
    return [(w, wanted[w]) for w in sorted(typed) if w in wanted and not corrector.is_known(w)]


def _symspell(counts: Counter[str]):
    from symspellpy import SymSpell, Verbosity

    index = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    for w, n in counts.items():
        if w.isalpha() and len(w) >= typos.MIN_LENGTH - 1:
            index.create_dictionary_entry(w, n)

    def suggest(word: str) -> str | None:
        limit = 2 if len(word) >= typos.TWO_EDITS_FROM else 1
        found = index.lookup(word, Verbosity.CLOSEST, max_edit_distance=limit)
        best = min(((s.distance, -s.count, s.term) for s in found), default=None)
        return best[2] if best else None

    return index, suggest


def _rapidfuzz(counts: Counter[str]):
    import numpy as np
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import cdist

    by_length: dict[int, list[str]] = {}
    for w in sorted(counts):
        if w.isalpha() and len(w) >= typos.MIN_LENGTH - 1:
            by_length.setdefault(len(w), []).append(w)
    index = {n: (ws, np.array([counts[w] for w in ws])) for n, ws in by_length.items()}

    def suggest(word: str) -> str | None:
        limit = 2 if len(word) >= typos.TWO_EDITS_FROM else 1
        best = None
        for n in range(len(word) - limit, len(word) + limit + 1):
            if n not in index:
                continue
            ws, ns = index[n]
            d = cdist([word], ws, scorer=OSA.distance, score_cutoff=limit, workers=1)[0]
            for i in np.flatnonzero(d <= limit).tolist():
                key = (int(d[i]), -int(ns[i]), ws[i])
                if best is None or key < best:
                    best = key
        return best[2] if best else None

    return index, suggest


def _index(counts: Counter[str]):
    """What the project now does (index.typo_words), through the corrector's own policy."""
    index = TypoWords.of(counts)

    def suggest(word: str) -> str | None:
        return index.nearest(word, 2 if len(word) >= typos.TWO_EDITS_FROM else 1)

    return index, suggest


def _old(counts: Counter[str]):
    corrector = typos.Corrector(counts)
    return corrector, corrector._suggest  # noqa: SLF001 - the uncached search itself


def measure(name: str, make: Callable, counts: Counter[str], cases: dict, corrector) -> dict:
    started = time.perf_counter()
    index, suggest = make(counts)
    built = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.pkl.gz"
        with gzip.open(path, "wb", compresslevel=1) as handle:
            pickle.dump(index if name != "old scan" else counts, handle)
        size = path.stat().st_size
        started = time.perf_counter()
        with gzip.open(path, "rb") as handle:
            pickle.load(handle)
        loaded = time.perf_counter() - started
    out: dict = {"build_s": round(built, 3), "size_bytes": size, "load_s": round(loaded, 3)}
    for label, pairs in cases.items():
        times, right, same = [], 0, 0
        for typo, want in pairs:
            t = time.perf_counter()
            got = suggest(typo)
            times.append(time.perf_counter() - t)
            right += got == want
            same += got == corrector._suggest(typo)  # noqa: SLF001
        out[label] = {
            "n": len(pairs),
            "accuracy": round(right / max(len(pairs), 1), 4),
            "agrees_with_old": round(same / max(len(pairs), 1), 4),
            "per_word_ms_median": round(statistics.median(times) * 1000, 3),
            "per_word_ms_p95": round(sorted(times)[int(0.95 * (len(times) - 1))] * 1000, 3),
        }
    print(name, json.dumps(out), file=sys.stderr, flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    folder = current_generation(args.index)
    assert folder is not None, f"no index at {args.index}"
    vocabulary = Vocabulary.load(folder)
    assert vocabulary is not None
    counts = vocabulary.counts
    corrector = typos.Corrector(counts, default_glossary().known_words)
    pairs, known = generated(counts, corrector)
    cases = {"golden": golden(corrector), "generated": pairs}
    result = {
        "vocabulary_words": len(counts),
        "generated_left_alone_as_known": known,
        "golden_pairs": cases["golden"],
    }
    candidates = [("old scan", _old), ("rapidfuzz", _rapidfuzz), ("index", _index)]
    if importlib.util.find_spec("symspellpy"):
        candidates.insert(1, ("symspellpy", _symspell))
    for name, make in candidates:
        result[name] = measure(name, make, counts, cases, corrector)
    text = json.dumps(result, indent=1)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
