"""Retrieval: understanding the question (years, sources, glossary, typos), BM25 and dense
search, score fusion, boosts, duplicate grouping and highlighting the best sentence.

May import: `ingest`, `index`, `citations` and `ofsted_qa.errors`.
"""

from typing import TYPE_CHECKING

from ofsted_qa.exports import lazy_exports

if TYPE_CHECKING:
    from ofsted_qa.retrieval.glossary import Glossary, default_glossary
    from ofsted_qa.retrieval.judgements import JudgementFilters, JudgementRow, list_judgements
    from ofsted_qa.retrieval.query import Interpretation, interpret, validate
    from ofsted_qa.retrieval.results import Filters, Hit, SearchResponse
    from ofsted_qa.retrieval.scoring import Tuning
    from ofsted_qa.retrieval.search import MAX_K, MODES, Searcher

_EXPORTS = {
    "Searcher": "search",
    "MODES": "search",
    "MAX_K": "search",
    "Filters": "results",
    "Hit": "results",
    "SearchResponse": "results",
    "Interpretation": "query",
    "interpret": "query",
    "validate": "query",
    "Tuning": "scoring",
    "Glossary": "glossary",
    "JudgementFilters": "judgements",
    "JudgementRow": "judgements",
    "list_judgements": "judgements",
    "default_glossary": "glossary",
}
__all__ = [
    "Filters",
    "Glossary",
    "Hit",
    "Interpretation",
    "JudgementFilters",
    "JudgementRow",
    "MAX_K",
    "MODES",
    "SearchResponse",
    "Searcher",
    "Tuning",
    "default_glossary",
    "interpret",
    "list_judgements",
    "validate",
]
__getattr__ = lazy_exports(__name__, _EXPORTS)
