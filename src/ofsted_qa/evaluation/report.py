"""Eval results as a console table, a markdown report (with a Unicode bar chart) and JSON."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ofsted_qa.evaluation.metrics import METRICS, Judgement, first_relevant_rank

BLOCKS = " ▏▎▍▌▋▊▉█"
BAR_WIDTH = 30
SPLITS = (("all", None), ("tune", "tune"), ("heldout", "heldout"))
CATEGORY_METRICS = ("Success@5", "R@5", "Hit@1", "MRR@10")
# The targets for the shipped pipeline. Its "Recall@5" is Success@5: the issue
# calibrates its baseline as "plain BM25 finds the right passage in its top 5 for about three
# questions in four", which is our BM25 Success@5 (0.766), not the strict R@5 (0.641).
TARGETS = {"Hit@1": 0.80, "Success@5": 0.95, "MRR@10": 0.85}
CATEGORY_TARGET = ("Success@5", 0.85)  # no category below this


def bar(value: float, width: int = BAR_WIDTH) -> str:
    """A left-aligned Unicode bar for a value in [0, 1], eighth-block precise."""
    eighths = round(max(0.0, min(1.0, value)) * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (BLOCKS[part] if part else "")).ljust(width)


def _categories(outcome) -> list[str]:
    seen: list[str] = []
    for q in outcome.questions:
        if q["category"] not in seen:
            seen.append(q["category"])
    return seen


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(r) + " |" for r in rows]


def overall_rows(outcome, split: str | None) -> list[list[str]]:
    rows = []
    for mode in outcome.scores:
        means, n = outcome.aggregate(mode, split=split)
        rows.append([mode, str(n), *(f"{means[m]:.3f}" for m in METRICS)])
    return rows


def category_rows(outcome, split: str | None, metric: str) -> list[list[str]]:
    rows = []
    for cat in _categories(outcome):
        cells = []
        n = 0
        for mode in outcome.scores:
            means, n = outcome.aggregate(mode, split=split, category=cat)
            cells.append(f"{means[metric]:.2f}")
        rows.append([cat, str(n), *cells])
    return rows


def chart(outcome, split: str | None, metric: str = "R@5") -> list[str]:
    lines = []
    for cat in _categories(outcome):
        for mode in outcome.scores:
            value = outcome.aggregate(mode, split=split, category=cat)[0][metric]
            lines.append(f"{cat:<11} {mode:<7} {bar(value)} {value:.2f}")
        lines.append("")
    return lines


def failures(outcome, judgements: Mapping[str, Judgement], limit: int) -> list[str]:
    mode = "full" if "full" in outcome.scores else next(iter(outcome.scores))
    lines = []
    for q in outcome.questions:
        score = outcome.scores[mode][q["id"]]
        if score["Hit@1"] == 1.0 and score["R@5"] == 1.0:
            continue
        ranking = outcome.runs[mode][q["id"]]
        rank = first_relevant_rank(ranking, judgements[q["id"]])
        where = f"first relevant at {rank}" if rank else "no relevant passage in the top 10"
        lines.append(
            f'- **{q["id"]}** ({q["category"]}, {q["split"]}) "{q["text"]}": {where}, '
            f"R@5 {score['R@5']:.2f}"
        )
        above = ranking[: (rank - 1) if rank else 3][:3]
        lines.extend(f"    - above: {outcome.labels.get(g[0], g[0])}" for g in above)
        if len(lines) >= limit * 4:
            break
    return lines


TARGETS_NOTE = [
    "The issue asks for Hit@1 >= 0.80, Recall@5 >= 0.95, MRR@10 >= 0.85 and no category below "
    "Recall@5 0.85. Its Recall@5 is **Success@5** (a right passage in the top 5): the issue "
    'calibrates its baseline as "plain BM25 finds the right passage in its top 5 for about '
    'three questions in four", which matches BM25 Success@5 (0.766) and not the strict R@5 '
    "(0.641). The strict R@5 is reported alongside as the harder figure.",
]


def targets(outcome) -> list[str]:
    """Each issue target checked on the tune and heldout splits: PASS or FAIL, with the value."""
    mode = "full" if "full" in outcome.scores else next(iter(outcome.scores))
    rows: list[list[str]] = []
    for name, split in SPLITS[1:]:
        if not any(q["split"] == split for q in outcome.questions):
            continue
        means, _ = outcome.aggregate(mode, split=split)
        for metric, floor in TARGETS.items():
            rows.append(_verdict(name, f"{metric} >= {floor:.2f}", means[metric], floor))
        metric, floor = CATEGORY_TARGET
        worst = min(
            (outcome.aggregate(mode, split=split, category=c)[0][metric], c)
            for c in _categories(outcome)
        )
        rows.append(
            _verdict(name, f"every category {metric} >= {floor:.2f}", worst[0], floor, worst[1])
        )
    return _table(["split", "target", "measured", "verdict"], rows)


def _verdict(split: str, target: str, value: float, floor: float, where: str = "") -> list[str]:
    shown = f"{value:.3f}" + (f" (lowest: {where})" if where else "")
    return [split, target, shown, "PASS" if value >= floor - 1e-9 else "FAIL"]


def console(outcome, judgements: Mapping[str, Judgement], limit: int) -> str:
    header = ["mode", "n", *METRICS]
    lines = [f"Eval on {outcome.source} ({len(outcome.questions)} questions)"]
    for name, split in SPLITS:
        if split and not any(q["split"] == split for q in outcome.questions):
            continue
        lines += ["", f"[{name}]", _fixed(header, overall_rows(outcome, split))]
        for metric in CATEGORY_METRICS[:3]:
            cat_header = ["category", "n", *outcome.scores]
            lines += [
                f"  {metric} by category",
                _fixed(cat_header, category_rows(outcome, split, metric)),
            ]
    lines += ["", "Targets (full pipeline):", *targets(outcome)]
    lines += ["", "Failures (full pipeline):", *failures(outcome, judgements, limit)]
    lines += [f"warning: {w}" for w in outcome.warnings]
    return "\n".join(lines)


def _fixed(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join(fmt.format(*r) for r in [header, *rows])


def markdown(
    outcome, judgements: Mapping[str, Judgement], limit: int, title: str = "Retrieval evaluation"
) -> str:
    header = ["mode", "n", *METRICS]
    out = [
        f"# {title}",
        "",
        f"Source: `{outcome.source}`, {len(outcome.questions)} questions. Generated by "
        "`ofsted-qa eval`; do not edit by hand.",
        "",
        "Modes: `bm25`, `dense`, `hybrid` = plain baselines on the question as typed; `full` = "
        "the shipped pipeline (typo correction, glossary expansion, year/source boosts, "
        "near-duplicate grouping, phrase, acronym and answer-type cues). Hit@1, Success@5, "
        "MRR@10 and nDCG@10 are over passages (ir-measures). Two recall notions: **Success@5** "
        '= a relevant passage is in the top 5 (the issue\'s "Recall@5"); **R@k** = the strict '
        "share of a question's evidence strings (answering paragraphs) found in the top k.",
        "",
        f"Tuning: `{outcome.tuning}`",
    ]
    for name, split in SPLITS:
        if split and not any(q["split"] == split for q in outcome.questions):
            continue
        out += ["", f"## {name}", "", *_table(header, overall_rows(outcome, split))]
        for metric in CATEGORY_METRICS:
            out += ["", f"{metric} by category ({name}):", ""]
            out += _table(["category", "n", *outcome.scores], category_rows(outcome, split, metric))
    out += ["", "## Targets (issue), full pipeline", "", *TARGETS_NOTE, "", *targets(outcome)]
    out += ["", "## Success@5 by category (all questions)", "", "```"]
    out += [*chart(outcome, None, "Success@5"), "```"]
    out += ["", "## R@5 by category (all questions)", "", "```", *chart(outcome, None), "```"]
    if outcome.sweep:
        out += ["", "## Weight sweep (tune split, full pipeline, one knob at a time)", ""]
        out += _table(
            ["knob", "value", *METRICS],
            [
                [s["knob"], str(s["value"]), *(f"{s[m]:.3f}" for m in METRICS)]
                for s in outcome.sweep
            ],
        )
    out += ["", "## Failures (full pipeline: Hit@1 = 0 or R@5 < 1)", ""]
    out += failures(outcome, judgements, limit) or ["none"]
    if outcome.warnings:
        out += ["", "## Warnings", "", *(f"- {w}" for w in outcome.warnings)]
    return "\n".join(out) + "\n"


def to_json(outcome, judgements: Mapping[str, Judgement]) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    for mode in outcome.scores:
        summary[mode] = {}
        for name, split in SPLITS:
            means, n = outcome.aggregate(mode, split=split)
            per_cat = {
                c: outcome.aggregate(mode, split=split, category=c)[0] for c in _categories(outcome)
            }
            summary[mode][name] = {"n": n, **means, "categories": per_cat}
    return {
        "source": outcome.source,
        "tuning": outcome.tuning,
        "summary": summary,
        "questions": [
            {
                **q,
                "scores": {m: outcome.scores[m][q["id"]] for m in outcome.scores},
                "first_relevant": {
                    m: first_relevant_rank(outcome.runs[m][q["id"]], judgements[q["id"]])
                    for m in outcome.scores
                },
            }
            for q in outcome.questions
        ],
        "sweep": outcome.sweep,
        "warnings": outcome.warnings,
    }
