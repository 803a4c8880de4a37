"""A judge's save reaching another process, and what a quiet follower costs (issue 13, item 5).

Targets:
  * commit in one process -> a follower app (the projector board) publishes the change:
    p95 <= 30 ms;
  * idle CPU of that follower no higher than polling ``PRAGMA data_version`` every 100 ms.

Measured in one run, each in its own process on the same SQLite file:
  follower   a real ``BoardApp`` (headless), woken by the WAL watch, safety poll once a second
  baseline   a bare loop polling ``PRAGMA data_version`` every 100 ms (how every follower
             worked before), timed the same way
  board 0.1  the same ``BoardApp`` told to poll every 100 ms as before (idle CPU: "today")
  bare app   a Textual app with one label and nothing to follow (idle CPU only)

    python benchmarks/propagation.py [--saves 40] [--idle-seconds 10]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from judges import fresh_event, pct, scores  # noqa: E402

FOLLOWER = """
import asyncio, os, resource, sys, time
from ikm_tui.domain.config import load_config
from ikm_tui.app.board.app import BoardApp
from ikm_tui.app.board.reconnect import ReconnectingStore

def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime

async def main():
    poll = float(sys.argv[2]) if len(sys.argv) > 2 else None
    app = BoardApp(ReconnectingStore(load_config(sys.argv[1])), poll_seconds=poll)
    async with app.run_test(size=(120, 36)) as pilot:
        app.session_signal.subscribe(app, lambda e: os.write(1, f"seen {time.monotonic()}\\n".encode()))
        await pilot.pause(1.0)
        os.write(1, b"ready\\n")
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)  # saves happen
        c0, w0 = cpu(), time.monotonic()
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)  # idle window
        os.write(1, f"idle {100 * (cpu() - c0) / (time.monotonic() - w0)}\\n".encode())
asyncio.run(main())
"""

POLLER = """
import os, resource, sqlite3, sys, threading, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
version = conn.execute("PRAGMA data_version").fetchone()[0]
phase = threading.Event(); idle = threading.Event()
def read_stdin():
    sys.stdin.readline(); phase.set(); sys.stdin.readline(); idle.set()
threading.Thread(target=read_stdin, daemon=True).start()
os.write(1, b"ready\\n")
while not phase.is_set():
    time.sleep(0.1)
    now = conn.execute("PRAGMA data_version").fetchone()[0]
    if now != version:
        version = now
        os.write(1, f"seen {time.monotonic()}\\n".encode())
r = resource.getrusage(resource.RUSAGE_SELF); c0 = r.ru_utime + r.ru_stime; w0 = time.monotonic()
while not idle.is_set():
    time.sleep(0.1)
    conn.execute("PRAGMA data_version").fetchone()
r = resource.getrusage(resource.RUSAGE_SELF)
os.write(1, f"idle {100 * (r.ru_utime + r.ru_stime - c0) / (time.monotonic() - w0)}\\n".encode())
"""

BARE_APP = """
import asyncio, os, resource, sys, time
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("idle")

def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime

async def main():
    async with Bare().run_test(size=(120, 36)) as pilot:
        await pilot.pause(1.0)
        os.write(1, b"ready\\n")
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        c0, w0 = cpu(), time.monotonic()
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        os.write(1, f"idle {100 * (cpu() - c0) / (time.monotonic() - w0)}\\n".encode())
asyncio.run(main())
"""


def start(script: str, *args: str) -> subprocess.Popen[str]:
    root = str(Path(__file__).resolve().parents[1])
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONPATH": root},
    )
    assert child.stdout is not None
    while child.stdout.readline().strip() != "ready":
        if child.poll() is not None:
            raise SystemExit(f"follower exited early ({child.returncode})")
    return child


def finish(child: subprocess.Popen[str], idle_seconds: float) -> tuple[list[float], float]:
    """Ends the save phase, waits out the idle window; the times it saw and its idle CPU %."""
    assert child.stdin is not None
    child.stdin.write("\n")
    child.stdin.flush()
    time.sleep(idle_seconds)
    out, _ = child.communicate("\n", timeout=60)
    seen = [float(line.split()[1]) for line in out.splitlines() if line.startswith("seen ")]
    idle = [float(line.split()[1]) for line in out.splitlines() if line.startswith("idle ")]
    return seen, idle[0] if idle else float("nan")


def save_paced(config: Path, saves: int) -> list[float]:
    """Saves sheets 150-300 ms apart; the monotonic instant each commit returned."""
    from ikm_tui.domain.config import load_config
    from ikm_tui.store.session import Store

    rnd = random.Random(7)
    done: list[float] = []
    with Store(load_config(config)) as store:
        entrants = [e.id for e in store.config.entrants]
        for i in range(saves):
            time.sleep(rnd.uniform(0.15, 0.3))
            store.scores.submit("J1", entrants[i % len(entrants)], scores(rnd))
            done.append(time.monotonic())
    return done


def delays(commits: list[float], seen: list[float]) -> list[float]:
    """For each commit, how long until the follower's first sighting after it (ms)."""
    result = []
    for i, at in enumerate(commits):
        until = commits[i + 1] if i + 1 < len(commits) else float("inf")
        # a sighting may land a hair before submit() returns: the commit is visible first
        first = next((s for s in seen if at - 0.005 <= s < until), None)
        if first is not None:
            result.append(max(0.0, first - at) * 1000)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--saves", type=int, default=40)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for name in ("follower", "baseline"):
            config = fresh_event(Path(tmp), name, 30)
            if name == "follower":
                child = start(FOLLOWER, str(config))
            else:
                child = start(POLLER, str(config.parent / "bench.db"))
            commits = save_paced(config, args.saves)
            seen, idle = finish(child, args.idle_seconds)
            found = delays(commits, seen)
            rows.append((name, found, idle))
        config = fresh_event(Path(tmp), "board-poll", 30)
        _, old_board_idle = finish(start(FOLLOWER, str(config), "0.1"), args.idle_seconds)
        _, bare_idle = finish(start(BARE_APP), args.idle_seconds)
    print(f"{'':<10} {'seen':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'idle CPU %':>11}")
    for name, found, idle in rows:
        print(
            f"{name:<10} {len(found):>3}/{args.saves:<2} {pct(found, 50):>8.1f} {pct(found, 95):>8.1f} "
            f"{max(found, default=float('nan')):>8.1f} {idle:>11.2f}"
        )
    print(f"{'board 0.1':<10} {'':>6} {'':>8} {'':>8} {'':>8} {old_board_idle:>11.2f}")
    print(f"{'bare app':<10} {'':>6} {'':>8} {'':>8} {'':>8} {bare_idle:>11.2f}")
    follower, baseline = rows[0], rows[1]
    print(
        f"propagation p95 {pct(follower[1], 95):.1f} ms (target <= 30 ms; "
        f"100 ms poll baseline {pct(baseline[1], 95):.1f} ms)"
    )
    print(
        f"idle CPU: board woken by the WAL {follower[2]:.2f} % vs the same board polling every 100 ms "
        f"{old_board_idle:.2f} % (target: no higher); bare Textual app {bare_idle:.2f} %"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
