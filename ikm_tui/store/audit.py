"""The append-only, hash-chained audit log.

Every score write, recusal, queue change and decision appends a row *in the same transaction*
as the change, so the log can never miss a committed change nor record one that rolled back.
Each row's hash covers the previous row's hash and its own content: editing or deleting any
row breaks the chain from there on, which ``ikm-tui audit verify`` reports.

Deleting the *newest* rows leaves a shorter chain that is still whole, so the head (last seq
and hash) is mirrored, in the same transaction, into ``meta.audit_head``; the finalisation's
audit row and every export carry it too, and ``audit verify --head`` checks a printed head
against the chain — a signed paper copy anchors the log outside the file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from ikm_tui.store.database import Database


GENESIS = "0" * 64
HEAD_KEY = "audit_head"  # meta row mirroring "seq hash" of the newest audit row


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    subject: str
    detail: dict[str, Any]
    hash: str


@dataclass(frozen=True)
class AuditCheck:
    ok: bool
    rows: int
    first_bad: int | None  # seq of the first row whose hash does not follow
    head: str  # hash of the last row (GENESIS when empty)
    mirrored: tuple[int, str] | None = None  # what meta.audit_head says the head is


@dataclass(frozen=True)
class Head:
    """The newest row of the chain: how many rows and the last hash (what exports print)."""

    seq: int
    hash: str


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


# One encoder for every row: json.dumps with options builds a new encoder on each call.
_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _content(seq: int, at: str, actor: str, action: str, subject: str, detail: str) -> str:
    """The hashed text: the row's fields as a JSON array, then its detail JSON as stored."""
    return _JSON.encode([seq, at, actor, action, subject]) + detail


def _hash(prev_hash: str, content: str) -> str:
    return hashlib.sha256((prev_hash + content).encode("utf-8")).hexdigest()


def append(conn: sqlite3.Connection, actor: str, action: str, subject: str, detail: dict[str, Any]) -> None:
    """Add one row; call inside the write transaction of the change it records."""
    append_many(conn, [(actor, action, subject, detail)])


def append_many(conn: sqlite3.Connection, rows: list[tuple[str, str, str, dict[str, Any]]]) -> None:
    """Add ``(actor, action, subject, detail)`` rows in order, chained, in one statement."""
    last = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev_hash = (last[0], last[1]) if last else (0, GENESIS)
    at = now()
    records = []
    for actor, action, subject, detail in rows:
        seq += 1
        detail_text = _JSON.encode(detail)
        digest = _hash(prev_hash, _content(seq, at, actor, action, subject, detail_text))
        records.append((seq, at, actor, action, subject, detail_text, prev_hash, digest))
        prev_hash = digest
    conn.executemany(
        "INSERT INTO audit (seq, at, actor, action, subject, detail, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        records,
    )
    if records:
        _mirror_head(conn, seq, prev_hash)


def _mirror_head(conn: sqlite3.Connection, seq: int, digest: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (HEAD_KEY, f"{seq} {digest}"),
    )


def ensure_head_mirror(conn: sqlite3.Connection) -> None:
    """A log written before the head was mirrored gets its mirror now (on open, in a write)."""
    if conn.execute("SELECT 1 FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone() is None:
        last = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        if last is not None:
            _mirror_head(conn, last[0], last[1])


def read_head(conn: sqlite3.Connection) -> Head:
    """The newest row as the chain has it (not the mirror)."""
    last = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return Head(last[0], last[1]) if last else Head(0, GENESIS)


def chained_hash(
    prev_hash: str, seq: int, at: str, actor: str, action: str, subject: str, detail: str
) -> str:
    """What a row's hash must be, given the previous row's hash and the row's stored fields."""
    return _hash(prev_hash, _content(seq, at, actor, action, subject, detail))


def row_hash(row: sqlite3.Row | dict[str, Any]) -> str:
    """What a stored row's hash must be, from its own fields and its stored ``prev_hash``."""
    return chained_hash(
        row["prev_hash"], row["seq"], row["at"], row["actor"], row["action"], row["subject"], row["detail"]
    )


class AuditLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def entries(self, since: int = 0) -> list[AuditEntry]:
        rows = self.db.query(
            "SELECT seq, at, actor, action, subject, detail, hash FROM audit WHERE seq > ? ORDER BY seq",
            (since,),
        )
        return [
            AuditEntry(
                r["seq"], r["at"], r["actor"], r["action"], r["subject"], json.loads(r["detail"]), r["hash"]
            )
            for r in rows
        ]

    def head(self) -> Head:
        with self.db._lock:
            return read_head(self.db.conn)

    def verify(self) -> AuditCheck:
        """Walk the chain from the first row; then compare its end with the mirrored head."""
        prev_hash, count, expected_seq = GENESIS, 0, 1
        for row in self.db.query(
            "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit ORDER BY seq"
        ):
            content = _content(
                row["seq"], row["at"], row["actor"], row["action"], row["subject"], row["detail"]
            )
            if (
                row["seq"] != expected_seq
                or row["prev_hash"] != prev_hash
                or _hash(prev_hash, content) != row["hash"]
            ):
                return AuditCheck(False, count, row["seq"], prev_hash)
            prev_hash, count, expected_seq = row["hash"], count + 1, expected_seq + 1
        mirrored = self._mirrored()
        ok = mirrored is None and count == 0 or mirrored == (count, prev_hash)
        return AuditCheck(ok, count, None if ok else count + 1, prev_hash, mirrored)

    def _mirrored(self) -> tuple[int, str] | None:
        row = self.db.one("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,))
        if row is None:
            return None
        seq, _, digest = row[0].partition(" ")
        return (int(seq), digest) if seq.isdigit() else (-1, row[0])
