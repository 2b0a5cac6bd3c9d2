"""Typing is never swallowed by whatever holds focus (a card, a chip, a filter, the picker's
list): a printable key not bound there goes to the screen's text box (`TYPE_HERE`: the question
box; in the document picker its search box), which takes focus with the character inserted.
Keys bound where the user is (a card's c and y, ? for help) keep their meaning."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.widgets import Input

TYPE_HERE = "type-here"  # the class of a screen's text box


def text_box(app: App[Any]) -> Input | None:
    """The current screen's text box, if it has one that can take focus now."""
    return next((w for w in app.screen.query(f".{TYPE_HERE}").results(Input) if w.focusable), None)


def redirect_typing(app: App[Any], event: events.Key) -> bool:
    """Send `event`'s character to the text box when nothing where the user is binds the key;
    True when it was sent (the caller stops the event), False to let bindings run."""
    if not event.is_printable or event.character is None:
        return False
    bound = app.active_bindings.get(event.key)
    if bound is not None and bound.enabled:
        return False
    box = text_box(app)
    if box is None or box is app.focused:
        return False
    app.set_focus(box)  # at once, not deferred: the next key may already be queued behind this
    box.insert_text_at_cursor(event.character)
    return True
