"""``ikm-tui board`` — the projector view, a separate read-only process."""

from __future__ import annotations


def register(commands) -> None:
    parser = commands.add_parser("board", help="the projector board (follows the session)")
    parser.set_defaults(run=run)


def run(args, ctx) -> int:
    from ikm_tui.app.board.app import run_board

    return run_board(ctx)
