"""Whether the result is finalised: every writer asks before changing what the result rests on.

Its own module so that the writers (scores, stage, record) do not import the results area and
the ranking behind it: the console's first frame needs neither.
"""

from __future__ import annotations

import sqlite3


def is_locked(conn: sqlite3.Connection) -> bool:
    """Finalised and not unlocked since: scores may not change."""
    return conn.execute("SELECT 1 FROM finalisation WHERE unlocked_at IS NULL LIMIT 1").fetchone() is not None
