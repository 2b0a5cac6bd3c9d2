"""Bringing the index and the model up in a thread worker, so the window paints at once.

The index comes first (lexical answers can start), then the query encoder; the subclass is
told of each step through the `index_ready`/`model_ready`/`*_failed` hooks, on the UI thread.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from textual import work
from textual.app import App

from ofsted_qa.inert import inert
from ofsted_qa.tui.engine import Engine

if TYPE_CHECKING:
    from ofsted_qa.index.embedding import ModelSource
    from ofsted_qa.index.settings import Settings


class LoadingApp(App[int]):
    def __init__(
        self,
        settings: Settings | None = None,
        model: ModelSource | None = None,
        *,
        index_dir: str | None = None,
        model_name: str | None = None,
    ) -> None:
        super().__init__()
        self.settings, self.model = settings, model  # injected by tests; else resolved later
        self.index_dir, self.model_name = index_dir, model_name
        self.engine: Engine | None = None
        self.load_failed = False
        # Every notice the index's opening gave, kept after its toast times out (a long build
        # outlasts the toast; the log is what tests and a curious user read back).
        self.load_notices: list[str] = []

    def resolved_settings(self) -> Settings:
        if self.settings is None:
            from ofsted_qa.index.session import settle_from_index
            from ofsted_qa.index.settings import Settings

            resolved = Settings.resolve(index_dir=self.index_dir, model=self.model_name)
            self.settings = settle_from_index(resolved)
        return self.settings

    @work(thread=True, exclusive=True, group="load")
    def start_loading(self) -> None:
        from ofsted_qa.errors import OfstedQAError

        try:
            engine = Engine(self.resolved_settings(), self.model)
            engine.open(self._progress, self._core_notice)
        except OfstedQAError as exc:
            self._later(self.index_failed, "Could not open the index.", exc.message, exc.hint)
            return
        except Exception as exc:  # a bug or a broken install: say so, never crash the screen
            self._later(self.index_failed, "Opening the index failed.", repr(exc), "")
            return
        self._later(self.index_ready, engine)
        try:
            engine.load_model()
        except Exception as exc:  # answers carry on lexically
            hint = getattr(exc, "hint", "")
            self._later(self.model_failed, getattr(exc, "message", repr(exc)), hint)
            return
        self._later(self.model_ready)

    def _later(self, callback: object, *args: object) -> None:
        with suppress(RuntimeError):  # the app closed while we worked
            self.call_from_thread(callback, *args)  # type: ignore[arg-type]

    def _progress(self, done: int, total: int) -> None:
        self._later(self.index_progress, done, total)

    def _core_notice(self, message: str) -> None:
        warning = message.startswith("warning")
        text = inert(message)  # build notices name files and titles
        self.load_notices.append(text)
        self.notify(text, severity="warning" if warning else "information", markup=False)

    def action_retry(self) -> None:
        if self.load_failed:
            self.load_failed = False
            self.retrying()
            self.start_loading()

    # Hooks, called on the UI thread.

    def index_progress(self, done: int, total: int) -> None: ...

    def index_ready(self, engine: Engine) -> None:
        self.engine = engine

    def index_failed(self, title: str, message: str, hint: str) -> None:
        self.load_failed = True

    def model_ready(self) -> None: ...

    def model_failed(self, message: str, hint: str) -> None: ...

    def retrying(self) -> None: ...
