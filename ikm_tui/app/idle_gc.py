"""Python's full garbage-collection passes, made while the app is quiet.

Every redraw leaves reference cycles behind (a Textual strip keeps itself in its own caches),
which only the collector's passes free. The young generations are cheap; a full pass walks
every object not frozen and, left to Python, it comes whenever allocation counts say so: often
in the middle of the redraw after a new score, where it doubled the longest stall of the loop
(15-20 ms on the sample event). So automatic full passes are made rare, and the app makes them
itself a moment after the session last changed, when nobody is waiting for a new frame, once
as many young collections have piled up as Python itself would wait for.

The long-lived heap built at start-up (and by F3's first read) is frozen where it is built
(:func:`freeze_heap`), so a full pass walks only what was made since.
"""

from __future__ import annotations

import gc
import time

from textual.app import App

from ikm_tui.app.follow import SessionEvent

QUIET_S = 0.5
"""A full pass waits until the session has not changed for this long (its redraw is done)."""
CHECK_S = 1.0
"""How often to look (a timer that does nothing while nothing piles up)."""
FULL_AFTER = 10
"""Young (generation-1) collections since the last full pass before one is due: Python's default."""
DEFERRED = 100
"""Python's own trigger, moved this far out: a safety net if the session never goes quiet."""


class IdleCollector:
    def __init__(self, app: App[int]) -> None:
        self.app = app
        self.changed_at = 0.0
        self.thresholds = gc.get_threshold()

    def start(self, signal) -> None:
        young, middle, _full = self.thresholds
        gc.set_threshold(young, middle, DEFERRED)
        signal.subscribe(self.app, self._session_moved, immediate=True)
        self.app.set_interval(CHECK_S, self.collect_if_quiet, name="idle-gc")

    def stop(self) -> None:
        gc.set_threshold(*self.thresholds)

    def _session_moved(self, _event: SessionEvent) -> None:
        self.changed_at = time.monotonic()

    def collect_if_quiet(self) -> bool:
        """A full pass, if one is due and the last change is long enough ago; True if made."""
        if gc.get_count()[2] < FULL_AFTER or time.monotonic() - self.changed_at < QUIET_S:
            return False
        gc.collect()
        return True


def freeze_heap() -> None:
    """Whatever lives now is long-lived (start-up, a big first read): leave it out of every later
    pass. Only the young generations are collected first; a full pass here would stall the
    screen being built (about 40 ms for F3's first read even at 30 entrants)."""
    gc.collect(1)
    gc.freeze()
