"""Typing is never swallowed by whatever holds focus (a card, a chip, a filter, the picker's
list, the source view): a printable key not bound there goes to the screen's text box
(`TYPE_HERE`: the question box; in the document picker its search box), which takes focus with
the character inserted. A screen that passes typing on (`TYPE_THROUGH`, the source view) closes,
and the keys go to the text box of the screen below. Keys bound where the user is (a card's c
and y, ? for help) keep their meaning.

A terminal delivers a fast typist's keys in one read, and Textual hands each to the widget that
had focus when it arrived: after the first key moves focus, the rest are already queued behind
the card. So keys are taken as they reach the app (`take_early`), in order, when what has focus
takes no typing; and a key that bubbles back unused (`redirect_typing`) is typed, not dropped.
The text boxes keep their own keys in order too (in_order_input.py).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, TextArea

TYPE_HERE = "type-here"  # the class of a screen's text box
TYPE_THROUGH = "TYPE_THROUGH"  # a screen class attribute: typing there goes to the one below


def text_box(screen: Screen[Any]) -> Input | None:
    """`screen`'s text box, if it has one that can take focus now."""
    return next((w for w in screen.query(f".{TYPE_HERE}").results(Input) if w.focusable), None)


def takes_typing(widget: Widget | None) -> bool:
    """The widget handles printable keys itself: a text box, or an open menu's type-to-search
    (Textual's SelectOverlay)."""
    if widget is None:
        return False
    return isinstance(widget, Input | TextArea) or type(widget).__name__ == "SelectOverlay"


def _target(app: App[Any]) -> tuple[Input | None, bool]:
    """The text box typing goes to, and whether the current screen must close first."""
    screen = app.screen
    if getattr(screen, TYPE_THROUGH, False) and len(app.screen_stack) > 1:
        return text_box(app.screen_stack[-2]), True
    return text_box(screen), False


def _type(app: App[Any], event: events.Key, box: Input, close: bool) -> None:
    if close:
        app.pop_screen()
    # at once, not deferred: the next key may already be queued behind this one
    box.screen.set_focus(box)
    box.insert_text_at_cursor(event.character or "")


def take_early(app: App[Any], event: events.Key) -> bool:
    """Called as a key reaches the app, before Textual forwards it to the focused widget: type
    it into the text box when focus is on something that takes no typing and binds no such key.
    True when it was typed (the caller drops the event)."""
    if not event.is_printable or event.character is None or takes_typing(app.focused):
        return False
    bound = app.active_bindings.get(event.key)
    if bound is not None and bound.enabled:
        return False
    box, close = _target(app)
    if box is None or box is app.focused:
        return False
    _type(app, event, box, close)
    return True


def redirect_typing(app: App[Any], event: events.Key) -> bool:
    """Send `event`'s character, bubbled back to the app unused, to the text box; True when it
    was sent (the caller stops the event), False to let bindings run. A text box stops every
    printable key it gets, so one that reaches the app with the box focused was queued for the
    widget focused before: it is typed too, whatever that widget binds."""
    if not event.is_printable or event.character is None:
        return False
    box, close = _target(app)
    if box is None:
        return False
    if box is not app.focused:
        bound = app.active_bindings.get(event.key)
        if bound is not None and bound.enabled:
            return False
    _type(app, event, box, close)
    return True
