"""Councils named in questions, against a real index: how many of the typed forms in
`tests/data/council_forms.tsv` resolve to exactly the councils expected, and how many plain
questions (eval/golden.jsonl, whose only council is Bexley, and `tests/data/council_plain.txt`)
name a council they should not. The finder is built as the app builds it: the index's council
spellings, its saved vocabulary as known words, the ordinary words its build found.

Run the same script with another checkout's `src` first on the path to compare before/after:

    PYTHONPATH=../main/src python3 bench/council_names.py --index /tmp/corpus-index
    PYTHONPATH=src python3 bench/council_names.py --index /tmp/corpus-index -v

`--extract` rewrites the fixtures tests/test_council_names.py runs on without the index:
`council_spellings.txt` (the index's council spellings) and `council_words.json` (which words of
the forms, questions, spellings and short forms the index knows, and uses as ordinary words).
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from pathlib import Path

from ofsted_qa.index import generations
from ofsted_qa.retrieval.council_names import short_forms
from ofsted_qa.retrieval.council_question import CouncilFinder
from ofsted_qa.retrieval.councils import Councils
from ofsted_qa.retrieval.glossary import default_glossary

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def extract(
    spellings: list[str], known: Callable[[str], bool], ordinary: Callable[[str], bool]
) -> None:
    """Write the test fixtures (see the module's docstring)."""
    (DATA / "council_spellings.txt").write_text("".join(f"{s}\n" for s in spellings), "utf-8")
    texts = [line.split("\t")[0] for line in lines(DATA / "council_forms.tsv")]
    texts += lines(DATA / "council_plain.txt") + spellings
    texts += [json.loads(q)["question"] for q in lines(ROOT / "eval" / "golden.jsonl")]
    forms = short_forms()
    texts += [*forms.words, *forms.words.values(), *forms.phrases, *forms.phrases.values()]
    texts += [p.name for p in forms.predecessors] + [
        b for p in forms.predecessors for b in p.became
    ]
    words = {
        re.sub(r"['\u2019]s$", "", w).lower()
        for t in texts
        for w in re.findall(r"[^\W_]+(?:['\u2019]s\b)?", t)
    }
    found = {
        "ordinary": sorted(w for w in words if ordinary(w)),
        "known": sorted(w for w in words if known(w)),
    }
    (DATA / "council_words.json").write_text(json.dumps(found, indent=0) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True, help="an index folder")
    parser.add_argument("-v", action="store_true", help="list every miss")
    parser.add_argument("--extract", action="store_true", help="rewrite the test fixtures")
    args = parser.parse_args()
    # through the index's own API: its saved vocabulary and the ordinary words its build found
    bundle = generations.load_current(args.index)
    counts = bundle.vocabulary().counts
    spellings = sorted({m.local_authority for m in bundle.store.documents.values()} - {""})
    ordinary = bundle.store.ordinary
    if args.extract:
        extract(spellings, counts.__contains__, ordinary)
    finder = CouncilFinder(
        Councils(spellings),
        known=counts.__contains__,
        ordinary=ordinary,
        acronyms=default_glossary().known_words,
    )
    misses = []
    forms = [line.split("\t") for line in lines(DATA / "council_forms.tsv")]
    for question, expected in forms:
        got = sorted(c.name for c in finder.find(question))
        if got != sorted(expected.split(" | ")):
            misses.append(f"miss {question!r}: {got}, not {expected}")
    plain = [json.loads(q)["question"] for q in lines(ROOT / "eval" / "golden.jsonl")]
    plain += lines(DATA / "council_plain.txt")
    for question in plain:
        got = sorted(c.name for c in finder.find(question))
        if got != (["Bexley"] if "bexley" in question.lower() else []):
            misses.append(f"false {question!r}: {got}")
    wrong = sum(m.startswith("false") for m in misses)
    print(
        f"forms resolved {len(forms) - len(misses) + wrong}/{len(forms)}; "
        f"plain questions naming a council wrongly {wrong}/{len(plain)}"
    )
    if args.v:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
