"""The ready-made notes to the presenter, shared by the console's number keys and the CLI.

It lives beside the catalogue (not in a screen) so the headless command never loads Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the catalogue imports this module while it loads
    from ikm_tui.i18n import Messages

PRESETS = 4


def preset_text(t: Messages, number: int) -> str:
    return t(f"cue.preset.{number}")
