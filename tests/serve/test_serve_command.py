"""``ikm-tui serve`` from the command line: safe defaults, clear refusals, a clean stop."""

from __future__ import annotations

import asyncio
import signal
import socket
import sys
import time

import aiohttp
import pytest
from aiohttp import WSCloseCode

from ikm_tui.cli import main
from ikm_tui.cli.commands.serve import judge_command
from ikm_tui.cli.context import Context
from tests.e2e.serving import Served, processes_running
from tests.serve.test_server import close_of, screen_until

CODES_OFF = "\n[judging]\naccess_codes = false\n"


@pytest.fixture
def event(make_event):
    return make_event(judges=3, entrants=6, language="en")


class TestRefusals:
    def test_no_judge_sessions_at_all_is_refused(self, event, capsys):
        assert main(["--config", str(event), "serve", "--max-sessions", "0"]) == 2
        assert "--max-sessions: must be a whole number of 1 or more, got 0" in capsys.readouterr().err

    def test_the_network_without_access_codes_is_refused(self, make_event, capsys):
        event = make_event(language="en", extra=CODES_OFF)
        assert main(["--config", str(event), "serve", "--host", "0.0.0.0"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("[judging] access_codes: access codes are off")
        assert not (event.parent / "session.db").exists()  # nothing was started or created

    def test_a_port_in_use_is_named(self, event, capsys):
        with socket.create_server(("127.0.0.1", 0)) as taken:
            port = taken.getsockname()[1]
            assert main(["--config", str(event), "serve", "--port", str(port)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"--port: cannot listen on 127.0.0.1:{port}")
        assert "choose another port with --port" in err


class TestJudgeCommand:
    def test_each_browser_runs_the_judge_console_on_this_event(self, event, tmp_path):
        ctx = Context(str(event), str(tmp_path / "other.db"))
        argv = judge_command(ctx)
        assert argv[0] == sys.executable and argv[1:3] == ["-m", "ikm_tui.serve.console"]
        assert argv[3:] == [
            "--config",
            str(event.resolve()),
            "--db",
            str((tmp_path / "other.db").resolve()),
            "judge",
        ]


@pytest.mark.slow
class TestServing:
    def test_it_listens_on_this_laptop_only_and_says_what_to_type(self, event):
        with Served(event, "--no-qr") as served:
            text = "".join(served.output)
            assert served.url in text
            assert "Only this laptop can connect" in text
            assert "At most 5 judge sessions at once" in text  # 3 judges + 2
            assert "No access code yet: J1, J2, J3" in text
            assert served.stop() == 0

    def test_ctrl_c_ends_every_judge_console(self, event):
        marker = str(event.resolve())
        with Served(event, "--no-qr") as served:
            status, running, closes = asyncio.run(_stop_while_connected(served, 2))
        assert status == 0
        assert len(running) == 3  # the server and two judge consoles, until Ctrl+C
        assert [code for code, _ in closes] == [WSCloseCode.GOING_AWAY] * 2
        assert all("Submitted scores are saved" in reason for _, reason in closes)
        log = "".join(served.log)
        assert "judge session #2 opened from 127.0.0.1 (2 of 5 open)" in log
        assert "stopping: ending 2 judge sessions (submitted scores are saved)" in log
        assert "judge session #1 from 127.0.0.1 closed" in log
        assert "server stopped" in log
        assert processes_running(marker) == []

    def test_closing_the_terminal_window_ends_every_judge_console(self, event):
        marker = str(event.resolve())
        with Served(event, "--no-qr") as served:
            status, running, closes = asyncio.run(_stop_while_connected(served, 1, signal.SIGHUP))
        assert status == 0 and len(running) == 2
        assert closes[0][0] == WSCloseCode.GOING_AWAY
        assert processes_running(marker) == []

    def test_a_killed_server_leaves_no_judge_console_behind(self, event):
        marker = str(event.resolve())
        with Served(event, "--no-qr") as served:
            status, running, _ = asyncio.run(_stop_while_connected(served, 2, signal.SIGKILL))
        assert status == -signal.SIGKILL and len(running) == 3
        deadline = time.monotonic() + 10
        while processes_running(marker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert processes_running(marker) == []


async def _stop_while_connected(served: Served, count: int, signum=signal.SIGINT):
    """Open judge consoles, then Ctrl+C the server while their browsers are still there."""
    async with aiohttp.ClientSession() as session:
        sockets = [await session.ws_connect(served.url + "ws?width=100&height=30") for _ in range(count)]
        for ws in sockets:
            await screen_until(ws, "Sign in as a judge")
        running = processes_running(str(served.config.resolve()))
        closing = [asyncio.ensure_future(close_of(ws)) for ws in sockets]
        status = await asyncio.to_thread(served.stop, signum)
        closes = [await c for c in closing]
    return status, running, closes
