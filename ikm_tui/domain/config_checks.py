"""Small checks shared by the config loader and the roster reader.

A :class:`Place` knows the file's text, so an error about ``entrants[4].category`` can name the
line it stands on — what a person fixing the file needs first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from ikm_tui.domain.errors import InputError

KeyPath = tuple[str | int, ...]
"""Where in the file: ``("entrants", 3, "day")``."""
Spec = Mapping[str, tuple[str, object]]
"""``{key: (kind, default)}``: what a table may hold; default None means required."""
Table = dict[str, Any]
"""A TOML table (or CSV row) as read, before its values are checked."""


class ErrorPlace(Protocol):
    """A :class:`Place` or a :class:`RowPlace`: makes an error that names where it is."""

    def error(self, key_path: KeyPath, code: str, **params: object) -> InputError: ...


_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-]+)\s*\]")
_ID = re.compile(r"^[A-Za-z0-9_\-]+$")


@dataclass(frozen=True)
class Place:
    """A TOML file and its text: turns a key path into ``file:line``."""

    path: Path
    text: str = ""

    def error(self, key_path: KeyPath, code: str, **params: object) -> InputError:
        line = self.line_of(key_path)
        where = f"{self.path}:{line}" if line else str(self.path)
        return InputError(where, code, **params)

    def line_of(self, key_path: KeyPath) -> int | None:
        """Best-effort line of ``("entrants", 3, "day")``; None where the text does not show it."""
        if not key_path or not self.text:
            return None
        table = key_path[0]
        index = key_path[1] if len(key_path) > 1 and isinstance(key_path[1], int) else None
        key = key_path[-1] if isinstance(key_path[-1], str) and len(key_path) > 1 else None
        counts: dict[str, int] = {}
        current, current_index, header_line = None, None, None
        for number, line in enumerate(self.text.splitlines(), 1):
            match = _HEADER.match(line)
            if match:
                current = match.group(2)
                if match.group(1) == "[[":
                    counts[current] = counts.get(current, -1) + 1
                    current_index = counts[current]
                else:
                    current_index = None
                if current == table and index in (None, current_index) and header_line is None:
                    header_line = number
                continue
            if current is None and len(key_path) == 1 and re.match(rf"^\s*{re.escape(str(table))}\s*=", line):
                return number
            in_target = current == table and index in (None, current_index)
            if in_target and key and re.match(rf"^\s*{re.escape(str(key))}\s*=", line):
                return number
        return header_line


@dataclass(frozen=True)
class RowPlace:
    """A CSV row: every error names ``file:line``."""

    path: Path
    line: int

    def error(self, key_path: KeyPath, code: str, **params: object) -> InputError:
        return InputError(f"{self.path}:{self.line}", code, **params)


def dotted(path: KeyPath) -> str:
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts[-1] = f"{parts[-1]}[{part + 1}]"
        else:
            parts.append(str(part))
    return ".".join(parts)


def check_table(raw: Table, spec: Spec, path: KeyPath, place: ErrorPlace) -> Table:
    """Typed values for ``spec = {key: (type, default)}``; default None means required."""
    for key in raw:
        if key not in spec:
            raise place.error(path + (key,), "config.unknown_key", key=dotted(path + (key,)))
    values: Table = {}
    for key, (kind, default) in spec.items():
        if key not in raw:
            if default is None:
                raise place.error(path, "config.missing_key", key=dotted(path + (key,)))
            values[key] = Decimal(str(default)) if kind == "number" and default != "inherit" else default
            continue
        values[key] = convert(raw[key], kind, path + (key,), place)
    return values


_EXPECTED = {
    "str": "string",
    "int": "integer",
    "number": "number",
    "bool": "true | false",
    "str_list": "list of strings",
    "date_list": "list of dates (YYYY-MM-DD)",
    "change_or_minutes": '"change" | minutes (integer >= 1)',
}


def convert(value: object, kind: str, path: KeyPath, place: ErrorPlace) -> Any:
    def wrong() -> InputError:
        return place.error(
            path, "config.wrong_type", key=dotted(path), expected=_EXPECTED[kind], got=repr(value)
        )

    if kind == "str":
        if not isinstance(value, str):
            raise wrong()
        return value.strip()
    if kind == "bool":
        if not isinstance(value, bool):
            raise wrong()
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise wrong()
        return value
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise wrong()
        if isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
            raise wrong()
        return Decimal(str(value))
    if kind == "str_list":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise wrong()
        return [v.strip() for v in value]
    if kind == "change_or_minutes":
        if value == "change" or (isinstance(value, int) and not isinstance(value, bool) and value >= 1):
            return value
        raise wrong()
    if kind == "date_list":
        if not isinstance(value, list):
            raise wrong()
        days: list[dt.date] = []
        for item in value:
            if isinstance(item, dt.date) and not isinstance(item, dt.datetime):
                days.append(item)
                continue
            try:
                days.append(dt.date.fromisoformat(item))  # a non-string is a TypeError, caught
            except (TypeError, ValueError):
                raise wrong() from None
        return days
    raise AssertionError(kind)


def check_scale(values: Table, path: KeyPath, place: ErrorPlace) -> None:
    low, high, step = values["min"], values["max"], values["step"]
    if high <= low:
        raise place.error(
            path + ("max",),
            "config.bad_value",
            key=dotted(path + ("max",)),
            expected=f"> min ({low})",
            got=high,
        )
    if step <= 0:
        raise place.error(
            path + ("step",), "config.bad_value", key=dotted(path + ("step",)), expected="> 0", got=step
        )
    if (high - low) % step != 0:
        raise place.error(
            path + ("step",),
            "config.step_not_divide",
            key=dotted(path + ("step",)),
            step=step,
            low=low,
            high=high,
        )


def check_id(value: str, path: KeyPath, place: ErrorPlace) -> None:
    if not _ID.match(value):
        raise place.error(path, "config.bad_id", key=dotted(path), got=repr(value))


def check_unique(ids: list[str], kind: str, place: ErrorPlace) -> None:
    """Ids are unique, and not only by case: ``E01`` and ``e01`` would be one entrant to a person
    reading the berita acara and two to the program."""
    seen: dict[str, str] = {}
    for index, item in enumerate(ids):
        other = seen.get(item.casefold())
        if other == item:
            raise place.error(
                (kind, index, "id"), "config.duplicate_id", key=f"{kind}[{index + 1}].id", value=item
            )
        if other is not None:
            raise place.error(
                (kind, index, "id"),
                "config.case_duplicate_id",
                key=f"{kind}[{index + 1}].id",
                value=item,
                other=other,
            )
        seen[item.casefold()] = item


def check_unique_labels(labels: list[str], kind: str, place: ErrorPlace) -> None:
    """Prize labels name the tiers on the reveal and in the minutes: two tiers both called
    "Juara I" (in any case or spacing) would show one tier's banner for the other."""
    seen: dict[str, int] = {}
    for index, label in enumerate(labels):
        key = " ".join(label.split()).casefold()
        if key in seen:
            raise place.error(
                (kind, index, "label"),
                "config.duplicate_label",
                key=f"{kind}[{index + 1}].label",
                value=label,
                first=seen[key] + 1,
            )
        seen[key] = index


def check_unique_days(days: list[dt.date], place: ErrorPlace) -> None:
    seen: set[dt.date] = set()
    for day in days:
        if day in seen:
            raise place.error(
                ("event", "days"), "config.duplicate_day", key="event.days", value=day.isoformat()
            )
        seen.add(day)


def require_items(data: Table, key: str, place: ErrorPlace) -> list[Table]:
    items: list[Table] = data.get(key) or []
    if not items:
        raise place.error((key,), "config.no_items", key=key)
    return items
