"""Panel decisions on boundary ties, and the lock that finalising puts on the scores."""

from __future__ import annotations

import json
import sqlite3

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
