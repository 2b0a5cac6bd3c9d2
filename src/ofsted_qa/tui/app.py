"""The Textual app: paints at once, opens the index and model in workers, answers questions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

from .chip import Chip
from .commands import filter_commands
from .conversation import Conversation
from .engine import Choices, Engine
from .error_panel import ErrorPanel
from .filter_bar import FilterBar
from .help_screen import HelpScreen
from .question_input import QuestionInput
from .result_card import ResultCard
from .source_view import SourceScreen
from .status_bar import StatusBar
from .theme import OFSTED_THEME
from .turn import Turn, describe

if TYPE_CHECKING:
    from ..config import Settings
    from ..embedding import ModelSource
    from ..search import SearchResponse

HELP_EXTRAS = [
    Binding("enter", "", "Ask the question (blank input is ignored)"),
    Binding("tab,shift+tab", "", "Move between the question, chips, cards and filters"),
    Binding("ctrl+p", "", "Command palette: filter by year, document or kind; theme"),
]


class OfstedApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "Ofsted QA"
    SUB_TITLE = "children's social care reports, cited"
    BINDINGS = [
        Binding("f1", "help", "Keys"),
        Binding("question_mark", "help", "Keys", show=False),
        Binding("ctrl+f", "focus_filters", "Filters"),
        Binding("ctrl+r", "retry", "Retry loading", show=False),
        Binding("escape", "focus_input", "Back to the question", show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        settings: Settings | None = None,
        model: ModelSource | None = None,
        *,
        index_dir: str | None = None,
        model_name: str | None = None,
    ) -> None:
        super().__init__()
        self.settings, self.model = settings, model
        self.index_dir, self.model_name = index_dir, model_name
        self.engine: Engine | None = None
        self.choices: Choices | None = None
        self.load_failed = False
        self.copied: list[str] = []  # everything sent to the clipboard, newest last

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
        self._load()

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    # Loading: index first (lexical answers can start), then the query encoder.

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        from ..errors import OfstedQAError

        try:
            engine = Engine(self._settings(), self.model)
            engine.open(self._progress, self._notify_from_core)
        except OfstedQAError as exc:
            self.call_from_thread(self._failed, "Could not open the index.", exc.message, exc.hint)
            return
        except Exception as exc:  # a bug or broken install: say so, do not crash the screen
            self.call_from_thread(self._failed, "Opening the index failed.", repr(exc), "")
            return
        self.call_from_thread(self._index_ready, engine)
        try:
            engine.load_model()
        except Exception as exc:  # answers carry on, lexically
            message = getattr(exc, "message", repr(exc))
            self.call_from_thread(self._model_failed, message, getattr(exc, "hint", ""))
            return
        self.call_from_thread(self._model_ready)

    def _settings(self) -> Settings:
        if self.settings is None:
            from ..config import Settings
            from ..session import settle_doc_dirs

            resolved = Settings.resolve(index_dir=self.index_dir, model=self.model_name)
            self.settings = settle_doc_dirs(resolved, explicit=False)
        return self.settings

    def _progress(self, done: int, total: int) -> None:
        self.call_from_thread(setattr, self.status, "index", f"building: {done}/{total} passages")

    def _notify_from_core(self, message: str) -> None:
        warning = message.startswith("warning")
        self.notify(message, severity="warning" if warning else "information", markup=False)

    def _failed(self, title: str, message: str, hint: str) -> None:
        self.load_failed = True
        self.status.index = "unavailable (ctrl+r retries)"
        self.status.model = "not loaded"
        self.query_one(Conversation).mount(ErrorPanel(title, message, hint))
        self.notify(f"{message}\n{hint}".strip(), title=title, severity="error", markup=False)
        for turn in self.turns:
            if turn.response is None:
                turn.set_note("Not answered: the index could not be opened (see above).", error=True)

    def _index_ready(self, engine: Engine) -> None:
        assert engine.bundle is not None
        self.engine = engine
        self.choices = engine.choices()
        self.query_one(FilterBar).set_choices(self.choices)
        store = engine.bundle.store
        self.status.index = f"{len(store.documents)} documents, {len(store)} passages"
        self.status.model = "loading… (answers are lexical until it is ready)"
        for turn in self.turns:
            if turn.response is None:
                self.ask(turn)

    def _model_ready(self) -> None:
        assert self.engine is not None and self.engine.model is not None
        self.status.model = f"{self.engine.model.name} ready"
        for turn in self.turns:  # refresh the answers given while it loaded
            if turn.response is not None and not turn.response.dense_used:
                self.ask(turn)

    def _model_failed(self, message: str, hint: str) -> None:
        self.status.model = "unavailable: lexical search only"
        text = f"{message}\n{hint}\nAnswers use lexical search only.".replace("\n\n", "\n")
        self.notify(text, title="Model not loaded", severity="warning", markup=False)

    @property
    def turns(self) -> list[Turn]:
        return self.query_one(Conversation).turns

    # Asking.

    @on(QuestionInput.Asked)
    def _asked(self, event: QuestionInput.Asked) -> None:
        turn = Turn(event.question, self.query_one(FilterBar).filters)
        self.query_one(Conversation).add_turn(turn)
        if self.engine is not None:
            self.ask(turn)
        elif self.load_failed:
            turn.set_note("Not answered: the index could not be opened (ctrl+r retries).", error=True)
        else:
            turn.set_note("Waiting for the index… this question is answered as soon as it opens.")

    def ask(self, turn: Turn) -> None:
        if self.engine is not None:
            self._search(turn, turn.request(), turn.question, turn.filters, turn.dropped)

    @work(thread=True, group="search")
    def _search(self, turn: Turn, generation: int, question: str, filters: Any, dropped: Any) -> None:
        assert self.engine is not None
        try:
            response = self.engine.ask(question, filters, dropped)
        except Exception as exc:  # OfstedQAError (e.g. a too-long question) or a bug
            text = str(exc) if hasattr(exc, "hint") else f"Search failed: {exc!r}"
            self.call_from_thread(turn.set_note, text, error=True)
            return
        self.call_from_thread(turn.show, response, generation, self._note(response))

    def _note(self, response: SearchResponse) -> str:
        count = f"{len(response.hits)} passages"
        if response.dense_used:
            return f"{count} · hybrid: words and meaning"
        if self.status.model.startswith("unavailable"):
            return f"{count} · lexical only: the model is unavailable"
        return f"{count} · lexical results while the model loads; they refresh when it is ready"

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
        self.query_one(FilterBar).set_value(key, value)

    # Reading and copying.

    @on(ResultCard.Opened)
    def _open(self, event: ResultCard.Opened) -> None:
        turn = event.card.query_ancestor(Turn)
        if self.engine is None or self.engine.bundle is None or turn.response is None:
            return
        hits = turn.response.hits
        store, root = self.engine.bundle.store, self._settings().root
        self.push_screen(SourceScreen(store, event.card.hit, hits, event.card.query_terms, root))

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)  # read by tests; the terminal gets it by OSC 52 as usual
        super().copy_to_clipboard(text)

    # Actions.

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.help_groups()))

    @staticmethod
    def help_groups() -> list[tuple[str, list[Any]]]:
        return [
            ("Anywhere", [*OfstedApp.BINDINGS, *HELP_EXTRAS[2:]]),
            ("Question box", [HELP_EXTRAS[0], *QuestionInput.BINDINGS, HELP_EXTRAS[1]]),
            ("Answer card", list(ResultCard.BINDINGS)),
            ("Cue chip", list(Chip.BINDINGS)),
            ("Source view", list(SourceScreen.BINDINGS)),
            ("Help", list(HelpScreen.BINDINGS)),
        ]

    def action_focus_input(self) -> None:
        self.query_one(QuestionInput).focus()

    def action_focus_answers(self) -> None:
        turns = self.turns
        cards = turns[-1].cards if turns else []
        if cards:
            cards[0].focus()
        else:
            self.screen.focus_next()

    def action_focus_filters(self) -> None:
        self.query_one("#filter-year").focus()

    def action_retry(self) -> None:
        if self.load_failed:
            self.load_failed = False
            self.query(ErrorPanel).remove()
            self.status.index = "opening the index…"
            self._load()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Keys: show every binding", "Same as F1", self.action_help)
        yield from filter_commands(self.choices, self.set_filter)


def run_app(index_dir: str | None, model: str | None) -> int:
    app = OfstedApp(index_dir=index_dir, model_name=model)
    app.run()
    return app.return_code or 0


__all__ = ["OfstedApp", "Text", "run_app"]
