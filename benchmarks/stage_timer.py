"""Stage timer accuracy and board propagation, measured (``python benchmarks/stage_timer.py``).

1. Timer drift: a countdown runs for a whole simulated presentation (default 10 minutes, real
   time) in a headless app whose event loop is kept busy (a callback burning CPU in 20 ms slices
   plus session polling). Every ~37 ms we compare the shown text with the true remaining time
   from the stored instants: drift = how far the true time lies outside the interval the shown
   text stands for. Baseline in the same run: a naive countdown that subtracts one per tick.
2. Board propagation: a real ``BoardApp`` in a child process follows the session file while this
   process performs stage actions (next, pause, resume); latency = commit -> board shows it.
   Baseline in the same run: a bare child process polling ``PRAGMA data_version`` every 100 ms.

Options: ``--minutes N`` (presentation length and run time), ``--changes N``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ikm_tui.domain import timer  # noqa: E402
from ikm_tui.domain.config import load_config  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1)]


def shown_drift(text: str, remaining: float) -> float:
    """Seconds between the true remaining time and the interval the shown text stands for."""
    minutes, seconds = text.lstrip("+").split(":")
    value = int(minutes) * 60 + int(seconds)
    if text.startswith("+"):  # overtime in [value, value + 1): remaining in (-value - 1, -value]
        low, high = -value - 1, -value
    else:  # "mm:ss" stands for remaining in (value - 1, value]
        low, high = value - 1, value
    if remaining > high:
        return remaining - high
    if remaining <= low:
        return low - remaining
    return 0.0


# -- 1. timer drift --------------------------------------------------------------------------
async def measure_drift(config, minutes: float) -> dict:
    from textual.app import App

    from ikm_tui.app.stage.countdown import Countdown
    from ikm_tui.domain.timer import Clock, SessionClock

    config_timer = replace(config.timer, presentation_minutes=max(1, math.ceil(minutes)))
    now = SessionClock()
    clock = Clock(timer.PRESENTATION, now(), None, 0.0, 0.0)
    samples: list[float] = []
    naive_samples: list[float] = []
    busy_ms = []
    stamps: list[float] = []  # when each sample ran: gaps show the process itself stalled

    class Naive:
        """The baseline: sleep a second, take one off - the classic ticking countdown."""

        def __init__(self) -> None:
            self.left = config_timer.presentation_minutes * 60

        async def run(self) -> None:
            while True:
                await asyncio.sleep(1.0)
                self.left -= 1

        @property
        def text(self) -> str:
            return timer.countdown_text(self.left)

    naive = Naive()

    class Bench(App):
        def compose(self):
            yield Countdown(config_timer, now)

        def on_mount(self) -> None:
            self.query_one(Countdown).show_clock(clock)
            self.set_interval(0.01, self.burn)
            self.run_worker(naive.run(), exclusive=False)
            self.set_interval(0.037, self.sample)

        def burn(self) -> None:
            start = time.perf_counter()
            while time.perf_counter() - start < 0.02:
                pass
            busy_ms.append(20)

        def sample(self) -> None:
            stamps.append(time.monotonic())
            remaining = timer.reading(config_timer, clock, now()).remaining_s
            samples.append(shown_drift(self.query_one(Countdown).value, remaining))
            naive_samples.append(shown_drift(naive.text, remaining))

    app = Bench()
    started = time.monotonic()
    async with app.run_test(size=(80, 24)):
        await asyncio.sleep(minutes * 60)
    wall = time.monotonic() - started
    return {
        "seconds": round(wall, 1),
        "samples": len(samples),
        "loop_busy_share": round(sum(busy_ms) / 1000 / wall, 2),
        "drift_ms_max": round(max(samples) * 1000, 1),
        "drift_ms_p99": round(percentile(samples, 99) * 1000, 1),
        "samples_over_100ms": sum(1 for d in samples if d > 0.1),
        "longest_gap_between_samples_ms": round(max(b - a for a, b in zip(stamps, stamps[1:])) * 1000, 1),
        "baseline_tick_counting_drift_ms_max": round(max(naive_samples) * 1000, 1),
        "baseline_tick_counting_drift_ms_final": round(naive_samples[-1] * 1000, 1),
    }


# -- 2. board propagation --------------------------------------------------------------------
BOARD_CHILD = r"""
import asyncio, json, os, sys, time
sys.path.insert(0, {repo!r})
from ikm_tui.domain.config import load_config
from ikm_tui.app.board.app import BoardApp
from ikm_tui.app.board.board import Board
from ikm_tui.app.board.reconnect import ReconnectingStore

original = Board.show
def show(self):
    original(self)
    snap = self.snapshot
    if snap is not None:
        c = snap.state.clock
        line = json.dumps([time.time(), snap.state.entrant, c.phase, c.paused]) + "\n"
        os.write(1, line.encode())  # the app captures print() while it runs
Board.show = show

async def main():
    config = load_config({config!r})
    app = BoardApp(ReconnectingStore(config, {db!r}))
    async with app.run_test(size=(120, 36)):
        os.write(1, b"ready\n")
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
asyncio.run(main())
"""

BARE_CHILD = r"""
import json, sqlite3, sys, time
conn = sqlite3.connect({db!r})
print("ready", flush=True)
last = conn.execute("PRAGMA data_version").fetchone()[0]
end = time.time() + {seconds}
while time.time() < end:
    time.sleep(0.1)
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    if version != last:
        last = version
        row = conn.execute("SELECT entrant, phase, paused_at IS NOT NULL FROM stage").fetchone()
        print(json.dumps([time.time(), row[0], row[1], bool(row[2])]), flush=True)
"""


def follow(child_source: str) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", child_source],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    while proc.stdout.readline().strip() != "ready":
        pass
    return proc


def perform_changes(store, changes: int) -> list[tuple[float, tuple]]:
    """A presenter's cycle of actions, spaced irregularly; returns (commit time, signature)."""
    stage = store.stage
    cycle = [
        stage.next,
        stage.toggle_timer,
        stage.toggle_timer,
        stage.toggle_timer,
        stage.end_phase,
        stage.toggle_timer,
        stage.toggle_timer,
        stage.end_phase,
    ]
    done = []
    rng = random.Random(7)
    for i in range(changes):
        time.sleep(rng.uniform(0.15, 0.4))
        asked = time.time()
        cycle[i % len(cycle)]()
        returned = time.time()
        state = stage.state()
        done.append((asked, returned, (state.entrant, state.clock.phase, state.clock.paused)))
    return done


def latencies(proc: subprocess.Popen, done) -> list[float]:
    out, _ = proc.communicate("\n", timeout=30)
    seen = [json.loads(line) for line in out.splitlines() if line.startswith("[")]
    result = []
    for asked, returned, signature in done:
        # the board may show a change before the store call has returned here: latency 0
        match = next((s[0] for s in seen if s[0] >= asked and tuple(s[1:]) == signature), None)
        if match is not None:
            result.append(max(0.0, match - returned))
    return result


def measure_board(config_path: Path, changes: int) -> dict:
    from ikm_tui.store.session import Store

    figures = {}
    for name, source in (("board_process", BOARD_CHILD), ("baseline_bare_poll", BARE_CHILD)):
        folder = Path(tempfile.mkdtemp(prefix="ikm-bench-"))
        shutil.copy(config_path, folder / "config.toml")
        config = load_config(folder / "config.toml")
        db = str(config.event.database)
        store = Store(config)
        proc = follow(
            source.format(
                repo=str(REPO), config=str(folder / "config.toml"), db=db, seconds=changes * 0.5 + 5
            )
        )
        done = perform_changes(store, changes)
        time.sleep(0.5)
        lat = latencies(proc, done)
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
        figures[name] = {
            "changes": changes,
            "seen": len(lat),
            "p50_ms": round(statistics.median(lat) * 1000, 1),
            "p95_ms": round(percentile(lat, 95) * 1000, 1),
            "max_ms": round(max(lat) * 1000, 1),
        }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--changes", type=int, default=80)
    parser.add_argument("--skip-drift", action="store_true")
    args = parser.parse_args()
    config_path = REPO / "config.toml"
    config = load_config(config_path)
    print("board propagation (commit -> board shows it):")
    print(json.dumps(measure_board(config_path, args.changes), indent=2))
    if not args.skip_drift:
        print(f"timer drift over a {args.minutes:g}-minute presentation, busy event loop:")
        print(json.dumps(asyncio.run(measure_drift(config, args.minutes)), indent=2))


if __name__ == "__main__":
    main()
