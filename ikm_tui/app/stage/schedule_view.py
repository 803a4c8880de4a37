"""The day's schedule on the console and the board: the header line, planned times, breaks.

Only with a ``[schedule]`` in the event; without one every function here returns nothing and
the widgets stay hidden. The arithmetic is :mod:`ikm_tui.domain.schedule`; this module only
turns a :class:`StageReading` and the time of day into words.

Nothing here refreshes on an interval: a widget showing forecast times asks
:func:`seconds_until_change` when the next of them can show another minute and sleeps until
then (:class:`NextChange`); while no figure moves with the time of day it does not wake at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import getters
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from ikm_tui.app.session_app import SessionApp
from ikm_tui.app.stage.reading import StageReading
from ikm_tui.app.text_update import set_text
from ikm_tui.domain import queue_rules as rules
from ikm_tui.domain import timer as timing
from ikm_tui.domain.config import Config
from ikm_tui.domain.schedule import (
    Forecast,
    Slot,
    forecast_day,
    minutes_of_day,
    minutes_until_shown_change,
    plan_day,
)
from ikm_tui.domain.schedule_config import clock_text
from ikm_tui.i18n import Messages

PROBE_S = 1.0  # the forecast a second on tells which figures move with the time of day
WAKE_LATE_S = 0.05  # wake just after a figure changes, never just before
SAME_INSTANT_S = 0.5  # a wake-up planned this close to the one already set is the same one


@dataclass(frozen=True)
class DayPlan:
    slots: list[Slot]
    forecast: Forecast


def day_plan(config: Config, snap: StageReading, now: float) -> DayPlan | None:
    """The plan and forecast of the day on stage at wall-clock ``now`` (None: no schedule)."""
    schedule = config.schedule
    if schedule is None:
        return None
    day = snap.state.day
    lineup = rules.day_order(snap.lineup, day)
    clock = snap.state.clock if snap.state.entrant else None
    reading = timing.reading(config.timer, clock, now) if clock is not None else None
    forecast = forecast_day(schedule, config.timer, day, lineup, clock, minutes_of_day(now), reading)
    return DayPlan(plan_day(schedule, config.timer, day, lineup), forecast)


def seconds_until_change(config: Config, snap: StageReading, now: float) -> float | None:
    """Seconds until a forecast time shown for ``snap`` may show another minute (None: not
    before something else changes: a write, or the stage clock's own tick)."""
    schedule = config.schedule
    here, later = day_plan(config, snap, now), day_plan(config, snap, now + PROBE_S)
    if schedule is None or here is None or later is None:
        return None
    minutes = minutes_until_shown_change(
        schedule, snap.state.day, minutes_of_day(now), here.forecast, later.forecast, PROBE_S / 60
    )
    return None if minutes is None else minutes * 60


class NextChange:
    """A widget's one pending wake-up for the next forecast change (never an interval).

    Planning the same instant again (the console re-plans on every tick of a running clock)
    keeps the timer already set rather than making a new one each second."""

    def __init__(self, widget: Widget, wake: Callable[[], None]) -> None:
        self.widget = widget
        self.wake = wake
        self.timer: Timer | None = None
        self.planned_s: float | None = None
        """Seconds to the planned wake-up, as planned (None: none planned)."""
        self._due = 0.0  # the wall-clock instant of the planned wake-up

    def plan(self, seconds: float | None, now: float) -> None:
        """Wake ``seconds`` after the wall-clock instant ``now`` (replacing any other plan);
        None: do not wake."""
        if seconds is None:
            self.stop()
            return
        due = now + seconds
        if self.timer is not None and abs(due - self._due) < SAME_INSTANT_S:
            return
        self.stop()
        self.planned_s, self._due = seconds, due
        self.timer = self.widget.set_timer(seconds + WAKE_LATE_S, self._woken, name="schedule")

    def stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self.planned_s = None

    def _woken(self) -> None:
        self.timer, self.planned_s = None, None
        self.wake()

    @property
    def sleeping(self) -> bool:
        return self.timer is None


def header_text(t: Messages, plan: DayPlan | None) -> str:
    """``terlambat 7 menit · perkiraan selesai 15:42``."""
    if plan is None:
        return ""
    forecast = plan.forecast
    if forecast.ends_at is None:
        return t("schedule.day_done")
    minutes = round(forecast.late_minutes)
    if minutes >= 1:
        late = t("schedule.late", minutes=minutes)
    elif minutes <= -1:
        late = t("schedule.early", minutes=-minutes)
    else:
        late = t("schedule.on_time")
    return f"{late} · {t('schedule.ends', time=clock_text(forecast.ends_at))}"


def about_text(t: Messages, plan: DayPlan | None, entrant: str) -> str:
    """``sekitar pukul 10:42`` for an entrant still to come; empty without a schedule."""
    if plan is None or entrant not in plan.forecast.starts:
        return ""
    return t("schedule.about", time=clock_text(plan.forecast.starts[entrant]))


class ScheduleLine(Static):
    """The console's header line; hidden without a schedule."""

    app = getters.app(SessionApp)

    def __init__(self, now: Callable[[], float], **kwargs) -> None:
        super().__init__("", **kwargs)
        self.now = now
        self.snapshot: StageReading | None = None
        self.next_change = NextChange(self, self.refresh_text)

    def on_mount(self) -> None:
        self.display = self.app.config.schedule is not None

    def on_unmount(self) -> None:
        self.next_change.stop()

    def show(self, snap: StageReading) -> None:
        self.snapshot = snap
        self.refresh_text()

    def refresh_text(self) -> None:
        """Show the forecast as of now and sleep until it can read differently; while its
        screen is not shown it sleeps (the screen calls this again when it comes back)."""
        if self.snapshot is None or not self.display:
            self.next_change.stop()
            return
        now = self.now()
        set_text(self, header_text(self.app.t, day_plan(self.app.config, self.snapshot, now)))
        shown = self.screen.is_current
        self.next_change.plan(
            seconds_until_change(self.app.config, self.snapshot, now) if shown else None, now
        )
