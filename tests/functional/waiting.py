"""Waiting on the screen the honest way: poll a condition, bounded, never a fixed sleep."""

from __future__ import annotations

import time


async def until(pilot, condition, timeout: float = 10.0) -> None:
    """Wait for something (often another connection's write) to reach the screen."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        await pilot.pause(0.02)
