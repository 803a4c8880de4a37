"""The web server judges' phones and the projector's browser talk to: plain pages, a JSON API,
and server push — all on this laptop, nothing fetched from anywhere else.

* ``/`` — the judge's score sheet (sign-in, entrants with this judge's own status, one field
  per criterion, save, recuse); ``/board`` — the projector board, read-only, no code needed.
* Every write runs in a worker thread through the store (``BEGIN IMMEDIATE`` … durable
  ``COMMIT``) and answers only after the commit: the page says "tersimpan" on that answer alone.
* A page that never signs in costs nothing but its page load: the push channel is only for
  signed-in pages (and boards), and sign-ins are stateless signed cookies.
* Access codes are checked at every request: with codes off, only this laptop is served.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import secrets
import signal
import socket
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import WSCloseCode, web

from ikm_tui.domain.errors import InputError
from ikm_tui.domain.score_entry import ScoreProblem
from ikm_tui.i18n import Messages
from ikm_tui.serve import security, sheet_data
from ikm_tui.serve.addresses import is_loopback
from ikm_tui.serve.board_data import board_state
from ikm_tui.serve.pages import render_board, render_judge
from ikm_tui.serve.push import BOARD, Hub, Listener
from ikm_tui.serve.sign_in import (
    COOKIE,
    SignIn,
    cookie_value,
    csrf_ok,
    csrf_token,
    end_of_day,
    genuine,
    read_cookie,
)
from ikm_tui.store.database import StoreUnavailable

log = logging.getLogger("ikm_tui.serve")

HERE = Path(__file__).resolve().parent
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
HEARTBEAT_S = 15  # a phone that left the Wi-Fi is noticed within about this long
PAGES_PER_JUDGE = 6  # open tabs/phones per judge; the oldest is closed beyond that
MAX_BODY = 64 * 1024
REASON_CHARS = 500
WORKERS = 4
STOP_S = 5.0
SHUTDOWN_S = 3.0  # Ctrl+C: requests in flight get this long (a save commits in milliseconds)


class WebServer:
    """The judges' pages and the board for one session ``store``."""

    def __init__(self, store, messages: Messages) -> None:
        self.store = store
        self.config = store.config
        self.t = messages
        self.pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="ikm-serve")
        self.secret = secrets.token_bytes(32)  # signs loopback sign-ins while codes are off
        self.checking: set[str] = set()  # client addresses with a code being hashed right now
        self.hub = Hub(self._judge_push, self._board_push, self._version)
        self.notes = getattr(store, "notes", None)  # judges' notes for the start-ups, when present
        self.judge_page = render_judge(self.config, messages, notes=self.notes is not None)
        self.board_page = render_board(self.config, messages)

    # -- the application ------------------------------------------------------------------

    def application(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._codes_guard])
        app.on_response_prepare.append(security.add_headers)
        app.add_routes(
            [
                web.get("/", self.judge_html),
                web.get("/board", self.board_html),
                web.post("/api/sign-in", self.sign_in),
                web.post("/api/sign-out", self.sign_out),
                web.get("/api/me", self.me),
                web.post("/api/check", self.check),
                web.post("/api/save", self.save),
                web.post("/api/recuse", self.recuse),
                web.get("/api/board", self.board_json),
                web.get("/ws", self.judge_socket),
                web.get("/ws/board", self.board_socket),
                web.static(security.STATIC_PREFIX, HERE / "static"),
            ]
        )
        return app

    @property
    def codes_on(self) -> bool:
        return bool(self.config.judging.access_codes)

    def _follow_record(self) -> None:
        """Run on the event as recorded now: an amendment applied by the moderator meanwhile
        (access codes switched off, say) holds from this request on."""
        if self.store.refresh():
            self.config = self.store.config
            self.notes = getattr(self.store, "notes", None)
            self.judge_page = render_judge(self.config, self.t, notes=self.notes is not None)
            self.board_page = render_board(self.config, self.t)

    @web.middleware
    async def _codes_guard(self, request: web.Request, handler):
        """With access codes off, nobody but this laptop may act as a judge — checked each time,
        against the event as the session records it right now."""
        judges_part = not (request.path.startswith(("/board", "/api/board", "/ws/board", "/static/")))
        if judges_part:
            await self.run(self._follow_record)
        if judges_part and not self.codes_on and not is_loopback(request.remote or ""):
            return web.json_response({"error": self.t("serve.open_without_codes")}, status=403)
        return await handler(request)

    async def run(self, call: Callable[..., Any], *args: Any) -> Any:
        """A store call in a worker thread: the event loop never waits on SQLite or scrypt."""
        return await asyncio.get_running_loop().run_in_executor(self.pool, call, *args)

    # -- pages ----------------------------------------------------------------------------

    async def judge_html(self, request: web.Request) -> web.Response:
        return web.Response(text=self.judge_page, content_type="text/html")

    async def board_html(self, request: web.Request) -> web.Response:
        return web.Response(text=self.board_page, content_type="text/html")

    # -- signing in -------------------------------------------------------------------------

    def _key(self, judge: str) -> bytes | None:
        if not self.codes_on:
            return hmac.new(self.secret, judge.encode(), hashlib.sha256).digest()
        return self.store.access.session_key(judge)

    def _signed(self, cookie: str | None) -> tuple[SignIn, bytes] | None:
        """The judge a cookie speaks for, if it is genuine and their code is still the same."""
        claimed = read_cookie(cookie)
        if claimed is None or not self.config.has("judge", claimed[0].judge):
            return None
        key = self._key(claimed[0].judge)
        if key is None or not genuine(claimed[0], claimed[1], key, time.time()):
            return None
        return claimed[0], key

    async def sign_in(self, request: web.Request) -> web.Response:
        if not security.same_origin(request, required=True):
            return _refused(self.t("serve.page.foreign"), 403)
        body = await _json(request)
        judge = body.get("judge") or None
        typed = body.get("code")
        if judge is not None and not isinstance(judge, str):
            judge = None
        address = request.remote or "?"
        if not self.codes_on:  # loopback only (the guard saw to that): choosing a judge is enough
            if judge is None or not self.config.has("judge", judge):
                return _refused(self.t("judge.choose_title"), 400)
            await self.run(lambda: self.store.access.open(judge, actor=f"web:{address}"))
            return self._signed_in(judge)
        if not isinstance(typed, str) or not typed.strip():
            return _refused(self.t("judge.code_wrong"), 400)
        if address in self.checking:  # one code at a time per client: a flood costs one hash
            return _refused(self.t("judge.code_wait", seconds=1), 429, wait=1)
        self.checking.add(address)
        try:
            attempt = await self.run(lambda: self.store.access.verify(typed[:64], judge, address=address))
        except StoreUnavailable as exc:
            return _refused(exc.render(self.t), 503)
        finally:
            self.checking.discard(address)
        if attempt.grant is not None:
            log.info(self.t("serve.log.signed_in", judge=attempt.grant.judge, peer=address))
            return self._signed_in(attempt.grant.judge)
        wait = int(attempt.wait_s + 0.999)
        if attempt.outcome == "no_code":
            text = self.t("judge.code_none" if judge else "judge.code_none_any")
        elif attempt.outcome == "unknown_judge":
            text = self.t("judge.code_wrong")
        elif wait > 0:
            text = self.t("judge.code_wait", seconds=wait)
        else:
            text = self.t("judge.code_wrong")
        log.warning(self.t("serve.log.wrong_code", peer=address, wait=wait))
        return _refused(text, 429 if attempt.outcome == "wait" else 403, wait=wait)

    def _signed_in(self, judge: str) -> web.Response:
        key = self._key(judge)
        assert key is not None  # just granted
        expires = end_of_day()
        value = cookie_value(SignIn(judge, expires), key)
        response = web.json_response({"ok": True})
        response.set_cookie(
            COOKIE,
            value,
            max_age=max(60, expires - int(time.time())),
            path="/",
            httponly=True,
            samesite="Strict",
        )
        return response

    async def sign_out(self, request: web.Request) -> web.Response:
        if not security.same_origin(request, required=True):
            return _refused(self.t("serve.page.foreign"), 403)
        response = web.json_response({"ok": True})
        response.del_cookie(COOKIE, path="/")
        return response

    # -- the judge's sheet ------------------------------------------------------------------

    async def _judge(self, request: web.Request, *, write: bool) -> tuple[SignIn, str] | web.Response:
        """The signed-in judge of this request (and their cookie), or the refusal to send."""
        cookie = request.cookies.get(COOKIE)
        signed = await self.run(self._signed, cookie)
        if signed is None:
            return _refused(self.t("serve.page.signed_out"), 401)
        sign_in, key = signed
        if write and not (
            security.same_origin(request, required=False)
            and csrf_ok(cookie or "", key, request.headers.get("X-CSRF-Token"))
        ):
            return _refused(self.t("serve.page.foreign"), 403)
        return sign_in, cookie or ""

    def _state(self, judge: str, cookie: str) -> dict[str, Any] | None:
        signed = self._signed(cookie)
        if signed is None or signed[0].judge != judge:
            return None
        state = sheet_data.judge_part(self.store, judge, self.t)
        state["csrf"] = csrf_token(cookie, signed[1])
        return state

    async def me(self, request: web.Request) -> web.Response:
        who = await self._judge(request, write=False)
        if isinstance(who, web.Response):
            return who
        state = await self.run(self._state, who[0].judge, who[1])
        if state is None:
            return _refused(self.t("serve.page.signed_out"), 401)
        return web.json_response(state)

    async def check(self, request: web.Request) -> web.Response:
        who = await self._judge(request, write=False)
        if isinstance(who, web.Response):
            return who
        body = await _json(request)
        values = body.get("values")
        return web.json_response(
            sheet_data.check(self.config, values if isinstance(values, dict) else {}, self.t)
        )

    async def save(self, request: web.Request) -> web.Response:
        who = await self._judge(request, write=True)
        if isinstance(who, web.Response):
            return who
        judge = who[0].judge
        body = await _json(request)
        entrant, values = body.get("entrant"), body.get("values")
        if (
            not isinstance(entrant, str)
            or not self.config.has("entrant", entrant)
            or not isinstance(values, dict)
        ):
            return _refused(self.t("serve.page.bad_request"), 400)
        note = body.get("note") if self.notes is not None and isinstance(body.get("note"), str) else None
        note_only = note is not None and not any(
            str(values.get(c.id) or "").strip() for c in self.config.criteria
        )
        scores, problems = ({}, {}) if note_only else sheet_data.parse_sheet(self.config, values, self.t)
        if note is not None:
            note, note_wrong = sheet_data.note_problem(note, self.t)
            if note_wrong:
                problems["note"] = note_wrong
        if problems:
            return web.json_response(
                {"ok": False, "problems": problems, "message": self.t("judge.fix_first")}, status=422
            )
        notes, actor = self.notes, f"judge:{judge}"

        def write():
            record = None
            if not note_only:
                record = self.store.scores.submit(judge, entrant, scores, actor=actor, source="web")
            if notes is not None and note is not None:
                stored = notes.write(judge, entrant, note, actor=actor, source="web")
                if record is None:
                    return NoteSaved(stored.saved_at if stored else "", stored is None)
            return record

        return await self._write(write, judge, entrant)

    async def recuse(self, request: web.Request) -> web.Response:
        who = await self._judge(request, write=True)
        if isinstance(who, web.Response):
            return who
        judge = who[0].judge
        body = await _json(request)
        entrant, reason = body.get("entrant"), body.get("reason")
        if not isinstance(entrant, str) or not self.config.has("entrant", entrant):
            return _refused(self.t("serve.page.bad_request"), 400)
        reason = reason.strip()[:REASON_CHARS] if isinstance(reason, str) else ""
        if not reason:
            return web.json_response(
                {"ok": False, "message": self.t("judge.recuse_needs_reason")}, status=422
            )
        return await self._write(
            lambda: self.store.scores.recuse(judge, entrant, reason, actor=f"judge:{judge}", source="web"),
            judge,
            entrant,
        )

    async def _write(self, write: Callable[[], Any], judge: str, entrant: str) -> web.Response:
        """Run the store write; answer only once it is committed (or say why it is not)."""
        try:
            record = await self.run(write)
        except StoreUnavailable as exc:
            return _refused(self.t("judge.not_saved", detail=exc.render(self.t)), 503)
        except InputError as exc:
            return _refused(self.t("judge.not_saved", detail=exc.render(self.t)), 409)
        except ScoreProblem as problem:  # checked before, so only a rule the page cannot know
            return _refused(self.t("judge.not_saved", detail=self.t(problem.code, **problem.params)), 422)
        self.hub.nudge()
        t = self.t
        if isinstance(record, NoteSaved):
            key = "judge.note_removed" if record.removed else "judge.note_saved"
            message = t(key, entrant=entrant, time=sheet_data.clock(record.saved_at))
            return web.json_response({"ok": True, "message": message})
        if record.recused:
            message = t("judge.saved_recusal", entrant=entrant, time=sheet_data.clock(record.saved_at))
        else:
            from ikm_tui.domain.scoring import judge_total

            total = judge_total(record.as_sheet().scores, self.config.criteria)
            message = t(
                "judge.saved", entrant=entrant, time=sheet_data.clock(record.saved_at), total=t.number(total)
            )
        return web.json_response({"ok": True, "message": message, "revision": record.revision})

    # -- push -------------------------------------------------------------------------------

    async def judge_socket(self, request: web.Request) -> web.StreamResponse:
        if not security.same_origin(request, required=True):
            return _refused(self.t("serve.page.foreign"), 403)
        who = await self._judge(request, write=False)
        if isinstance(who, web.Response):
            return who
        judge = who[0].judge
        ws = web.WebSocketResponse(heartbeat=HEARTBEAT_S)
        await ws.prepare(request)
        open_pages = sorted((x for x in self.hub.listeners if x.audience == judge), key=lambda x: x.opened)
        for oldest in open_pages[: max(0, len(open_pages) + 1 - PAGES_PER_JUDGE)]:
            await oldest.socket.close(code=WSCloseCode.POLICY_VIOLATION)  # a forgotten tab
        return await self._listen(ws, Listener(ws, judge, who[1]))

    async def board_socket(self, request: web.Request) -> web.StreamResponse:
        if not security.same_origin(request, required=True):
            return _refused(self.t("serve.page.foreign"), 403)
        ws = web.WebSocketResponse(heartbeat=HEARTBEAT_S)
        await ws.prepare(request)
        return await self._listen(ws, Listener(ws, BOARD))

    async def _listen(self, ws: web.WebSocketResponse, listener: Listener) -> web.WebSocketResponse:
        await self.hub.add(listener)
        try:
            async for _message in ws:  # the page never sends anything that matters
                pass
        finally:
            self.hub.remove(listener)
        return ws

    async def board_json(self, request: web.Request) -> web.Response:
        return web.json_response(await self._board_push())

    async def _judge_push(self, judge: str, cookie: str) -> dict[str, Any] | None:
        return await self.run(self._state, judge, cookie)

    async def _board_push(self) -> dict[str, Any]:
        return await self.run(board_state, self.store, self.t)

    async def _version(self) -> int:
        return await self.run(self.store.data_version)

    # -- life -------------------------------------------------------------------------------

    async def stop(self) -> None:
        """Close every page's channel (bounded: a vanished phone answers nothing); a write
        already running finishes in its thread before the process exits, queued ones are
        dropped (their pages were never told "tersimpan")."""
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self.hub.stop(), STOP_S)
        self.pool.shutdown(wait=False, cancel_futures=True)


@dataclass(frozen=True)
class NoteSaved:
    """A save of the note alone (no scores typed): when, or that the note was removed."""

    saved_at: str
    removed: bool


def _refused(message: str, status: int, **extra: Any) -> web.Response:
    return web.json_response({"ok": False, "message": message, **extra}, status=status)


async def _json(request: web.Request) -> dict[str, Any]:
    """The request's JSON object, or {} for anything else (never an error page)."""
    with contextlib.suppress(ValueError, UnicodeDecodeError, web.HTTPException):
        body = json.loads(await request.text())
        if isinstance(body, dict):
            return body
    return {}


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free port); OSError if it cannot."""
    family, _, _, _, address = socket.getaddrinfo(
        host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    return socket.create_server(address, family=family)


async def serve(
    server: WebServer,
    sock: socket.socket,
    *,
    ready: Callable[[int], None],
    stop_signal: asyncio.Event | None = None,
    signals: bool = True,
) -> None:
    """Serve on ``sock`` until Ctrl+C / SIGTERM / SIGHUP (or ``stop_signal``)."""
    stop_signal = stop_signal or asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in _STOP_SIGNALS if signals else ():
        with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows: Ctrl+C cancels us
            loop.add_signal_handler(signum, stop_signal.set)
    runner = web.AppRunner(
        server.application(), handle_signals=False, access_log=None, shutdown_timeout=SHUTDOWN_S
    )
    await runner.setup()
    server.hub.start(Path(server.store.path))
    try:
        await web.SockSite(runner, sock).start()
        ready(sock.getsockname()[1])
        await stop_signal.wait()
    finally:
        log.info(server.t("serve.log.stopping"))
        await server.stop()
        await runner.cleanup()
        log.info(server.t("serve.log.stopped"))
