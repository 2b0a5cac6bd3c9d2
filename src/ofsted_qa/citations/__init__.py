"""Citations: the human citation and the `doc#para` ref of a passage, parsing both back, and
finding a passage again in its source with its offsets re-verified.

May import: `ingest`, `index` and `ofsted_qa.errors`.
"""

from typing import TYPE_CHECKING

from ofsted_qa.exports import lazy_exports

if TYPE_CHECKING:
    from ofsted_qa.citations.citation import (
        document_citation,
        house_citation,
        human_date,
        paragraph_label,
        parse_house_citation,
        parse_ref,
        ref,
    )
    from ofsted_qa.citations.parts import paragraph_parts, paragraph_range, split_label
    from ofsted_qa.citations.passages import (
        locate,
        locate_paragraph,
        source_excerpt,
        source_path,
        verify,
    )

_EXPORTS = {
    "document_citation": "citation",
    "house_citation": "citation",
    "ref": "citation",
    "parse_ref": "citation",
    "parse_house_citation": "citation",
    "paragraph_label": "citation",
    "human_date": "citation",
    "locate": "passages",
    "locate_paragraph": "passages",
    "paragraph_parts": "parts",
    "paragraph_range": "parts",
    "split_label": "parts",
    "verify": "passages",
    "source_excerpt": "passages",
    "source_path": "passages",
}
__all__ = [
    "document_citation",
    "house_citation",
    "human_date",
    "locate",
    "locate_paragraph",
    "paragraph_label",
    "paragraph_parts",
    "paragraph_range",
    "parse_house_citation",
    "parse_ref",
    "ref",
    "source_excerpt",
    "source_path",
    "split_label",
    "verify",
]
__getattr__ = lazy_exports(__name__, _EXPORTS)
