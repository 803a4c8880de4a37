"""The judges' web server running in the test's own event loop, and clients that act like pages.

A client may come from its own loopback address (127.0.0.2, 127.0.0.3 ...): Linux answers the
whole 127/8 block, so "one phone" and "another phone" are really different client addresses.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp

from ikm_tui.domain.config import load_config
from ikm_tui.i18n import Messages
from ikm_tui.serve.server import WebServer, listen, serve
from ikm_tui.store.session import Store


@dataclass
class Site:
    """``store`` reads what is stored; ``moderator`` writes as another process would (its own
    connection, so the server sees its commits as the venue's other consoles' commits)."""

    store: Store
    moderator: Store
    codes: dict[str, str]
    url: str
    server: WebServer

    @property
    def origin(self) -> str:
        return self.url.rstrip("/")


@contextlib.asynccontextmanager
async def running(
    config: Path, *, judges_with_codes=("J1", "J2", "J3"), language="en"
) -> AsyncIterator[Site]:
    store = Store(load_config(config))
    moderator = Store(load_config(config))
    codes = {judge: store.access.issue(judge, actor="test") for judge in judges_with_codes}
    server = WebServer(store, Messages(language))
    sock = listen("127.0.0.1", 0)
    stop = asyncio.Event()
    port: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    task = asyncio.ensure_future(serve(server, sock, ready=port.set_result, stop_signal=stop, signals=False))
    try:
        url = f"http://127.0.0.1:{await asyncio.wait_for(port, 10)}/"
        yield Site(Store(load_config(config)), moderator, codes, url, server)
    finally:
        stop.set()
        await asyncio.wait_for(task, 20)
        store.close()
        moderator.close()


class Page:
    """What a judge's page does over HTTP: its cookie jar, its Origin, its CSRF token."""

    def __init__(self, site: Site, address: str = "127.0.0.1") -> None:
        self.site = site
        self.session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(local_addr=(address, 0)),
            cookie_jar=aiohttp.CookieJar(unsafe=True),  # the server is reached by IP address
        )
        self.csrf = ""

    async def __aenter__(self) -> Page:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.session.close()

    async def post(self, path: str, body: dict, *, origin: str | None = "same", csrf: str | None = "mine"):
        headers = {}
        if origin is not None:
            headers["Origin"] = self.site.origin if origin == "same" else origin
        if csrf is not None:
            headers["X-CSRF-Token"] = self.csrf if csrf == "mine" else csrf
        async with self.session.post(self.site.url + path.lstrip("/"), json=body, headers=headers) as answer:
            return answer.status, await answer.json(), answer

    async def get(self, path: str):
        async with self.session.get(self.site.url + path.lstrip("/")) as answer:
            return answer.status, await answer.read(), answer

    async def sign_in(self, code: str, judge: str | None = None) -> tuple[int, dict]:
        status, data, _ = await self.post("/api/sign-in", {"code": code, "judge": judge}, csrf=None)
        if status == 200:
            me = await self.me()
            self.csrf = me["csrf"]
        return status, data

    async def me(self) -> dict:
        async with self.session.get(self.site.url + "api/me") as answer:
            assert answer.status == 200, await answer.text()
            return await answer.json()

    async def save(self, entrant: str, values: dict, **kwargs):
        return await self.post("/api/save", {"entrant": entrant, "values": values}, **kwargs)


async def next_state(ws, wanted, timeout: float = 10.0) -> dict:
    """The first pushed message for which ``wanted(message)`` holds."""
    deadline = time.monotonic() + timeout
    while True:
        message = await asyncio.wait_for(ws.receive_json(), max(0.05, deadline - time.monotonic()))
        if wanted(message):
            return message
