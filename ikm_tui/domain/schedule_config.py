"""The optional ``[schedule]`` of ``config.toml``: the day's plan, for "running late" and ETAs.

```toml
[schedule]
start = ["08:30", "08:30"]      # first presentation, one per day
changeover_minutes = 2
breaks = [{ day = 1, from = "12:00", to = "13:00", label = "ISHOMA" }]
```

Times are kept as minutes after midnight (plain integers: the event record stores them as they
are). Checked as strictly as the rest of the config: every key known, one start per event day,
times written ``HH:MM``, a break inside one day, ending after it begins, never overlapping
another break of the same day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ikm_tui.domain.config_checks import ErrorPlace, KeyPath, Spec, Table, check_table, dotted

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_SCHEDULE: Spec = {"start": ("list", None), "changeover_minutes": ("int", 0), "breaks": ("list", [])}
_BREAK: Spec = {"day": ("int", None), "from": ("time", None), "to": ("time", None), "label": ("str", None)}


@dataclass(frozen=True)
class Break:
    day: int
    start: int  # minutes after midnight
    end: int
    label: str


@dataclass(frozen=True)
class Schedule:
    start: tuple[int, ...]  # minutes after midnight, one per event day
    changeover_minutes: int = 0
    breaks: tuple[Break, ...] = ()

    def breaks_on(self, day: int) -> list[Break]:
        return sorted((b for b in self.breaks if b.day == day), key=lambda b: b.start)


def clock_text(minutes: float) -> str:
    """``08:30`` for minutes (or fractions of them) after midnight, rounded to the minute."""
    whole = int(round(minutes)) % (24 * 60)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def parse_schedule(raw: object, days: int, place: ErrorPlace) -> Schedule:
    path: KeyPath = ("schedule",)
    if not isinstance(raw, dict):
        raise place.error(path, "config.wrong_type", key="schedule", expected="table", got=repr(raw))
    values = _checked(raw, _SCHEDULE, path, place)
    starts = values["start"]
    if len(starts) != days:
        raise place.error(
            path + ("start",),
            "config.bad_starts",
            key="schedule.start",
            days=days,
            got=len(starts),
        )
    start = tuple(_time(value, path + ("start", i), place) for i, value in enumerate(starts))
    if values["changeover_minutes"] < 0:
        raise place.error(
            path + ("changeover_minutes",),
            "config.bad_value",
            key="schedule.changeover_minutes",
            expected=">= 0",
            got=values["changeover_minutes"],
        )
    breaks = tuple(_break(item, days, path + ("breaks", i), place) for i, item in enumerate(values["breaks"]))
    for day in range(1, days + 1):
        on_day = sorted((b for b in enumerate(breaks) if b[1].day == day), key=lambda b: b[1].start)
        for (_, earlier), (index, later) in zip(on_day, on_day[1:]):
            if later.start < earlier.end:
                key = path + ("breaks", index, "from")
                raise place.error(
                    key,
                    "config.break_overlap",
                    key=dotted(key),
                    time=clock_text(earlier.end),
                    label=earlier.label,
                    got=clock_text(later.start),
                )
    return Schedule(start, values["changeover_minutes"], breaks)


def _checked(raw: Table, spec: Spec, path: KeyPath, place: ErrorPlace) -> Table:
    """Like :func:`check_table`, for the two kinds only a schedule has (lists, times)."""
    plain = {k: v for k, v in spec.items() if v[0] not in ("list", "time")}
    values = check_table({k: v for k, v in raw.items() if k in plain or k not in spec}, plain, path, place)
    for key, (kind, default) in spec.items():
        if kind == "list":
            if key not in raw:
                if default is None:
                    raise place.error(path, "config.missing_key", key=dotted(path + (key,)))
                values[key] = default
            elif not isinstance(raw[key], list):
                raise place.error(
                    path + (key,),
                    "config.wrong_type",
                    key=dotted(path + (key,)),
                    expected="array",
                    got=repr(raw[key]),
                )
            else:
                values[key] = raw[key]
        elif kind == "time":
            if key not in raw:
                raise place.error(path, "config.missing_key", key=dotted(path + (key,)))
            values[key] = _time(raw[key], path + (key,), place)
    return values


def _break(raw: object, days: int, path: KeyPath, place: ErrorPlace) -> Break:
    if not isinstance(raw, dict):
        raise place.error(path, "config.wrong_type", key=dotted(path), expected="table", got=repr(raw))
    values = _checked(raw, _BREAK, path, place)
    if not 1 <= values["day"] <= days:
        raise place.error(
            path + ("day",),
            "config.bad_value",
            key=dotted(path + ("day",)),
            expected=f"1..{days}",
            got=values["day"],
        )
    if values["to"] <= values["from"]:
        raise place.error(
            path + ("to",),
            "config.break_end",
            key=dotted(path + ("to",)),
            time=clock_text(values["from"]),
            got=clock_text(values["to"]),
        )
    if not values["label"]:
        raise place.error(path + ("label",), "config.no_label", key=dotted(path + ("label",)), got='""')
    return Break(values["day"], values["from"], values["to"], values["label"])


def _time(value: object, path: KeyPath, place: ErrorPlace) -> int:
    if isinstance(value, dt.time):
        return value.hour * 60 + value.minute
    match = _TIME.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise place.error(path, "config.bad_time", key=dotted(path), got=repr(value))
    return int(match.group(1)) * 60 + int(match.group(2))
