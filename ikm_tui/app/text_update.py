"""Updating a ``Static`` only when what it shows changes.

``Static.update`` with the same text still refreshes and relayouts the widget; screens refresh
on every session change (a judge saving a sheet), so an unchanged line must cost nothing.
"""

from __future__ import annotations

from textual.visual import VisualType
from textual.widgets import Static


def set_text(static: Static, content: VisualType) -> None:
    """Show ``content`` in ``static`` unless it already shows exactly that."""
    if static.content != content:
        static.update(content)
