"""The event definition as the session database records it: plain JSON values, and back.

``config.toml`` describes an event; the session database *records* it once, when the session is
created, and every screen and command works from that record (see PRODUCT.md, "The event
record"). The record is the :class:`~ikm_tui.domain.config.Config` itself, encoded field by
field from its dataclasses: a section added to the config later is recorded and compared
without touching this module, and an older record decodes with that section's defaults.

Two things are not part of the event but of the machine it runs on, and never recorded: the
config file's own path and the database path (``event.database``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from ikm_tui.domain.config import Config

LOCAL_FIELDS = frozenset({"path", "database"})  # where files are, not what the event is


def encode(config: Config) -> dict[str, Any]:
    """The definition as JSON-ready values: Decimals as canonical text, dates as ISO text."""
    encoded: dict[str, Any] = _encode(config)
    return encoded


def to_json(definition: dict[str, Any]) -> str:
    """Canonical text of an encoded definition: the same event always gives the same text."""
    return json.dumps(definition, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def decode(definition: dict[str, Any], *, path: Path, database: Path) -> Config:
    """A :class:`Config` from a recorded definition; ``path`` and ``database`` are this
    machine's (the config file that was read, the database that was opened)."""
    local = {"path": path, "database": database}
    config: Config = _decode(Config, definition, local)
    return config


# -- encoding ------------------------------------------------------------------------------


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _encode(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in LOCAL_FIELDS and not f.name.startswith("_")
        }
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


# -- decoding ------------------------------------------------------------------------------


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(kind: Any, value: Any, local: dict[str, Any]) -> Any:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        if value is None:
            return None
        return _decode(options[0], value, local)
    if origin is tuple:
        args = typing.get_args(kind)
        item = args[0]
        return tuple(_decode(item, v, local) for v in value)
    if origin is list:
        return [_decode(typing.get_args(kind)[0], v, local) for v in value]
    if origin is dict:
        key_kind, item = typing.get_args(kind)
        return {_decode(key_kind, k, local): _decode(item, v, local) for k, v in value.items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        values = {}
        hints = _hints(kind)
        for f in dataclasses.fields(kind):
            if f.name.startswith("_") or not f.init:
                continue
            if f.name in LOCAL_FIELDS:
                values[f.name] = local[f.name]
            elif f.name in value:
                values[f.name] = _decode(hints[f.name], value[f.name], local)
            # absent from an older record: the field's default applies
        return kind(**values)
    if kind is Decimal:
        return Decimal(value)
    if kind in (dt.date, dt.time, dt.datetime):
        return kind.fromisoformat(value)
    if kind is Path:
        return Path(value)
    if kind is bool:
        return bool(value)
    if kind is int:
        return int(value)
    return value
