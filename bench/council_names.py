"""Councils named in questions, against a real index: how many of the typed forms in
`tests/data/council_forms.tsv` resolve to exactly the councils expected, and how many plain
questions (eval/golden.jsonl, whose only council is Bexley, and `tests/data/council_plain.txt`)
name a council they should not. The finder is built as the app builds it: the index's council
spellings, its vocabulary as known words, its passages for ordinary words.

Run the same script with another checkout's `src` first on the path to compare before/after:

    PYTHONPATH=../main/src python3 bench/council_names.py --index /tmp/corpus-index
    PYTHONPATH=src python3 bench/council_names.py --index /tmp/corpus-index -v
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ofsted_qa.retrieval.council_question import CouncilFinder, ordinary_in
from ofsted_qa.retrieval.councils import Councils
from ofsted_qa.retrieval.glossary import default_glossary

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True, help="an index folder")
    parser.add_argument("-v", action="store_true", help="list every miss")
    args = parser.parse_args()
    live = args.index / "current"
    counts = json.loads((live / "vocabulary.json").read_text(encoding="utf-8"))["counts"]
    documents = json.loads((live / "documents.json").read_text(encoding="utf-8"))
    texts = [json.loads(line)["text"] for line in lines(live / "chunks.jsonl")]
    finder = CouncilFinder(
        Councils(m["local_authority"] for m in documents.values()),
        known=lambda w: w in counts,
        ordinary=ordinary_in(texts),
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
