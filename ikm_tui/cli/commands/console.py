"""No command: the moderator console."""

from __future__ import annotations


def register(commands) -> None:
    """The console has no sub-command of its own; ``ikm-tui`` alone opens it."""


def run_console(args, ctx) -> int:
    from ikm_tui.app.moderator import run_moderator

    return run_moderator(ctx)
