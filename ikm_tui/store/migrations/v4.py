"""Schema version 4, frozen as written: judges' notes for the start-ups.

* ``note``: one per judge and entrant, apart from ``score_sheet`` because a note may come before
  (or without) scores. Every write is audited as ``note.write`` with the full new text and the
  old one, so the log alone rebuilds the table (``store/replay/handlers.py``).
"""

from __future__ import annotations

VERSION = 4

DDL = """
CREATE TABLE note (
    judge TEXT NOT NULL,
    entrant TEXT NOT NULL,
    text TEXT NOT NULL CHECK (length(text) > 0),
    revision INTEGER NOT NULL DEFAULT 1,
    source TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (judge, entrant)
) STRICT;
"""
