"""The event as ``config.toml`` describes it, read into frozen, typed structures.

Every number, name and criterion of an event comes from here, so the loader is strict: an
unknown key, a wrong type or a dangling reference is an :class:`InputError` naming the key and,
where the file shows it, the line — before anything touches the session database.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

from ikm_tui.domain.config_checks import (
    ErrorPlace,
    KeyPath,
    Place,
    Spec,
    Table,
    check_id,
    check_scale,
    check_table,
    check_unique,
    check_unique_days,
    check_unique_labels,
    require_items,
)
from ikm_tui.domain.errors import InputError
from ikm_tui.domain.roster import read_roster
from ikm_tui.domain.schedule_config import Schedule, parse_schedule

AGGREGATES = ("mean", "trimmed_mean", "median")
TRIM_SCOPES = ("total", "criterion")


@dataclass(frozen=True)
class Event:
    title: str
    organiser: str
    venue: str
    days: tuple[dt.date, ...]
    language: str
    database: Path
    head_title: str = ""
    head_name: str = ""


@dataclass(frozen=True)
class Timer:
    presentation_minutes: int
    qa_minutes: int
    warning_seconds: int


@dataclass(frozen=True)
class Scoring:
    min: Decimal
    max: Decimal
    step: Decimal
    aggregate: str
    trim: int
    trim_scope: str
    tie_break: tuple[str, ...]


@dataclass(frozen=True)
class Judging:
    access_codes: bool
    divergence: Decimal


@dataclass(frozen=True)
class FeedbackOptions:
    """``[feedback]``: how the start-ups' reports are written."""

    attribute_notes: bool = False  # name the judge under each note (unattributed by default)


@dataclass(frozen=True)
class Criterion:
    id: str
    name: str
    weight: Decimal
    min: Decimal
    max: Decimal
    step: Decimal
    description: str = ""

    def accepts(self, value: Decimal) -> bool:
        """On the scale and a whole number of steps from its minimum."""
        allowed = self._allowed
        if allowed is not None:
            return value in allowed
        return self.min <= value <= self.max and (value - self.min) % self.step == 0

    @cached_property
    def _allowed(self) -> frozenset[Decimal] | None:
        """Every value on the scale, for O(1) checks while importing thousands of sheets;
        None when the scale is too fine to list."""
        count = (self.max - self.min) / self.step + 1
        if count > 100_000:
            return None
        return frozenset(self.min + i * self.step for i in range(int(count)))


@dataclass(frozen=True)
class Judge:
    id: str
    name: str
    title: str = ""


@dataclass(frozen=True)
class Category:
    id: str
    name: str


@dataclass(frozen=True)
class Prize:
    label: str
    count: int
    amount: int


@dataclass(frozen=True)
class Entrant:
    id: str
    name: str
    business: str
    category: str
    day: int


@dataclass(frozen=True)
class Backup:
    """Where and how often the moderator console copies the session off the laptop."""

    targets: tuple[Path, ...]
    every_minutes: int | None  # None: after every committed change
    keep: int


@dataclass(frozen=True)
class Config:
    path: Path
    event: Event
    timer: Timer
    scoring: Scoring
    judging: Judging
    criteria: tuple[Criterion, ...]
    judges: tuple[Judge, ...]
    categories: tuple[Category, ...]
    prizes: tuple[Prize, ...]
    entrants: tuple[Entrant, ...]
    backup: Backup | None = None
    schedule: Schedule | None = None  # the optional day's plan ([schedule])
    _index: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)
    feedback: FeedbackOptions = field(default_factory=FeedbackOptions)

    def __post_init__(self) -> None:
        self._index.update(
            criterion={c.id: c for c in self.criteria},
            judge={j.id: j for j in self.judges},
            category={c.id: c for c in self.categories},
            entrant={e.id: e for e in self.entrants},
        )

    def criterion(self, criterion_id: str) -> Criterion:
        found: Criterion = self._index["criterion"][criterion_id]
        return found

    def judge(self, judge_id: str) -> Judge:
        found: Judge = self._index["judge"][judge_id]
        return found

    def category(self, category_id: str) -> Category:
        found: Category = self._index["category"][category_id]
        return found

    def entrant(self, entrant_id: str) -> Entrant:
        found: Entrant = self._index["entrant"][entrant_id]
        return found

    def has(self, kind: str, item_id: str) -> bool:
        return item_id in self._index[kind]

    def prize_slots(self) -> tuple[Prize, ...]:
        """One prize per place, handed down the ranking in config order."""
        return tuple(p for p in self.prizes for _ in range(p.count))

    def fingerprint(self) -> str:
        """What binds a session database to this event (title and days)."""
        return f"{self.event.title}|{','.join(d.isoformat() for d in self.event.days)}"


_EVENT = {
    "title": ("str", None),
    "organiser": ("str", ""),
    "venue": ("str", ""),
    "days": ("date_list", None),
    "language": ("str", "id"),
    "database": ("str", "ikm-session.db"),
    "head_title": ("str", ""),
    "head_name": ("str", ""),
}
_TIMER = {
    "presentation_minutes": ("int", 7),
    "qa_minutes": ("int", 3),
    "warning_seconds": ("int", 60),
}
_SCORING = {
    "min": ("number", 1),
    "max": ("number", 10),
    "step": ("number", 1),
    "aggregate": ("str", "mean"),
    "trim": ("int", 1),
    "trim_scope": ("str", "total"),
    "tie_break": ("str_list", []),
}
_JUDGING = {"access_codes": ("bool", True), "divergence": ("number", 15)}
_FEEDBACK = {"attribute_notes": ("bool", False)}
_CRITERION = {
    "id": ("str", None),
    "name": ("str", None),
    "weight": ("number", None),
    "min": ("number", "inherit"),
    "max": ("number", "inherit"),
    "step": ("number", "inherit"),
    "description": ("str", ""),
}
_JUDGE = {"id": ("str", None), "name": ("str", None), "title": ("str", "")}
_CATEGORY = {"id": ("str", None), "name": ("str", None)}
_PRIZE = {"label": ("str", None), "count": ("int", None), "amount": ("int", None)}
ENTRANT_FIELDS = {
    "id": ("str", None),
    "name": ("str", None),
    "business": ("str", None),
    "category": ("str", None),
    "day": ("int", None),
}
_TOP = {
    "event": "table",
    "timer": "table",
    "scoring": "table",
    "judging": "table",
    "feedback": "table",
    "criteria": "array",
    "judges": "array",
    "categories": "array",
    "prizes": "array",
    "entrants": "array",
    "roster": "str",
    "backup": "table",
    "schedule": "table",
}


def load_config(path: Path | str) -> Config:
    """Read and check ``config.toml``; raise :class:`InputError` on the first problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "config.not_found") from None
    except OSError as exc:
        raise InputError(str(path), "config.unreadable", detail=exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise InputError(str(path), "config.not_utf8") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), "config.syntax", detail=str(exc)) from None
    return parse_config(data, Place(path, text))


def parse_config(data: Table, place: Place) -> Config:
    for key, value in data.items():
        kind = _TOP.get(key)
        if kind is None:
            raise place.error((key,), "config.unknown_key", key=key)
        expected = {"table": dict, "array": list, "str": str}[kind]
        if not isinstance(value, expected) or (
            kind == "array" and not all(isinstance(v, dict) for v in value)
        ):
            raise place.error((key,), "config.wrong_type", key=key, expected=kind, got=_kind(value))
    if "event" not in data:
        raise place.error((), "config.missing_key", key="event")

    event = _event(check_table(data["event"], _EVENT, ("event",), place), place)
    timer = _timer(check_table(data.get("timer", {}), _TIMER, ("timer",), place), place)
    scoring_raw = check_table(data.get("scoring", {}), _SCORING, ("scoring",), place)
    check_scale(scoring_raw, ("scoring",), place)
    judging = Judging(**check_table(data.get("judging", {}), _JUDGING, ("judging",), place))
    if judging.divergence < 0:
        raise place.error(
            ("judging", "divergence"),
            "config.bad_value",
            key="judging.divergence",
            expected=">= 0",
            got=judging.divergence,
        )

    criteria = tuple(_criteria(data, scoring_raw, place))
    scoring = _scoring(scoring_raw, criteria, place)
    judges = tuple(
        Judge(**_item(item, _JUDGE, ("judges", i), place))
        for i, item in enumerate(require_items(data, "judges", place))
    )
    check_unique([j.id for j in judges], "judges", place)
    categories = tuple(
        Category(**_item(item, _CATEGORY, ("categories", i), place))
        for i, item in enumerate(require_items(data, "categories", place))
    )
    check_unique([c.id for c in categories], "categories", place)
    prizes = tuple(_prizes(data, place))
    entrants = tuple(_entrants(data, event, {c.id for c in categories}, place))

    places = sum(p.count for p in prizes)
    if places > len(entrants):
        raise place.error(("prizes",), "config.too_many_prizes", places=places, entrants=len(entrants))
    backup = parse_backup(data["backup"], place) if "backup" in data else None
    schedule = parse_schedule(data["schedule"], len(event.days), place) if "schedule" in data else None
    feedback = FeedbackOptions(**check_table(data.get("feedback", {}), _FEEDBACK, ("feedback",), place))
    return Config(
        place.path.resolve(),
        event,
        timer,
        scoring,
        judging,
        criteria,
        judges,
        categories,
        prizes,
        entrants,
        backup,
        schedule,
        feedback=feedback,
    )


_BACKUP = {"to": ("str_list", None), "every": ("change_or_minutes", "change"), "keep": ("int", 20)}


def parse_backup(raw: Table, place: Place) -> Backup:
    """``[backup]``: folders relative to the config file; ``every`` is "change" or minutes."""
    values = check_table(raw, _BACKUP, ("backup",), place)
    if not values["to"] or any(not folder for folder in values["to"]):
        raise place.error(
            ("backup", "to"),
            "config.bad_folders",
            key="backup.to",
            got=values["to"],
        )
    if values["keep"] < 1:
        raise place.error(
            ("backup", "keep"), "config.bad_value", key="backup.keep", expected=">= 1", got=values["keep"]
        )
    base = place.path.resolve().parent
    targets = tuple(base / folder for folder in values["to"])  # an absolute folder stays itself
    every = values["every"]
    return Backup(targets, None if every == "change" else every, values["keep"])


def _item(raw: Table, spec: Spec, path: KeyPath, place: ErrorPlace) -> Table:
    values = check_table(raw, spec, path, place)
    if "id" in values:
        check_id(values["id"], path + ("id",), place)
    return values


def _event(values: Table, place: Place) -> Event:
    if values["language"] not in ("id", "en"):
        raise place.error(
            ("event", "language"),
            "config.bad_value",
            key="event.language",
            expected='"id" | "en"',
            got=repr(values["language"]),
        )
    if not values["days"]:
        raise place.error(("event", "days"), "config.no_items", key="event.days")
    check_unique_days(values["days"], place)
    database = Path(values["database"])
    if not database.is_absolute():
        database = place.path.resolve().parent / database
    return Event(**{**values, "days": tuple(values["days"]), "database": database})


def _timer(values: Table, place: Place) -> Timer:
    for key, low in (("presentation_minutes", 1), ("qa_minutes", 0), ("warning_seconds", 0)):
        if values[key] < low:
            raise place.error(
                ("timer", key), "config.bad_value", key=f"timer.{key}", expected=f">= {low}", got=values[key]
            )
    if values["warning_seconds"] >= values["presentation_minutes"] * 60:
        raise place.error(
            ("timer", "warning_seconds"),
            "config.bad_value",
            key="timer.warning_seconds",
            expected="< presentation_minutes x 60",
            got=values["warning_seconds"],
        )
    return Timer(**values)


def _criteria(data: Table, scale: Table, place: Place) -> Iterator[Criterion]:
    items = require_items(data, "criteria", place)
    seen = []
    for i, item in enumerate(items):
        values = _item(item, _CRITERION, ("criteria", i), place)
        for key in ("min", "max", "step"):
            if values[key] == "inherit":
                values[key] = scale[key]
        check_scale(values, ("criteria", i), place)
        if values["weight"] <= 0:
            raise place.error(
                ("criteria", i, "weight"),
                "config.bad_value",
                key=f"criteria[{i + 1}].weight",
                expected="> 0",
                got=values["weight"],
            )
        if values["id"] in ("judge", "entrant", "recused", "note"):
            raise place.error(
                ("criteria", i, "id"), "config.reserved_id", key=f"criteria[{i + 1}].id", value=values["id"]
            )
        seen.append(values["id"])
        yield Criterion(**values)
    check_unique(seen, "criteria", place)


def _scoring(values: Table, criteria: tuple[Criterion, ...], place: Place) -> Scoring:
    for key, allowed in (("aggregate", AGGREGATES), ("trim_scope", TRIM_SCOPES)):
        if values[key] not in allowed:
            raise place.error(
                ("scoring", key),
                "config.bad_value",
                key=f"scoring.{key}",
                expected=" | ".join(f'"{a}"' for a in allowed),
                got=repr(values[key]),
            )
    if values["trim"] < 0:
        raise place.error(
            ("scoring", "trim"), "config.bad_value", key="scoring.trim", expected=">= 0", got=values["trim"]
        )
    known = {c.id for c in criteria}
    for name in values["tie_break"]:
        if name not in known:
            raise place.error(
                ("scoring", "tie_break"),
                "config.unknown_ref",
                key="scoring.tie_break",
                value=name,
                kind="criteria",
            )
    if len(set(values["tie_break"])) != len(values["tie_break"]):
        raise place.error(
            ("scoring", "tie_break"),
            "config.duplicate_id",
            key="scoring.tie_break",
            value=", ".join(values["tie_break"]),
        )
    return Scoring(**{**values, "tie_break": tuple(values["tie_break"])})


def _prizes(data: Table, place: Place) -> list[Prize]:
    prizes: list[Prize] = []
    for i, item in enumerate(require_items(data, "prizes", place)):
        values = _item(item, _PRIZE, ("prizes", i), place)
        for key, low in (("count", 1), ("amount", 0)):
            if values[key] < low:
                raise place.error(
                    ("prizes", i, key),
                    "config.bad_value",
                    key=f"prizes[{i + 1}].{key}",
                    expected=f">= {low}",
                    got=values[key],
                )
        prizes.append(Prize(**values))
    check_unique_labels([p.label for p in prizes], "prizes", place)
    return prizes


def _entrants(data: Table, event: Event, categories: set[str], place: Place) -> Iterator[Entrant]:
    if "roster" in data and "entrants" in data:
        raise place.error(("roster",), "config.roster_and_entrants")
    rows: list[tuple[KeyPath, Table, ErrorPlace]]
    if "roster" in data:
        roster_path = Path(data["roster"])
        if not roster_path.is_absolute():
            roster_path = place.path.resolve().parent / roster_path
        rows = list(read_roster(roster_path, ENTRANT_FIELDS))
    else:
        rows = [
            (("entrants", i), _item(item, ENTRANT_FIELDS, ("entrants", i), place), place)
            for i, item in enumerate(require_items(data, "entrants", place))
        ]
    seen = []
    for path, values, where in rows:
        label = _label(path)
        if values["category"] not in categories:
            raise where.error(
                path + ("category",),
                "config.unknown_ref",
                key=f"{label}.category",
                value=values["category"],
                kind="categories",
            )
        if not 1 <= values["day"] <= len(event.days):
            raise where.error(
                path + ("day",),
                "config.bad_value",
                key=f"{label}.day",
                expected=f"1..{len(event.days)}",
                got=values["day"],
            )
        seen.append(values["id"])
        yield Entrant(**values)
    if not seen:
        raise place.error(("entrants",), "config.no_items", key="entrants")
    check_unique(seen, "entrants", place)


def _label(path: KeyPath) -> str:
    return f"{path[0]}[{int(path[1]) + 1}]" if len(path) > 1 else str(path[0])


def _kind(value: object) -> str:
    return {
        dict: "table",
        list: "array",
        str: "string",
        bool: "boolean",
        int: "integer",
        float: "number",
    }.get(type(value), type(value).__name__)
