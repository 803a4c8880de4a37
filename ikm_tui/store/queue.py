"""The presenter queue as stored: day, position and status of every entrant.

Seeded from the config's roster on first open (config order within each day); after that the
moderator's queue actions change it, each audited.
"""

from __future__ import annotations

import sqlite3

SCHEMA = """
CREATE TABLE queue_entry (
    entrant TEXT PRIMARY KEY,
    day INTEGER NOT NULL,
    position INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'waiting',
    no_show_count INTEGER NOT NULL DEFAULT 0,
    overtime_ms INTEGER NOT NULL DEFAULT 0
) STRICT;
"""


def seed(conn: sqlite3.Connection, config) -> None:
    """Add queue rows for entrants the database does not know yet (first open, or a late add)."""
    known = {row[0] for row in conn.execute("SELECT entrant FROM queue_entry")}
    for position, entrant in enumerate(config.entrants, 1):
        if entrant.id not in known:
            conn.execute(
                "INSERT INTO queue_entry (entrant, day, position) VALUES (?, ?, ?)",
                (entrant.id, entrant.day, position),
            )


class Queue:
    def __init__(self, db, config) -> None:
        self.db = db
        self.config = config

    def statuses(self) -> dict[str, str]:
        return {r["entrant"]: r["status"] for r in self.db.query("SELECT entrant, status FROM queue_entry")}
