"""Idle CPU of each ikm-tui process next to a bare Textual app, in the same run.

Each process runs in its own pseudo-terminal (a real terminal driver, like tmux), its output
read and thrown away. After a settle time we sample its CPU time (every thread's run time
from ``/proc/<pid>/task/*/schedstat``, in nanoseconds) over a window and report the share of
one core. Target (issue 16): an idle ikm-tui process uses at most 2x the bare app.

Processes measured, in the event's language (Indonesian sample event):
  bare             a bare Textual app: Header, one Static, Footer (the baseline)
  console_idle     the moderator console, stage screen, nobody on stage
  board_idle       the projector board, nobody on stage
  judge_idle       the judge console at its code prompt
  console_running  the console with a presentation running (the clock must tick: shown, not a target)
  board_running    the board with a presentation running (shown, not a target)
  console_asking   the console still asking "who is at the keyboard?" over a running clock
                   (shown, not a target: under a dialog Textual redraws the whole dimmed screen
                   each time the clock beneath it changes)

The console's first question ("who is at the keyboard?") is answered with Enter, as the
moderator does, before the settle time ends -- except in ``console_asking``.

    python benchmarks/idle_cpu.py [--seconds 20] [--settle 4] [--size 120x36] [--running-only]
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK")

BARE_APP = r"""
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]
    def compose(self):
        yield Header()
        yield Static("a bare Textual app, doing nothing")
        yield Footer()

Bare().run()
"""


def spawn(
    argv: list[str], size: tuple[int, int], cwd: Path, *, cached_bytecode: bool = False
) -> tuple[subprocess.Popen, int]:
    """Start ``argv`` on a pty of ``size``; a thread drains its output like a terminal would.
    ``cached_bytecode``: without this shell's PYTHONDONTWRITEBYTECODE, as a user's machine runs."""
    master, slave = pty.openpty()
    cols, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor")
    if cached_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    proc = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env, start_new_session=True
    )
    os.close(slave)

    def drain() -> None:
        while True:
            try:
                if not os.read(master, 65536):
                    return
            except OSError:
                return

    threading.Thread(target=drain, daemon=True).start()
    return proc, master


def cpu_seconds(pid: int) -> float:
    """CPU time of every thread of ``pid``, in nanoseconds where the kernel says (schedstat);
    /proc/<pid>/stat counts in 10 ms ticks, too coarse for a process that sleeps."""
    total = 0.0
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                total += int((task / "schedstat").read_text().split()[0]) / 1e9
            except (FileNotFoundError, ProcessLookupError):
                continue  # a thread that just ended
        return total
    except FileNotFoundError:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


ANSWER_AFTER_S = 2.0  # the console's first frame is up well before this


def measure(argv: list[str], size, cwd: Path, settle: float, seconds: float, keys: bytes = b"") -> float:
    """CPU share of one core used by ``argv`` over ``seconds``, after ``settle``; ``keys`` are
    typed into its terminal once it is up."""
    proc, master = spawn(argv, size, cwd)
    try:
        if keys:
            time.sleep(ANSWER_AFTER_S)
            os.write(master, keys)
            settle = max(0.0, settle - ANSWER_AFTER_S)
        time.sleep(settle)
        if proc.poll() is not None:
            raise SystemExit(f"{argv} exited early with {proc.returncode}")
        before, started = cpu_seconds(proc.pid), time.monotonic()
        time.sleep(seconds)
        used, wall = cpu_seconds(proc.pid) - before, time.monotonic() - started
        return used / wall
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        os.close(master)


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def prepare_event(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "config.toml"
    shutil.copy(REPO / "config.toml", config)
    sys.path.insert(0, str(REPO))
    from ikm_tui.domain.config import load_config
    from ikm_tui.store.session import Store

    Store(load_config(config)).close()  # create the session file, as the console would
    return config


def start_next_presentation(config: Path) -> None:
    """The next entrant on stage, their clock just started (within time while measured)."""
    from ikm_tui.domain.config import load_config
    from ikm_tui.store.session import Store

    store = Store(load_config(config))
    try:
        store.stage.next()
        store.stage.toggle_timer()
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--settle", type=float, default=4.0)
    parser.add_argument("--size", default="120x36")
    parser.add_argument("--rounds", type=int, default=1, help="repeat and keep the median")
    parser.add_argument(
        "--running-only", action="store_true", help="only the bare app and the presentation-running modes"
    )
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    folder = Path(tempfile.mkdtemp(prefix="ikm-idle-"))
    idle_config = prepare_event(folder / "idle")  # nobody is ever called on stage here
    running_config = prepare_event(folder / "running")
    python = sys.executable
    idle = [python, "-m", "ikm_tui", "--config", str(idle_config)]
    running = [python, "-m", "ikm_tui", "--config", str(running_config)]
    bare_file = folder / "bare.py"
    bare_file.write_text(BARE_APP)
    enter = b"\r"  # answers "who is at the keyboard?" with the name it offers
    runs: dict[str, tuple[list[str], bool, bytes]] = {
        "bare": ([python, str(bare_file)], False, b""),
        "console_idle": (idle, False, enter),
        "board_idle": (idle + ["board"], False, b""),
        "judge_idle": (idle + ["judge", "--judge", "J1"], False, b""),
        "console_running": (running, True, enter),
        "board_running": (running + ["board"], True, b""),
        "console_asking": (running, True, b""),
    }
    if args.running_only:
        runs = {name: run for name, run in runs.items() if run[1] or name == "bare"}
    figures: dict[str, list[float]] = {name: [] for name in runs}
    loads = [load_average()]
    for _ in range(args.rounds):
        for name, (argv, presenting, keys) in runs.items():
            if presenting:
                start_next_presentation(running_config)
            figures[name].append(measure(argv, size, folder, args.settle, args.seconds, keys))
    median = {name: sorted(values)[len(values) // 2] for name, values in figures.items()}
    bare = median["bare"]
    report = {
        name: {
            "cpu_percent_of_a_core": round(share * 100, 2),
            "ratio_to_bare": round(share / bare, 2) if bare else None,
        }
        for name, share in median.items()
    }
    print(f"idle CPU over {args.seconds:g} s at {args.size} ({args.rounds} round(s), median):")
    print("load average before/after: " + " / ".join(loads + [load_average()]))
    print(json.dumps(report, indent=2))
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
