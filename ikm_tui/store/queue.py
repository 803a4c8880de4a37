"""The presenter queue as stored: day, position and status of every entrant.

Seeded from the config's roster on first open (config order within each day); after that the
moderator's queue actions (:mod:`ikm_tui.store.stage`) change it, each audited and undoable.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from ikm_tui.domain.queue_rules import Entry, Lineup
from ikm_tui.store import audit

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from ikm_tui.domain.config import Config
    from ikm_tui.store.database import Database


_COLUMNS = "entrant, day, position, status, no_show_count, overtime_ms, called_at"


def seed(conn: sqlite3.Connection, config: Config) -> None:
    """Add queue rows for entrants the database does not know yet (first open, or a late add),
    audited with their full values so ``audit verify`` can replay the queue."""
    known = {row[0] for row in conn.execute("SELECT entrant FROM queue_entry")}
    added = [
        Entry(entrant.id, entrant.day, position)
        for position, entrant in enumerate(config.entrants, 1)
        if entrant.id not in known
    ]
    if not added:
        return
    conn.executemany(
        "INSERT INTO queue_entry (entrant, day, position) VALUES (?, ?, ?)",
        [(e.entrant, e.day, e.position) for e in added],
    )
    audit.append(conn, "system", "session.seed_queue", "queue", {"queue": values(added)})


def values(entries: Iterable[Entry]) -> dict[str, list[Any]]:
    """Queue rows as the audit detail carries them: entrant -> every stored column after it."""
    return {
        e.entrant: [e.day, e.position, e.status, e.no_show_count, e.overtime_ms, e.called_at] for e in entries
    }


def load(conn: sqlite3.Connection) -> Lineup:
    """The whole queue, inside a transaction that is about to change it."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM queue_entry ORDER BY day, position").fetchall()
    return tuple(Entry(*tuple(row)) for row in rows)


def save(conn: sqlite3.Connection, before: Lineup, after: Lineup) -> list[Entry]:
    """Write the rows that changed; returns them (for the audit row)."""
    old = {e.entrant: e for e in before}
    changed = [e for e in after if old.get(e.entrant) != e]
    conn.executemany(
        "UPDATE queue_entry SET day = ?, position = ?, status = ?, no_show_count = ?,"
        " overtime_ms = ?, called_at = ? WHERE entrant = ?",
        [
            (e.day, e.position, e.status, e.no_show_count, e.overtime_ms, e.called_at, e.entrant)
            for e in changed
        ],
    )
    return changed


class Queue:
    def __init__(self, db: Database, config: Config) -> None:
        self.db = db
        self.config = config

    def statuses(self) -> dict[str, str]:
        return {r["entrant"]: r["status"] for r in self.db.query("SELECT entrant, status FROM queue_entry")}

    def lineup(self) -> Lineup:
        rows = self.db.query(f"SELECT {_COLUMNS} FROM queue_entry ORDER BY day, position")
        return tuple(Entry(*tuple(row)) for row in rows)

    def overtime_ms(self) -> dict[str, int]:
        """Recorded overtime per entrant (for exports and the queue list)."""
        return {
            r["entrant"]: r["overtime_ms"]
            for r in self.db.query("SELECT entrant, overtime_ms FROM queue_entry")
        }
