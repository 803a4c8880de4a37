"""Every schema version, one frozen module each: ``v1`` created the first release's tables,
``v2`` the event record, ``v3`` the moderator's cues on the stage, ``v4`` the judges' notes.
A module's ``DDL`` is never edited once it has shipped (a test pins each one's hash); a change
is the next module, and ``MIGRATIONS`` grows by one.

Each module has ``VERSION``, ``DDL`` (run statement by statement in the migrating
transaction) and, when data must move too, ``upgrade(conn)`` run right after its DDL.
"""

from __future__ import annotations

from types import ModuleType

from ikm_tui.store.migrations import v1, v2, v3, v4

MIGRATIONS: tuple[ModuleType, ...] = (v1, v2, v3, v4)  # MIGRATIONS[n] takes a file from version n to n + 1
CURRENT_VERSION = len(MIGRATIONS)

assert all(m.VERSION == i for i, m in enumerate(MIGRATIONS, 1)), "migrations out of order"
