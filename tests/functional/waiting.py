"""Waiting on the screen the honest way: poll a condition, bounded, never a fixed sleep."""

from __future__ import annotations

import asyncio
import time

from ikm_tui.app.session_screen import WRITES


async def until(pilot, condition, timeout: float = 10.0) -> None:
    """Wait for something (often another connection's write) to reach the screen."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        await pilot.pause(0.02)


async def settle(pilot, timeout: float = 10.0) -> None:
    """Wait until every store write the keys started (``SessionScreen.write`` runs them in
    workers) is done, and the screen has caught up with what they wrote."""
    deadline = time.monotonic() + timeout
    while True:
        await pilot.pause()
        busy = [w for w in pilot.app.workers if w.group == WRITES and not w.is_finished]
        if not busy:
            return
        left = deadline - time.monotonic()
        assert left > 0, f"workers still running: {busy}"
        await asyncio.wait_for(pilot.app.workers.wait_for_complete(busy), left)
