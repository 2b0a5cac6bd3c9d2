"""bench/results/corpus.md from corpus.json: each whole-corpus figure beside the seeds-only one
measured in the same run, with when each step was measured and the load it ran under."""

from __future__ import annotations

from typing import Any


def _get(data: Any, *path: Any) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _n(value: Any, unit: str = "", fmt: str = "{:,.1f}") -> str:
    if value is None:
        return "n/a"
    try:
        return fmt.format(value) + unit
    except (TypeError, ValueError):
        return str(value)


def _rows(steps: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(what, whole corpus, seeds only) per figure."""
    s = steps
    build, seeds_build = s.get("build", {}), s.get("seeds_build", {})
    size = s.get("size", {})
    add = s.get("add_one", {})
    cold, mem, warm, tui, ev = (
        s.get(k, {}) for k in ("cold_ask", "ask_memory", "warm", "tui", "eval")
    )

    # After "one report added" the index holds the whole corpus; before, all but that report.
    counts = _get(add, "corpus") or _get(s, "refresh", "corpus") or {}

    def size_of(name: str) -> str:
        total = sum(_get(size, name, k) or 0 for k in ("generation_mb", "extracted_mb"))
        return f"{_n(total, ' MiB')} ({_n(_get(size, name, 'generation_mb'), ' MiB')} index)"

    def warm_of(name: str) -> str:
        row = warm.get(name, {})
        return (
            f"p50 {_n(_get(row, 'hybrid', 'p50_ms'), ' ms', '{:.1f}')}, "
            f"p95 {_n(_get(row, 'hybrid', 'p95_ms'), ' ms', '{:.1f}')} (CPU "
            f"{_n(_get(row, 'hybrid', 'cpu_ms_per_answer'), ' ms', '{:.1f}')} an answer); outside the model "
            f"{_n(row.get('outside_model_p50_ms'), ' ms', '{:.1f}')} "
            f"({_n(row.get('outside_model_share_p50'), '', '{:.0%}')}), bare embedding "
            f"{_n(_get(row, 'bare_query_embedding', 'p50_ms'), ' ms', '{:.1f}')}; bm25 alone "
            f"p50 {_n(_get(row, 'bm25', 'p50_ms'), ' ms', '{:.1f}')}"
        )

    def cold_of(name: str) -> str:
        wall = _n(_get(cold, name, "wall_s", "p50_ms"), " ms", "{:,.0f}")
        return f"{wall} ({_n(_get(cold, name, 'cpu_s', 'p50_ms'), ' ms', '{:,.0f}')} CPU)"

    def tui_of(name: str) -> str:
        row = tui.get(name, {})
        return (
            f"{_n(row.get('first_paint_s'), ' s', '{:.2f}')} / "
            f"{_n(row.get('index_ready_s'), ' s', '{:.2f}')} / "
            f"{_n(row.get('model_ready_s'), ' s', '{:.2f}')} (CPU "
            f"{_n(row.get('first_paint_cpu_s'), ' s', '{:.2f}')} / "
            f"{_n(row.get('index_ready_cpu_s'), ' s', '{:.2f}')} / "
            f"{_n(row.get('model_ready_cpu_s'), ' s', '{:.2f}')})"
        )

    def eval_of(key: str) -> str:
        row = ev.get(key, {})
        full = _get(row, "scores", "full") or {}
        return f"{_n(row.get('wall_s'), ' s')} (full pipeline Hit@1 {_n(full.get('Hit@1'), '', '{:.3f}')})"

    return [
        (
            "documents / passages",
            f"{_n(counts.get('documents'), '', '{:,}')} / {_n(counts.get('passages'), '', '{:,}')}",
            f"{_n(seeds_build.get('documents'), '', '{:,}')} / {_n(seeds_build.get('passages'), '', '{:,}')}",
        ),
        (
            "first build, from scratch: wall (CPU)",
            f"not measured: seeded from a copy of {build.get('seeded_from')}"
            if build.get("seeded_from")
            else f"{_n(build.get('wall_s'), ' s')} ({_n(build.get('cpu_s'), ' s')})",
            f"{_n(seeds_build.get('wall_s'), ' s')} ({_n(seeds_build.get('cpu_s'), ' s')})",
        ),
        (
            "build peak RSS: largest process / process tree",
            "not measured (the index was seeded)"
            if build.get("seeded_from")
            else f"{_n(build.get('peak_rss_mb'), ' MiB')} / {_n(build.get('peak_tree_rss_mb'), ' MiB')}",
            f"{_n(seeds_build.get('peak_rss_mb'), ' MiB')} / {_n(seeds_build.get('peak_tree_rss_mb'), ' MiB')}",
        ),
        ("on disk (index + extracted text)", size_of("corpus"), size_of("seeds")),
        (
            "one report added (`index`)",
            f"{_n(_get(add, 'corpus', 'wall_s'), ' s')} (no-op `index` "
            f"{_n(_get(add, 'noop_reference', 'wall_s'), ' s')})",
            f"{_n(_get(add, 'seeds', 'wall_s'), ' s')} (no-op {_n(_get(add, 'seeds_noop_reference', 'wall_s'), ' s')})",
        ),
        ("cold `ask`, p50 of fresh processes: wall (CPU)", cold_of("corpus"), cold_of("seeds")),
        (
            "`ask` peak RSS (one question / 40 via `--json`)",
            f"{_n(_get(mem, 'corpus', 'ask_peak_rss_mb'), ' MiB')} / {_n(_get(mem, 'corpus', 'ask_json_40_questions_peak_rss_mb'), ' MiB')}",
            f"{_n(_get(mem, 'seeds', 'ask_peak_rss_mb'), ' MiB')} / {_n(_get(mem, 'seeds', 'ask_json_40_questions_peak_rss_mb'), ' MiB')}",
        ),
        ("warm hybrid via `ask --json`, embedding included", warm_of("corpus"), warm_of("seeds")),
        ("TUI first paint / index open / ready to answer", tui_of("corpus"), tui_of("seeds")),
        (
            "`eval` (first run / again)",
            f"{eval_of('corpus_first')} / {eval_of('corpus_again')}",
            eval_of("seeds"),
        ),
    ]


def render(results: dict[str, Any]) -> str:
    steps = results.get("steps", {})
    machine = results.get("machine", {})
    lines = [
        "# Whole corpus (`make bench-corpus`)",
        "",
        f"{machine.get('cores')} cores ({machine.get('cpu')}), Python {machine.get('python')}. "
        "Raw figures: `bench/results/corpus.json`. The seeds-only column is measured in the same "
        "run as the corpus column; the machine is shared, so compare within a row.",
        "",
        "| what | whole corpus | seeds only (same run) |",
        "| --- | --- | --- |",
        *(f"| {what} | {corpus} | {seeds} |" for what, corpus, seeds in _rows(steps)),
        "",
        "Each step, when it was measured and the load average as it started:",
        "",
    ]
    for name, step in steps.items():
        error = f": {step.get('error')}" if step.get("status") == "failed" else ""
        lines.append(
            f"- `{name}` {step.get('status')} {step.get('measured_at')}, "
            f"{step.get('step_seconds')} s, load {step.get('loadavg_at_start')}{error}"
        )
    bm25 = steps.get("bm25_1m", {})
    if bm25.get("status") == "measured":
        lines += ["", "BM25 alone (" + bm25.get("what", "") + "):", ""]
        lines += [
            "| passages | tokenize | index | peak RSS | query p50 / p95 |",
            "| --- | --- | --- | --- | --- |",
        ]
        for row in bm25.values():
            if isinstance(row, dict) and "passages" in row:
                lines.append(
                    f"| {row['passages']:,} | {_n(row['tokenize_s'], ' s')} | {_n(row['index_s'], ' s')} | "
                    f"{_n(row['peak_rss_mb'], ' MiB')} | {_n(_get(row, 'query', 'p50_ms'), ' ms', '{:.2f}')} / "
                    f"{_n(_get(row, 'query', 'p95_ms'), ' ms', '{:.2f}')} |"
                )
    return "\n".join(lines) + "\n"
