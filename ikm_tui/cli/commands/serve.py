"""``ikm-tui serve [--host 0.0.0.0] [--port 8000]`` — judges' score sheets on their phones, and
the projector board as a page, from this laptop over the venue's Wi-Fi (no internet needed).

Binds to this laptop only unless ``--host`` says otherwise, and refuses to open the network
while access codes are off (the server checks that again at every request).
"""

from __future__ import annotations

import asyncio
import logging
import sys

from ikm_tui.domain.errors import InputError


def register(commands) -> None:
    parser = commands.add_parser(
        "serve", help="serve judges' score sheets and the board to browsers (offline)"
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on; 0.0.0.0 for judges' phones (default 127.0.0.1)",
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0: any free)")
    parser.add_argument("--no-qr", action="store_true", help="do not draw the QR code")
    parser.set_defaults(run=run)


def run(args, ctx) -> int:
    from ikm_tui.serve.addresses import is_loopback
    from ikm_tui.serve.banner import banner
    from ikm_tui.serve.server import WebServer, listen, serve

    config = ctx.config_before_opening()
    if not config.judging.access_codes and not is_loopback(args.host):
        raise InputError("[judging] access_codes", "serve.open_without_codes")
    store = ctx.store()
    config = store.config
    without_code = [judge for judge, issued in store.access.issued().items() if not issued]
    try:
        sock = listen(args.host, args.port)
    except OSError as exc:
        raise InputError(
            "--port", "serve.port_busy", host=args.host, port=args.port, detail=exc.strerror or exc
        ) from None
    messages = ctx.messages
    server = WebServer(store, messages)
    _log_to_terminal()

    def ready(port: int) -> None:
        print(
            banner(
                messages,
                title=config.event.title,
                host=args.host,
                port=port,
                qr=not args.no_qr,
                judges_without_code=without_code if config.judging.access_codes else [],
            ),
            flush=True,
        )

    asyncio.run(serve(server, sock, ready=ready))
    return 0


def _log_to_terminal() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    log = logging.getLogger("ikm_tui.serve")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
