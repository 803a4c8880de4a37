"""Event-loop time of the results screen (F3) updating after ONE new score.

Targets (issue 13): <= 16 ms at the sample event's size (30 entrants x 5 judges), at the
maximum, and <= 250 ms at 10,000 entrants x 25 judges x 6 criteria. A judge's score arrives from
another process (as from a judge's console); the moderator console notices the session file
change, re-reads what changed and updates the screen.

The sample event is measured as a person meets it: ``ikm-tui`` itself (the whole moderator
console, its other screens built behind F3) in a pseudo-terminal of ``--size``, the operator
question answered and F3 pressed as keys, and the judge's score written by this process. A
probe inside the console's event loop (``console_probe.py``) wakes every millisecond; per new
score we print the longest time the loop was busy (``loop busy``: wall clock, what a key
pressed then would wait, frames rendered and written to the terminal included), the CPU time of
the loop's thread over that stretch (``loop CPU``: the same without the time other processes
took the core), and the garbage collector's full passes. Its baseline: the same console over
windows of the same length with no new score (``idle``).

The large event is measured in-process (a headless app with only the results screen):

* ``handler``  — the screen's refresh handler (read + table update), timed around the call;
* ``loop busy`` — the longest stretch the event loop was blocked while the update went
  through, from a 1 ms heartbeat task (so rendering the new frame is included);
* ``loop CPU`` — the same stretch in CPU time of the loop's thread: what the update itself
  cost, without the time other processes took the core (2 cores shared by busy neighbours);
* baselines: the engine's bare ``order()`` over cached entrant keys, the full uncached
  ``store.ranking()``, building the rows without any UI (``LiveResults.read()``), and
  ``ikm-tui leaderboard --json`` on the same file (target: F3 opens in <= 2x that).

    python benchmarks/leaderboard.py [--entrants 10000] [--judges 25] [--updates 8]
                                     [--sample-updates 40] [--size 160x45] [--only sample|large]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from idle_cpu import spawn  # noqa: E402  (benchmarks/ is on the path: a script's own folder)
from ikm_tui.app.session_app import SessionApp  # noqa: E402
from ikm_tui.app.results.live import LiveResults, read_results  # noqa: E402
from ikm_tui.app.results.screen import ResultsScreen  # noqa: E402
from ikm_tui.domain.config import load_config  # noqa: E402
from ikm_tui.domain.ranking import order  # noqa: E402
from ikm_tui.domain.score_entry import SheetEntry  # noqa: E402
from ikm_tui.store.session import Store  # noqa: E402

CRITERIA = ["c1", "c2", "c3", "c4", "c5", "c6"]
WEIGHTS = [25, 20, 15, 15, 15, 10]


def big_event(folder: Path, entrants: int, judges: int) -> Path:
    with (folder / "roster.csv").open("w", encoding="utf-8") as f:
        f.write("id,name,business,category,day\n")
        for e in range(entrants):
            f.write(f"E{e:05d},Owner {e},Business {e},{('makanan', 'jasa')[e % 2]},{1 + e % 2}\n")
    lines = [
        'roster = "roster.csv"',
        "[event]",
        'title = "Benchmark"',
        'days = ["2022-06-14", "2022-06-15"]',
        'database = "bench.db"',
        'language = "en"',
        "[scoring]",
        "min = 1",
        "max = 10",
        "step = 0.5",
        'tie_break = ["c1", "c2"]',
        "[judging]",
        "access_codes = false",
    ]
    for cid, w in zip(CRITERIA, WEIGHTS):
        lines += ["[[criteria]]", f'id = "{cid}"', f'name = "{cid}"', f"weight = {w}"]
    for j in range(judges):
        lines += ["[[judges]]", f'id = "J{j:02d}"', f'name = "Judge {j}"']
    for cat in ("makanan", "jasa"):
        lines += ["[[categories]]", f'id = "{cat}"', f'name = "{cat.title()}"']
    for label, amount in (("Juara I", 3000000), ("Juara II", 2400000), ("Juara III", 1800000)):
        lines += ["[[prizes]]", f'label = "{label}"', "count = 2", f"amount = {amount}"]
    config = folder / "config.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def sample_event(folder: Path) -> Path:
    config = folder / "config.toml"
    shutil.copy(REPO / "config.toml", config)
    return config


def random_scores(config, rnd: random.Random) -> dict:
    return {c.id: c.min + c.step * rnd.randrange(int((c.max - c.min) / c.step) + 1) for c in config.criteria}


def fill(store, rnd: random.Random) -> float:
    config = store.config
    entries = [
        SheetEntry(j.id, e.id, random_scores(config, rnd)) for e in config.entrants for j in config.judges
    ]
    started = time.perf_counter()
    store.scores.import_sheets(entries, actor="benchmark")
    return time.perf_counter() - started


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


class ResultsOnly(SessionApp):
    """The moderator app with only the results screen, so the figures are that screen's own
    (the full console also refreshes its stage and progress screens on every new score)."""

    def on_mount(self) -> None:  # SessionApp.on_mount runs too (Textual follows the MRO)
        self.push_screen(ResultsScreen())


async def measure_screen(
    store, judge_store, updates: int, rnd: random.Random, boundary: bool
) -> tuple[list[float], list[float], list[float], float, float]:
    """Handler times, loop-busy and loop-CPU maxima for ``updates`` single-score updates."""
    app = ResultsOnly(store, poll_seconds=0.02)
    handler: list[float] = []
    busy: list[float] = []
    cpu: list[float] = []
    started = time.perf_counter()
    async with app.run_test(size=(120, 36)) as pilot:
        while not (isinstance(app.screen, ResultsScreen) and app.screen.view is not None):
            await pilot.pause(0.01)
        await pilot.pause()
        initial = time.perf_counter() - started
        screen = app.screen
        original = screen.reload
        done = asyncio.Event()

        def timed_reload():
            t0 = time.perf_counter()
            original()
            handler.append(time.perf_counter() - t0)
            done.set()

        screen.reload = timed_reload
        config = store.config
        gaps: list[float] = []
        stop = asyncio.Event()
        beat = asyncio.create_task(heartbeat(gaps, [], stop))
        await asyncio.sleep(0.5)  # the same loop with nothing to do: the noise floor
        stop.set()
        await beat
        idle = max(gaps) - 0.001
        for _ in range(updates):
            if boundary:
                line = screen.view.lines[-1]
                entrant = line.below.entrant.id
            else:
                entrant = config.entrants[rnd.randrange(len(config.entrants))].id
            judge = config.judges[rnd.randrange(len(config.judges))].id
            gaps = []
            cpu_gaps: list[float] = []
            stop = asyncio.Event()
            beat = asyncio.create_task(heartbeat(gaps, cpu_gaps, stop))
            await asyncio.sleep(0.01)
            done.clear()
            # The judge's write happens in their own process: run it off this event loop, so
            # its fsync is not counted as the moderator screen's time.
            await asyncio.to_thread(judge_store.scores.submit, judge, entrant, random_scores(config, rnd))
            await asyncio.wait_for(done.wait(), 30)
            await pilot.pause()
            await asyncio.sleep(0.02)
            stop.set()
            await beat
            busy.append(max(gaps) - 0.001)
            cpu.append(max(cpu_gaps))
    return handler, busy, cpu, initial, idle


async def heartbeat(gaps: list[float], cpu_gaps: list[float], stop: asyncio.Event) -> None:
    """Wake every millisecond; a long gap is the loop busy with something else.

    ``cpu_gaps`` gets the loop thread's CPU time over each gap (the judge's write runs in
    another thread and does not count)."""
    last, last_cpu = time.perf_counter(), time.thread_time()
    while not stop.is_set():
        await asyncio.sleep(0.001)
        now, now_cpu = time.perf_counter(), time.thread_time()
        gaps.append(now - last)
        cpu_gaps.append(now_cpu - last_cpu)
        last, last_cpu = now, now_cpu


PROBE = Path(__file__).resolve().parent / "console_probe.py"
WINDOW_S = 0.3  # after a score is written: its update is drawn well within this
REST_S = 0.5  # between windows: the file watch's settling polls of the last write end
F3 = b"\x1bOR"


def spawn_console(config_path: Path, out: Path, size: tuple[int, int]) -> tuple[subprocess.Popen, int]:
    """``ikm-tui --config ...`` with the probe, on a pty of ``size`` read like a terminal."""
    argv = [sys.executable, str(PROBE), str(out), "--config", str(config_path)]
    return spawn(argv, size, config_path.parent, cached_bytecode=True)


def wait_for(out: Path, proc: subprocess.Popen, words: str, timeout: float = 60) -> None:
    """Until the probe's state says ``words`` (see console_probe.py)."""
    state = out.with_suffix(".state")
    deadline = time.monotonic() + timeout
    while not (state.exists() and state.read_text().endswith(words)):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the console never got to {words!r} (exit {proc.poll()})")
        time.sleep(0.02)


def measure_console(
    config_path: Path, judge_store, updates: int, rnd: random.Random, boundary: bool, size: tuple[int, int]
) -> dict[str, list[float]]:
    """Per new score (and per idle window of the same length): the loop's longest busy
    stretch, its CPU time, and the full GC passes in the window, from the console's probe."""
    config = judge_store.config
    out = Path(tempfile.mkdtemp(prefix="ikm-probe-")) / "probe.json"
    proc, master = spawn_console(config_path, out, size)
    try:
        wait_for(out, proc, "WhoDialog")
        os.write(master, b"\r")  # "who is at the keyboard?": the name it offers
        wait_for(out, proc, "StageScreen built")  # and F3 built behind it by the preload
        os.write(master, F3)
        wait_for(out, proc, "ResultsScreen built read")
        time.sleep(1.0)
        windows: list[tuple[float, float]] = []
        idle: list[tuple[float, float]] = []
        for _ in range(updates):
            if boundary:  # who is just below the last prize line now (read by the judge's side)
                entrant = read_results(judge_store).lines[-1].below.entrant.id
            else:
                entrant = config.entrants[rnd.randrange(len(config.entrants))].id
            judge = config.judges[rnd.randrange(len(config.judges))].id
            time.sleep(REST_S)
            started = time.monotonic()
            time.sleep(WINDOW_S)
            idle.append((started, time.monotonic()))
            time.sleep(REST_S)
            started = time.monotonic()
            judge_store.scores.submit(judge, entrant, random_scores(config, rnd))
            time.sleep(WINDOW_S)
            windows.append((started, time.monotonic()))
        os.kill(proc.pid, signal.SIGUSR1)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    probe = json.loads(out.read_text())
    shutil.rmtree(out.parent, ignore_errors=True)
    wakes, collections = probe["wakes"], probe["collections"]

    def worst(spans: list[tuple[float, float]]) -> tuple[list[float], list[float], list[float]]:
        busy, cpu, full_gc = [], [], []
        for start, end in spans:
            inside = [w for w in wakes if start < w[0] <= end]
            busy.append(max(w[1] for w in inside) - 0.001)  # less the heartbeat's own sleep
            cpu.append(max(w[2] for w in inside))
            full_gc += [b - a for gen, a, b in collections if gen == 2 and start < b <= end]
        return busy, cpu, full_gc

    busy, cpu, full_gc = worst(windows)
    idle_busy, idle_cpu, _idle_gc = worst(idle)
    first, last = min(idle[0][0], windows[0][0]), windows[-1][1]
    every_gc = [b - a for gen, a, b in collections if gen == 2 and first < b <= last]
    return {
        "busy": busy,
        "cpu": cpu,
        "gc": full_gc,
        "every_gc": every_gc,
        "idle_busy": idle_busy,
        "idle_cpu": idle_cpu,
    }


def p95(values: list[float]) -> float:
    ranked = sorted(values)
    return ranked[min(len(ranked) - 1, round(0.95 * (len(ranked) - 1)))]


def baselines(store, rnd: random.Random) -> dict[str, float]:
    config = store.config
    live = LiveResults(store)
    t0 = time.perf_counter()
    live.read()
    first = time.perf_counter() - t0
    statuses, decisions = store.queue.statuses(), store.results.decisions()
    t0 = time.perf_counter()
    order(config, live.scores, statuses, decisions)
    bare_order = time.perf_counter() - t0
    t0 = time.perf_counter()
    store.ranking()
    full_rank = time.perf_counter() - t0
    entrant = config.entrants[rnd.randrange(len(config.entrants))].id
    store.scores.submit(config.judges[0].id, entrant, random_scores(config, rnd))
    t0 = time.perf_counter()
    live.read()
    rows_no_ui = time.perf_counter() - t0
    return {
        "first read (all sheets)": first,
        "bare order() on cached keys": bare_order,
        "full store.ranking() (SQL + engine)": full_rank,
        "rows without UI after one score": rows_no_ui,
    }


def leaderboard_cli(config_path: Path) -> float:
    """``ikm-tui leaderboard --json`` on the same session file: the F3-open baseline."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "ikm_tui", "--config", str(config_path), "leaderboard", "--json"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=config_path.parent)
    return time.perf_counter() - started


def run(label: str, config_path: Path, updates: int, seed: int, size: tuple[int, int] | None = None) -> None:
    rnd = random.Random(seed)
    config = load_config(config_path)
    with Store(config) as store, Store(config) as judge_store:
        entrants, judges = len(config.entrants), len(config.judges)
        print(
            f"\n== {label}: {entrants} entrants x {judges} judges x {len(config.criteria)} criteria"
            f"  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )
        print(f"   import of every sheet       {ms(fill(store, rnd))}")
        for name, seconds in baselines(store, rnd).items():
            print(f"   baseline: {name:34s}{ms(seconds)}")
        cli = min(leaderboard_cli(config_path) for _ in range(2))
        print(f"   baseline: {'leaderboard --json (CLI process)':34s}{ms(cli)}")
        if size is not None:
            for boundary in (False, True):
                figures = measure_console(config_path, judge_store, updates, rnd, boundary, size)
                where = "a boundary entrant" if boundary else "a random entrant"
                print(f"   one new score on {where}, ikm-tui in a {size[0]}x{size[1]} terminal, F3 shown:")
                for name, values in (
                    ("loop busy", figures["busy"]),
                    ("loop CPU", figures["cpu"]),
                    ("idle busy", figures["idle_busy"]),
                    ("idle CPU", figures["idle_cpu"]),
                ):
                    print(
                        f"     {name:10s} median {ms(statistics.median(values))}   p95 {ms(p95(values))}"
                        f"   max {ms(max(values))}"
                    )
                full_gc, every_gc = figures["gc"], figures["every_gc"]
                longest = f", longest {ms(max(every_gc)).strip()}" if every_gc else ""
                print(
                    f"     (full GC passes: {len(full_gc)} in the {updates} update windows,"
                    f" {len(every_gc)} in the whole run{longest}; load average {os.getloadavg()[0]:.1f})"
                )
            return
        for boundary in (False, True):
            handler, busy, cpu, initial, idle = asyncio.run(
                measure_screen(store, judge_store, updates, rnd, boundary)
            )
            where = "a boundary entrant" if boundary else "a random entrant"
            print(
                f"   screen open (first frame)          {ms(initial)}"
                f"   {initial / cli:.2f}x the CLI (target <= 2x at 10,000)"
            )
            print(f"   one new score on {where}:")
            for name, values in (("handler", handler), ("loop busy", busy), ("loop CPU", cpu)):
                print(
                    f"     {name:10s} median {ms(statistics.median(values))}   p95 {ms(p95(values))}"
                    f"   max {ms(max(values))}"
                )
            print(f"     (idle loop, no update: {ms(idle).strip()}; load average {os.getloadavg()[0]:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entrants", type=int, default=10_000)
    parser.add_argument("--judges", type=int, default=25)
    parser.add_argument("--updates", type=int, default=8, help="updates at the large size")
    parser.add_argument("--sample-updates", type=int, default=40, help="updates at the sample size")
    parser.add_argument("--size", default="160x45", help="the console's terminal for the sample event")
    parser.add_argument("--only", choices=("sample", "large"))
    args = parser.parse_args()
    cols, rows = (int(v) for v in args.size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        if args.only != "large":
            small = Path(tmp) / "sample"
            small.mkdir()
            run("sample event (target <= 16 ms)", sample_event(small), args.sample_updates, 1, (cols, rows))
        if args.only != "sample":
            big = Path(tmp) / "big"
            big.mkdir()
            config = big_event(big, args.entrants, args.judges)
            run("large event (target <= 250 ms max)", config, args.updates, 2)


if __name__ == "__main__":
    main()
