"""Panel decisions on boundary ties, and the lock that finalising puts on the scores."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from ikm_tui.domain.ranking import Decision

SCHEMA = """
CREATE TABLE decision (
    id INTEGER PRIMARY KEY,
    entrants TEXT NOT NULL,
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    withdrawn_at TEXT
) STRICT;
CREATE TABLE finalisation (
    id INTEGER PRIMARY KEY,
    finalised_at TEXT NOT NULL,
    finalised_by TEXT NOT NULL,
    digest TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    override_reason TEXT,
    unlocked_at TEXT,
    unlocked_by TEXT,
    unlock_reason TEXT
) STRICT;
"""


@dataclass(frozen=True)
class Finalisation:
    """One finalising of the results and, if it happened, the unlock that reopened them."""

    finalised_at: str
    finalised_by: str
    digest: str
    override_reason: str | None
    unlocked_at: str | None
    unlocked_by: str | None
    unlock_reason: str | None


def is_locked(conn: sqlite3.Connection) -> bool:
    """Finalised and not unlocked since: scores may not change."""
    return conn.execute("SELECT 1 FROM finalisation WHERE unlocked_at IS NULL LIMIT 1").fetchone() is not None


class Results:
    def __init__(self, db, config) -> None:
        self.db = db
        self.config = config

    def locked(self) -> bool:
        with self.db._lock:
            return is_locked(self.db.conn)

    def decisions(self) -> list[Decision]:
        rows = self.db.query(
            "SELECT entrants, reason, decided_by, decided_at FROM decision"
            " WHERE withdrawn_at IS NULL ORDER BY id"
        )
        return [
            Decision(tuple(json.loads(r["entrants"])), r["reason"], r["decided_by"], r["decided_at"])
            for r in rows
        ]

    def finalisations(self) -> list[Finalisation]:
        """Every finalising in order, with its unlock if any: the exports show this history."""
        rows = self.db.query(
            "SELECT finalised_at, finalised_by, digest, override_reason, unlocked_at,"
            " unlocked_by, unlock_reason FROM finalisation ORDER BY id"
        )
        return [Finalisation(*tuple(r)) for r in rows]
