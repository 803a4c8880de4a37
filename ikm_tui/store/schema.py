"""Creating, recognising and migrating the session database.

``PRAGMA user_version`` holds the schema version. A file from a newer ikm-tui, from another
program, or from another event is refused with a clear message and left untouched; an older one
is migrated forward, one version per transaction.
"""

from __future__ import annotations

import sqlite3

from ikm_tui.domain.errors import InputError
from ikm_tui.store import access, audit, queue, recheck, results, scores, stage

APP_ID = "ikm-tui"

META = "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;"

# MIGRATIONS[n] takes a database from version n to n + 1.
MIGRATIONS: list[str] = [
    "\n".join(
        [
            META,
            audit.SCHEMA,
            scores.SCHEMA,
            queue.SCHEMA,
            results.SCHEMA,
            access.SCHEMA,
            recheck.SCHEMA,
            stage.SCHEMA,
        ]
    ),
]
CURRENT_VERSION = len(MIGRATIONS)


def prepare(db, config) -> None:
    """Make ``db`` a current session database for ``config``, or refuse it unchanged."""
    path = str(db.path)
    version = _recognise(db, config)
    try:
        db.enable_wal()
    except sqlite3.DatabaseError:
        raise InputError(path, "db.not_sqlite") from None
    with db.write() as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise InputError(path, "db.foreign")
        for target in range(version, CURRENT_VERSION):
            for statement in _statements(MIGRATIONS[target]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target + 1}")
        if version == 0:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('app', ?), ('event', ?)",
                (APP_ID, config.fingerprint()),
            )
            audit.append(
                conn,
                "system",
                "session.create",
                config.event.title,
                {"event": config.fingerprint(), "schema": CURRENT_VERSION, "audits_values": True},
            )
        elif audit.HEAD_KEY not in dict(conn.execute("SELECT key, value FROM meta").fetchall()):
            _baseline(conn)
        _check_references(conn, config, path)
        queue.seed(conn, config)


def _baseline(conn: sqlite3.Connection) -> None:
    """A log written before the queue and the stage were audited with full values: record them
    as they stand now, once, so ``audit verify`` replays them from here on (and mirror the head)."""
    audit.append(
        conn,
        "system",
        "record.baseline",
        "queue",
        {"queue": queue.values(queue.load(conn)), "stage": stage.stage_values(conn)},
    )


def check_current(db, config) -> None:
    """For read-only followers (the projector board): accept only a database that is already
    current for this event — never create, migrate or seed it."""
    version = _recognise(db, config)
    if version == 0:
        raise InputError(str(db.path), "db.not_ready")
    if version < CURRENT_VERSION:
        raise InputError(str(db.path), "db.needs_upgrade", found=version, supported=CURRENT_VERSION)
    _check_references(db.conn, config, str(db.path))


def _recognise(db, config) -> int:
    """The schema version, after refusing a file that is not ours, is newer, or is another
    event's; 0 for an empty (new) file."""
    path = str(db.path)
    try:
        version = db.conn.execute("PRAGMA user_version").fetchone()[0]
        tables = db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError:
        raise InputError(path, "db.not_sqlite") from None
    if version > CURRENT_VERSION:
        raise InputError(path, "db.newer", found=version, supported=CURRENT_VERSION)
    if version == 0 and tables:
        raise InputError(path, "db.foreign")
    if version:
        _check_identity(db, config)
    return version


def _check_identity(db, config) -> None:
    path = str(db.path)
    try:
        meta = dict(db.conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError:
        raise InputError(path, "db.foreign") from None
    if meta.get("app") != APP_ID:
        raise InputError(path, "db.foreign")
    if meta.get("event") != config.fingerprint():
        raise InputError(path, "db.other_event", found=meta.get("event", "?"), expected=config.fingerprint())


def _check_references(conn: sqlite3.Connection, config, path: str) -> None:
    """Scores for people or criteria the config no longer has would silently vanish: refuse."""
    checks = (
        ("judge", "SELECT DISTINCT judge FROM score_sheet", {j.id for j in config.judges}),
        ("entrant", "SELECT DISTINCT entrant FROM score_sheet", {e.id for e in config.entrants}),
        ("criterion", "SELECT DISTINCT criterion FROM score", {c.id for c in config.criteria}),
    )
    for kind, sql, known in checks:
        unknown = sorted(row[0] for row in conn.execute(sql) if row[0] not in known)
        if unknown:
            raise InputError(path, "db.unknown_refs", kind=kind, ids=", ".join(unknown))


def _statements(script: str) -> list[str]:
    """Split a schema script into statements (``executescript`` would commit our transaction)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
