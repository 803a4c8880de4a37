"""``ikm-tui serve [--host 0.0.0.0] [--port 8000]`` — the judge console in judges' browsers.

Each browser tab gets its own ``ikm-tui judge`` process on the same session database; judges
log in with their access code inside it. Binds to this laptop only unless ``--host`` says
otherwise, and refuses to open the console to the network while access codes are off.
"""

from __future__ import annotations

import asyncio
import logging
import sys

from ikm_tui.domain.errors import InputError

SPARE_SESSIONS = 2  # a judge reloading the page while the old console is still closing


def register(commands) -> None:
    parser = commands.add_parser("serve", help="serve the judge console to browsers (offline)")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on; 0.0.0.0 for judges' phones (default 127.0.0.1)",
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0: any free)")
    parser.add_argument(
        "--max-sessions",
        type=int,
        default=None,
        metavar="N",
        help=f"judge consoles open at once (default: judges + {SPARE_SESSIONS})",
    )
    parser.add_argument("--no-qr", action="store_true", help="do not draw the QR code")
    parser.set_defaults(run=run)


def run(args, ctx) -> int:
    from ikm_tui.serve.addresses import is_loopback
    from ikm_tui.serve.banner import banner
    from ikm_tui.serve.server import JudgeServer, listen, serve

    config = ctx.config()
    limit = args.max_sessions if args.max_sessions is not None else (len(config.judges) + SPARE_SESSIONS)
    if limit < 1:
        raise InputError("--max-sessions", "serve.bad_limit", got=limit)
    if not config.judging.access_codes and not is_loopback(args.host):
        raise InputError("[judging] access_codes", "serve.open_without_codes")
    store = ctx.store()  # opens (and migrates) the database once, before any judge does
    without_code = [judge for judge, issued in store.access.issued().items() if not issued]
    ctx.close()  # the server itself never touches the database
    try:
        sock = listen(args.host, args.port)
    except OSError as exc:
        raise InputError(
            "--port", "serve.port_busy", host=args.host, port=args.port, detail=exc.strerror or exc
        ) from None
    messages = ctx.messages
    server = JudgeServer(judge_command(ctx), limit=limit, messages=messages, title=config.event.title)
    _log_to_terminal()

    def ready(port: int) -> None:
        print(
            banner(
                messages,
                title=config.event.title,
                host=args.host,
                port=port,
                limit=limit,
                qr=not args.no_qr,
                judges_without_code=without_code if config.judging.access_codes else [],
            ),
            flush=True,
        )

    asyncio.run(serve(server, sock, ready=ready))
    return 0


def judge_command(ctx) -> list[str]:
    """``ikm-tui --config ... judge`` with this Python, whatever PATH the judges' processes get.

    Run through :mod:`ikm_tui.serve.console`, which ends the console if the server dies.
    """
    argv = [sys.executable, "-m", "ikm_tui.serve.console", "--config", str(ctx.config().path)]
    if ctx.db_path is not None:
        argv += ["--db", str(ctx.db_path.resolve())]
    return argv + ["judge"]


def _log_to_terminal() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    log = logging.getLogger("ikm_tui.serve")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
