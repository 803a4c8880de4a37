"""Updating a ``Static`` only when what it shows changes.

``Static.update`` with the same text still refreshes and relayouts the widget; screens refresh
on every session change (a judge saving a sheet), so an unchanged line must cost nothing.
"""

from __future__ import annotations

from textual.content import Content
from textual.visual import VisualType
from textual.widgets import Static


def set_text(static: Static, content: VisualType, *, layout: bool = True) -> None:
    """Show ``content`` in ``static`` unless it already shows exactly that. ``layout=False``
    for a widget whose size never depends on its text (a fixed one-line bar): a layout pass
    lays out the whole screen again."""
    if not same(static.content, content):
        static.update(content, layout=layout)


def same(shown: VisualType, content: VisualType) -> bool:
    """Equal text *and* styles (``Content`` compares its plain text only: a key greyed out in
    the key bar is the same text with another style)."""
    if isinstance(shown, Content) and isinstance(content, Content):
        return shown.plain == content.plain and shown.spans == content.spans
    if isinstance(shown, Content) != isinstance(content, Content):
        return False
    return shown == content
