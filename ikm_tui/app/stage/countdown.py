"""The stage timer as a big ``Digits`` display, recomputed from stored instants every tick.

The widget never counts: every ``TICK_SECONDS`` it asks the pure timer what the clock reads
*now* and redraws only when the shown text or colour changes. A late tick (busy event loop)
therefore shows the right time as soon as it runs, and nothing accumulates.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Digits

from ikm_tui.domain import timer
from ikm_tui.domain.config import Timer
from ikm_tui.domain.timer import Clock

TICK_SECONDS = 0.05
TONES = {timer.NORMAL: "phase-normal", timer.WARNING: "phase-warning", timer.OVERTIME: "phase-overtime"}


class Countdown(Digits):
    """Remaining time of the current phase: amber at the warning mark, red ``+`` overtime."""

    def __init__(self, config_timer: Timer, now: Callable[[], float], **kwargs) -> None:
        super().__init__(timer.countdown_text(config_timer.presentation_minutes * 60), **kwargs)
        self.config_timer = config_timer
        self.now = now
        self.clock: Clock | None = None
        self.reading: timer.Reading | None = None
        """The reading behind the text on screen (benchmarks compare it with the truth)."""

    def on_mount(self) -> None:
        self.set_interval(TICK_SECONDS, self.tick, name="countdown")

    def show_clock(self, clock: Clock | None) -> None:
        self.clock = clock
        self.tick()

    def tick(self) -> None:
        if self.clock is None:
            return
        reading = timer.reading(self.config_timer, self.clock, self.now())
        self.reading = reading
        text = "--:--" if reading.phase == timer.OVER else reading.text
        if text != self.value:
            self.update(text)
        tone = TONES[reading.tone]
        if not self.has_class(tone):
            self.remove_class(*TONES.values())
            self.add_class(tone)
        self.set_class(reading.paused, "paused")
