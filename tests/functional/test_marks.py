"""The status marks take their colours from the theme in force, so a theme change recolours
F2's matrix and the judge's list alike (no colour names in the code)."""

from __future__ import annotations

import pytest
from rich.color import Color
from textual.app import App

from ikm_tui.app.judge.entrant_list import EntrantLine, render_line
from ikm_tui.app.marks import marks_of
from ikm_tui.app.progress.screen import cell
from ikm_tui.store.progress import RECUSED, SCORED


def colour_of(text, glyph: str) -> Color | None:
    start = text.plain.index(glyph)
    for span in text.spans:
        if span.start <= start < span.end:
            return span.style.color
    return text.style.color if text.style else None


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "nord"])
def test_a_scored_mark_and_a_recheck_take_the_themes_colours(theme):
    app = App()
    app.theme = theme
    colours = app.current_theme
    marks = marks_of(app)
    assert cell(SCORED, False, marks).style.color == Color.parse(colours.success)
    assert cell(SCORED, True, marks).style.color == Color.parse(colours.error)
    assert cell(RECUSED, False, marks).style.dim
    line = EntrantLine(
        entrant="E01", status="scored", business="Kopi", total="8,5", on_stage=True, draft=False, recheck=True
    )
    shown = render_line(line, marks)
    assert colour_of(shown, "✓") == Color.parse(colours.success)
    assert colour_of(shown, "!") == Color.parse(colours.error)
    assert colour_of(shown, "▶") == Color.parse(colours.warning)
