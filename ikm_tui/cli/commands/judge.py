"""``ikm-tui judge [--judge ID]`` — one judge's scoring console."""

from __future__ import annotations

import sys

from ikm_tui.domain.errors import InputError


def register(commands) -> None:
    parser = commands.add_parser("judge", help="open a judge's scoring console")
    parser.add_argument("--judge", metavar="ID", help="the judge's id (the access code is still asked for)")
    parser.set_defaults(run=run_judge)


def run_judge(args, ctx) -> int:
    config = ctx.config()
    if args.judge is not None and not config.has("judge", args.judge):
        raise InputError(
            "--judge", "access.unknown_judge", judge=args.judge, known=", ".join(j.id for j in config.judges)
        )
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InputError("", "cli.needs_terminal")
    from ikm_tui.app.judge.app import JudgeApp

    JudgeApp(ctx.store(), args.judge).run()
    return 0
