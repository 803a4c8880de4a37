"""The moderator console exactly as ``ikm-tui`` opens it, with a probe in its event loop.

``benchmarks/leaderboard.py`` runs this in a pseudo-terminal: a real terminal driver, so every
frame is rendered and written as a person's terminal gets it (a headless ``run_test`` app skips
turning frames into terminal text). In the console's own event loop a task wakes every
millisecond; how late it wakes is how long the loop was busy, which is what a key pressed at
that moment waits. Each wake-up is recorded (when, the wall-clock gap, the CPU time of the
loop's thread over the gap), and so is each pass of Python's garbage collector. SIGUSR1 writes
them to OUT as JSON and closes the console.

OUT.state says what the console shows, as the driver waits for it before typing: the screen
in use, then "built" once F3 is built behind the stage, then "read" once F3 shows its data.

    python benchmarks/console_probe.py OUT [ikm-tui arguments, e.g. --config config.toml]
"""

from __future__ import annotations

import asyncio
import gc
from array import array
import json
import signal
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import ikm_tui.app.moderator as moderator  # noqa: E402
from ikm_tui.cli import main  # noqa: E402

OUT = Path(sys.argv[1])
# Plain arrays of floats: recording allocates no objects the garbage collector tracks, so the
# probe does not change when the console's collections happen.
wake_at, wake_gap, wake_cpu = array("d"), array("d"), array("d")  # when, wall gap, thread CPU gap
collections: list[tuple[int, float, float]] = []  # (generation, start, end)
_collecting: dict[str, float] = {}


def on_gc(phase: str, info: dict[str, Any]) -> None:
    if phase == "start":
        _collecting["since"] = time.monotonic()
    else:
        collections.append((info["generation"], _collecting.get("since", 0.0), time.monotonic()))


class ProbedConsole(moderator.ModeratorApp):
    """The console, unchanged, plus the heartbeat (Textual runs both classes' on_mount)."""

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGUSR1, self._write_out)
        self._heartbeat_task = loop.create_task(self._heartbeat())
        gc.callbacks.append(on_gc)

    async def _heartbeat(self) -> None:
        shown = ""
        last, last_cpu = time.monotonic(), time.thread_time()
        while True:
            await asyncio.sleep(0.001)
            now, cpu = time.monotonic(), time.thread_time()
            wake_at.append(now)
            wake_gap.append(now - last)
            wake_cpu.append(cpu - last_cpu)
            last, last_cpu = now, cpu
            state = self._state()
            if state != shown:
                shown = state
                OUT.with_suffix(".state").write_text(state)

    def _state(self) -> str:
        state = type(self.screen).__name__
        if self.built("results"):
            state += " built"
        if getattr(self.screen, "view", None) is not None:
            state += " read"
        return state

    def _write_out(self) -> None:
        wakes = list(zip(wake_at, wake_gap, wake_cpu))
        OUT.write_text(json.dumps({"wakes": wakes, "collections": collections}))
        self.exit(0)


moderator.ModeratorApp = ProbedConsole  # what run_moderator starts
raise SystemExit(main(sys.argv[2:]))
