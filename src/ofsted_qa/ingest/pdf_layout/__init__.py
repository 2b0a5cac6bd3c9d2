"""Layout recovery for text extracted from a PDF: glyphs with their boxes become the paragraphs,
list items, footnotes and table rows of the report, in the conventions of the text files the
chunker reads, with running headers, footers, page numbers and contents pages dropped.

Pure functions over plain `Char` and `Line` values, so every rule is tested without a PDF.
"""

from ofsted_qa.ingest.pdf_layout.lines import Char, Line, lines_from_chars
from ofsted_qa.ingest.pdf_layout.recover import PdfText, recover_layout

__all__ = ["Char", "Line", "PdfText", "lines_from_chars", "recover_layout"]
