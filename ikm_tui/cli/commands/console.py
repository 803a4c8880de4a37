"""No command: the moderator console."""

from __future__ import annotations

import gc


def register(commands) -> None:
    """The console has no sub-command of its own; ``ikm-tui`` alone opens it."""


def run_console(args, ctx) -> int:
    # Python's collector waits for the console's first frame (ModeratorApp turns it back on):
    # start-up makes only objects that live on, and its passes over them cost ~12 ms
    gc.disable()
    from ikm_tui.app.moderator import run_moderator

    return run_moderator(ctx)
