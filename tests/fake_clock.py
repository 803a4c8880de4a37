"""A clock the test sets by hand, for the stage's timer arithmetic and the audit's timestamps.

The store takes any ``() -> float`` as its clock; tests move ``now`` instead of sleeping, so a
ten-minute presentation runs out in no time and the figures are exact.
"""

from __future__ import annotations


class FakeClock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now
