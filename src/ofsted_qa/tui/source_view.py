"""The whole document, scrolled to the passage: `n`/`p` step through this answer's hits in it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.inert import inert
from ofsted_qa.tui.clipboard import CopyRequest
from ofsted_qa.tui.highlight import passage

if TYPE_CHECKING:
    from ofsted_qa.index.store import ChunkStore
    from ofsted_qa.retrieval.search import Hit


class Paragraph(Static):
    def __init__(self, chunk_id: int, body: Text) -> None:
        super().__init__(body, id=f"para-{chunk_id}", classes="paragraph")
        self.chunk_id = chunk_id


class SourceScreen(Screen[None]):
    TYPE_THROUGH = True  # a letter no key here binds starts the next question (type_ahead.py)
    BINDINGS = [
        Binding("escape", "dismiss", "Back to the question box (Tab: back to the card)"),
        Binding("n", "step(1)", "Next hit"),
        Binding("p", "step(-1)", "Previous hit"),
        Binding("c", "copy_citation", "Copy citation"),
        Binding("y", "copy_passage", "Copy passage"),
        Binding("r", "toggle_raw", "Raw source"),
    ]

    def __init__(
        self, store: ChunkStore, hit: Hit, hits: tuple[Hit, ...], query_terms: set[str], root: Path
    ) -> None:
        super().__init__()
        self.store, self.root, self.terms = store, root, query_terms
        doc = hit.chunk.doc_id
        # This answer's hits in this document, in reading order.
        self.hits = sorted((h for h in hits if h.chunk.doc_id == doc), key=lambda h: h.chunk_id)
        self.current = hit

    def compose(self) -> ComposeResult:
        from ofsted_qa.citations.citation import human_date

        meta = self.current.meta
        head = Text.assemble((inert(meta.title), "bold"), "\n")
        head.append(
            inert(f"{meta.publisher} · {meta.kind} · {human_date(meta.date)} · {meta.source}")
        )
        yield Static(head, id="source-head")
        hit_ids = {h.chunk_id for h in self.hits}
        with VerticalScroll(id="source-body"):
            section: tuple[str, ...] = ()
            for chunk_id in self.store.doc_range(self.current.chunk.doc_id):
                chunk = self.store.get(chunk_id)
                if chunk.section and chunk.section != section:
                    section = chunk.section
                    yield Static(Text(inert(chunk.section_path)), classes="section")
                yield self._paragraph(chunk_id, chunk_id in hit_ids)
        yield Static(id="source-status")
        yield Footer()

    def _paragraph(self, chunk_id: int, is_hit: bool) -> Paragraph:
        from ofsted_qa.citations.citation import place_label
        from ofsted_qa.citations.parts import paragraph_parts

        chunk = self.store.get(chunk_id)
        place = place_label(self.store.meta(chunk_id), chunk, paragraph_parts(self.store, chunk_id))
        body = Text(inert(f"{place}  "), style="dim")
        body.append_text(passage(chunk.text, self.terms if is_hit else set()))
        widget = Paragraph(chunk_id, body)
        widget.set_class(is_hit, "-hit")
        return widget

    def on_mount(self) -> None:
        self.query_one("#source-body").focus()
        self.call_after_refresh(self._go, self.current)

    def _go(self, hit: Hit) -> None:
        self.current = hit
        for widget in self.query(Paragraph):
            widget.set_class(widget.chunk_id == hit.chunk_id, "-current")
        target = self.query_one(f"#para-{hit.chunk_id}", Paragraph)
        self.query_one("#source-body", VerticalScroll).scroll_to_center(target, animate=False)
        where = self.hits.index(hit) + 1 if hit in self.hits else 0
        status = Text(inert(f"Hit {where} of {len(self.hits)} in this document · {hit.citation}"))
        self.query_one("#source-status", Static).update(status)

    def action_step(self, step: int) -> None:
        index = self.hits.index(self.current) + step
        if not 0 <= index < len(self.hits):
            self.notify(f"No {'later' if step > 0 else 'earlier'} hit in this document.")
            return
        self._go(self.hits[index])

    def action_copy_citation(self) -> None:
        self.post_message(CopyRequest(self.current.citation, "Citation"))

    def action_copy_passage(self) -> None:
        self.post_message(CopyRequest(self.current.chunk.text, "Passage"))

    def action_toggle_raw(self) -> None:
        """The exact text of the source file at the cited offsets, to check the citation."""
        from ofsted_qa.citations.passages import source_excerpt

        target = self.query_one(f"#para-{self.current.chunk_id}", Paragraph)
        if target.has_class("-raw"):
            target.update(self._paragraph(target.chunk_id, True).content)
        else:
            try:
                raw = source_excerpt(self.current.meta, self.current.chunk, self.root)
            except (OSError, OfstedQAError) as exc:
                self.notify(
                    inert(f"Cannot read the source file: {exc}"), severity="error", markup=False
                )
                return
            target.update(Text.assemble(("source file, exact text:\n", "dim"), inert(raw)))
        target.toggle_class("-raw")
