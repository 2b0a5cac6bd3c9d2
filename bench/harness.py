"""Small, model-agnostic pieces of the benchmark: timing, memory, corpora, recall.

Nothing here loads the real model, so tests drive it with a fake embedder.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLDEN = ROOT / "eval" / "golden.jsonl"

AUTHORITIES = (
    "Bexley Camden Croydon Ealing Enfield Hackney Haringey Harrow Havering Hillingdon Hounslow "
    "Islington Lambeth Lewisham Merton Newham Redbridge Southwark Sutton Wandsworth Barnet "
    "Bromley Brent Leeds Kent Essex Surrey Norfolk Suffolk Devon Cornwall Cumbria Derby Dudley "
    "Halton Knowsley Oldham Rochdale Salford Sefton Stockport Tameside Trafford Wigan Wirral"
).split()
SWAPS = {
    "good": "strong",
    "children": "young people",
    "social workers": "practitioners",
    "leaders": "senior managers",
    "effective": "successful",
    "improve": "strengthen",
    "inspectors": "Ofsted inspectors",
    "families": "parents and carers",
    "support": "help",
    "quality": "standard",
}


# --- timing and memory -----------------------------------------------------------------------


def percentiles(samples_s: Sequence[float]) -> dict[str, float]:
    """p50/p95/mean/min in milliseconds."""
    ms = np.asarray(samples_s, dtype=np.float64) * 1000.0
    if not len(ms):
        return {"n": 0}
    return {
        "n": int(len(ms)),
        "p50_ms": round(float(np.percentile(ms, 50)), 3),
        "p95_ms": round(float(np.percentile(ms, 95)), 3),
        "mean_ms": round(float(ms.mean()), 3),
        "min_ms": round(float(ms.min()), 3),
    }


def rss_mb() -> float:
    """Current resident set size of this process."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def timed_process(
    argv: Sequence[str],
    *,
    stdin_text: str | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 300,
) -> dict[str, Any]:
    """Run a fresh process; wall time to its first stdout byte and to exit.

    (`peak_rss_mb` here includes the parent's high-water mark; use `peak_rss_of` for memory.)"""
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        stdin=subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=cwd,
    )
    assert proc.stdout is not None and proc.stderr is not None
    if stdin_text is not None and proc.stdin is not None:
        proc.stdin.write(stdin_text.encode())
        proc.stdin.close()
    first = proc.stdout.read(1)
    first_at = time.perf_counter() - started
    rest = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    ended = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "argv": list(argv),
        "rc": proc.returncode,
        "first_output_s": round(first_at if first else ended, 4),
        "exit_s": round(ended, 4),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "stdout": (first + rest).decode(errors="replace"),
        "stderr": err.decode(errors="replace")[-2000:],
    }


def peak_rss_of(argv: Sequence[str], *, env: dict[str, str] | None = None) -> float:
    """Peak RSS (MiB) of one run of `argv`, measured through a small launcher process."""
    import tempfile

    with tempfile.NamedTemporaryFile("r", suffix=".rss") as note:
        subprocess.run(
            [sys.executable, str(Path(__file__).with_name("rss_wrap.py")), note.name, *argv],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            check=False,
        )
        text = Path(note.name).read_text().strip()
    return round(int(text) / 1024, 1) if text else float("nan")


@contextlib.contextmanager
def answering(
    argv: Sequence[str], env: dict[str, str] | None = None
) -> Iterator[tuple[Callable[[str], tuple[str, float]], int]]:
    """A streaming `ask --json` process: `ask(question)` sends one line and returns the answer
    line ("" once the process has ended) and the seconds it took; the process id beside it
    (for its CPU). The process is closed on leaving."""
    proc = subprocess.Popen(
        list(argv),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
        bufsize=1,
    )
    assert proc.stdin is not None and proc.stdout is not None
    stdin, stdout = proc.stdin, proc.stdout

    def ask(question: str) -> tuple[str, float]:
        sent = time.perf_counter()
        stdin.write(question.replace("\n", " ") + "\n")
        stdin.flush()
        return stdout.readline(), time.perf_counter() - sent

    try:
        yield ask, proc.pid
    finally:
        stdin.close()
        proc.wait(timeout=60)


def pipe_latencies(
    argv: Sequence[str], lines: Sequence[str], *, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Feed questions one at a time through a pipe; time each answer line as it comes back."""
    started = time.perf_counter()
    waits: list[float] = []
    first_at = float("nan")
    errors = 0
    with answering(argv, env) as (ask, _pid):
        for line in lines:
            answer, waited = ask(line)
            if not answer:
                break
            waits.append(waited)
            if len(waits) == 1:
                first_at = time.perf_counter() - started
            errors += "error" in json.loads(answer)
    return {
        "questions": len(waits),
        "errors": errors,
        "first_answer_incl_startup_ms": round(first_at * 1000, 1),
        "per_question_after_first": percentiles(waits[1:]),
        "total_s": round(time.perf_counter() - started, 3),
    }


def best_of(fn: Callable[[], float], repeats: int) -> tuple[float, list[float]]:
    runs = [fn() for _ in range(repeats)]
    return min(runs), runs


# --- corpora -----------------------------------------------------------------------------------


def golden_questions() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLDEN.read_text().splitlines() if line.strip()]


def seed_paragraphs() -> list[str]:
    return [
        p.strip()
        for f in sorted(SEEDS.glob("*.txt"))
        for p in f.read_text(encoding="utf-8").split("\n\n")
        if p.strip()
    ]


def perturb(paragraph: str, rng: random.Random) -> str:
    """A plausible variant: another authority, other years, a few synonyms, a word dropped."""
    text = re.sub(r"\bBexley\b", rng.choice(AUTHORITIES), paragraph)
    text = re.sub(
        r"\b(19|20)(\d\d)\b",
        lambda m: str(int(m.group(0)) + rng.randint(-6, 6)),
        text,
    )
    for old, new in SWAPS.items():
        if rng.random() < 0.3:
            text = text.replace(old, new)
    words = text.split(" ")
    if len(words) > 12:
        for _ in range(max(1, len(words) // 25)):
            words.pop(rng.randrange(len(words)))
        if rng.random() < 0.5:
            i = rng.randrange(len(words) - 1)
            words[i], words[i + 1] = words[i + 1], words[i]
    sentences = re.split(r"(?<=[.!?]) ", " ".join(words))
    if len(sentences) > 2 and rng.random() < 0.4:
        rng.shuffle(sentences)
    return " ".join(sentences)


def perturb_block(block: str, rng: random.Random) -> str:
    """`perturb` line by line. A seed block often holds several paragraphs, one per line (the
    2014 report's numbered paragraphs, a judgements table); perturbing it whole would let the
    sentence shuffle merge them, and the chunker would cut longer passages than the seeds'."""
    return "\n".join(perturb(line, rng) if line.strip() else line for line in block.split("\n"))


def write_synthetic_corpus(
    target: Path, chunks_wanted: int, *, seed: int = 0, paragraphs_per_doc: int = 60
) -> dict[str, Any]:
    """Documents of perturbed seed paragraphs, about one chunk per paragraph, with metadata."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    rng = random.Random(seed)
    source = seed_paragraphs()
    metadata: dict[str, dict[str, str]] = {}
    written = 0
    doc = 0
    while written < chunks_wanted:
        count = min(paragraphs_per_doc, chunks_wanted - written)
        authority = rng.choice(AUTHORITIES)
        year = rng.randint(2010, 2025)
        start = rng.randrange(len(source))
        body = [
            perturb_block(source[(start + i) % len(source)], rng).replace("Bexley", authority)
            for i in range(count)
        ]
        title = f"{authority} children's services inspection {year}"
        name = f"syn_{doc:05d}.txt"
        (target / name).write_text(title + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
        metadata[name] = {
            "title": title,
            "publisher": "Ofsted",
            "kind": "inspection report",
            "date": f"{year}-{rng.randint(1, 12):02d}",
        }
        written += count
        doc += 1
    (target / "metadata.json").write_text(json.dumps(metadata, indent=1), encoding="utf-8")
    return {"documents": doc, "paragraphs": written}


def touch_one_document(folder: Path) -> str:
    """Edit one paragraph of the first document: the re-index should embed only that document."""
    path = sorted(p for p in folder.glob("*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    paragraphs[min(2, len(paragraphs) - 1)] += " Inspectors returned in the following year."
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path.stem


def query_texts(count: int, *, seed: int = 1) -> list[str]:
    """Realistic queries: the golden questions, then single sentences of perturbed paragraphs."""
    rng = random.Random(seed)
    out = [q["question"] for q in golden_questions()]
    sentences = [
        s for p in seed_paragraphs() for s in re.split(r"(?<=[.!?]) ", p) if len(s.split()) >= 6
    ]
    while len(out) < count:
        out.append(perturb(rng.choice(sentences), rng))
    return out[:count]


# --- recall ------------------------------------------------------------------------------------


def search_all(index: Any, queries: np.ndarray, k: int) -> tuple[list[list[int]], list[float]]:
    """One query at a time, as the app searches: the ids found and each search's seconds."""
    found, times = [], []
    for q in queries:
        started = time.perf_counter()
        hits = index.search(q, k)
        times.append(time.perf_counter() - started)
        found.append([h.chunk_id for h in hits])
    return found, times


def exact_top(vectors: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    import faiss

    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    _, ids = index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
    return ids


def recall_at(found: Iterable[Sequence[int]], truth: np.ndarray, k: int) -> float:
    hits = [len(set(list(f)[:k]) & set(t[:k].tolist())) for f, t in zip(found, truth, strict=True)]
    return round(sum(hits) / (k * len(hits)), 4) if hits else float("nan")


def recall_with_ties(
    found: Sequence[Sequence[int]], vectors: np.ndarray, queries: np.ndarray, kth: np.ndarray
) -> float:
    """recall@k where any hit scoring at least the exact k-th score counts (near-duplicate
    corpora have exact ties that an index may break differently from brute force)."""
    total = hits = 0
    for ids, q, bar in zip(found, queries, kth, strict=True):
        k = len(ids)
        scores = np.asarray(vectors[np.asarray(ids, dtype=np.int64)], dtype=np.float32) @ q
        hits += int((scores >= bar - 1e-5).sum())
        total += k
    return round(hits / total, 4) if total else float("nan")


def synthetic_vectors(
    count: int, dim: int, base: np.ndarray | None, *, seed: int = 0
) -> np.ndarray:
    """Unit vectors near real embeddings (when given) or around random centres; float32."""
    rng = np.random.default_rng(seed)
    out = np.empty((count, dim), dtype=np.float32)
    if base is None or not len(base):
        base = rng.standard_normal((2048, dim)).astype(np.float32)
        base /= np.linalg.norm(base, axis=1, keepdims=True)
    step = 65536
    for begin in range(0, count, step):
        n = min(step, count - begin)
        rows = base[rng.integers(0, len(base), n)]
        noisy = rows + rng.standard_normal((n, dim)).astype(np.float32) * (0.35 / np.sqrt(dim))
        out[begin : begin + n] = noisy / np.linalg.norm(noisy, axis=1, keepdims=True)
    return out


# --- environment -------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    import platform

    cpu = "unknown"
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "loadavg_at_start": [round(x, 2) for x in load],
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")
