"""Hybrid retrieval: lexical and dense candidates, fused, boosted by what the question says.

The full pipeline (`understand=True`, the default) reads the question first (query.py): typos
corrected against the corpus, glossary expansions added to both sides at reduced lexical
weight, years and source cues turned into visible boosts (boosts.py), passages scored on
their own words and heading apart, with a bonus for the question's word pairs found side by
side (scoring.py). `understand=False` is the plain baseline the eval compares against.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import cached_property, lru_cache

import numpy as np

from ofsted_qa.citations.parts import paragraph_parts
from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.embedding import Embedder
from ofsted_qa.index.generations import IndexBundle
from ofsted_qa.retrieval import (
    boosts,
    council_years,
    dedupe,
    grade_question,
    headline,
    inspection_question,
    judgement_card,
    named_pages,
    named_paragraphs,
    phrase_rarity,
    places,
    regions,
    scoring,
    spread,
    time_words,
    year_passages,
)
from ofsted_qa.retrieval import timeline as timelines
from ofsted_qa.retrieval.council_docs import CouncilDocs
from ofsted_qa.retrieval.council_years import CouncilReports
from ofsted_qa.retrieval.councils import Councils
from ofsted_qa.retrieval.glossary import default_glossary
from ofsted_qa.retrieval.highlight import SentenceTerms, best_sentence, sentence_terms
from ofsted_qa.retrieval.inspections import Inspection, catalogue
from ofsted_qa.retrieval.ordering import ranked_order
from ofsted_qa.retrieval.query import GlossaryUse, Interpretation, interpret
from ofsted_qa.retrieval.question_reading import read_against_index
from ofsted_qa.retrieval.results import Filters, Hit, SearchResponse
from ofsted_qa.retrieval.score_parts import score_parts
from ofsted_qa.retrieval.scoring import Tuning
from ofsted_qa.retrieval.typos import Corrector

__all__ = ["MODES", "Filters", "Hit", "SearchResponse", "Searcher", "Tuning", "best_sentence"]

MODES = ("hybrid", "dense", "bm25")
MAX_K = 100  # passages one search returns at most; the CLI says when it clamps
PASSAGES_KEPT = 4096  # passages whose shingles and sentence terms are remembered (LRU)


class Searcher:
    def __init__(
        self, bundle: IndexBundle, embedder: Embedder | None = None, tuning: Tuning | None = None
    ) -> None:
        self.bundle = bundle
        self.embedder = embedder
        self.tuning = tuning or Tuning()
        # Per-passage work that does not depend on the question, done once per passage seen.
        store = bundle.store
        self._shingles = lru_cache(maxsize=PASSAGES_KEPT)(
            lambda chunk_id: dedupe.shingles(store.get(chunk_id).text, places=self._place_words)
        )
        self._sentences: Callable[[int], SentenceTerms] = lru_cache(maxsize=PASSAGES_KEPT)(
            lambda chunk_id: sentence_terms(store.get(chunk_id).text)
        )

    @cached_property
    def _dense_pool(self) -> ThreadPoolExecutor:
        """One worker for the dense search, run beside the lexical side (`search`)."""
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="ofsted-qa-dense")

    @cached_property
    def facts(self) -> boosts.ChunkFacts:
        return boosts.ChunkFacts(self.bundle.store)

    @cached_property
    def _place_words(self) -> frozenset[str]:
        return places.place_words(self.councils.all)

    @cached_property
    def council_years(self) -> dict[str, frozenset[int]]:
        return council_years.years_of_councils(self.facts.doc_years, self.council_docs.per_doc)

    @cached_property
    def council_reports(self) -> dict[str, CouncilReports]:
        """Per council, its documents' years and publication years (for the notes on years)."""
        published = [m.year for m in self.bundle.store.documents.values()]
        return council_years.reports_of_councils(
            self.facts.doc_years, published, self.council_docs.per_doc
        )

    def filtered_councils(self, filters: Filters) -> tuple[str, ...]:
        """The councils the council filter admits, as the index shows them."""
        kept = set(filters.resolved(self.councils).councils) if filters.councils else set()
        return tuple(sorted(c.name for c in self.councils.all if c.spellings & kept))

    @cached_property
    def headlines(self) -> headline.Headlines:
        return headline.Headlines(self.bundle.store)

    @cached_property
    def _vocabulary(self) -> tuple[Counter[str], dict[str, float]]:
        """Word counts (for typo correction) and term IDF (for highlighting) of the corpus."""
        vocabulary = self.bundle.vocabulary()
        return vocabulary.counts, vocabulary.idf

    @property
    def idf(self) -> dict[str, float]:
        """Term IDF of the corpus (for highlighting and the phrase bonus)."""
        return self._vocabulary[1]

    @cached_property
    def phrases(self) -> scoring.Phrases:
        bundle = self.bundle
        return scoring.Phrases(bundle.store.chunks, bundle.passage_terms, bundle.lexical.vocabulary)

    @cached_property
    def pair_rarity(self) -> phrase_rarity.PairRarity:
        return phrase_rarity.PairRarity(self.bundle.lexical, self.phrases)

    def _literal_name(self, use: GlossaryUse) -> bool:
        t = self.tuning
        return t.literal_names and phrase_rarity.literal_name(self.pair_rarity, use, t.pair_min_idf)

    @cached_property
    def corrector(self) -> Corrector:
        glossary = default_glossary()
        return Corrector.for_index(
            self.bundle.folder,
            self._vocabulary[0],
            glossary.known_words,
            glossary.glued,
            glossary.terms,
        )

    @cached_property
    def council_docs(self) -> CouncilDocs:
        """The councils of the index, how questions name them, and which each document is
        about."""
        counts = self._vocabulary[0]
        return CouncilDocs(
            self.bundle.store,
            self.facts.chunk_doc,
            known=lambda w: w in counts,
            acronyms=default_glossary().known_words,
        )

    @cached_property
    def inspections(self) -> tuple[Inspection, ...]:
        """Every inspection of one council in the index, oldest first."""
        return catalogue(self.bundle.store, self.council_docs.per_doc)

    @cached_property
    def doc_position(self) -> dict[str, int]:
        """Each document's position in the store (as `ChunkFacts.chunk_doc` numbers them)."""
        return {doc: i for i, doc in enumerate(self.bundle.store.documents)}

    def inspection_reading(self, query: str) -> Interpretation:
        """The question read, with the inspections it names resolved; nothing searched."""
        return inspection_question.read(self.interpret(query), self.inspections)[0]

    def judged(self, understood: Interpretation) -> judgement_card.Judged:
        """A grade question's judgement cards or listing (empty for any other question); a
        place no council matches gets a note, not every council's grades."""
        if not grade_question.asks_for_cards(understood):
            return judgement_card.Judged()
        unknown = self.unknown_places(understood)
        said = (places.note(unknown, len(self.councils.all), understood.councils),)
        if unknown and not understood.councils:
            return judgement_card.Judged(notes=said)
        inspections = self.inspections
        if understood.regions:  # listed before the cut to `MAX_LISTED`, not after
            names = self._regions_councils(understood) | set(understood.councils)
            inspections = tuple(i for i in inspections if i.council in names)
        judged = judgement_card.judged(self.bundle.store, understood, inspections)
        # "Leeds vs Narnia": Leeds's grades, and a note that Narnia is no council
        return replace(judged, notes=said + judged.notes) if unknown else judged

    def unknown_places(self, understood: Interpretation) -> tuple[str, ...]:
        """Places the question names that match no council of the index (places.py)."""
        counts, glossary = self._vocabulary[0], default_glossary().known_words
        if understood.regions:  # "the North East": a place, known
            return ()
        return places.unknown_places(understood, lambda w: w in counts or w in glossary)

    @property
    def councils(self) -> Councils:
        return self.council_docs.councils

    def interpret(self, query: str, *, understand: bool = True) -> Interpretation:
        return interpret(
            query,
            corrector=self.corrector if understand else None,
            understand=understand,
            councils=self.council_docs.finder if understand else None,
        )

    def search(
        self,
        query: str,
        *,
        k: int = 5,
        mode: str = "hybrid",
        filters: Filters | None = None,
        understand: bool = True,
        interpretation: Interpretation | None = None,
        group_duplicates: bool = True,
        timeline: bool | None = None,
    ) -> SearchResponse:
        """`interpretation` replaces the automatic reading (e.g. with a TUI chip dropped);
        `timeline` groups the answer by inspection (None: when the question asks how something
        changed)."""
        if mode not in MODES:
            raise OfstedQAError(f"Unknown mode {mode!r}", hint=f"use one of {', '.join(MODES)}")
        if k < 1:
            raise OfstedQAError("k must be at least 1")
        k = min(k, MAX_K)
        read = understand or interpretation is not None
        understood = interpretation or self.interpret(query, understand=understand)
        understood, named = (  # the catalogue is worked out when first needed
            inspection_question.read(understood, self.inspections)
            if understood.inspection_refs
            else (understood, ())
        )
        if timeline is None:
            timeline = read and bool(understood.over_time)
        shown_k, k = k, max(k, timelines.WIDE_K) if timeline else k
        filters = filters or Filters()
        understood, notes = read_against_index(self, understood, filters, mode, read)
        notes = named + notes
        dense_used = mode != "bm25" and self.embedder is not None
        if mode == "dense" and not dense_used:
            raise OfstedQAError("Dense search needs the model, which is not loaded yet")
        admitted = self._admitted(filters)
        if understood.regions:  # only the councils of the regions named (and councils named)
            admitted, more = self._in_regions(understood, admitted)
            notes += more
        judged = self.judged(understood) if read else judgement_card.Judged()
        searched = self._listed(judged, admitted)  # a listing's passages are of its inspections
        # Per document, then spread over its passages: no passage is read.
        allowed = (
            None
            if searched is None
            else searched[self.bundle.store.document_positions]
            if len(searched)
            else np.zeros(0, dtype=bool)
        )
        query_vector = (
            self.embedder.embed_query(  # type: ignore[union-attr]
                understood.dense_text if self.tuning.dense_expansion else understood.corrected
            )
            if dense_used
            else None
        )
        # The dense top is found on another thread while BM25 scores here: FAISS lets go of
        # the GIL, so on two cores the two run side by side (the same ids either way).
        dense_top = (
            self._dense_pool.submit(self.bundle.dense.top, query_vector, scoring.CANDIDATES)
            if query_vector is not None and allowed is None
            else None
        )
        lexical, expansion = (
            scoring.lexical(self.bundle.lexical, understood, self.tuning, self._literal_name)
            if mode != "dense"
            else (None, None)
        )
        months = time_words.month_words(understood.corrected) if read else ()
        if lexical is not None and months:  # "March 2019": "march" only in 2019's documents
            lexical = self._month_gated(lexical, months, understood)
        candidates = scoring.candidates(
            self.bundle,
            lexical,
            query_vector,
            allowed,
            dense_top.result()[0] if dense_top is not None else None,
        )
        report = (
            spread.report_passages(
                self.facts.chunk_doc,
                self.doc_position,
                understood.report_ids,
                understood.baseline_ids,
            )
            if understood.report_ids
            else None
        )
        # The passages of the councils and of the inspection named compete even where the topic
        # drowns them.
        council = self.council_docs.passages(understood.councils) if understood.councils else None
        of_report = report > 0 if report is not None else None
        of_year = year_passages.drowned(
            self.facts.doc_years, self.facts.chunk_doc, understood, candidates, council
        )
        for mask in (m for m in (council, of_report, of_year) if m is not None):
            mask = mask if allowed is None else mask & allowed
            candidates = scoring.sorted_union(
                candidates, scoring.candidates(self.bundle, lexical, query_vector, mask)
            )
        if understood.councils and read and headline.boost(understood):  # and their verdicts
            candidates = scoring.sorted_union(
                candidates, self._council_headlines(understood, allowed)
            )
        if not candidates.size:
            return self._answered(
                SearchResponse(understood.query, mode, understood, (), dense_used, notes),
                timeline,
                shown_k,
                read,
                admitted,
                judged,
                filters,
            )
        parts = score_parts(
            self, candidates, lexical, expansion, query_vector, mode, understood, read, report
        )
        order = ranked_order(self, candidates, parts["score"], understood, read, filters, shown_k)
        ranked = order[: k * 3 if group_duplicates else k]
        # Plain Python values from here on: a few array reads instead of one per hit per part.
        ids = candidates[ranked].tolist()
        rows = {name: values[ranked].tolist() for name, values in parts.items()}
        groups = (
            dedupe.group_shingles([self._shingles(i) for i in ids], limit=k)
            if group_duplicates
            else [[i] for i in range(len(ids))]
        )
        store = self.bundle.store
        groups = dedupe.lead_with(groups, lambda at: bool(store.meta(ids[at]).page_starts))
        term_set = set(understood.search_terms)

        def hit(rank: int, at: int, duplicates: tuple[Hit, ...] = ()) -> Hit:
            scores = {name: row[at] for name, row in rows.items()}
            return self._hit(rank, ids[at], scores, term_set, duplicates)

        hits = tuple(
            hit(rank, members[0], tuple(hit(rank, m) for m in members[1:]))
            for rank, members in enumerate(groups[:k], start=1)
        )
        response = SearchResponse(understood.query, mode, understood, hits, dense_used, notes)
        return self._answered(response, timeline, shown_k, read, admitted, judged, filters)

    def _listed(
        self, judged: judgement_card.Judged, admitted: np.ndarray | None
    ) -> np.ndarray | None:
        """`admitted` (per document position, None for all) narrowed to the documents of a
        listing's inspections, so the passages under a listing are from the councils in it;
        unchanged where there is no listing or the filters admit none of it."""
        if not judged.listing:
            return admitted
        listed = {r.doc_id for r in judged.listing}
        mask = np.array([d in listed for d in self.bundle.store.documents], dtype=bool)
        narrowed = mask if admitted is None else mask & admitted
        return narrowed if narrowed.any() else admitted

    def _month_gated(
        self, lexical: np.ndarray, months: tuple[tuple[str, int], ...], understood: Interpretation
    ) -> np.ndarray:
        searched = set(understood.base_terms)
        months = tuple((t, y) for t, y in months if t in searched)
        scores = {t: self.bundle.lexical.scores([t]) for t, _ in months}
        return time_words.month_gate(
            lexical, scores, months, self.facts.doc_years, self.facts.chunk_doc
        )

    def _council_headlines(
        self, understood: Interpretation, allowed: np.ndarray | None
    ) -> np.ndarray:
        """The headline passages of the named councils' reports (headline.py), as chunk ids:
        a verdict asked for is a candidate however few of the question's words it shares."""
        mask = self.council_docs.passages(understood.councils)
        if not mask.size:
            return np.zeros(0, dtype=np.int64)
        docs = list(self.bundle.store.documents)
        ids = self.headlines.of_documents(
            docs[d] for d in scoring.sorted_union(self.facts.chunk_doc[mask])
        )
        return ids if allowed is None else ids[allowed[ids]]

    def _answered(
        self,
        response: SearchResponse,
        timeline: bool,
        k: int,
        read: bool,
        admitted: np.ndarray | None = None,
        judged: judgement_card.Judged | None = None,
        filters: Filters | None = None,
    ) -> SearchResponse:
        """The response with a grade question's cards and a timeline's inspections (for a
        question read, not the plain baseline), its passages cut to the `k` asked for; cards
        and listed grades only of documents the filters admit (`admitted`, per document)."""
        if read:  # paragraphs and pages the question names
            response = named_paragraphs.put_first(self, response, admitted)
            response = named_pages.put_first(self, response, admitted)
        understood = response.interpretation
        if judged is None:
            judged = self.judged(understood) if read else judgement_card.Judged()
        if admitted is not None:
            kept = {d for d, ok in zip(self.bundle.store.documents, admitted, strict=True) if ok}
            filters = filters or Filters()  # what the listing is of: `judgements` repeats it
            judged = judgement_card.within(
                judged,
                kept,
                councils=filters.councils,
                regions=filters.regions,
                years=filters.years,
                kinds=filters.kinds,
            )
        entries = (
            timelines.build(self.bundle.store, understood, self.inspections, response.hits)
            if timeline
            else ()
        )
        # the passages were searched for in the listed inspections only (`_listed`)
        unmatched = (
            "No passage of the listed inspections matches the question's words; the grades "
            "above answer it.",
        ) * bool(judged.listing and not response.hits)
        return replace(
            response,
            hits=response.hits[:k],
            notes=response.notes + judged.notes + unmatched + timelines.notes(understood, entries),
            judged=judged if judged.cards or judged.listing else None,
            timeline=entries,
        )

    def _in_regions(
        self, understood: Interpretation, admitted: np.ndarray | None
    ) -> tuple[np.ndarray, tuple[str, ...]]:
        """`admitted` narrowed to the documents of the regions' councils, of the councils named
        beside them and of no council; a note for a region none of the index's councils is
        in."""
        names = self._regions_councils(understood)
        empty = [r for r in understood.regions if not regions.councils_in(self.councils, (r,))]
        notes = regions.reading_notes(understood.region_words, self.councils)
        notes += tuple(f"No council in the index is in {regions.shown(r)}." for r in empty)
        docs = self.council_docs.documents(names | set(understood.councils))
        # a document about no council (a blog, a news story) is in no other region either
        docs |= np.array([not own for own in self.council_docs.per_doc], dtype=bool)
        return (docs if admitted is None else admitted & docs), notes

    def _regions_councils(self, understood: Interpretation) -> set[str]:
        """The names (as the index shows them) of the councils in the regions the question
        names."""
        return {c.name for c in regions.councils_in(self.councils, understood.regions)}

    def _admitted(self, filters: Filters) -> np.ndarray | None:
        """Per document position: the filters admit it (None: no filter set). Raises
        OfstedQAError for a filter value no document has."""
        if filters == Filters():
            return None
        store = self.bundle.store
        filters.check(store.documents)
        filters = filters.resolved(self.councils)
        return np.array([filters.admits(m) for m in store.documents.values()], dtype=bool)

    def _hit(
        self,
        rank: int,
        chunk_id: int,
        parts: dict[str, float],
        terms_: set[str],
        duplicates: tuple[Hit, ...],
    ) -> Hit:
        store = self.bundle.store
        chunk = store.get(chunk_id)
        return Hit(
            rank=rank,
            chunk_id=chunk_id,
            score=parts.pop("score"),
            chunk=chunk,
            meta=store.meta(chunk_id),
            contributions=parts,
            best_sentence=best_sentence(
                chunk.text, terms_, self._vocabulary[1], self._sentences(chunk_id)
            ),
            duplicates=duplicates,
            paragraph_parts=paragraph_parts(store, chunk_id),
            councils=tuple(sorted(self.council_docs.of(chunk_id))),
        )
