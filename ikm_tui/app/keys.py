"""Footer labels in the event's language.

Textual reads a Binding's description when it draws the footer; our BINDINGS carry a catalogue
key as description, and each screen (and the app) swaps in the translated text once mounted.
"""

from __future__ import annotations

import dataclasses


def translate_bindings(node, t) -> None:
    """Replace each binding's description (a catalogue key) by its text in ``t``'s language."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            dataclasses.replace(b, description=t(b.description)) if b.description else b for b in bindings
        ]
    if node.is_running:
        node.refresh_bindings()
