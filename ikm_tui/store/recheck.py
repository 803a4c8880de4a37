"""The moderator's "please re-check entrant E" to one judge.

Raised from the divergence flags (a judge total far from the rest of the panel) without telling
the judge anything about the others' scores. A request stays pending until that judge next
saves or recuses that entrant: :func:`settle` runs inside the score write's own transaction, so
a request can never be cleared by a save that rolled back, nor survive one that committed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ikm_tui.domain.errors import InputError
from ikm_tui.store import audit

if TYPE_CHECKING:
    from ikm_tui.domain.config import Config
    from ikm_tui.store.database import Database, Params


@dataclass(frozen=True)
class RecheckRequest:
    judge: str
    entrant: str
    requested_by: str
    requested_at: str


def settle(conn: sqlite3.Connection, judge: str, entrant: str, actor: str) -> None:
    """The judge saved or recused ``entrant``: their pending request, if any, is answered."""
    gone = conn.execute(
        "DELETE FROM recheck_request WHERE judge = ? AND entrant = ?", (judge, entrant)
    ).rowcount
    if gone:
        audit.append(conn, actor, "recheck.answered", f"{judge}/{entrant}", {})


def pending_among(conn: sqlite3.Connection, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (judge, entrant) pairs of ``pairs`` with a pending request (there are only a few)."""
    wanted = set(pairs)
    rows = conn.execute("SELECT judge, entrant FROM recheck_request").fetchall()
    return [(r[0], r[1]) for r in rows if (r[0], r[1]) in wanted]


class Rechecks:
    def __init__(self, db: Database, config: Config) -> None:
        self.db = db
        self.config = config

    def request(self, judge: str, entrant: str, actor: str) -> None:
        """Ask ``judge`` to look at ``entrant`` again (asking twice keeps one request)."""
        for kind, item in (("judge", judge), ("entrant", entrant)):
            if not self.config.has(kind, item):
                raise InputError(kind, f"score.unknown_{kind}", **{kind: item})
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO recheck_request (judge, entrant, requested_by, requested_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (judge, entrant) DO UPDATE SET"
                " requested_by = excluded.requested_by, requested_at = excluded.requested_at",
                (judge, entrant, actor, audit.now()),
            )
            audit.append(conn, actor, "recheck.request", f"{judge}/{entrant}", {})

    def cancel(self, judge: str, entrant: str, actor: str) -> bool:
        with self.db.write() as conn:
            gone = conn.execute(
                "DELETE FROM recheck_request WHERE judge = ? AND entrant = ?", (judge, entrant)
            ).rowcount
            if gone:
                audit.append(conn, actor, "recheck.cancel", f"{judge}/{entrant}", {})
        return bool(gone)

    def pending_for(self, judge: str) -> list[RecheckRequest]:
        """What ``judge`` is asked to re-check, oldest first."""
        return self._rows("WHERE judge = ?", (judge,))

    def pending(self) -> list[RecheckRequest]:
        return self._rows("", ())

    def _rows(self, where: str, params: Params) -> list[RecheckRequest]:
        rows = self.db.query(
            "SELECT judge, entrant, requested_by, requested_at FROM recheck_request "
            + where
            + " ORDER BY requested_at, judge, entrant",
            params,
        )
        return [RecheckRequest(r["judge"], r["entrant"], r["requested_by"], r["requested_at"]) for r in rows]
