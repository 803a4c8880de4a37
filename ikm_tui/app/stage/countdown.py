"""The stage timer on screen, recomputed from stored instants — and only when it changes.

The widget never counts: when it wakes it asks the pure timer what the clock reads *now*. It
wakes once per shown second, just after the instant the text changes
(:func:`ikm_tui.domain.timer.seconds_until_change`), so a late wake-up (busy event loop) shows
the right time as soon as it runs and nothing accumulates. It does not wake at all while the
clock stands still (ready, paused, over), while nobody is on stage, or while its screen is not
the one shown; :meth:`TickingClock.show_clock` or the screen coming back wakes it again.

Two faces share this: :class:`Countdown` (Textual's three-row ``Digits``, the moderator's
compact clock) and the board's big clock (:mod:`ikm_tui.app.board.big_clock`).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message
from textual.timer import Timer as TextualTimer
from textual.widget import Widget
from textual.widgets import Digits

from ikm_tui.domain import timer
from ikm_tui.domain.config import Timer
from ikm_tui.domain.timer import Clock

WAKE_LATE_S = 0.005  # wake just after the change, never just before it
TONES = {timer.NORMAL: "phase-normal", timer.WARNING: "phase-warning", timer.OVERTIME: "phase-overtime"}


class TickingClock(Widget):
    """Shows a stored :class:`Clock`; subclasses draw the text in :meth:`paint`."""

    def __init__(self, config_timer: Timer, now: Callable[[], float], **kwargs) -> None:
        super().__init__(**kwargs)
        self.config_timer = config_timer
        self.now = now
        self.clock: Clock | None = None
        self.reading: timer.Reading | None = None
        """The reading behind the text on screen (benchmarks compare it with the truth)."""
        self.shown_text = ""
        self._wake: TextualTimer | None = None

    def paint(self, text: str) -> None:
        raise NotImplementedError

    def show_clock(self, clock: Clock | None) -> None:
        """Follow ``clock`` (None: nobody on stage; the widget then sleeps)."""
        self.clock = clock
        self.tick()

    def tick(self) -> None:
        self._sleep()
        if self.clock is None:
            self.reading = None
            return
        reading = timer.reading(self.config_timer, self.clock, self.now())
        self.reading = reading
        text = "--:--" if reading.phase == timer.OVER else reading.text
        if text != self.shown_text:
            self.shown_text = text
            self.paint(text)
            self.post_message(self.Changed(self, reading))
        tone = TONES[reading.tone]
        if not self.has_class(tone):
            self.remove_class(*TONES.values())
            self.add_class(tone)
        self.set_class(reading.paused, "paused")
        if self.clock.running and self.is_mounted and self.screen.is_current:
            delay = timer.seconds_until_change(reading.remaining_s)
            self._wake = self.set_timer(delay + WAKE_LATE_S, self.tick, name="clock")

    @property
    def sleeping(self) -> bool:
        """No wake-up is scheduled: the clock costs nothing until shown or changed."""
        return self._wake is None

    def _sleep(self) -> None:
        if self._wake is not None:
            self._wake.stop()
            self._wake = None

    def on_unmount(self) -> None:
        self._sleep()

    class Changed(Message):
        """The shown text changed (once a second while running): neighbours follow it."""

        def __init__(self, clock: TickingClock, reading: timer.Reading) -> None:
            super().__init__()
            self.clock = clock
            self.reading = reading

        @property
        def control(self) -> TickingClock:
            return self.clock


class Countdown(TickingClock, Digits):
    """The compact clock: ``Digits``, amber at the warning mark, red ``+`` overtime."""

    # Textual inherits CSS along the first base only, so Digits' own rules are repeated here
    DEFAULT_CSS = """
    Countdown {
        width: 1fr;
        height: auto;
        text-align: left;
        box-sizing: border-box;
    }
    """

    def __init__(self, config_timer: Timer, now: Callable[[], float], **kwargs) -> None:
        super().__init__(config_timer, now, **kwargs)
        self.update(timer.countdown_text(config_timer.presentation_minutes * 60))

    def paint(self, text: str) -> None:
        self.update(text)
