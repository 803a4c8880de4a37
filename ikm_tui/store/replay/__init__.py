"""Replaying the audit log: what the live tables must hold if every change went through it.

The log is the record; the tables are a convenience that must agree with it. Replay starts
from nothing, applies every audit row in order with the one *handler* registered for its
action, and so builds each replayed table as ``{key: values}``. Each replayed table also has one
*reader* that shapes the live rows the same way; :func:`first_difference` then names the first
key where the two disagree (an ``UPDATE`` with plain sqlite3 that bypassed the app).

To make a new audited action replayable (every action must be: ``audit verify`` reports a row
it cannot replay), add to :mod:`ikm_tui.store.replay.handlers`::

    @replays("note.save")
    def _note_save(state: Replayed, row: LogRow) -> None:
        state.table("note")[tuple(row.subject.split("/"))] = (row.detail["text"],)

    @reads("note")
    def _live_notes(conn: sqlite3.Connection) -> Rows:
        return {(r[0], r[1]): (r[2],) for r in conn.execute("SELECT judge, entrant, text FROM note")}

and write the audit detail with the full new values, so the handler needs nothing else.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

Rows = dict[Hashable, tuple[Any, ...]]


@dataclass(frozen=True)
class LogRow:
    """One audit row as a handler sees it (detail already parsed)."""

    seq: int
    at: str
    actor: str
    action: str
    subject: str
    detail: dict[str, Any]


@dataclass
class Replayed:
    """The tables as the log says they are, built row by row.

    ``unknown`` names tables the log cannot rebuild yet (a log written before full values were
    audited); a ``record.baseline`` row makes them known from then on. ``moments`` keeps what a
    handler wants checked later (the state each finalising froze).
    """

    tables: dict[str, Rows] = field(default_factory=dict)
    unknown: set[str] = field(default_factory=set)
    moments: dict[str, Any] = field(default_factory=dict)

    def table(self, name: str) -> Rows:
        return self.tables.setdefault(name, {})


class ReplayError(Exception):
    """A log row that cannot be applied: an unknown action, or one the state contradicts."""

    def __init__(self, seq: int, code: str, **params: object) -> None:
        self.seq = seq
        self.code = code
        self.params = params
        super().__init__(f"#{seq}: {code} {params}")


Handler = Callable[[Replayed, LogRow], None]
Reader = Callable[[sqlite3.Connection], Rows | Iterable[tuple[Hashable, tuple[Any, ...]]]]

HANDLERS: dict[str, Handler] = {}
READERS: dict[str, Reader] = {}


def replays(*actions: str) -> Callable[[Handler], Handler]:
    """Register ``handler`` as the one replay of each of ``actions``."""

    def register(handler: Handler) -> Handler:
        for action in actions:
            if action in HANDLERS:
                raise RuntimeError(f"two replay handlers for {action!r}")
            HANDLERS[action] = handler
        return handler

    return register


def reads(table: str) -> Callable[[Reader], Reader]:
    """Register how to read the live ``table`` in the replayed shape ``{key: values}``."""

    def register(reader: Reader) -> Reader:
        if table in READERS:
            raise RuntimeError(f"two live readers for {table!r}")
        READERS[table] = reader
        return reader

    return register


def apply(state: Replayed, row: LogRow) -> None:
    handler = HANDLERS.get(row.action)
    if handler is None:
        raise ReplayError(row.seq, "verify.no_handler", action=row.action)
    try:
        handler(state, row)
    except ReplayError:
        raise
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ReplayError(row.seq, "verify.bad_detail", action=row.action, detail=repr(exc)) from None


def replay(rows: Iterable[LogRow]) -> Replayed:
    state = Replayed()
    for row in rows:
        apply(state, row)
    return state


@dataclass(frozen=True)
class Difference:
    """The first place where the live table and the replayed log disagree."""

    table: str
    key: Hashable
    logged: tuple[Any, ...] | None  # None: the log has no such row
    live: tuple[Any, ...] | None  # None: the table has no such row


def first_difference(state: Replayed, conn: sqlite3.Connection) -> Difference | None:
    """Compare every replayed table with its live rows, tables in name order, keys sorted.

    The live rows are streamed against the replayed dict (a reader may return a dict or yield
    ``(key, values)`` pairs), so the biggest table is never held twice.
    """
    for name in sorted(READERS):
        if name in state.unknown:
            continue
        logged = state.tables.get(name, {})
        found: Difference | None = None
        matched = 0
        for key, values in _pairs(READERS[name](conn)):
            expected = logged.get(key)
            if expected == values:
                matched += 1
            elif found is None or _sort_key(key) < _sort_key(found.key):
                found = Difference(name, key, expected, values)
        if matched < len(logged):  # rows the log has and the table lacks: a second, rarer pass
            live = {key for key, _ in _pairs(READERS[name](conn))}
            for key in logged.keys() - live:
                if found is None or _sort_key(key) < _sort_key(found.key):
                    found = Difference(name, key, logged[key], None)
        if found is not None:
            return found
    return None


def _pairs(
    rows: Rows | Iterable[tuple[Hashable, tuple[Any, ...]]],
) -> Iterable[tuple[Hashable, tuple[Any, ...]]]:
    return rows.items() if isinstance(rows, dict) else rows


def _sort_key(key: Hashable) -> tuple[Any, ...]:
    parts = key if isinstance(key, tuple) else (key,)
    return tuple((type(p).__name__, p if p is not None else "") for p in parts)


# The handlers register themselves on import; keep this last.
from ikm_tui.store.replay import handlers  # noqa: E402, F401
