"""The event record: the definition the session runs on, and its amendments.

Revision 1 is written when the session is created; each applied amendment adds the next, in
one transaction with its audit row. Both audit rows (``event.define``, ``event.amend``) carry
the full definition, so replaying the log rebuilds the ``definition`` table exactly.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ikm_tui.domain import definition
from ikm_tui.domain.config import Config
from ikm_tui.domain.errors import InputError, InputErrors
from ikm_tui.store import audit, queue
from ikm_tui.store.locked import is_locked

if TYPE_CHECKING:
    from ikm_tui.store.database import Database
    from ikm_tui.store.scores import ScoreSheets
    from ikm_tui.store.stage import Stage


@dataclass(frozen=True)
class Revision:
    revision: int
    recorded_at: str
    recorded_by: str
    reason: str
    body: dict[str, Any]


def event_id(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = 'event_id'").fetchone()
    return row[0] if row else ""


def latest(conn: sqlite3.Connection) -> Revision | None:
    row = conn.execute(
        "SELECT revision, recorded_at, recorded_by, reason, body FROM definition"
        " ORDER BY revision DESC LIMIT 1"
    ).fetchone()
    return _revision(row) if row else None


def record_first(conn: sqlite3.Connection, config: Config, *, actor: str, reason: str) -> None:
    """Record ``config`` as revision 1, audited with its full body."""
    body = definition.encode(config)
    at = audit.now()
    conn.execute(
        "INSERT INTO definition (revision, recorded_at, recorded_by, reason, body) VALUES (1, ?, ?, ?, ?)",
        (at, actor, reason, definition.to_json(body)),
    )
    audit.append(
        conn,
        actor,
        "event.define",
        event_id(conn),
        {"revision": 1, "recorded_at": at, "reason": reason, "definition": body},
    )


def _revision(row: sqlite3.Row) -> Revision:
    return Revision(row[0], row[1], row[2], row[3], json.loads(row[4]))


class EventRecord:
    def __init__(self, db: Database, scores: ScoreSheets | None, stage: Stage | None) -> None:
        """``scores`` and ``stage`` are needed only to check an amendment (``latest`` reads alone)."""
        self.db = db
        self.scores = scores
        self.stage = stage

    def event_id(self) -> str:
        with self.db.reading() as conn:
            return event_id(conn)

    def latest(self) -> Revision:
        with self.db.reading() as conn:
            found = latest(conn)
        if found is None:  # only a file edited behind our back lacks revision 1
            raise InputError(str(self.db.path), "db.no_definition")
        return found

    def revisions(self) -> list[Revision]:
        rows = self.db.query(
            "SELECT revision, recorded_at, recorded_by, reason, body FROM definition ORDER BY revision"
        )
        return [_revision(r) for r in rows]

    def problems(self, amended: Config) -> list[InputError]:
        """Why ``amended`` cannot be applied to what is recorded now (empty: it can)."""
        with self.db.reading() as conn:
            return self._problems(conn, amended)

    def amend(self, amended: Config, reason: str, *, actor: str) -> Revision:
        """Make ``amended`` the record, as one audited amendment; refused (nothing changes) when
        the results are finalised, when it would break recorded sheets, or when nothing differs."""
        from ikm_tui.domain import amendment  # the ranking behind it: not for every reader of the record

        reason = (reason or "").strip()
        if not reason:
            raise InputError("--reason", "results.required")
        body = definition.encode(amended)
        with self.db.write() as conn:
            current = latest(conn)
            assert current is not None
            changes = amendment.differences(current.body, body)
            if not changes:
                raise InputError(str(amended.path), "amend.nothing")
            found = self._problems(conn, amended)
            if found:
                raise InputErrors(found)
            revision = current.revision + 1
            at = audit.now()
            conn.execute(
                "INSERT INTO definition (revision, recorded_at, recorded_by, reason, body)"
                " VALUES (?, ?, ?, ?, ?)",
                (revision, at, actor, reason, definition.to_json(body)),
            )
            removed = _entrants(current.body) - {e.id for e in amended.entrants}
            conn.executemany("DELETE FROM queue_entry WHERE entrant = ?", [(e,) for e in sorted(removed)])
            queue.seed(conn, amended)
            audit.append(
                conn,
                actor,
                "event.amend",
                event_id(conn),
                {
                    "revision": revision,
                    "recorded_at": at,
                    "reason": reason,
                    "queue_removed": sorted(removed),
                    "definition": body,
                    "changes": [{"key": c.key, "before": c.before, "after": c.after} for c in changes],
                },
            )
        return Revision(revision, at, actor, reason, body)

    def _problems(self, conn: sqlite3.Connection, amended: Config) -> list[InputError]:
        from ikm_tui.domain import amendment

        if is_locked(conn):
            return [InputError(str(self.db.path), "amend.locked")]
        days = {r[0]: r[1] for r in conn.execute("SELECT entrant, day FROM queue_entry")}
        assert self.scores is not None and self.stage is not None  # the Store's own record has both
        return amendment.problems(
            amended, self.scores.sheets(), on_stage=self.stage.current(), queue_days=days
        )


def _entrants(body: dict[str, Any]) -> set[str]:
    return {e["id"] for e in body.get("entrants", [])}
