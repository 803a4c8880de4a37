"""The colours of the small status marks (✓ scored, ! re-check asked, ▶ on stage, ✎ draft).

They come from the app's theme, not from colour names in the code: a projector theme with
stronger greens, or a light theme for a sunny hall, recolours every table at once.
Rich ``Text`` (what DataTable cells and OptionList prompts hold) cannot name a theme variable,
so the theme's colours are turned into styles here, once per draw.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual.app import App


@dataclass(frozen=True)
class Marks:
    done: Style  # a sheet is in
    attention: Style  # a judge asked for a re-check: look here first
    current: Style  # the entrant on stage
    pending: Style  # a draft not yet sent
    quiet: Style  # recused, out of the running


def marks_of(app: App) -> Marks:
    theme = app.current_theme
    return Marks(
        done=Style(color=theme.success),
        attention=Style(color=theme.error, bold=True),
        current=Style(color=theme.warning, bold=True),
        pending=Style(color=theme.warning),
        quiet=Style(dim=True),
    )
