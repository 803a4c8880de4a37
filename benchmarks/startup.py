"""First frame and F-key switches as a person sees them: in a real terminal (tmux), issue 13.

Targets:
  * ``ikm-tui`` typed -> the first entrant on screen <= 1.2x a bare Textual app showing the
    same thirty names in a DataTable;
  * F1 -> F3 (the leaderboard drawn), and F1 -> F2 (the judges' progress), <= 1.3x a minimal
    two-screen Textual app switching modes.

Each run starts a fresh tmux session (160x45) and reads the pane until the text appears;
ikm-tui and the baseline alternate so a busy moment hurts both alike. Medians are printed. The
console asks who is at the keyboard just after its first frame: when that shows is printed too.

Both run as on a user's machine, where Python caches compiled modules: a
``PYTHONDONTWRITEBYTECODE`` in this shell (set on some build machines) would make every run
of an editable install recompile ikm_tui from source while Textual's installed bytecode is
reused, which charges the compiler to our side only. The warm-up run writes the cache.

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE_TABLE = """
import sys, tomllib
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        entrants = tomllib.load(open(sys.argv[1], "rb"))["entrants"]
        table = self.query_one(DataTable)
        table.add_columns("#", "name", "business", "category")
        for e in entrants:
            table.add_row(e["id"], e["name"], e["business"], e["category"])

Bare().run()
"""

BARE_MODES = """
from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

class One(Screen):
    def compose(self):
        yield Label("layar satu")
        yield Footer()

class Two(Screen):
    def compose(self):
        table = DataTable()
        table.add_columns("rank", "name")
        table.add_rows([(str(i), f"Peserta {i}") for i in range(30)])
        yield table
        yield Footer()

class Bare(App):
    MODES = {"one": One, "two": Two}
    DEFAULT_MODE = "one"
    BINDINGS = [("f1", "switch_mode('one')", "one"), ("f3", "switch_mode('two')", "two")]

Bare().run()
"""


def pane(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
    ).stdout


def wait_for(session: str, text: str, started: float, limit: float = 30.0) -> float:
    """Seconds from ``started`` until ``text`` is on the pane."""
    while time.perf_counter() - started < limit:
        if text in pane(session):
            return time.perf_counter() - started
        time.sleep(0.005)
    raise SystemExit(f"'{text}' never appeared in {session}:\n{pane(session)}")


def close(session: str) -> None:
    """Ends the session and waits (at most 5 s) until its program has exited: a console still
    closing (threads, its database) would take the core from the next run, whichever it is."""
    pid = subprocess.run(
        ["tmux", "display-message", "-p", "-t", session, "#{pane_pid}"], capture_output=True, text=True
    ).stdout.strip()
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    deadline = time.perf_counter() + 5
    while pid.isdigit() and Path(f"/proc/{pid}").exists() and time.perf_counter() < deadline:
        time.sleep(0.01)


def as_a_user_runs(command: str) -> str:
    """``command`` with the bytecode cache on, as on a user's machine (see the module's doc)."""
    return f"env -u PYTHONDONTWRITEBYTECODE {command}"


def first_frame(command: str, marker: str, cwd: Path, tag: str, then: str = "") -> float:
    """Seconds until ``marker`` shows; with ``then``, also records when that shows next."""
    session = f"ikm-bench-startup-{os.getpid()}-{tag}"
    started = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "45", "-c", str(cwd)]
        + [as_a_user_runs(command)]
    )
    try:
        seen = wait_for(session, marker, started)
        if then:
            QUESTION_AFTER.append(wait_for(session, then, started) - seen)
        return seen
    finally:
        close(session)


QUESTION_AFTER: list[float] = []
"""How long after the first frame the console's opening question was on screen."""
QUESTION = "Siapa operatornya?"  # the sample config.toml is in Indonesian


def switch(
    command: str, ready: str, marker: str, cwd: Path, tag: str, answer: str = "", key: str = "F3"
) -> float:
    """From pressing F3 until ``marker`` shows (after the first screen showed ``ready``).

    ``answer``: a key that answers an opening question first (the console asks who is at the
    keyboard; Enter takes the offered name).
    """
    session = f"ikm-bench-switch-{os.getpid()}-{tag}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "45", "-c", str(cwd)]
        + [as_a_user_runs(command)]
    )
    try:
        wait_for(session, ready, time.perf_counter())
        if answer:
            time.sleep(0.3)
            subprocess.run(["tmux", "send-keys", "-t", session, answer])
        time.sleep(1.0)  # let start-up work settle, as a moderator would
        started = time.perf_counter()
        subprocess.run(["tmux", "send-keys", "-t", session, key])
        return wait_for(session, marker, started)
    finally:
        close(session)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is needed: apt-get install tmux")
    beside = Path(sys.executable).parent / "ikm-tui"  # the venv's own script, as a user types it
    ikm = str(beside) if beside.exists() else shutil.which("ikm-tui")
    if ikm is None:
        raise SystemExit("ikm-tui is not installed: pip install -e .")
    # tmux's server exits with its last session; one kept open for the whole run stops a new
    # session from racing a server on its way out ("server exited unexpectedly")
    keeper = f"ikm-bench-keeper-{os.getpid()}"
    subprocess.run(["tmux", "new-session", "-d", "-s", keeper, "sleep 3600"])
    try:
        return measure(args.runs, ikm)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", keeper], capture_output=True)


def measure(runs: int, ikm: str) -> int:
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copy(ROOT / "config.toml", folder / "config.toml")
        (folder / "bare_table.py").write_text(BARE_TABLE)
        (folder / "bare_modes.py").write_text(BARE_MODES)
        first_frame(ikm, "Sari Wulandari", folder, "warm")  # creates the session file once
        ours, bare, ours_switch, bare_switch, ours_f2 = [], [], [], [], []
        for i in range(runs):
            ours.append(first_frame(ikm, "Sari Wulandari", folder, f"ours{i}", then=QUESTION))
            bare.append(
                first_frame(f"{python} bare_table.py config.toml", "Sari Wulandari", folder, f"bare{i}")
            )
            ours_switch.append(switch(ikm, "Sari Wulandari", "0/5 juri", folder, f"ours{i}", answer="Enter"))
            ours_f2.append(
                switch(ikm, "Sari Wulandari", "Kode akses", folder, f"ours-f2-{i}", answer="Enter", key="F2")
            )
            bare_switch.append(
                switch(f"{python} bare_modes.py", "layar satu", "Peserta 29", folder, f"bare{i}")
            )
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; {runs} runs each, medians")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("(PYTHONDONTWRITEBYTECODE is set here; the runs were made without it, as a user runs)")
    for name, a, b, target in (
        ("first entrant on screen", ours, bare, 1.2),
        ("F1 -> F3 leaderboard", ours_switch, bare_switch, 1.3),
        ("F1 -> F2 progress", ours_f2, bare_switch, 1.3),
    ):
        ratio = statistics.median(a) / statistics.median(b)
        verdict = "met" if ratio <= target else "MISSED"
        print(
            f"{name:<24} ikm-tui {statistics.median(a) * 1000:7.0f} ms   bare Textual "
            f"{statistics.median(b) * 1000:7.0f} ms   {ratio:.2f}x (target <= {target}x: {verdict})"
        )
    after = statistics.median(QUESTION_AFTER) * 1000
    print(f"{'':<24} (the opening question followed the first frame by {after:.0f} ms, median)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
