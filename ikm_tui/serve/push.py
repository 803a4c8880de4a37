"""Server push: each signed-in page and each ``/board`` page gets a WebSocket that is sent the
new state whenever the session changes.

One task follows the session database (``PRAGMA data_version``, which moves when any other
process commits) only while somebody is connected, so an idle server does nothing at all; on
Linux a write to the file wakes it at once (:mod:`ikm_tui.store.wal_watch`), the 250 ms poll
staying on as the safety net. On a
change each judge's state is read once (however many tabs they have open), and a page is sent
a message only when its state differs from the last it was sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web

from ikm_tui.store.wal_watch import WalWatch, open_wal_watch

POLL_S = 0.25
EAGER_POLL_S = 0.01
EAGER_S = 0.8
GOODBYE_S = 2.0  # how long a stopping server waits for a page to answer its close
BOARD = "*board*"


@dataclass(eq=False)
class Listener:
    """One open page: the judge it is for (or the board) and what it was last sent."""

    socket: web.WebSocketResponse
    audience: str  # a judge id, or BOARD
    cookie: str = ""
    last: str = ""
    opened: float = field(default_factory=time.monotonic)


# A judge's state as JSON text, or None when the sign-in is no longer valid.
JudgeReader = Callable[[str, str], Awaitable[dict[str, Any] | None]]
BoardReader = Callable[[], Awaitable[dict[str, Any]]]
VersionReader = Callable[[], Awaitable[int]]


class Hub:
    def __init__(self, judge_state: JudgeReader, board_state: BoardReader, version: VersionReader) -> None:
        self.judge_state = judge_state
        self.board_state = board_state
        self.version = version
        self.listeners: set[Listener] = set()
        self._wake = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._watch: WalWatch | None = None

    def start(self, database: Path | None = None) -> None:
        loop = asyncio.get_running_loop()
        self._task = asyncio.ensure_future(self._follow())
        if database is not None:

            def wake() -> None:
                loop.call_soon_threadsafe(self._wake.set)

            self._watch = open_wal_watch(database, wake)

    async def stop(self) -> None:
        if self._watch is not None:
            self._watch.stop()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

        async def goodbye(listener: Listener) -> None:
            with contextlib.suppress(Exception):  # a phone gone from the Wi-Fi answers nothing
                await asyncio.wait_for(listener.socket.close(), GOODBYE_S)

        await asyncio.gather(*(goodbye(listener) for listener in list(self.listeners)))

    def nudge(self) -> None:
        """This server wrote (its own commits do not move its ``data_version``): push now."""
        self._wake.set()

    async def add(self, listener: Listener) -> None:
        self.listeners.add(listener)
        await self._send_all({listener})
        self._wake.set()

    def remove(self, listener: Listener) -> None:
        self.listeners.discard(listener)

    async def _follow(self) -> None:
        seen: int | None = None
        eager_until = 0.0  # after a wake: the commit may land a moment after its WAL write
        while True:
            if not self.listeners:
                self._wake.clear()
                await self._wake.wait()
                seen = None
            wait = EAGER_POLL_S if time.monotonic() < eager_until else POLL_S
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), wait)
            nudged = self._wake.is_set()
            self._wake.clear()
            if nudged:
                eager_until = time.monotonic() + EAGER_S
            try:
                version = await self.version()
            except Exception:  # noqa: BLE001 - the database is briefly unavailable: try again
                continue
            if version != seen or nudged:
                seen = version
                eager_until = 0.0 if not nudged else eager_until
                await self._send_all(set(self.listeners))

    async def _send_all(self, listeners: set[Listener]) -> None:
        states: dict[tuple[str, str], dict[str, Any] | None] = {}
        for listener in listeners:
            key = (listener.audience, listener.cookie)
            if key not in states:
                try:
                    if listener.audience == BOARD:
                        states[key] = await self.board_state()
                    else:
                        states[key] = await self.judge_state(listener.audience, listener.cookie)
                except Exception:  # noqa: BLE001 - not now; the next change tries again
                    continue
            state = states[key]
            message = json.dumps({"type": "signed_out"} if state is None else {"type": "state", **state})
            if message == listener.last:
                continue
            listener.last = message
            with contextlib.suppress(Exception):  # a page that just left needs nothing
                await listener.socket.send_str(message)
            if state is None:
                with contextlib.suppress(Exception):
                    await listener.socket.close()
