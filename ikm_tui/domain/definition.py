"""The event definition as the session database records it: plain JSON values, and back.

``config.toml`` describes an event; the session database *records* it once, when the session is
created, and every screen and command works from that record (see PRODUCT.md, "The event
record"). The record is the :class:`~ikm_tui.domain.config.Config` itself, encoded field by
field from its dataclasses: a section added to the config later is recorded and compared
without touching this module, and an older record decodes with that section's defaults.

Three things are not part of the event but of the machine it runs on, and never recorded: the
config file's own path, the database path (``event.database``) and where backups go
(``[backup]``: a standby laptop has its own USB stick).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from ikm_tui.domain.config import Backup, Config

LOCAL_FIELDS = frozenset({"path", "database", "backup"})  # where files are, not what the event is


def encode(config: Config) -> dict[str, Any]:
    """The definition as JSON-ready values: Decimals as canonical text, dates as ISO text."""
    encoded: dict[str, Any] = _encode(config)
    return encoded


def to_json(definition: dict[str, Any]) -> str:
    """Canonical text of an encoded definition: the same event always gives the same text."""
    return json.dumps(definition, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def decode(definition: dict[str, Any], *, path: Path, database: Path, backup: Backup | None = None) -> Config:
    """A :class:`Config` from a recorded definition; ``path``, ``database`` and ``backup`` are
    this machine's (the config file that was read, the database that was opened, its sticks)."""
    local = {"path": path, "database": database, "backup": backup}
    config: Config = _decode(Config, definition, local)
    return config


# -- encoding ------------------------------------------------------------------------------
# Each dataclass gets its field plan once (names, and how to convert each value), so a
# 10,000-entrant definition is encoded and decoded without per-item reflection.


def _encode(value: Any) -> Any:
    plan = _fields(type(value)) if dataclasses.is_dataclass(value) and not isinstance(value, type) else None
    if plan is not None:
        return {name: _encode(getattr(value, name)) for name in plan}
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, Path):
        return str(value)
    return value


@cache
def _fields(cls: type) -> tuple[str, ...]:
    """The recorded fields of a dataclass: not private, not machine-local."""
    return tuple(
        f.name for f in dataclasses.fields(cls) if f.name not in LOCAL_FIELDS and not f.name.startswith("_")
    )


# -- decoding ------------------------------------------------------------------------------

Decoder = Callable[[Any, dict[str, Any]], Any]


def _decode(kind: Any, value: Any, local: dict[str, Any]) -> Any:
    return _decoder(kind)(value, local)


@cache
def _decoder(kind: Any) -> Decoder:
    """How to turn recorded JSON into a value of type ``kind`` (built once per type)."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        inner = _decoder(next(a for a in typing.get_args(kind) if a is not type(None)))
        return lambda value, local: None if value is None else inner(value, local)
    if origin is tuple:
        item = _decoder(typing.get_args(kind)[0])
        return lambda value, local: tuple(item(v, local) for v in value)
    if origin is list:
        item = _decoder(typing.get_args(kind)[0])
        return lambda value, local: [item(v, local) for v in value]
    if origin is dict:
        key_of, item = (_decoder(a) for a in typing.get_args(kind))
        return lambda value, local: {key_of(k, local): item(v, local) for k, v in value.items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass_decoder(kind)
    if kind is Decimal:
        return lambda value, _local: Decimal(value)
    if kind in (dt.date, dt.time, dt.datetime):
        return lambda value, _local: kind.fromisoformat(value)
    if kind in (Path, bool, int):
        return lambda value, _local: kind(value)
    return lambda value, _local: value


def _dataclass_decoder(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls)
    local_names = [f.name for f in dataclasses.fields(cls) if f.name in LOCAL_FIELDS]
    plan = [
        (f.name, _decoder(hints[f.name]))
        for f in dataclasses.fields(cls)
        if f.init and not f.name.startswith("_") and f.name not in LOCAL_FIELDS
    ]

    def decode(value: Any, local: dict[str, Any]) -> Any:
        # a field absent from an older record keeps its default
        values = {name: item(value[name], local) for name, item in plan if name in value}
        for name in local_names:
            values[name] = local[name]
        return cls(**values)

    return decode
