"""Judges' phones: save -> "tersimpan", page load to a usable sheet, and the server idle.

Targets (issue 11), on loopback:
  * save -> "tersimpan" p95 <= 150 ms with 8 judges saving at once (the answer to
    ``POST /api/save`` is what makes the page say "tersimpan"; it comes after the commit);
  * page load to a usable sheet <= 1 s (a signed-in judge opens the address: navigation
    start until the sheet is filled and the first field can be typed in), in headless Chromium;
  * the server idle under 1 % of a core (with a judge's page and a board page connected).

Baseline, measured in the same run: a bare aiohttp handler doing the same commit
(``store.scores.submit`` in a thread, no sign-in, no CSRF, no checks, no push), and a bare
aiohttp page of the same size for the page load.

    python benchmarks/phone.py [--rounds 40] [--idle-seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.judges import CRITERIA, JUDGES, write_event  # noqa: E402

CODE = re.compile(r"^.*? (J\d+) \(.*\): ([2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3})$", re.MULTILINE)
ENTRANTS = 30

BARE_SERVER = r"""
import asyncio, sys
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from aiohttp import web
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store

store = Store(load_config(sys.argv[1]), sys.argv[2])
pool = ThreadPoolExecutor(4)
page = "<!doctype html><title>bare</title>" + "x" * int(sys.argv[4])

async def save(request):
    body = await request.json()
    scores = {k: Decimal(v) for k, v in body["values"].items()}
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(pool, lambda: store.scores.submit(body["judge"], body["entrant"], scores))
    return web.json_response({"ok": True})

async def index(request):
    return web.Response(text=page, content_type="text/html")

app = web.Application()
app.add_routes([web.post("/save", save), web.get("/", index)])
web.run_app(app, host="127.0.0.1", port=int(sys.argv[3]), print=None, access_log=None)
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise SystemExit(f"nothing listens on {port}")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def sheet(rnd: random.Random) -> dict[str, str]:
    return {c: str(1 + rnd.randrange(19) / 2).replace(".0", "") for c in CRITERIA}


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# -- saves ------------------------------------------------------------------------------------


async def served_saves(url: str, codes: dict[str, str], rounds: int) -> list[float]:
    """8 signed-in judges press Save at the same instant, round after round."""
    origin = url.rstrip("/")
    sessions, tokens = {}, {}
    for judge, code in codes.items():
        session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        async with session.post(url + "api/sign-in", json={"code": code}, headers={"Origin": origin}) as r:
            assert r.status == 200, await r.text()
        async with session.get(url + "api/me") as r:
            tokens[judge] = (await r.json())["csrf"]
        sessions[judge] = session
    rnd = random.Random(11)
    latencies: list[float] = []

    async def one(judge: str, entrant: str) -> float:
        headers = {"Origin": origin, "X-CSRF-Token": tokens[judge]}
        body = {"entrant": entrant, "values": sheet(rnd)}
        start = time.perf_counter()
        async with sessions[judge].post(url + "api/save", json=body, headers=headers) as r:
            assert r.status == 200, await r.text()
            await r.read()
        return time.perf_counter() - start

    for n in range(rounds):
        entrant = f"E{n % ENTRANTS + 1:04d}"
        latencies += await asyncio.gather(*(one(j, entrant) for j in sessions))
    for session in sessions.values():
        await session.close()
    return latencies


async def bare_saves(url: str, rounds: int) -> list[float]:
    rnd = random.Random(11)
    latencies: list[float] = []
    async with aiohttp.ClientSession() as session:

        async def one(judge: str, entrant: str) -> float:
            body = {
                "judge": judge,
                "entrant": entrant,
                "values": {k: v.replace(",", ".") for k, v in sheet(rnd).items()},
            }
            start = time.perf_counter()
            async with session.post(url + "save", json=body) as r:
                assert r.status == 200, await r.text()
                await r.read()
            return time.perf_counter() - start

        for n in range(rounds):
            entrant = f"E{n % ENTRANTS + 1:04d}"
            latencies += await asyncio.gather(*(one(f"J{j}", entrant) for j in range(1, JUDGES + 1)))
    return latencies


# -- page load --------------------------------------------------------------------------------


def page_loads(url: str, code: str, bare_url: str, times: int) -> tuple[list[float], list[float]]:
    from selenium.webdriver.common.by import By

    from tests.e2e.browser import start_chromium, wait_until

    driver = start_chromium(360, 640)
    served, bare = [], []
    try:
        driver.get(f"{url}#c={code}")  # signs in once; the cookie stays for the day
        wait_until(lambda: driver.find_element(By.ID, "sheet").is_displayed(), what="signed in")
        for _ in range(times):
            driver.get(url)
            ready = wait_until(
                lambda: driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready-ms")
            )
            served.append(float(ready) / 1000)
            driver.get(bare_url)
            bare.append(
                driver.execute_script("return performance.getEntriesByType('navigation')[0].loadEventEnd")
                / 1000
            )
    finally:
        driver.quit()
    return served, bare


# -- idle -------------------------------------------------------------------------------------


async def idle_cpu(url: str, code: str, pid: int, seconds: float) -> float:
    origin = url.rstrip("/")
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        async with session.post(url + "api/sign-in", json={"code": code}, headers={"Origin": origin}) as r:
            assert r.status == 200
        judge = await session.ws_connect(url + "ws", origin=origin)
        board = await session.ws_connect(url + "ws/board", origin=origin)
        await asyncio.sleep(1)
        before, start = cpu_seconds(pid), time.monotonic()
        await asyncio.sleep(seconds)
        used = (cpu_seconds(pid) - before) / (time.monotonic() - start)
        await judge.close()
        await board.close()
    return used


async def push_latency(url: str, code: str, config: Path, changes: int) -> list[float]:
    """The moderator calls the next entrant (another process's commit) until a judge's page
    is told who is on stage."""
    from ikm_tui.domain.config import load_config
    from ikm_tui.store.session import Store

    origin = url.rstrip("/")
    latencies = []
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        async with session.post(url + "api/sign-in", json={"code": code}, headers={"Origin": origin}) as r:
            assert r.status == 200
        ws = await session.ws_connect(url + "ws", origin=origin)
        await ws.receive_json()
        with Store(load_config(config)) as moderator:
            for n in range(changes):
                entrant = f"E{n % ENTRANTS + 1:04d}"
                await asyncio.sleep(0.3)
                start = time.perf_counter()
                await asyncio.to_thread(moderator.stage.call, entrant, actor="moderator")
                while (await asyncio.wait_for(ws.receive_json(), 10)).get("on_stage") != entrant:
                    pass
                latencies.append(time.perf_counter() - start)
        await ws.close()
    return latencies


def idle_cpu_alone(pid: int, seconds: float) -> float:
    before, start = cpu_seconds(pid), time.monotonic()
    time.sleep(seconds)
    return (cpu_seconds(pid) - before) / (time.monotonic() - start)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--loads", type=int, default=10)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="ikm-phone-") as tmp:
        folder = Path(tmp)
        config = write_event(folder, ENTRANTS)
        issued = subprocess.run(
            [python, "-m", "ikm_tui", "--config", str(config), "access", "issue", "--all"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        codes = dict(CODE.findall(issued))
        assert len(codes) == JUDGES, issued
        port, bare_port = free_port(), free_port()
        server = subprocess.Popen(
            [python, "-m", "ikm_tui", "--config", str(config), "serve", "--port", str(port), "--no-qr"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        page_size = len(Path("ikm_tui/serve/static/judge.js").read_bytes())
        bare = subprocess.Popen(
            [python, "-c", BARE_SERVER, str(config), str(folder / "bare.db"), str(bare_port), str(page_size)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for_port(port)
            wait_for_port(bare_port)
            url, bare_url = f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{bare_port}/"
            idle_alone = idle_cpu_alone(server.pid, args.idle_seconds)
            idle_bare = idle_cpu_alone(bare.pid, args.idle_seconds)
            idle = asyncio.run(idle_cpu(url, codes["J1"], server.pid, args.idle_seconds))
            base = asyncio.run(bare_saves(bare_url, args.rounds))
            ours = asyncio.run(served_saves(url, codes, args.rounds))
            pushes = asyncio.run(push_latency(url, codes["J3"], config, 20))
            loads, bare_loads = page_loads(url, codes["J2"], bare_url, args.loads)
        finally:
            for process in (server, bare):
                process.terminate()
                process.wait(10)

    def line(name: str, values: list[float]) -> str:
        ms = [v * 1000 for v in values]
        p50, p95 = percentile(ms, 50), percentile(ms, 95)
        return f"  {name:<34} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  max {max(ms):6.1f} ms"

    print(f"save -> answer, {JUDGES} judges at once, {args.rounds} rounds ({len(ours)} saves):")
    print(line("bare aiohttp handler (baseline)", base))
    print(line("ikm-tui serve /api/save", ours))
    print(f"  ratio p95 serve/bare: {percentile(ours, 95) / percentile(base, 95):.2f}   target p95 <= 150 ms")
    print("stage change in the moderator's process -> a judge's page told (20 changes, commit included):")
    print(line("push over the WebSocket", pushes))
    print(f"page load to a usable sheet, signed in, {args.loads} loads (headless Chromium, 360x640):")
    print(line("bare aiohttp page, same size", bare_loads))
    print(line("ikm-tui serve / (sheet filled)", loads))
    print("  target <= 1000 ms")
    print(f"server idle, {args.idle_seconds:.0f} s each (share of one core):")
    print(f"  bare aiohttp server               {idle_bare * 100:5.2f} %")
    print(f"  ikm-tui serve, nobody connected   {idle_alone * 100:5.2f} %")
    print(f"  ikm-tui serve, judge + board open {idle * 100:5.2f} %   target < 1 %")


if __name__ == "__main__":
    main()
