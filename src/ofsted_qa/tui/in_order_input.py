"""A text box that runs its own bindings (Backspace, arrows, history) as it reads each key.

Textual runs a focused widget's bindings only once the key has bubbled back to the app, after
the letters queued behind it were typed: a fast "abc", Backspace twice, "z" gave "ab", not "az"
(and "region", six Backspaces, "clear" gave "regio"). Here the box runs them in its own turn.
Textual's command palette has its own box, and keeps Textual's behaviour.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class InOrderInput(Input):
    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable and await self._run_own_binding(event):
            event.stop()  # so the binding does not run again at the app
            event.prevent_default()
            return
        await super()._on_key(event)

    async def _run_own_binding(self, event: events.Key) -> bool:
        """Run the action this box binds to the key (priority bindings ran before the key
        reached it); True when one ran."""
        # `_bindings`: the widget's own bindings merged over its classes' (no public accessor)
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                return True
        return False
