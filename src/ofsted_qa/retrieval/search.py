"""Hybrid retrieval: lexical and dense candidates, fused, boosted by what the question says.

The full pipeline (`understand=True`, the default) reads the question first (query.py): typos
corrected against the corpus, glossary expansions added to both sides at reduced lexical
weight, years and source cues turned into visible boosts (boosts.py), passages scored on
their own words and heading apart, with a bonus for the question's word pairs found side by
side (scoring.py). `understand=False` is the plain baseline the eval compares against.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property, lru_cache

import numpy as np

from ofsted_qa.errors import OfstedQAError
from ofsted_qa.index.embedding import Embedder
from ofsted_qa.index.generations import IndexBundle
from ofsted_qa.retrieval import (
    boosts,
    caveats,
    council_years,
    dedupe,
    furniture,
    headline,
    inspection_question,
    judgement_card,
    phrase_rarity,
    places,
    recency,
    scoring,
    spread,
    year_passages,
)
from ofsted_qa.retrieval import timeline as timelines
from ofsted_qa.retrieval.council_docs import CouncilDocs
from ofsted_qa.retrieval.councils import Councils
from ofsted_qa.retrieval.fusion import fuse, normalise
from ofsted_qa.retrieval.glossary import default_glossary
from ofsted_qa.retrieval.highlight import SentenceTerms, best_sentence, sentence_terms
from ofsted_qa.retrieval.inspections import Inspection, catalogue
from ofsted_qa.retrieval.query import GlossaryUse, Interpretation, interpret
from ofsted_qa.retrieval.results import Filters, Hit, SearchResponse
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
    def facts(self) -> boosts.ChunkFacts:
        return boosts.ChunkFacts(self.bundle.store)

    @cached_property
    def _place_words(self) -> frozenset[str]:
        return places.place_words(self.councils.all)

    @cached_property
    def _council_years(self) -> dict[str, frozenset[int]]:
        return council_years.years_of_councils(self.facts.doc_years, self.council_docs.per_doc)

    def _filtered_councils(self, filters: Filters) -> tuple[str, ...]:
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
        return Corrector.for_index(
            self.bundle.folder, self._vocabulary[0], default_glossary().known_words
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
    def _doc_position(self) -> dict[str, int]:
        return {doc: i for i, doc in enumerate(self.bundle.store.documents)}

    def inspection_reading(self, query: str) -> Interpretation:
        """The question read, with the inspections it names resolved; nothing searched."""
        return inspection_question.read(self.interpret(query), self.inspections)[0]

    def judged(self, understood: Interpretation) -> judgement_card.Judged:
        """A grade question's judgement cards or listing (empty for any other question); a
        place no council matches gets a note, not every council's grades."""
        if not judgement_card.asks_for_grades(understood.corrected):
            return judgement_card.Judged()
        unknown = self.unknown_places(understood)
        if unknown:
            return judgement_card.Judged(notes=(places.note(unknown, len(self.councils.all)),))
        this_year = datetime.date.today().year
        return judgement_card.judged(
            self.bundle.store, understood, self.inspections, this_year=this_year
        )

    def unknown_places(self, understood: Interpretation) -> tuple[str, ...]:
        """Places the question names that match no council of the index (places.py)."""
        counts, glossary = self._vocabulary[0], default_glossary().known_words
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
        if understood.recent and self.facts.known_years:  # "now": the councils' latest report
            newest = recency.newest_year(
                self.facts.doc_years, self.council_docs.per_doc, understood.councils
            )
            understood = understood.since_latest(newest or max(self.facts.known_years))
        if understood.framing and not boosts.dated(self.bundle.store, understood, self.facts):
            understood = understood.unframed()  # a year no document has: search it as a word
        filters = filters or Filters()
        understood, notes = caveats.years(understood, self.facts.known_years, filters)
        notes = named + notes
        if filters.councils and understood.councils:
            kept = filters.resolved(self.councils).councils
            shown = {c.name for c in self.councils.all if c.spellings & set(kept)}
            understood, more = caveats.councils(understood, shown, filters.councils)
            notes += more
        named = understood.councils or self._filtered_councils(filters)
        if named and read:  # "Leeds 2019", Leeds inspected in 2018 and 2022
            understood, more = council_years.reconcile(understood, named, self._council_years)
            notes += more
        if understood.councils and read:  # "Cumbria": a council since reorganised
            notes += self.council_docs.finder.notes(understood.query, understood.councils)
        if mode != "dense":
            notes += caveats.unknown_words(understood, self.bundle.lexical.vocabulary)
        unknown = self.unknown_places(understood) if read else ()
        if unknown and not judgement_card.asks_for_grades(understood.corrected):
            notes += (places.note(unknown, len(self.councils.all)),)
        dense_used = mode != "bm25" and self.embedder is not None
        if mode == "dense" and not dense_used:
            raise OfstedQAError("Dense search needs the model, which is not loaded yet")
        admitted = self._admitted(filters)
        # Per document, then spread over its passages: no passage is read.
        allowed = (
            None
            if admitted is None
            else admitted[self.bundle.store.document_positions]
            if len(admitted)
            else np.zeros(0, dtype=bool)
        )
        lexical, expansion = (
            scoring.lexical(self.bundle.lexical, understood, self.tuning, self._literal_name)
            if mode != "dense"
            else (None, None)
        )
        query_vector = (
            self.embedder.embed_query(  # type: ignore[union-attr]
                understood.dense_text if self.tuning.dense_expansion else understood.corrected
            )
            if dense_used
            else None
        )
        candidates = scoring.candidates(self.bundle, lexical, query_vector, allowed)
        report = (
            spread.report_passages(
                self.facts.chunk_doc,
                self._doc_position,
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
            )
        parts = self._score(
            candidates, lexical, expansion, query_vector, mode, understood, read, report
        )
        order = np.argsort(-parts["score"], kind="stable")
        # over time, a council named: its inspections take turns (below), not every council's
        # passages of each year of a range ("Norfolk 2018 to 2026")
        by_inspection = read and bool(understood.over_time and understood.councils)
        if not by_inspection:
            order = boosts.cover_years(
                self.bundle.store,
                order,
                candidates,
                understood,
                self.tuning.cover_years,
                self.facts,
            )
        if len(understood.councils) > 1:  # "compare Norfolk and Leeds": both lead, in turns
            order = boosts.cover(
                order,
                candidates,
                understood.councils,
                self.council_docs.of,
                self.tuning.cover_councils,
            )
        if by_inspection:  # several of the council's inspections lead, in turns
            order = timelines.cover(
                order,
                candidates,
                self.facts.chunk_doc,
                self._doc_position,
                understood,
                self.inspections,
                self.tuning.cover_inspections,
                shown_k,
            )
        if not (understood.councils or understood.report_ids or filters.doc_ids):
            order = spread.spread(order, candidates, self.facts.chunk_doc, shown_k, parts["score"])
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
        return self._answered(response, timeline, shown_k, read, admitted)

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
    ) -> SearchResponse:
        """The response with a grade question's cards and a timeline's inspections (for a
        question read, not the plain baseline), its passages cut to the `k` asked for; cards
        and listed grades only of documents the filters admit (`admitted`, per document)."""
        understood = response.interpretation
        judged = self.judged(understood) if read else judgement_card.Judged()
        if admitted is not None:
            kept = {d for d, ok in zip(self.bundle.store.documents, admitted, strict=True) if ok}
            judged = judgement_card.within(judged, kept)
        entries = (
            timelines.build(self.bundle.store, understood, self.inspections, response.hits)
            if timeline
            else ()
        )
        return replace(
            response,
            hits=response.hits[:k],
            notes=response.notes + judged.notes + timelines.notes(understood, entries),
            judged=judged if judged.cards or judged.listing else None,
            timeline=entries,
        )

    def _admitted(self, filters: Filters) -> np.ndarray | None:
        """Per document position: the filters admit it (None: no filter set). Raises
        OfstedQAError for a filter value no document has."""
        if filters == Filters():
            return None
        store = self.bundle.store
        filters.check(store.documents)
        filters = filters.resolved(self.councils)
        return np.array([filters.admits(m) for m in store.documents.values()], dtype=bool)

    def _score(
        self,
        candidates: np.ndarray,
        lexical: np.ndarray | None,
        expansion: np.ndarray | None,
        query_vector: np.ndarray | None,
        mode: str,
        understood: Interpretation,
        read: bool,
        report: np.ndarray | None = None,
    ) -> dict[str, np.ndarray]:
        """The score and each part of it, per candidate (shown as `Hit.contributions`);
        `report`: per passage of the index, its share of the boost for an inspection the
        question names (spread.report_passages)."""
        t = self.tuning
        zeros = np.zeros(len(candidates), dtype=np.float32)
        # the question's pairs rare in the corpus ("Family Valued") count as terms of their own
        pairs = (
            phrase_rarity.pair_scores(
                self.pair_rarity, self.phrases, candidates, understood.base_terms, t
            )
            if read and lexical is not None and t.pair_weight
            else zeros
        )
        bm25 = lexical[candidates] + pairs if lexical is not None else zeros
        dense = (
            np.asarray(self.bundle.vectors[candidates]) @ query_vector
            if query_vector is not None
            else zeros
        )
        if mode == "bm25" or query_vector is None:
            base = normalise(bm25)
        elif mode == "dense":
            base = normalise(dense)
        else:
            base = fuse(bm25, dense, t.fusion, t.dense_weight)
        dated = bool(understood.years or understood.year_from is not None)
        year, source = boosts.year_and_source(
            self.bundle.store,
            candidates,
            understood,
            text_share=t.year_text_share,
            facts=self.facts,
        )
        phrase = (
            t.phrase_boost
            * scoring.phrase_share(
                self.phrases, candidates, understood.base_terms, self._vocabulary[1]
            )
            if read and t.phrase_boost and mode != "dense"
            else zeros
        )
        answer = t.answer_boost * boosts.answer_shape(
            self.bundle.store, candidates, understood.answer, self.facts
        )
        council = t.council_boost * (
            self.council_docs.candidates(candidates, understood.councils)
            if understood.councils
            else zeros
        )
        in_report = spread.REPORT_BOOST * report[candidates] if report is not None else zeros
        # a verdict or change asked for: the headline of a report of the years asked
        lift = headline.boost(understood) if read else 0.0
        verdict = (
            lift * self.headlines.marks(candidates) * (year >= 1.0 if dated else 1.0)
            if lift
            else zeros
        )
        cover = furniture.penalty(self.facts, candidates, understood) if read else zeros
        latest = (
            t.latest_boost
            * recency.latest_documents(
                self.facts.doc_years, self.council_docs.per_doc, understood.councils
            )[self.facts.chunk_doc[candidates]].astype(np.float32)
            if read and t.latest_boost and recency.asks_how_things_stand(understood)
            else zeros
        )
        return {
            "score": base
            + phrase
            + answer
            + council
            + in_report
            + verdict
            + cover
            + latest
            + t.year_boost * year
            + t.source_boost * source,
            "bm25": bm25,
            "bm25_glossary": expansion[candidates] if expansion is not None else zeros,
            "bm25_pairs": pairs,
            "dense": dense,
            "fused": base,
            "phrase": phrase,
            "answer_boost": answer,
            "year_boost": t.year_boost * year,
            "source_boost": t.source_boost * source,
            "council_boost": council,
            "report_boost": in_report,
            "headline_boost": verdict,
            "latest_boost": latest,
            "furniture": cover,
        }

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
        )
