"""``ikm-tui [--config PATH] [--db PATH] [COMMAND]``.

With no command it opens the moderator console. Each command lives in its own module under
``ikm_tui.cli.commands`` and registers itself; bad input anywhere ends with a message naming
the file, line or key, exit status 2, and nothing changed.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import pkgutil
import signal
import sys
import threading
from pathlib import Path

from ikm_tui import __version__
from ikm_tui.cli.actor import ActorParser, actor_of, add_by
from ikm_tui.cli.context import Context, peek_language
from ikm_tui.cli.parser import LocalisedParser
from ikm_tui.cli.terminal import prepare_streams
from ikm_tui.domain.errors import InputError
from ikm_tui.i18n import Messages
from ikm_tui.store.database import StoreUnavailable

EXIT_BAD_INPUT = 2
EXIT_BROKEN_PIPE = 141  # what a shell reports for a writer stopped by SIGPIPE
EXIT_TERMINATED = 143  # 128 + SIGTERM


class Terminated(BaseException):
    """SIGTERM (``kill``, a closing terminal's SIGHUP) during a command: unwinds like Ctrl-C, so
    a write transaction rolls back and an export's temporary file is removed."""


@contextlib.contextmanager
def _terminate_cleanly():
    def stop(signum, frame):
        raise Terminated()

    previous = {}
    for name in ("SIGTERM", "SIGHUP"):  # SIGHUP does not exist on Windows
        sig = getattr(signal, name, None)
        if sig is not None and threading.current_thread() is threading.main_thread():
            previous[sig] = signal.signal(sig, stop)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not complain again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def build_parser(argv: list[str] | None = None, t: Messages | None = None) -> argparse.ArgumentParser:
    """The parser, with only the command module ``argv`` asks for (all of them for help);
    ``--help`` and argument errors in ``t``'s language.

    Importing every command costs start-up time the moderator console should not pay.
    """
    t = t or Messages("en")
    parser = LocalisedParser(prog="ikm-tui", description=t("cli.help.description"), t=t)
    parser.add_argument("--config", default="config.toml", help="event file (default ./config.toml)")
    parser.add_argument("--db", default=None, help="session database (default: the one config names)")
    parser.add_argument(
        "--version", action="version", version=f"ikm-tui {__version__}", help="show the version and exit"
    )
    add_by(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ActorParser)
    from ikm_tui.cli import commands as package

    word = _command_word(argv)
    if word is None and argv is not None and not {"-h", "--help"} & set(argv):
        return parser  # the moderator console: no command module needed
    if word in package.COMMANDS:
        modules = [package.COMMANDS[word]]
    else:  # help, or an unknown word whose error lists every command
        modules = sorted(info.name for info in pkgutil.iter_modules(package.__path__))
    for name in modules:
        importlib.import_module(f"{package.__name__}.{name}").register(commands)
    return parser


def _command_word(argv: list[str] | None) -> str | None:
    """The first word after the global options, without parsing anything else."""
    words = iter(sys.argv[1:] if argv is None else argv)
    for word in words:
        if word in ("--config", "--db", "--by"):
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def main(argv: list[str] | None = None) -> int:
    prepare_streams()
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv, Messages(peek_language(Path(_config_argument(argv))))).parse_args(argv)
    ctx = Context(args.config, args.db, actor_of(args))
    try:
        if args.command is None:
            from ikm_tui.cli.commands.console import run_console

            return run_console(args, ctx) or 0
        with _terminate_cleanly():
            return args.run(args, ctx) or 0
    except (InputError, StoreUnavailable) as exc:
        print(exc.render(ctx.messages), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `ikm-tui leaderboard | head`: the reader has all it wanted
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print(ctx.messages("cli.interrupted"), file=sys.stderr)
        return 130
    except Terminated:
        print(ctx.messages("cli.interrupted"), file=sys.stderr)
        return EXIT_TERMINATED
    except Exception as exc:  # never a traceback in front of staff; IKM_DEBUG=1 shows it
        if os.environ.get("IKM_DEBUG"):
            raise
        print(ctx.messages("cli.unexpected", detail=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return 1
    finally:
        ctx.close()


def _config_argument(argv: list[str]) -> str:
    """``--config`` as typed, read before parsing: the parser speaks the event's language."""
    for i, arg in enumerate(argv):
        if arg == "--config" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--config="):
            return arg.removeprefix("--config=")
    return "config.toml"
