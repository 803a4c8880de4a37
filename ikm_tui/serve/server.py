"""The web server judges' browsers talk to: one page, one WebSocket per judge console.

Built from textual-serve's parts (its terminal client ``textual.js`` and its process protocol)
rather than its ``Server``, because a venue needs what that server does not do: no request to
the internet (our own page, a local font, a Content-Security-Policy that forbids other hosts),
links that work whatever address the judge typed (its page writes absolute URLs for the bind
address, useless when bound to ``0.0.0.0``), a cap on concurrent judge consoles, one log line
per connection, and a stop that ends every judge console.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import signal
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import textual_serve
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.download_manager import DownloadManager

from ikm_tui.serve.judge_process import QUIT_GRACE_S, TERMINATE_GRACE_S, JudgeProcess

log = logging.getLogger("ikm_tui.serve")

HERE = Path(__file__).resolve().parent
TEXTUAL_STATIC = Path(textual_serve.__file__).resolve().parent / "static"
TEXTUAL_STATIC_URL = "/static/textual/"
IKM_STATIC_URL = "/static/ikm/"

# Nothing but this server, whatever a script on the page might try. Styles must be inline-able:
# the terminal client injects its own and xterm.js positions its layers with style attributes.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "font-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'none'; "
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
HEARTBEAT_S = 15  # a phone that left the Wi-Fi frees its slot within about this long
CLOSE_REASON_BYTES = 123  # the WebSocket protocol's limit


@dataclass
class Session:
    """One browser tab with its judge console."""

    number: int
    peer: str
    socket: web.WebSocketResponse
    process: JudgeProcess
    opened: float = field(default_factory=time.monotonic)
    ended: asyncio.Event = field(default_factory=asyncio.Event)


class JudgeServer:
    """Serves the judge console ``argv`` to at most ``limit`` browsers at once."""

    def __init__(self, argv: Sequence[str], *, limit: int, messages, title: str) -> None:
        self.argv = list(argv)
        self.limit = limit
        self.t = messages
        self.title = title
        self.sessions: dict[int, Session] = {}
        self.stopping = False
        self._ending: set[asyncio.Future] = set()
        self._numbers = itertools.count(1)
        self._downloads = DownloadManager()  # required by the protocol; judges download nothing
        self._page = self._render_page()

    def application(self) -> web.Application:
        app = web.Application()
        app.add_routes(
            [
                web.get("/", self.page),
                web.get("/ws", self.terminal),
                web.static(TEXTUAL_STATIC_URL, TEXTUAL_STATIC),
                web.static(IKM_STATIC_URL, HERE / "static"),
            ]
        )
        return app

    async def page(self, request: web.Request) -> web.Response:
        return web.Response(text=self._page, content_type="text/html", headers=PAGE_HEADERS)

    async def terminal(self, request: web.Request) -> web.WebSocketResponse:
        """One judge console for as long as the browser stays connected."""
        peer = request.remote or "?"
        ws = web.WebSocketResponse(heartbeat=HEARTBEAT_S)
        await ws.prepare(request)
        if self.stopping or len(self.sessions) >= self.limit:
            log.warning(self.t("serve.log.refused", peer=peer, limit=self.limit))
            await ws.close(
                code=WSCloseCode.TRY_AGAIN_LATER, message=_reason(self.t("serve.page.full", limit=self.limit))
            )
            return ws
        process = JudgeProcess(
            self.argv,
            write_bytes=ws.send_bytes,
            write_str=ws.send_str,
            close=ws.close,
            download_manager=self._downloads,
        )
        session = Session(next(self._numbers), peer, ws, process)
        self.sessions[session.number] = session
        log.info(
            self.t(
                "serve.log.opened",
                session=session.number,
                peer=peer,
                open=len(self.sessions),
                limit=self.limit,
            )
        )
        try:
            await process.start(_size(request, "width", 80), _size(request, "height", 24))
            await _relay(ws, process)
        finally:
            # aiohttp cancels this handler when the browser goes away; ending the console
            # must finish all the same, so it runs as its own task.
            ending = asyncio.ensure_future(self._end(session))
            self._ending.add(ending)
            ending.add_done_callback(self._ending.discard)
            await asyncio.shield(ending)
        return ws

    async def _end(self, session: Session) -> None:
        try:
            await session.process.stop()
        finally:
            del self.sessions[session.number]
            session.ended.set()
            log.info(
                self.t(
                    "serve.log.closed",
                    session=session.number,
                    peer=session.peer,
                    duration=_duration(time.monotonic() - session.opened),
                    open=len(self.sessions),
                    limit=self.limit,
                )
            )

    async def stop(self) -> None:
        """Refuse new judges, close every browser, and wait until each console has ended."""
        self.stopping = True
        sessions = list(self.sessions.values())
        log.info(self.t("serve.log.stopping", count=len(sessions)))
        reason = _reason(self.t("serve.page.stopped"))

        async def goodbye(session: Session) -> None:
            with contextlib.suppress(Exception):  # a browser already gone needs no goodbye
                await asyncio.wait_for(session.socket.close(code=WSCloseCode.GOING_AWAY, message=reason), 2)

        await asyncio.gather(*(goodbye(s) for s in sessions))
        deadline = QUIT_GRACE_S + TERMINATE_GRACE_S + 3
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(asyncio.gather(*(s.ended.wait() for s in sessions)), deadline)

    def _render_page(self) -> str:
        environment = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
        t = self.t
        return environment.get_template("judge.html").render(
            lang=t.language,
            title=t("serve.page.title", title=self.title),
            connecting=t("serve.page.connecting"),
            closed=t("serve.page.closed"),
            reconnect=t("serve.page.reconnect"),
            digits=t("serve.page.digits"),
            letters=t("serve.page.letters"),
            keys=t("serve.page.keys"),
            rotate=t("serve.page.rotate"),
            textual_static=TEXTUAL_STATIC_URL,
            ikm_static=IKM_STATIC_URL,
        )


async def _relay(ws: web.WebSocketResponse, process: JudgeProcess) -> None:
    """Pass the browser's keys, taps and size to the judge console until either side ends."""
    async for message in ws:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            kind, *rest = json.loads(message.data)
        except (ValueError, TypeError):
            continue  # not from our page: ignore rather than end a judge's session
        if kind == "stdin" and rest and isinstance(rest[0], str):
            await process.send_bytes(rest[0].encode("utf-8"))
        elif kind == "resize" and rest and isinstance(rest[0], dict):
            width, height = rest[0].get("width"), rest[0].get("height")
            if isinstance(width, int) and isinstance(height, int):
                await process.set_terminal_size(width, height)
        elif kind == "ping" and rest:
            await ws.send_json(["pong", rest[0]])
        elif kind == "blur":
            await process.blur()
        elif kind == "focus":
            await process.focus()


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free port); OSError if it cannot."""
    family, _, _, _, address = socket.getaddrinfo(
        host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    return socket.create_server(address, family=family)


async def serve(
    server: JudgeServer,
    sock: socket.socket,
    *,
    ready: Callable[[int], None],
    stop_signal: asyncio.Event | None = None,
) -> None:
    """Serve on ``sock`` until Ctrl+C / SIGTERM (or ``stop_signal``), then end every console."""
    stop_signal = stop_signal or asyncio.Event()
    loop = asyncio.get_running_loop()
    # SIGHUP: the moderator closed the terminal window; the judge consoles must end too.
    for signum in _STOP_SIGNALS:
        with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows: Ctrl+C cancels us
            loop.add_signal_handler(signum, stop_signal.set)
    runner = web.AppRunner(server.application(), handle_signals=False, access_log=None)
    await runner.setup()
    try:
        await web.SockSite(runner, sock).start()
        ready(sock.getsockname()[1])
        await stop_signal.wait()
    finally:
        await server.stop()
        await runner.cleanup()
        log.info(server.t("serve.log.stopped"))


def _size(request: web.Request, name: str, default: int) -> int:
    try:
        return max(10, min(500, int(request.query.get(name, default))))
    except ValueError:
        return default


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes}m{seconds:02d}s"


def _reason(text: str) -> str:
    encoded = text.encode("utf-8")[:CLOSE_REASON_BYTES]
    return encoded.decode("utf-8", errors="ignore")
