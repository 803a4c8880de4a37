"""Schema version 2, frozen as written: the event record.

* ``definition``: the event as recorded — revision 1 when the session is created (or when a
  version-1 file is migrated: from the config it was opened with, which version 1 had checked
  against the file), then one revision per applied amendment. Append-only like the audit log;
  every revision is also audited with its full body, so the log alone can rebuild it.
* ``meta.event_id``: the event's identity, a UUID created with the session (not its title).
"""

from __future__ import annotations

import sqlite3
import uuid

VERSION = 2

DDL = """
CREATE TABLE definition (
    revision INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    reason TEXT NOT NULL,
    body TEXT NOT NULL
) STRICT;
CREATE TRIGGER definition_append_only_update BEFORE UPDATE ON definition
BEGIN SELECT RAISE(ABORT, 'the recorded definition is append-only'); END;
CREATE TRIGGER definition_append_only_delete BEFORE DELETE ON definition
BEGIN SELECT RAISE(ABORT, 'the recorded definition is append-only'); END;
"""


def upgrade(conn: sqlite3.Connection) -> None:
    """Give the session its identity (the definition itself is recorded by the caller, which
    holds the config)."""
    conn.execute("INSERT INTO meta (key, value) VALUES ('event_id', ?)", (str(uuid.uuid4()),))
