"""``ikm-tui [--config PATH] [--db PATH] [COMMAND]``.

With no command it opens the moderator console. Each command lives in its own module under
``ikm_tui.cli.commands`` and registers itself; bad input anywhere ends with a message naming
the file, line or key, exit status 2, and nothing changed.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

from ikm_tui import __version__
from ikm_tui.cli.context import Context
from ikm_tui.domain.errors import InputError
from ikm_tui.store.database import StoreUnavailable

EXIT_BAD_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ikm-tui",
        description="Run a live pitch-judging session: stage, judges, results, exports.",
    )
    parser.add_argument("--config", default="config.toml", help="event file (default ./config.toml)")
    parser.add_argument("--db", default=None, help="session database (default: the one config names)")
    parser.add_argument("--version", action="version", version=f"ikm-tui {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    from ikm_tui.cli import commands as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        importlib.import_module(f"{package.__name__}.{info.name}").register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    ctx = Context(args.config, args.db)
    try:
        if args.command is None:
            from ikm_tui.cli.commands.console import run_console

            return run_console(args, ctx) or 0
        return args.run(args, ctx) or 0
    except (InputError, StoreUnavailable) as exc:
        print(exc.render(ctx.messages), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(ctx.messages("cli.interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback in front of staff; IKM_DEBUG=1 shows it
        if os.environ.get("IKM_DEBUG"):
            raise
        print(ctx.messages("cli.unexpected", detail=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return 1
    finally:
        ctx.close()
