"""Stage timer arithmetic: what the clock shows is computed from stored instants, never ticks.

A presentation runs in phases: ``ready`` (entrant on stage, clock not started) ->
``presentation`` -> ``qa`` (skipped when ``qa_minutes = 0``) -> ``over``. The stored
:class:`Clock` holds the phase's start instant and the pauses so far; any process, at any time,
after any restart, computes the same remaining time from it. A phase that runs past zero keeps
going and counts overtime up; that overtime is banked when the phase ends, so the entrant's
overtime is the sum over both phases.

Instants are wall-clock seconds (``time.time()``) so they mean the same in every process and
after a restart; :class:`SessionClock` keeps them monotonic within one process.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace

from ikm_tui.domain.config import Timer

READY = "ready"
PRESENTATION = "presentation"
QA = "qa"
OVER = "over"
PHASES = (READY, PRESENTATION, QA, OVER)

NORMAL = "normal"
WARNING = "warning"
OVERTIME = "overtime"


class TimerError(Exception):
    """A timer action that does not fit the phase (start twice, pause when stopped ...)."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


@dataclass(frozen=True)
class Clock:
    """The timer as stored: enough to compute the reading at any instant."""

    phase: str = READY
    started_at: float | None = None  # when the current phase started (wall-clock seconds)
    paused_at: float | None = None  # set while paused
    paused_s: float = 0.0  # pauses already over, in the current phase
    banked_overtime_s: float = 0.0  # overtime of the phases already ended
    extra_s: float = 0.0  # time the moderator added (or took, negative) to the current phase

    @property
    def running(self) -> bool:
        return self.phase in (PRESENTATION, QA) and self.paused_at is None

    @property
    def paused(self) -> bool:
        return self.paused_at is not None


@dataclass(frozen=True)
class Reading:
    """What the clock shows at one instant."""

    phase: str
    remaining_s: float  # negative once the phase is over its time
    tone: str  # normal | warning | overtime
    paused: bool
    overtime_s: float  # this entrant's overtime so far, both phases

    @property
    def text(self) -> str:
        return countdown_text(self.remaining_s)


def phase_seconds(timer: Timer, phase: str) -> float:
    if phase in (READY, PRESENTATION):
        return timer.presentation_minutes * 60.0
    if phase == QA:
        return timer.qa_minutes * 60.0
    return 0.0


def elapsed(clock: Clock, now: float) -> float:
    if clock.started_at is None:
        return 0.0
    until = clock.paused_at if clock.paused_at is not None else now
    return max(0.0, until - clock.started_at - clock.paused_s)


def reading(timer: Timer, clock: Clock, now: float) -> Reading:
    if clock.phase == OVER:
        return Reading(OVER, 0.0, NORMAL, False, clock.banked_overtime_s)
    remaining = phase_seconds(timer, clock.phase) + clock.extra_s - elapsed(clock, now)
    if remaining <= 0:
        tone = OVERTIME
    elif remaining <= timer.warning_seconds:
        tone = WARNING
    else:
        tone = NORMAL
    return Reading(clock.phase, remaining, tone, clock.paused, clock.banked_overtime_s + max(0.0, -remaining))


def countdown_text(remaining_s: float) -> str:
    """``07:00`` counting down (a second shows until it is fully gone), then ``+00:12`` up."""
    if remaining_s > 0:
        whole = math.ceil(remaining_s - 1e-9)
        sign = ""
    else:
        whole = math.floor(-remaining_s + 1e-9)
        sign = "+"
    minutes, seconds = divmod(whole, 60)
    return f"{sign}{minutes:02d}:{seconds:02d}"


def overtime_text(overtime_s: float) -> str:
    """Recorded overtime as the queue shows it: empty when none, else ``+m:ss``."""
    whole = math.floor(overtime_s + 1e-9)
    if whole <= 0:
        return ""
    minutes, seconds = divmod(whole, 60)
    return f"+{minutes}:{seconds:02d}"


def start(clock: Clock, now: float) -> Clock:
    if clock.phase != READY:
        raise TimerError("timer.already_started")
    return Clock(PRESENTATION, now, None, 0.0, clock.banked_overtime_s, clock.extra_s)


def pause(clock: Clock, now: float) -> Clock:
    if not clock.running:
        raise TimerError("timer.not_running")
    return replace(clock, paused_at=now)


def resume(clock: Clock, now: float) -> Clock:
    if clock.paused_at is None:
        raise TimerError("timer.not_paused")
    return replace(clock, paused_at=None, paused_s=clock.paused_s + max(0.0, now - clock.paused_at))


ADJUST_STEP_S = 60.0


def adjust(timer: Timer, clock: Clock, seconds: float) -> Clock:
    """Add (or, negative, take) time to the current phase: ``+``/``-`` a minute on the console.

    Before the start it changes the presentation about to begin. A phase cannot be made shorter
    than nothing; taking a minute when less is left lands the clock in overtime.
    """
    if clock.phase == OVER:
        raise TimerError("timer.already_over")
    if phase_seconds(timer, clock.phase) + clock.extra_s + seconds < 0:
        raise TimerError("timer.too_short")
    return replace(clock, extra_s=clock.extra_s + seconds)


def toggle(clock: Clock, now: float) -> Clock:
    """The moderator's one key: start when ready, else pause or resume."""
    if clock.phase == READY:
        return start(clock, now)
    if clock.paused:
        return resume(clock, now)
    return pause(clock, now)


def end_phase(timer: Timer, clock: Clock, now: float) -> Clock:
    """Presentation -> Q&A (or straight to over without Q&A); Q&A -> over. Banks overtime."""
    if clock.phase not in (PRESENTATION, QA):
        raise TimerError("timer.not_started" if clock.phase == READY else "timer.already_over")
    banked = reading(timer, clock, now).overtime_s
    if clock.phase == PRESENTATION and timer.qa_minutes > 0:
        return Clock(QA, now, None, 0.0, banked)
    return Clock(OVER, None, None, 0.0, banked)


def finish(timer: Timer, clock: Clock, now: float) -> float:
    """The entrant leaves the stage: their total overtime, in seconds."""
    if clock.phase == READY:
        return 0.0
    return reading(timer, clock, now).overtime_s


class SessionClock:
    """Wall-clock seconds that never jump backwards within this process.

    Anchored to ``time.time()`` once, then advanced by ``time.monotonic()``: an NTP step
    during the session cannot make the timer jump, while the instants still mean the same
    wall-clock time to the board process and after a restart.
    """

    def __init__(self) -> None:
        self._wall0 = time.time()
        self._mono0 = time.monotonic()

    def __call__(self) -> float:
        return self._wall0 + (time.monotonic() - self._mono0)


def seconds_until_change(remaining_s: float) -> float:
    """How long until :func:`countdown_text` of a running clock shows another text.

    Counting down, ``07:00`` stands for remaining time in (419, 420] and changes once it is no
    more than 419; in overtime ``+00:12`` stands for (-13, -12] and changes at -13.
    """
    if remaining_s > 0:
        shown = math.ceil(remaining_s - 1e-9)
        return max(0.0, remaining_s - max(shown - 1, 0))
    shown = math.floor(-remaining_s + 1e-9)
    return max(0.0, shown + 1 + remaining_s)
