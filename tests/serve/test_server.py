"""The judges' web server with a stand-in console: page, offline assets, limit, logs, stop."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sys
import time
from pathlib import Path

from aiohttp import WSCloseCode, WSMsgType
from aiohttp.test_utils import TestClient, TestServer

from ikm_tui.i18n import Messages
from ikm_tui.serve import judge_process
from ikm_tui.serve.server import JudgeServer
from tests.e2e.browser import ESCAPES

HERE = Path(__file__).resolve().parent
HELLO = [sys.executable, str(HERE / "hello_console.py")]
STUBBORN = [sys.executable, str(HERE / "stubborn_console.py")]
EXTERNAL = re.compile(r"(?:https?:|wss?:)?//[\w.-]+\.\w", re.IGNORECASE)


def judge_server(argv=HELLO, limit: int = 3) -> JudgeServer:
    return JudgeServer(argv, limit=limit, messages=Messages("en"), title="Test Event")


async def screen_until(ws, wanted: str, timeout: float = 15.0) -> str:
    """What the console drew, escapes removed, once it contains ``wanted``."""
    seen = ""
    deadline = time.monotonic() + timeout
    while wanted not in seen:
        message = await asyncio.wait_for(ws.receive(), max(0.1, deadline - time.monotonic()))
        if message.type == WSMsgType.BINARY:
            seen += ESCAPES.sub("", message.data.decode("utf-8", errors="replace"))
        elif message.type in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.CLOSING):
            raise AssertionError(f"closed before showing {wanted!r}: {seen[-500:]!r}")
    return seen


async def close_of(ws, timeout: float = 15.0):
    """Read until the server closes the socket; returns the close code and reason."""
    while True:
        message = await asyncio.wait_for(ws.receive(), timeout)
        if message.type == WSMsgType.CLOSE:
            return message.data, message.extra
        if message.type in (WSMsgType.CLOSED, WSMsgType.CLOSING):
            return ws.close_code, None


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


class TestThePage:
    async def test_it_names_no_other_host_and_forbids_any(self):
        async with TestClient(TestServer(judge_server().application())) as client:
            response = await client.get("/")
            page = await response.text()
            assert response.status == 200
            assert "Test Event" in page
            assert not EXTERNAL.search(page), EXTERNAL.search(page)
            policy = response.headers["Content-Security-Policy"]
            assert "default-src 'self'" in policy and "connect-src 'self'" in policy

    async def test_every_asset_it_links_is_served_from_here(self):
        async with TestClient(TestServer(judge_server().application())) as client:
            page = await (await client.get("/")).text()
            links = re.findall(r'(?:href|src)="([^"]+)"', page)
            assert any(link.endswith(".ttf") for link in links)
            for link in links:
                if link.startswith("data:"):
                    continue
                assert link.startswith("/static/"), link
                response = await client.get(link)
                assert response.status == 200, link
                if link.endswith(".css"):
                    css = re.sub(r"/\*.*?\*/", "", await response.text(), flags=re.DOTALL)
                    assert not EXTERNAL.search(css), (link, EXTERNAL.search(css))
                    for url in re.findall(r'url\("?([^")]+)"?\)', css):
                        base = link.rsplit("/", 1)[0]
                        assert (await client.get(f"{base}/{url}")).status == 200, url

    async def test_the_page_is_in_the_events_language(self):
        server = JudgeServer(HELLO, limit=1, messages=Messages("id"), title="Acara")
        async with TestClient(TestServer(server.application())) as client:
            page = await (await client.get("/")).text()
            assert '<html lang="id">' in page and "Menghubungkan" in page


class TestSessions:
    async def test_each_browser_gets_its_own_console_and_a_log_line(self, caplog):
        caplog.set_level(logging.INFO, logger="ikm_tui.serve")
        server = judge_server()
        async with TestClient(TestServer(server.application())) as client:
            first = await client.ws_connect("/ws?width=80&height=24")
            second = await client.ws_connect("/ws?width=80&height=24")
            await screen_until(first, "hello from the console")
            await screen_until(second, "hello from the console")
            pids = {s.process.pid for s in server.sessions.values()}
            assert len(pids) == 2
            await first.send_json(["stdin", "42\r"])
            await screen_until(first, "you typed 42")
            await first.close()
            await asyncio.wait_for(_until(lambda: len(server.sessions) == 1), 10)
            await second.close()
            await asyncio.wait_for(_until(lambda: not server.sessions), 10)
        assert not any(alive(pid) for pid in pids)
        lines = [r.getMessage() for r in caplog.records]
        assert sum("opened from 127.0.0.1" in line for line in lines) == 2
        assert any(
            re.search(r"judge session #1 from 127\.0\.0\.1 closed after \d+m\d\ds", line) for line in lines
        )

    async def test_past_the_limit_a_browser_is_told_to_try_again(self, caplog):
        caplog.set_level(logging.INFO, logger="ikm_tui.serve")
        server = judge_server(limit=1)
        async with TestClient(TestServer(server.application())) as client:
            first = await client.ws_connect("/ws")
            await screen_until(first, "hello from the console")
            refused = await client.ws_connect("/ws")
            code, reason = await close_of(refused)
            assert code == WSCloseCode.TRY_AGAIN_LATER
            assert "limit of 1 judge sessions" in reason
            assert len(server.sessions) == 1
            await first.close()
            await asyncio.wait_for(_until(lambda: not server.sessions), 10)
            again = await client.ws_connect("/ws")  # the slot is free again
            await screen_until(again, "hello from the console")
            await again.close()
            await asyncio.wait_for(_until(lambda: not server.sessions), 10)
        assert any("refused a connection from 127.0.0.1" in r.getMessage() for r in caplog.records)

    async def test_stopping_ends_every_console_and_says_why(self):
        server = judge_server()
        async with TestClient(TestServer(server.application())) as client:
            sockets = [await client.ws_connect("/ws") for _ in range(2)]
            for ws in sockets:
                await screen_until(ws, "hello from the console")
            pids = [s.process.pid for s in server.sessions.values()]
            await server.stop()
            for ws in sockets:
                code, reason = await close_of(ws)
                assert code == WSCloseCode.GOING_AWAY
                assert "stopped" in reason and "saved" in reason
            assert not server.sessions
            assert not any(alive(pid) for pid in pids)
            late = await client.ws_connect("/ws")  # no new console once stopping
            code, _ = await close_of(late)
            assert code == WSCloseCode.TRY_AGAIN_LATER

    async def test_a_console_that_will_not_quit_is_killed(self, monkeypatch):
        monkeypatch.setattr(judge_process, "QUIT_GRACE_S", 0.3)
        monkeypatch.setattr(judge_process, "TERMINATE_GRACE_S", 0.3)
        server = judge_server(STUBBORN)
        async with TestClient(TestServer(server.application())) as client:
            ws = await client.ws_connect("/ws")
            await asyncio.wait_for(_until(lambda: server.sessions), 10)
            (session,) = server.sessions.values()
            await asyncio.wait_for(_until(lambda: session.process.pid is not None), 10)
            pid = session.process.pid
            started = time.monotonic()
            await server.stop()
            assert time.monotonic() - started < 5
            assert not alive(pid)
            await ws.close()

    async def test_a_console_that_ends_closes_the_page(self):
        quits = [sys.executable, "-c", "print('__GANGLION__', flush=True)"]
        server = judge_server(quits)
        async with TestClient(TestServer(server.application())) as client:
            ws = await client.ws_connect("/ws")
            await close_of(ws)
            await asyncio.wait_for(_until(lambda: not server.sessions), 10)

    async def test_garbage_from_a_browser_is_ignored(self):
        server = judge_server()
        async with TestClient(TestServer(server.application())) as client:
            ws = await client.ws_connect("/ws")
            await screen_until(ws, "hello from the console")
            for junk in ("not json", "[]", '["resize", "big"]', '{"a": 1}', '["stdin", 5]'):
                await ws.send_str(junk)
            await ws.send_json(["ping", "1"])
            while (message := await asyncio.wait_for(ws.receive(), 10)).type != WSMsgType.TEXT:
                pass
            assert message.json() == ["pong", "1"]
            await ws.close()
            await asyncio.wait_for(_until(lambda: not server.sessions), 10)


async def _until(condition) -> None:
    while not condition():
        await asyncio.sleep(0.02)
