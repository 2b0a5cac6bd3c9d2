"""The TUI's view of the core: open, load the model, search. No Textual here, so it is easy
to test and safe to call from worker threads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the core loads numpy and friends; the app imports it in a worker
    from ..config import Settings
    from ..embedding import ModelSource
    from ..index_store import IndexBundle
    from ..search import Filters, Hit, SearchResponse, Searcher

K = 10
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Choices:
    """What the filter bar offers: every year, document and kind in the index."""

    years: tuple[int, ...]
    documents: tuple[tuple[str, str], ...]  # (doc_id, title)
    kinds: tuple[str, ...]


class Engine:
    def __init__(self, settings: Settings, model: ModelSource | None = None) -> None:
        self.settings = settings
        self.model = model
        self.bundle: IndexBundle | None = None
        self.searcher: Searcher | None = None

    @property
    def dense_ready(self) -> bool:
        return self.searcher is not None and self.searcher.embedder is not None

    def open(self, progress: Progress, notify: Callable[[str], None]) -> IndexBundle:
        """Open (building when needed) the index; slow on first run."""
        from ..search import Searcher
        from ..session import local_model, open_index

        if self.model is None:
            self.model = local_model(self.settings)

        def factory(total: int) -> Callable[[int], None]:
            done = [0]

            def advance(count: int) -> None:
                done[0] += count
                progress(done[0], total)

            return advance

        bundle = open_index(self.settings, self.model, progress=factory, notify=notify)
        self.bundle, self.searcher = bundle, Searcher(bundle)
        return bundle

    def load_model(self) -> None:
        """Load the query encoder; until then hybrid search answers lexically."""
        assert self.model is not None and self.searcher is not None
        self.searcher.embedder = self.model.query_embedder()

    def choices(self) -> Choices:
        assert self.bundle is not None
        docs = self.bundle.store.documents
        return Choices(
            years=tuple(sorted({y for m in docs.values() for y in m.years})),
            documents=tuple((d, m.title) for d, m in docs.items()),
            kinds=tuple(sorted({m.kind for m in docs.values()})),
        )

    def ask(
        self, question: str, filters: Filters, dropped: frozenset[str] = frozenset()
    ) -> SearchResponse:
        assert self.searcher is not None
        if not dropped:
            return self.searcher.search(question, k=K, filters=filters)
        from ..search import MAX_K

        # Interpreted cues only boost, so ignoring one re-ranks a wider pool without it.
        # TODO(core): `Searcher.search(..., ignore_cues=...)` would make this exact.
        wide = self.searcher.search(question, k=MAX_K, filters=filters)
        return without_cues(wide, dropped, K)


def without_cues(response: SearchResponse, dropped: frozenset[str], k: int) -> SearchResponse:
    """The response re-scored as if the dropped chips ("year 2014") had not been read."""
    from ..search import SOURCE_BOOST, YEAR_BOOST

    understood = response.interpretation
    years = tuple(y for y in understood.years if f"year {y}" not in dropped)
    publishers = tuple(p for p in understood.publishers if f"source {p}" not in dropped)

    def rescored(hit: Hit) -> Hit:
        parts = dict(hit.contributions)
        parts["year_boost"] = YEAR_BOOST * bool(hit.meta.years & set(years))
        parts["source_boost"] = SOURCE_BOOST * (hit.meta.publisher in publishers)
        score = parts.get("fused", hit.score) + parts["year_boost"] + parts["source_boost"]
        return replace(hit, score=score, contributions=parts)

    hits = sorted((rescored(h) for h in response.hits), key=lambda h: -h.score)[:k]
    ranked = tuple(replace(h, rank=i) for i, h in enumerate(hits, start=1))
    kept = replace(understood, years=years, publishers=publishers)
    return replace(response, interpretation=kept, hits=ranked)
