"""The eval harness: golden questions and their judgements, one small function per metric,
runs of every mode, the tuning sweep, BEIR datasets and the report.

May import: every core stage (`ingest`, `index`, `citations`, `retrieval`), never an interface.
"""

from typing import TYPE_CHECKING

from ofsted_qa.exports import lazy_exports

if TYPE_CHECKING:
    from ofsted_qa.evaluation.golden import Question, judge, load_golden
    from ofsted_qa.evaluation.harness import main
    from ofsted_qa.evaluation.metrics import METRICS, Judgement, evaluate, mean
    from ofsted_qa.evaluation.runs import MODES, Outcome, measure, run_mode

_EXPORTS = {
    "Question": "golden",
    "load_golden": "golden",
    "judge": "golden",
    "Judgement": "metrics",
    "evaluate": "metrics",
    "mean": "metrics",
    "METRICS": "metrics",
    "MODES": "runs",
    "Outcome": "runs",
    "measure": "runs",
    "run_mode": "runs",
    "main": "harness",
}
__all__ = [
    "Judgement",
    "METRICS",
    "MODES",
    "Outcome",
    "Question",
    "evaluate",
    "judge",
    "load_golden",
    "main",
    "mean",
    "measure",
    "run_mode",
]
__getattr__ = lazy_exports(__name__, _EXPORTS)
