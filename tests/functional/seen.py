"""What a person sees: the terminal's text, and whether a widget fits inside the screen."""

from __future__ import annotations

import html
import re

from textual.widget import Widget


def screen_text(app) -> str:
    """Everything the terminal shows right now, as plain text (the screenshot without markup)."""
    svg = app.export_screenshot()
    body = svg[svg.index('<g class="terminal') :] if '<g class="terminal' in svg else svg
    return html.unescape(re.sub(r"<[^>]+>", "", body)).replace("\xa0", " ")


def inside_screen(widget: Widget, size: tuple[int, int]) -> bool:
    """The widget's whole box, border included, is on the screen."""
    region = widget.region
    return region.x >= 0 and region.y >= 0 and region.right <= size[0] and region.bottom <= size[1]
