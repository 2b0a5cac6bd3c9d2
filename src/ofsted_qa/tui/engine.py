"""The TUI's view of the core: open, load the model, search. No Textual here, so it is easy
to test and safe to call from worker threads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the core loads numpy and friends; the app imports it in a worker
    from ofsted_qa.index.embedding import ModelSource
    from ofsted_qa.index.generations import IndexBundle
    from ofsted_qa.index.settings import Settings
    from ofsted_qa.retrieval.councils import Councils
    from ofsted_qa.retrieval.interpretation import Interpretation
    from ofsted_qa.retrieval.search import Filters, Searcher, SearchResponse

K = 10
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DocumentChoice:
    """A document as the filters offer it; text from the document itself, shown only through
    `inert()`. `date` is ISO ("2014-05-23"), "" when unknown."""

    doc_id: str
    title: str
    council: str = ""
    date: str = ""
    kind: str = ""
    framework: str = ""  # "SIF", "ILACS standard", ...


@dataclass(frozen=True)
class Choices:
    """What the filter bar offers: every year, document, kind and council in the index."""

    years: tuple[int, ...]
    documents: tuple[DocumentChoice, ...]
    kinds: tuple[str, ...]
    councils: tuple[str, ...] = ()  # each place once, as a chip shows it ("Norfolk")
    regions: tuple[str, ...] = ()  # the ONS regions the councils are in, in ONS order; areas


class Engine:
    def __init__(self, settings: Settings, model: ModelSource | None = None) -> None:
        self.settings = settings
        self.model = model
        self.bundle: IndexBundle | None = None
        self.searcher: Searcher | None = None
        self._choices: Choices | None = None

    @property
    def dense_ready(self) -> bool:
        return self.searcher is not None and self.searcher.embedder is not None

    def open(self, progress: Progress, notify: Callable[[str], None]) -> IndexBundle:
        """Open (building when needed) the index; slow on first run."""
        from ofsted_qa.index.session import local_model, open_index
        from ofsted_qa.retrieval.search import Searcher

        if self.model is None:
            self.model = local_model(self.settings)

        def factory(_phase: str, total: int) -> Callable[[int], None]:
            done = [0]

            def advance(count: int) -> None:
                done[0] += count
                progress(done[0], total)

            return advance

        bundle = open_index(self.settings, self.model, progress=factory, notify=notify)
        self.bundle, self.searcher = bundle, Searcher(bundle)
        self.choices()  # here, in the worker: the index's councils take a while on a big corpus
        return bundle

    def load_model(self) -> None:
        """Load the query encoder; until then hybrid search answers lexically."""
        assert self.model is not None and self.searcher is not None
        self.searcher.embedder = self.model.query_embedder()

    def choices(self) -> Choices:
        """Worked out once, on first call (`open` makes it, off the UI thread)."""
        assert self.bundle is not None and self.searcher is not None
        if self._choices is None:
            from ofsted_qa.retrieval.kinds import kinds_of

            docs = self.bundle.store.documents
            self._choices = Choices(
                years=tuple(sorted({y for m in docs.values() for y in m.years})),
                documents=tuple(
                    DocumentChoice(d, m.title, m.local_authority, m.date, m.kind, m.framework)
                    for d, m in docs.items()
                ),
                # a letter's visit too ("focused visit letter"), as `--kind` takes it
                kinds=tuple(sorted({k for m in docs.values() for k in kinds_of(m)})),
                councils=tuple(sorted(c.name for c in self.searcher.councils.all)),
                regions=regions_held(self.searcher.councils),
            )
        return self._choices

    def ask(
        self, question: str, filters: Filters, dropped: frozenset[str] = frozenset()
    ) -> SearchResponse:
        """Search; `dropped` are chip labels the user removed ("year 2014")."""
        assert self.searcher is not None
        if not dropped:
            return self.searcher.search(question, k=K, filters=filters)
        # inspections named are resolved first, so their chips can be dropped too
        understood = self.searcher.inspection_reading(question)
        if not hasattr(understood, "without"):  # an older core: cues cannot be dropped
            return self.searcher.search(question, k=K, filters=filters)
        for chip in dropped:
            understood = understood.without(chip)
        return self.searcher.search(question, k=K, filters=filters, interpretation=understood)


def names_unknown_place(engine: Engine, understood: Interpretation) -> bool:
    """The question names a place no council of the index matches (its answer says so)."""
    assert engine.searcher is not None
    return bool(engine.searcher.unknown_places(understood))


def regions_held(councils: Councils) -> tuple[str, ...]:
    """The regions (ONS names, in ONS order) that some council of the index is in, then the
    areas ("West Yorkshire") that some council is in."""
    from ofsted_qa.retrieval.regions import areas, councils_in, region_data, region_of

    held = {region_of(c) for c in councils.all}
    return tuple(r for r in region_data().names if r in held) + tuple(
        a for a in areas() if councils_in(councils, (a,))
    )
