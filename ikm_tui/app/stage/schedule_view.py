"""The day's schedule on the console and the board: the header line, planned times, breaks.

Only with a ``[schedule]`` in the event; without one every function here returns nothing and
the widgets stay hidden. The arithmetic is :mod:`ikm_tui.domain.schedule`; this module only
turns a :class:`StageReading` and the time of day into words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import getters
from textual.widgets import Static

from ikm_tui.app.session_app import SessionApp
from ikm_tui.app.stage.reading import StageReading
from ikm_tui.app.text_update import set_text
from ikm_tui.domain import queue_rules as rules
from ikm_tui.domain import timer as timing
from ikm_tui.domain.config import Config
from ikm_tui.domain.schedule import Forecast, Slot, forecast_day, minutes_of_day, plan_day
from ikm_tui.domain.schedule_config import clock_text
from ikm_tui.i18n import Messages

REFRESH_S = 20.0  # with nobody on stage the forecast moves with the time of day, slowly


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

    def on_mount(self) -> None:
        self.display = self.app.config.schedule is not None
        if self.display:
            self.set_interval(REFRESH_S, self.refresh_text, name="schedule-line")

    def show(self, snap: StageReading) -> None:
        self.snapshot = snap
        self.refresh_text()

    def refresh_text(self) -> None:
        if self.snapshot is not None and self.display:
            plan = day_plan(self.app.config, self.snapshot, self.now())
            set_text(self, header_text(self.app.t, plan))
