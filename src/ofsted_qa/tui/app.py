"""The Textual app: a conversation of questions and cited answers over the Ofsted reports."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer, Header

from ofsted_qa.inert import inert
from ofsted_qa.tui.clipboard import CopyRequest, notice, save_copy
from ofsted_qa.tui.commands import FilterCommands
from ofsted_qa.tui.conversation import Conversation
from ofsted_qa.tui.document_filter import DocumentFilter
from ofsted_qa.tui.engine import Choices, Engine, names_unknown_place
from ofsted_qa.tui.error_panel import ErrorPanel
from ofsted_qa.tui.filter_bar import FilterBar
from ofsted_qa.tui.filter_search import FilterEntry, filter_entries
from ofsted_qa.tui.help_screen import HelpScreen, all_groups
from ofsted_qa.tui.judgement_view import no_grades_note
from ofsted_qa.tui.lenient_input import make_input_lenient
from ofsted_qa.tui.loading import LoadingApp
from ofsted_qa.tui.question_input import QuestionInput
from ofsted_qa.tui.result_card import ResultCard
from ofsted_qa.tui.source_view import SourceScreen
from ofsted_qa.tui.status_bar import StatusBar
from ofsted_qa.tui.theme import OFSTED_THEME
from ofsted_qa.tui.turn import Turn, answer_note, describe
from ofsted_qa.tui.type_ahead import redirect_typing, take_early

if TYPE_CHECKING:
    from ofsted_qa.retrieval.search import Filters, SearchResponse

NARROW = 100  # columns below which the footer is compacted
NOT_OPEN = "Not answered: the index could not be opened (see above; ctrl+r retries)."


class OfstedApp(LoadingApp):
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "Ofsted QA"
    SUB_TITLE = "children's social care reports, cited"
    COMMANDS = LoadingApp.COMMANDS | {FilterCommands}
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # app.tcss compacts short screens
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help (outside the question box)", show=False),
        Binding("ctrl+f", "focus_filters", "Filters"),
        Binding("ctrl+r", "retry", "Retry loading, or re-run the latest answer", show=False),
        Binding("escape", "focus_input", "Back to the question", show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices: Choices | None = None
        self.filter_entries: tuple[FilterEntry, ...] = ()  # what the palette and picker search
        self.copied: list[str] = []  # everything sent to the clipboard, newest last
        # The card whose source was last read (its turn, its passage), until the next question:
        # Esc from the source goes to the question box, and Tab comes back to this card.
        self.last_read: tuple[Turn, int] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Conversation(id="conversation")
        yield FilterBar(id="filters")
        yield QuestionInput(id="question")
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.register_theme(OFSTED_THEME)
        self.theme = "ofsted"
        self.query_one(QuestionInput).focus()
        # After the first paint: the worker's imports (numpy, faiss) would hold the GIL.
        self.call_after_refresh(self.start_loading)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def turns(self) -> list[Turn]:
        return self.query_one(Conversation).turns

    # Loading hooks (see loading.py).

    def index_progress(self, done: int, total: int) -> None:
        self.status.index = f"building: {done}/{total} passages embedded"

    def index_ready(self, engine: Engine) -> None:
        super().index_ready(engine)
        assert engine.bundle is not None
        self.choices = engine.choices()
        self.filter_entries = filter_entries(self.choices)
        self.query_one(FilterBar).set_choices(self.choices, self.filter_entries)
        store = engine.bundle.store
        self.status.index = f"{len(store.documents)} documents, {len(store)} passages"
        self.status.model = "loading… (answers are lexical until it is ready)"
        for turn in self.turns:  # questions asked while it opened
            if turn.response is None:
                self.ask(turn)

    def index_failed(self, title: str, message: str, hint: str) -> None:
        super().index_failed(title, message, hint)
        self.status.index, self.status.model = "unavailable (ctrl+r retries)", "not loaded"
        self.query_one(Conversation).add_panel(ErrorPanel(title, message, hint))
        self.notify(
            inert(f"{message}\n{hint}".strip()), title=title, severity="error", markup=False
        )
        for turn in self.turns:
            if turn.response is None:
                turn.set_note(NOT_OPEN, error=True)

    def model_ready(self) -> None:
        assert self.engine is not None and self.engine.model is not None
        self.status.model = f"{self.engine.model.name} ready"
        # Answers still being searched lexically refresh when they arrive (`_show_answer`).
        stale = [t for t in self.turns if t.response is not None and t.before_model]
        for turn in stale:  # refresh the answers given while it loaded
            self.ask(turn)
        if stale:
            self.notify(f"Refreshing {len(stale)} answer(s) with the model.", title="Model ready")

    def model_failed(self, message: str, hint: str) -> None:
        self.status.model = "unavailable: lexical search only"
        text = "\n".join(p for p in (message, hint, "Answers use lexical search only.") if p)
        self.notify(inert(text), title="Model not loaded", severity="warning", markup=False)

    def action_retry(self) -> None:
        """Retry opening the index after a failure; once open, re-run the latest answer."""
        if self.load_failed or self.engine is None:
            super().action_retry()
        elif self.turns:
            self.ask(self.turns[-1])

    def retrying(self) -> None:
        self.query(ErrorPanel).remove()
        self.status.index = "opening the index…"

    # Asking.

    @on(QuestionInput.Asked)
    def _asked(self, event: QuestionInput.Asked) -> None:
        turn = Turn(event.question, self.query_one(FilterBar).filters)
        self.last_read = None
        self.query_one(Conversation).add_turn(turn)
        if self.engine is not None:
            self.ask(turn)
        elif self.load_failed:
            turn.set_note(NOT_OPEN, error=True)
        else:
            turn.set_note("Waiting for the index… this question is answered as soon as it opens.")

    def ask(self, turn: Turn) -> None:
        if self.engine is not None:
            self._search(turn, turn.request(), turn.question, turn.filters, turn.dropped)

    @work(thread=True, group="search")
    def _search(
        self, turn: Turn, generation: int, question: str, filters: Filters, dropped: frozenset[str]
    ) -> None:
        assert self.engine is not None
        ready = self.engine.dense_ready  # before: the model may come up while this searches
        try:
            response = self.engine.ask(question, filters, dropped)
            unknown = names_unknown_place(self.engine, response.interpretation)
        except Exception as exc:  # OfstedQAError (e.g. a too-long question) or a bug
            text = str(exc) if hasattr(exc, "hint") else f"Search failed: {exc!r}"
            self._later(turn.set_note, text, True)
            return
        # The status bar is read on the app's thread, when the answer is shown: by then this
        # thread's app may be closing, and a widget query from here would race its teardown.
        self._later(self._show_answer, turn, response, generation, ready, unknown)

    def _show_answer(
        self,
        turn: Turn,
        response: SearchResponse,
        generation: int,
        ready: bool = True,
        unknown_place: bool = False,
    ) -> None:
        """Show an answer; one searched before the model was ready is asked again (in a
        worker) once it is, whether the model came up before the answer arrived or after."""
        try:
            lost = self.status.model.startswith("unavailable")
        except NoMatches:
            return  # the app is closing: its screen no longer holds the answers
        if generation != turn.generation:
            return  # superseded by a newer request for this turn
        turn.before_model = not (ready or lost or response.dense_used)
        note = answer_note(response, model_lost=lost, loading=not ready)
        # a grade answer the filters emptied says so
        turn.show(response, generation, note, no_grades_note(response, turn.filters, unknown_place))
        if turn.before_model and self.engine is not None and self.engine.dense_ready:
            self.ask(turn)

    @on(Turn.Reask)
    def _reask(self, event: Turn.Reask) -> None:
        self.ask(event.turn)

    @on(FilterBar.Changed)
    def _filters_changed(self, event: FilterBar.Changed) -> None:
        self.status.filters = describe(event.filters) or "none"
        turns = self.turns
        if turns and turns[-1].filters != event.filters:  # re-ask the latest question
            turns[-1].filters = event.filters
            turns[-1].refresh_head()
            self.ask(turns[-1])

    def set_filter(self, key: str, value: Any) -> None:
        """One filter ("year", "doc", "kind", "council", "region": one list with "council");
        None clears it. "doc" takes one id or several (the picker chooses several)."""
        self.query_one(FilterBar).set_value(key, value)

    def clear_filters(self) -> None:
        for key in ("year", "doc", "kind", "council", "region"):
            self.set_filter(key, None)

    # Reading and copying.

    @on(ResultCard.Opened)
    def _open(self, event: ResultCard.Opened) -> None:
        turn = event.card.query_ancestor(Turn)
        if self.engine is None or self.engine.bundle is None or turn.response is None:
            return
        card, store, main = event.card, self.engine.bundle.store, self.screen
        root = self.resolved_settings().root
        self.last_read = (turn, card.hit.chunk_id)
        source = SourceScreen(store, card.hit, turn.response.hits, card.query_terms, root)
        self.push_screen(source, lambda _: self._back_to_question(main))

    def _back_to_question(self, main: Screen[Any]) -> None:
        """Leaving the source view, the user is back at the conversation and may type the next
        question (a mouse user never chose the card's focus): the question box has it."""
        main.set_focus(main.query_one(QuestionInput))

    async def on_event(self, event: events.Event) -> None:
        """A key typed where focus takes no typing goes to the question box as it arrives,
        so a fast typist's later keys are not queued behind the card (type_ahead.py)."""
        if isinstance(event, events.Key) and not event.is_forwarded and take_early(self, event):
            return
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        """A narrow window's footer drops its padding and the palette hint (ctrl+p stays
        bound), so the keys of where the user is are not cut off at the edge."""
        try:
            footer = self.query_one(Footer)  # the current screen's (the source view has one)
        except NoMatches:
            return  # a screen without a footer
        footer.compact = narrow = event.size.width < NARROW
        footer.show_command_palette = not narrow

    def on_key(self, event: events.Key) -> None:
        """Runs before the bindings: a key bound where the user is goes on to them."""
        if redirect_typing(self, event):
            event.prevent_default()
            event.stop()

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)  # read by tests; the terminal still gets it (OSC 52)
        super().copy_to_clipboard(text)

    @on(CopyRequest)
    def _copy(self, event: CopyRequest) -> None:
        """OSC 52 may be ignored without a word: say what was tried, and keep a file copy."""
        self.copy_to_clipboard(event.text)
        path, failure = save_copy(event.text)
        self.notify(
            notice(event.text, path, failure),
            title=f"{event.what} sent to the clipboard",
            severity="warning" if failure else "information",
            markup=False,
            timeout=8,
        )

    # Actions.

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(all_groups(list(self.BINDINGS))))

    def action_focus_input(self) -> None:
        self.query_one(QuestionInput).focus()

    def action_focus_answers(self) -> None:
        """The card last read, if no question was asked since; else the latest answer's first
        card, else its first chip; never an older answer (Tab from the question box would wrap
        round to the top of the conversation)."""
        if not self.turns:
            self.screen.focus_next()
            return
        latest = self.turns[-1]
        cards = latest.cards
        if self.last_read is not None:
            turn, chunk_id = self.last_read  # a refreshed answer has new cards: the same passage
            cards = [c for c in turn.cards if c.hit.chunk_id == chunk_id] or cards
        held = [w for w in latest.query("*") if w.focusable]
        if cards or held:
            (cards or held)[0].focus()
        else:  # still waiting for its answer: the filters, below it
            self.action_focus_filters()

    def action_pick_documents(self) -> None:
        """Open the document picker (as Enter on the filter bar's Document does)."""
        self.query_one(DocumentFilter).press()

    def action_focus_filters(self) -> None:
        self.query_one("#filter-year").focus()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Keys: show every binding", "Same as F1", self.action_help)


def run_app(index_dir: str | None, model: str | None) -> int:
    make_input_lenient()  # before the driver starts reading the terminal
    app = OfstedApp(index_dir=index_dir, model_name=model)
    app.run()
    return app.return_code or 0
