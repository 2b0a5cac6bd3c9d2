"""bench/results/summary.md from the section JSON files (re-render with run.py --summary-only)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def _g(d: Any, *path: Any, default: Any = None) -> Any:
    for p in path:
        if not isinstance(d, dict) or p not in d:
            return default
        d = d[p]
    return d


def _f(value: Any, fmt: str = "{:.1f}") -> str:
    if value is None:
        return "n/a"
    try:
        return fmt.format(value)
    except (ValueError, TypeError):
        return str(value)


def render(results: dict[str, Any], meta: dict[str, Any]) -> str:
    lines = [
        "# ofsted-qa benchmark",
        "",
        f"Profile `{meta.get('profile')}`{' (fake model)' if meta.get('fake_model') else ''}, "
        f"{meta.get('cores')} cores ({meta.get('cpu')}), Python {meta.get('python')}, "
        f"{meta.get('date')}, load average at start {meta.get('loadavg_at_start')}; "
        f"whole run {meta.get('total_seconds')} s. Raw figures: `bench/results/*.json`. "
        "Each figure sits beside its reference from the same run.",
        "",
    ]
    runs = meta.get("section_runs") or {}
    if runs:
        lines += [
            "Sections were measured in these runs: "
            + "; ".join(
                f"{name} ({r.get('profile')}, {r.get('date')}, {r.get('seconds')} s, "
                f"load {r.get('loadavg_at_start')})"
                for name, r in runs.items()
            )
            + ".",
            "",
        ]
    for name, fn in (
        ("indexing", _indexing),
        ("query", _query),
        ("coldstart", _coldstart),
        ("tui", _tui),
        ("scale", _scale),
        ("real_recall", _real_recall),
        ("gpu_recall", _gpu_recall),
        ("verdict", _verdict),
    ):
        if name == "verdict":
            lines += fn(results)
            continue
        if name in results:
            lines += fn(results[name])
            lines.append("")
    return "\n".join(lines) + "\n"


def _indexing(r: dict[str, Any]) -> list[str]:
    shipped = _g(r, "seeds", "shipped", default={})
    out = [
        "## Indexing",
        "",
        "| run | chunks | embedded | embed chunks/s | end-to-end chunks/s | vs shipped | "
        "min cosine | golden top-10 identical (hybrid / dense) |",
        "|---|---|---|---|---|---|---|---|",
        f"| seeds, shipped (ONNX fp32, a batch of 2 per core) | {shipped.get('chunks')} | "
        f"{shipped.get('embedded')} | {_f(shipped.get('embed_chunks_per_s'))} "
        f"(runs {shipped.get('embed_chunks_per_s_runs')}) | "
        f"{_f(shipped.get('end_to_end_chunks_per_s'))} | 1.00 | reference | reference |",
    ]
    for name, c in (r.get("candidates") or {}).items():
        ranks = c.get("golden_rankings_vs_shipped", {})
        same = " / ".join(
            f"{_g(ranks, m, 'identical_top10')}/{_g(ranks, m, 'questions')}"
            for m in ("hybrid", "dense")
        )
        out.append(
            f"| seeds, {name} | {c.get('chunks')} | {c.get('embedded')} | "
            f"{_f(c.get('embed_chunks_per_s'))} (runs {c.get('embed_chunks_per_s_runs')}) | "
            f"{_f(c.get('end_to_end_chunks_per_s'))} | {_f(c.get('speedup_vs_shipped'), '{:.2f}')}x"
            f" | {c.get('min_cosine_to_shipped')} | {same} |"
        )
    syn = r.get("synthetic") or {}
    out.append(
        f"| synthetic corpus, {syn.get('encoder')} | {syn.get('chunks')} | {syn.get('embedded')}"
        f" | {_f(syn.get('embed_chunks_per_s'))} | {_f(syn.get('end_to_end_chunks_per_s'))} | "
        f"| | |"
    )
    if syn.get("reused"):
        out += [
            "",
            f"`embedded` counts distinct texts: {syn['reused']} synthetic passages repeat "
            "another's text (short lines the perturbation left alone) and take its vector, so "
            f"the corpus gets {_f(syn.get('vectored_chunks_per_s'))} passages/s of vectors "
            "per second of embedding; the embed column is the model's own rate.",
        ]
    reference = _g(r, "candidates", "st-fp32-sorted-b16", "embed_chunks_per_s")
    if reference and shipped.get("embed_chunks_per_s"):
        out += [
            "",
            f"Target >= 100 chunks/s: shipped {_f(shipped.get('embed_chunks_per_s'))} chunks/s, "
            f"{_f(shipped['embed_chunks_per_s'] / reference, '{:.2f}')}x the sentence-transformers "
            f"fp32 batch-16 reference measured in the same run ({_f(reference)} chunks/s; the "
            "issue's 100 against its 49 asks for 2.04x).",
        ]
    inc = r.get("incremental") or {}
    out += [
        "",
        f"Incremental re-index after editing one paragraph of {inc.get('changed_document')}: "
        f"{inc.get('embedded')} of {inc.get('chunks')} chunks re-embedded "
        f"({_f(100 * (inc.get('share_re_embedded') or 0))}%; the edited document's other "
        f"{inc.get('reused')} passages kept their vectors), {inc.get('build_s')} s "
        f"(full rebuild of the seeds: {shipped.get('build_s')} s).",
        "",
        f"Index on disk: seeds {_f((shipped.get('index_bytes') or 0) / 2**20, '{:.2f}')} MiB "
        f"({shipped.get('chunks')} chunks); synthetic "
        f"{_f((syn.get('index_bytes') or 0) / 2**20, '{:.1f}')} MiB ({syn.get('chunks')} chunks)"
        f" = {_f((syn.get('index_bytes') or 0) / max(1, syn.get('chunks') or 1) / 1024, '{:.1f}')}"
        " KiB per chunk (vectors 1.5 KiB + flat FAISS copy 1.5 KiB + text + BM25).",
    ]
    cli = r.get("cli_index_rebuild")
    if cli:
        out.append(
            f"`ofsted-qa index --rebuild` on the seeds in a fresh process: {cli.get('exit_s')} s, "
            f"peak RSS {cli.get('peak_rss_mb')} MiB."
        )
    return out


def _query(r: dict[str, Any]) -> list[str]:
    out = [
        "## Warm query latency (query embedding included)",
        "",
        f"Encoder: {r.get('encoder')}; {r.get('questions')} golden questions x {r.get('repeats')}.",
        "",
        "| index | mode | p50 ms | p95 ms | embedding share | retrieval-only p50 ms | "
        "p50 / bare embedding |",
        "|---|---|---|---|---|---|---|",
    ]
    for key in ("seeds", "synthetic", "seeds_sentence_transformers"):
        block = r.get(key)
        if not block:
            continue
        bare = block["bare_query_embedding"]
        label = f"{key} ({block['chunks']} chunks)"
        out.append(
            f"| {label} | bare embedding (reference) | {bare['p50_ms']} | {bare['p95_ms']} | "
            "100% | 0 | 1.00 |"
        )
        for mode, s in block["modes"].items():
            out.append(
                f"| {label} | {mode} | {s['p50_ms']} | {s['p95_ms']} | "
                f"{_f(100 * s['embedding_share'])}% | {s['retrieval_only']['p50_ms']} | "
                f"{s['p50_vs_bare_embedding']} |"
            )
    ranks = r.get("onnx_vs_st_rankings")
    if ranks:
        out += [
            "",
            "Rankings, sentence-transformers vs ONNX query encoder on eval/golden.jsonl "
            f"(min cosine {r.get('onnx_vs_st_min_cosine')}): "
            + "; ".join(
                f"{m}: {v['identical_top10']}/{v['questions']} identical top-10"
                + (f" (differ: {', '.join(v['differing'])})" if v["differing"] else "")
                for m, v in ranks.items()
            )
            + ".",
        ]
    return out


def _coldstart(r: dict[str, Any]) -> list[str]:
    out = [
        "## Cold start (fresh process)",
        "",
        "| command | runs | to first output p50 s | to exit p50 s | peak RSS MiB |",
        "|---|---|---|---|---|",
    ]
    labels = {
        "python_startup": "`python -c pass` (reference)",
        "import_cli": "`import ofsted_qa.cli`",
        "import_sentence_transformers": "`import sentence_transformers` (reference)",
        "ask_onnx": "`ofsted-qa ask` (ONNX, hybrid)",
        "ask_bm25": "`ofsted-qa ask --mode bm25`",
        "ask_sentence_transformers": "`ofsted-qa ask` without ONNX export (ST)",
    }
    for key, label in labels.items():
        s = r.get(key)
        if not s:
            continue
        out.append(
            f"| {label} | {s['runs']} | {_f(s['first_output_s'].get('p50_ms', 0) / 1000, '{:.3f}')}"
            f" | {_f(s['exit_s'].get('p50_ms', 0) / 1000, '{:.3f}')} | {s['peak_rss_mb']} |"
        )
    pipe = r.get("ask_json_pipe")
    if pipe:
        per = pipe["per_question_after_first"]
        out += [
            "",
            f"`ofsted-qa ask --json` through a pipe, one question written at a time: "
            f"{pipe['questions']} answers, first (incl. start-up) "
            f"{pipe['first_answer_incl_startup_ms']} ms, then per question p50 "
            f"{per.get('p50_ms')} ms / p95 {per.get('p95_ms')} ms.",
        ]
    return out


def _tui(r: dict[str, Any]) -> list[str]:
    if r.get("status") != "measured":
        return [
            "## TUI start",
            "",
            f"**TODO**: not measured ({r.get('status')}): {r.get('why') or r.get('stderr')}",
        ]
    m = r.get("median", {})
    return [
        "## TUI start",
        "",
        f"{r.get('method')}; median of {len(r.get('runs', []))}.",
        "",
        "| mark | seconds from launch |",
        "|---|---|",
    ] + [f"| {k} | {_f(v, '{:.3f}')} |" for k, v in m.items()]


def _scale_kinds(r: dict[str, Any]) -> Iterator[tuple[int, str, str, dict[str, Any]]]:
    """(vector count, real or synthetic, index kind, its figures) for every measured index."""
    for key, block in r.items():
        if isinstance(block, dict) and "kinds" in block:
            data = "real MiniLM" if key == "real" else "synthetic"
            for kind, figures in block["kinds"].items():
                yield block["vectors"], data, kind, figures


def _scale(r: dict[str, Any]) -> list[str]:
    out = [
        "## Scale: dense index kinds",
        "",
        f"Queries: {r.get('query_count')} ({r.get('queries')}).",
        "",
        "| vectors | data | kind | build s | file MiB | load s | p50 ms k=10 | p95 ms k=10 | "
        "p50 ms k=100 | recall@10 vs exact (tie-aware) | speed-up vs flat |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for vectors, data, kind, s in _scale_kinds(r):
        out.append(
            f"| {vectors:,} | {data} | {kind} | {s['build_s']} | {s['file_mb']} | "
            f"{s['load_s']} | {s['latency_k10']['p50_ms']} | {s['latency_k10']['p95_ms']} | "
            f"{s['latency_k100']['p50_ms']} | {s['recall_at_10']} "
            f"({s.get('recall_at_10_ties', 'n/a')}) | "
            f"{s.get('p50_speedup_vs_flat', 'n/a')}x |"
        )
    out += [
        "",
        "Search-time knob sweeps (k=10; recall strict / tie-aware):",
        "",
        "| vectors | data | kind | setting | p50 ms | p95 ms | recall@10 | tie-aware |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for vectors, data, kind, s in _scale_kinds(r):
        for row in s.get("sweep", []):
            knob = next(k for k in row if k in ("efSearch", "nprobe"))
            out.append(
                f"| {vectors:,} | {data} | {kind} | {knob}={row[knob]} | "
                f"{row['p50_ms']} | {row['p95_ms']} | {row['recall_at_10']} | "
                f"{row['recall_at_10_ties']} |"
            )
    return out


def _recall_rows(rows: list[dict[str, Any]], build_threads: str) -> list[str]:
    out = [
        f"| kind | setting | build s ({build_threads}) | file MiB | load s | p50 ms | p95 ms | "
        "recall@10 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        knob = "efSearch" if row["kind"] == "hnsw" else "nprobe"
        out.append(
            f"| {row['kind']} | {knob}={row['setting']} | {row['build_s']} | {row['file_mib']} | "
            f"{row['load_s']} | {row['p50_ms']} | {row['p95_ms']} | {row['recall@10']} |"
        )
    return out


def fastest_reaching(rows: list[dict[str, Any]], kind: str, recall: float) -> dict[str, Any] | None:
    """The quickest setting of `kind` (by p50) whose recall@10 reaches `recall`."""
    good = [r for r in rows if r["kind"] == kind and r["recall@10"] >= recall]
    return min(good, key=lambda r: r["p50_ms"], default=None)


def _real_recall(r: dict[str, Any]) -> list[str]:
    data = r.get("data", {})
    flat = r.get("flat", {})
    rows = r.get("rows", [])
    prose = data.get("corpus", 0) - data.get("seed_variants", 0)
    out = [
        "## Recall on a million real embeddings (this machine)",
        "",
        f"`bench/real_recall.py` (`make bench-recall`): {data.get('corpus', 0):,} passages of "
        f"real text ({data.get('seed_variants', 0):,} perturbed seed paragraphs + {prose:,} "
        "passages of English prose found offline: docstrings, comments, package documentation "
        "and manual pages, then two-sentence windows of the longer blocks once whole blocks and "
        "sentences ran out), embedded with the shipped ONNX MiniLM encoder on this CPU in "
        f"resumable shards ({_f(r.get('embed_s_this_run', 0) / 60, '{:.0f}')} min of embedding in "
        f"this run); {data.get('queries')} queries (the golden questions and prose sentences "
        "never indexed). Exact neighbours by brute force; exact search itself takes p50 "
        f"{flat.get('p50_ms')} ms, p95 {flat.get('p95_ms')} ms. Everything on "
        f"{r.get('threads')} threads.",
        "",
        *_recall_rows(rows, f"{r.get('threads')} threads"),
    ]
    hnsw = fastest_reaching(rows, "hnsw", 0.95)
    ivfpq = max(
        (r for r in rows if r["kind"] == "ivfpq"), key=lambda r: r["recall@10"], default=None
    )
    out += [
        "",
        "Target (p50 <= 1 ms at recall@10 >= 0.95): "
        + (
            f"HNSW efSearch={hnsw['setting']} reaches recall {hnsw['recall@10']} at p50 "
            f"{hnsw['p50_ms']} ms ({'met' if hnsw['p50_ms'] <= 1.0 else 'not met'}); the index "
            f"loads in {hnsw['load_s']} s."
            if hnsw
            else "no HNSW setting reaches recall 0.95 (not met)."
        ),
    ]
    if ivfpq:
        out.append(
            f"Compressed option: IVF-PQ at its best measured setting, nprobe={ivfpq['setting']} "
            f"(48-byte codes, exact re-ranking), gives recall {ivfpq['recall@10']} at p50 "
            f"{ivfpq['p50_ms']} ms, {ivfpq['file_mib']} MiB on disk."
        )
    return out


def _gpu_recall(r: dict[str, Any]) -> list[str]:
    data = r.get("data", {})
    out = [
        "## Recall on half a million real embeddings (GPU run)",
        "",
        f"`bench/gpu_recall.py` on a lent H100 box: {data.get('corpus', 0):,} passages of real "
        f"text ({data.get('seed_variants', 0):,} perturbed seed paragraphs + "
        f"{data.get('prose_passages', 0):,} passages of English prose found offline on that "
        "machine: docstrings, comments and package documentation) embedded with the same "
        f"MiniLM in {_f(r.get('embed_s'))} s; {data.get('queries')} queries (the golden "
        "questions and sentences from prose never indexed); exact neighbours from a brute-force "
        "GPU product. Searches ran with FAISS on "
        f"{r.get('threads')} threads of that machine's CPU (not the reference box). "
        "That box had fewer files to draw prose from, hence fewer than a million passages.",
        "",
        *_recall_rows(r.get("rows", []), "16 threads"),
    ]
    defaults = r.get("defaults", {})
    out.append("")
    out.append(
        f"Shipped defaults: HNSW efSearch={defaults.get('hnsw_efSearch')}, IVF-PQ "
        f"nprobe={defaults.get('ivfpq_nprobe')} (`ofsted_qa/index/dense_index.py`)."
    )
    return out


def _verdict(results: dict[str, Any]) -> list[str]:
    """How far one machine goes, from this run's figures."""
    idx = results.get("indexing") or {}
    syn = idx.get("synthetic") or {}
    rate = syn.get("embed_chunks_per_s") or _g(idx, "seeds", "shipped", "embed_chunks_per_s")
    per_chunk = (syn.get("index_bytes") or 0) / max(1, syn.get("chunks") or 1)
    bm25 = _g(results, "query", "synthetic", "modes", "bm25", "p50_ms")
    bm25_chunks = _g(results, "query", "synthetic", "chunks")
    scale = results.get("scale") or {}
    big = scale.get("1000000") or {}
    hnsw = _g(big, "kinds", "hnsw", default={}) or {}
    out = ["## How far one machine goes", ""]
    if rate:
        out.append(
            f"- **Embedding is the limit.** At {_f(rate)} chunks/s, 1M chunks take "
            f"{_f(1e6 / rate / 3600)} h to embed on this machine (re-indexing is incremental, "
            "so this is paid once; one changed document re-embeds only its own chunks)."
        )
    if per_chunk:
        out.append(
            f"- **Disk**: {_f(per_chunk / 1024)} KiB per chunk with a flat index "
            f"(~{_f(per_chunk * 1e6 / 2**30)} GiB per million chunks; HNSW adds ~0.3 KiB, "
            "IVF-PQ replaces the 1.5 KiB FAISS copy with 48 bytes)."
        )
    if hnsw:
        out.append(
            f"- **Dense search at 1M** (HNSW, efSearch default): p50 "
            f"{_g(hnsw, 'latency_k10', 'p50_ms')} ms, recall@10 {hnsw.get('recall_at_10')} "
            f"(synthetic vectors; real-text recall in the table above), loads in "
            f"{hnsw.get('load_s')} s (vectors memory-mapped), build {hnsw.get('build_s')} s."
        )
    if bm25 not in (None, "n/a") and bm25_chunks:
        out.append(
            f"- **BM25 grows linearly**: p50 {bm25} ms at {bm25_chunks} chunks (bm25s scores "
            f"every chunk per query), so ~{_f(bm25 * 1e6 / bm25_chunks)} ms at 1M chunks: "
            "the lexical side, not FAISS, is what needs replacing first at that scale."
        )
    out += [
        "- **Comfortable on one 2-core / 24 GiB box**: up to ~100k-200k chunks with the default "
        "flat index (exact dense search a few ms); HNSW to ~1M chunks (a few GiB of RAM, "
        "sub-ms dense search); IVF-PQ when RAM is short (48 B/chunk resident, vectors on disk).",
        "- **Beyond that**: embed on a GPU or many cores (the ONNX export runs anywhere), shard "
        "the index by publisher/year, move BM25 to an inverted-index engine "
        "(Tantivy/Lucene/OpenSearch, top-k without scoring every chunk), and serve vectors "
        "from a vector store (FAISS IVF-PQ on disk, Qdrant, pgvector) on a server instead "
        "of per-process files.",
    ]
    return out
