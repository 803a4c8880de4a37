"""Schema version 3, frozen as written: the moderator's cues on the stage row.

* ``stage.extra_s``: time added (or taken, negative) to the current phase with ``+``/``-``.
* ``stage.message``: a short note to the presenter, shown large on the board until cleared.
"""

from __future__ import annotations

VERSION = 3

DDL = """
ALTER TABLE stage ADD COLUMN extra_s REAL NOT NULL DEFAULT 0;
ALTER TABLE stage ADD COLUMN message TEXT NOT NULL DEFAULT '';
"""
