"""``ikm-tui serve`` from the command line: safe defaults, clear refusals, a clean stop."""

from __future__ import annotations

import asyncio
import signal
import socket

import aiohttp
import pytest

from ikm_tui.cli import main
from tests.cli.cli_helpers import ikm
from tests.e2e.serving import Served

CODES_OFF = "\n[judging]\naccess_codes = false\n"


@pytest.fixture
def event(make_event):
    return make_event(judges=3, entrants=6, language="en")


class TestRefusals:
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


@pytest.mark.slow
class TestServing:
    def test_it_listens_on_this_laptop_only_and_says_what_to_type(self, event):
        with Served(event, "--no-qr") as served:
            text = "".join(served.output)
            assert served.url in text
            assert "Only this laptop can connect" in text
            assert f"Projector board for a TV or a second laptop: {served.url}board" in text
            assert "No access code yet: J1, J2, J3" in text
            assert served.stop() == 0

    @pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
    def test_ctrl_c_or_closing_the_window_stops_it_and_every_page_learns_it(self, event, signum):
        issued = ikm("access", "issue", "J1", config=event)
        code = issued.stdout.split(": ")[1].split()[0]
        with Served(event, "--no-qr") as served:
            status, closed = asyncio.run(_stop_while_signed_in(served, code, signum))
        assert status == 0 and closed
        log = "".join(served.log)
        assert "judge J1 signed in from 127.0.0.1" in log and "server stopped" in log


async def _stop_while_signed_in(served: Served, code: str, signum):
    """Sign J1 in, open the push channel, then stop the server while the page is still there."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        origin = {"Origin": served.url.rstrip("/")}
        async with session.post(served.url + "api/sign-in", json={"code": code}, headers=origin) as answer:
            assert answer.status == 200, await answer.text()
        ws = await session.ws_connect(served.url + "ws", origin=origin["Origin"])
        assert (await asyncio.wait_for(ws.receive_json(), 10))["type"] == "state"
        status = await asyncio.to_thread(served.stop, signum)
        message = await asyncio.wait_for(ws.receive(), 10)
    return status, message.type in (
        aiohttp.WSMsgType.CLOSE,
        aiohttp.WSMsgType.CLOSED,
        aiohttp.WSMsgType.CLOSING,
    )
