"""The day's plan and how the day is really going: planned slots, forecast, lateness, end.

Everything here is in minutes after midnight (floats where the clock's seconds matter). A slot
lasts the presentation plus the Q&A; ``changeover_minutes`` separate two presentations.
Breaks are fixed in the hall's day: a presentation that would run into a break starts after
it (nobody is cut off by lunch), so breaks also absorb or pass on lateness as a real day does.

* :func:`plan_day` — the plan: each entrant of the day's queue in order (those still in the
  event), with the breaks between them.
* :func:`forecast_day` — the same queue from *now*: the entrant on stage ends when their clock
  says, everyone after follows; lateness is forecast minus plan for the entrant on stage (their
  end) or the next one up (their start); the day ends when the last forecast slot does.

Pure: the console, the board and the CLI pass in the queue, the stage clock and the time of day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ikm_tui.domain import queue_rules as rules
from ikm_tui.domain import timer as timing
from ikm_tui.domain.config import Timer
from ikm_tui.domain.queue_rules import Entry
from ikm_tui.domain.schedule_config import Break, Schedule

OUT = (rules.WITHDRAWN, rules.FORFEIT)  # no longer presenting: no slot
STILL_TO_COME = rules.CALLABLE


@dataclass(frozen=True)
class Slot:
    """One line of the day: an entrant's presentation, or a break (``entrant`` None)."""

    start: float  # minutes after midnight
    end: float
    entrant: str | None = None
    label: str = ""  # the break's name

    @property
    def is_break(self) -> bool:
        return self.entrant is None


@dataclass(frozen=True)
class Forecast:
    """How the day is going at one instant."""

    late_minutes: float  # positive: running late; negative: ahead of plan
    ends_at: float | None  # when the last presentation of the day should end (None: all done)
    starts: dict[str, float]  # forecast start of each entrant still to come


def slot_minutes(timer: Timer) -> float:
    return float(timer.presentation_minutes + timer.qa_minutes)


def plan_day(schedule: Schedule, timer: Timer, day: int, queue: list[Entry]) -> list[Slot]:
    """The planned day: presentations in queue order from the day's start, breaks between."""
    entrants = [e.entrant for e in queue if e.day == day and e.status not in OUT]
    breaks = schedule.breaks_on(day)
    slots, _ = _follow(entrants, float(schedule.start[day - 1]), schedule, timer, breaks)
    return _with_breaks(slots, breaks)


def forecast_day(
    schedule: Schedule,
    timer: Timer,
    day: int,
    queue: list[Entry],
    clock: timing.Clock | None,
    now_minutes: float,
    reading: timing.Reading | None = None,
) -> Forecast:
    """The day from ``now_minutes``; ``clock``/``reading`` are the stage's when someone presents."""
    plan = {s.entrant: s for s in plan_day(schedule, timer, day, queue) if not s.is_break}
    ordered = [e for e in queue if e.day == day and e.status not in OUT]
    on_stage = next((e for e in ordered if e.status == rules.ON_STAGE and clock is not None), None)
    waiting = [e.entrant for e in ordered if e.status in STILL_TO_COME]
    breaks = schedule.breaks_on(day)
    late, ends_at = 0.0, None
    if on_stage is not None and clock is not None:
        ends_at = now_minutes + _left_on_stage(timer, clock, reading) / 60
        late = ends_at - plan[on_stage.entrant].end
        at = ends_at + schedule.changeover_minutes
    else:
        at = max(now_minutes, float(schedule.start[day - 1]))
    slots, _ = _follow(waiting, at, schedule, timer, breaks)
    if slots:
        ends_at = slots[-1].end
        if on_stage is None:
            late = slots[0].start - plan[slots[0].entrant or ""].start
    return Forecast(late, ends_at, {s.entrant or "": s.start for s in slots})


def _left_on_stage(timer: Timer, clock: timing.Clock, reading: timing.Reading | None) -> float:
    """Seconds until the entrant on stage should leave it: the current phase, then the Q&A."""
    qa = timer.qa_minutes * 60.0
    if clock.phase == timing.READY:
        return timer.presentation_minutes * 60.0 + clock.extra_s + qa
    if clock.phase == timing.OVER or reading is None:
        return 0.0
    left = max(0.0, reading.remaining_s)
    return left + qa if clock.phase == timing.PRESENTATION else left


def _follow(
    entrants: list[str], at: float, schedule: Schedule, timer: Timer, breaks: list[Break]
) -> tuple[list[Slot], float]:
    """Presentations one after another from ``at``, each placed clear of the breaks."""
    length = slot_minutes(timer)
    slots = []
    for entrant in entrants:
        start = _clear_of_breaks(at, length, breaks)
        slots.append(Slot(start, start + length, entrant))
        at = start + length + schedule.changeover_minutes
    return slots, at


def _clear_of_breaks(start: float, length: float, breaks: list[Break]) -> float:
    """The earliest start from ``start`` at which a slot of ``length`` overlaps no break."""
    moved = True
    while moved:
        moved = False
        for pause in breaks:
            if start < pause.end and start + length > pause.start:
                start, moved = float(pause.end), True
    return start


def _with_breaks(slots: list[Slot], breaks: list[Break]) -> list[Slot]:
    lines = slots + [Slot(float(b.start), float(b.end), None, b.label) for b in breaks]
    return sorted(lines, key=lambda s: (s.start, not s.is_break))


def minutes_of_day(epoch_seconds: float) -> float:
    """Local time of day, in minutes after midnight, of a wall-clock instant.

    The plan is a time of day: a rehearsal on another date reads the day as if it were today.
    """
    local = dt.datetime.fromtimestamp(epoch_seconds)
    return local.hour * 60 + local.minute + (local.second + local.microsecond / 1e6) / 60


ROUNDING_EDGE = 0.5
"""Forecast times are shown rounded to the minute: a figure shows another minute when its
fraction crosses one half."""


def minutes_until_shown_change(
    schedule: Schedule,
    day: int,
    now_minutes: float,
    now: Forecast,
    later: Forecast,
    later_by: float,
) -> float | None:
    """Minutes from ``now_minutes`` until a rounded figure of the forecast may show another
    minute; None while no figure can move until something else happens (a write, the clock).

    ``later`` is the same forecast ``later_by`` minutes on. A figure that moved by that much
    moves with the time of day (nobody on stage after the start, a paused or overrunning
    clock): it changes when its fraction next crosses one half. Figures that stand still start
    moving again only at the day's start or the end of a break, so those are woken for too.
    A slot pushed past a break jumps: between two wake-ups that is seen at the next half
    minute; a jump between ``now`` and ``later`` is looked at again at ``later``.
    """
    figures_now, figures_later = _figures(now), _figures(later)
    waits: list[float] = []
    for key, value in figures_now.items():
        moved = figures_later.get(key, value) - value
        if abs(moved - later_by) < later_by / 2:  # moves with the clock
            waits.append((ROUNDING_EDGE - value) % 1.0 or 1.0)
        elif abs(moved) > later_by / 2:  # jumped (past a break) right now: look again then
            waits.append(later_by)
    edges = [float(schedule.start[day - 1])] + [float(b.end) for b in schedule.breaks_on(day)]
    waits += [edge - now_minutes for edge in edges if edge > now_minutes]
    return min(waits) if waits else None


def _figures(forecast: Forecast) -> dict[str, float]:
    figures = {"late": forecast.late_minutes, **{f"start {k}": v for k, v in forecast.starts.items()}}
    if forecast.ends_at is not None:
        figures["end"] = forecast.ends_at
    return figures
