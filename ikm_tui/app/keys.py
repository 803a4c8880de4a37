"""Key labels in the event's language.

Our BINDINGS carry a catalogue key as description (``"stage.key.timer"``). Everything that
shows keys — our ``KeyBar``, Textual's Footer and its keys panel — reads them through the
public ``Screen.active_bindings``; :class:`~ikm_tui.app.session_screen.SessionScreen` returns
them there with the description translated, so no binding table is ever rewritten.
"""

from __future__ import annotations

import dataclasses

from textual.binding import ActiveBinding, Binding

from ikm_tui.i18n import Messages


def translated(binding: Binding, t: Messages) -> Binding:
    """``binding`` with its description (a catalogue key) in ``t``'s language."""
    if not binding.description:
        return binding
    return dataclasses.replace(binding, description=t(binding.description))


def translate_active(active: dict[str, ActiveBinding], t: Messages) -> dict[str, ActiveBinding]:
    return {key: entry._replace(binding=translated(entry.binding, t)) for key, entry in active.items()}
