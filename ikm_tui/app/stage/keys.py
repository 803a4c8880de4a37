"""Footer labels in the event's language: BINDINGS carry a catalogue key as description."""

from __future__ import annotations

import dataclasses


def translate_bindings(node, t) -> None:
    """Swap each binding's description (a catalogue key) for its text; call once mounted."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [dataclasses.replace(b, description=t(b.description)) if b.description
                      else b for b in bindings]
    node.refresh_bindings()
