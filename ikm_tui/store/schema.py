"""Creating, recognising and migrating the session database.

The schema version is the engine's ``user_version``; each version's DDL is frozen in
:mod:`ikm_tui.store.migrations`. A file from a newer ikm-tui, from another program, or from
another event is refused with a clear message and left untouched; an older one is migrated
forward in one transaction, its definition recorded from the config it was opened with.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from ikm_tui.domain.config import Config
from ikm_tui.domain.errors import InputError
from ikm_tui.store import audit, queue, record, stage
from ikm_tui.store.database import Database, EngineError
from ikm_tui.store.migrations import CURRENT_VERSION, MIGRATIONS

if TYPE_CHECKING:
    from ikm_tui.domain.config import Config
    from ikm_tui.store.database import Database


APP_ID = "ikm-tui"
FIRST_WITH_RECORD = 2  # from this version on the database holds the event's definition


def prepare(db: Database, config: Config, actor: str) -> None:
    """Make ``db`` a current session database, or refuse it unchanged.

    A new file records ``config`` as the event's definition; an existing one keeps its
    record whatever ``config`` says now (a difference is an amendment, see
    :mod:`ikm_tui.store.record`).
    """
    _recognise(db, config)
    db.enable_wal()
    with db.write() as conn:
        version = db.schema_version(conn)  # another process may have created it meanwhile
        if version == 0 and db.object_count(conn):
            raise InputError(str(db.path), "db.foreign")
        if 0 < version < FIRST_WITH_RECORD:
            _check_references(conn, config, str(db.path))  # this config becomes the record
        for migration in MIGRATIONS[version:]:
            db.run_script(conn, migration.DDL)
            upgrade = getattr(migration, "upgrade", None)
            if upgrade is not None:
                upgrade(conn)
            db.set_schema_version(conn, migration.VERSION)
        if version == 0:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('app', ?), ('event', ?)",
                (APP_ID, config.fingerprint()),
            )
            audit.append(
                conn,
                actor,
                "session.create",
                config.event.title,
                {
                    "event": config.fingerprint(),
                    "event_id": record.event_id(conn),
                    "schema": CURRENT_VERSION,
                    "audits_values": True,
                },
            )
        elif audit.HEAD_KEY not in dict(conn.execute("SELECT key, value FROM meta").fetchall()):
            _baseline(conn)
        if record.latest(conn) is None:
            reason = "session.created" if version == 0 else f"session.migrated_from_{version}"
            record.record_first(conn, config, actor=actor, reason=reason)
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


def check_current(db: Database, config: Config) -> None:
    """For read-only followers (the projector board): accept only a database that is already
    current — never create, migrate or seed it."""
    version = _recognise(db, config)
    if version == 0:
        raise InputError(str(db.path), "db.not_ready")
    if version < CURRENT_VERSION:
        raise InputError(str(db.path), "db.needs_upgrade", found=version, supported=CURRENT_VERSION)


def _recognise(db: Database, config: Config) -> int:
    """The schema version, after refusing a file that is not ours, is newer, or is another
    event's; 0 for an empty (new) file."""
    path = str(db.path)
    version, objects = db.inspect()
    if version > CURRENT_VERSION:
        raise InputError(path, "db.newer", found=version, supported=CURRENT_VERSION)
    if version == 0 and objects:
        raise InputError(path, "db.foreign")
    if version:
        _check_identity(db, config, version)
    return version


def _check_identity(db: Database, config: Config, version: int) -> None:
    """Refuse a file of another event. Before the record (version 1) the title and days were the
    event's identity and must match; since, the event is its recorded id and the config only an
    amendment to it — unless it shares neither the recorded title nor the recorded days, which
    is another event's config, not an edit of this one."""
    path = str(db.path)
    try:
        with db.reading() as conn:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            recorded = record.latest(conn) if version >= FIRST_WITH_RECORD else None
    except EngineError:
        raise InputError(path, "db.foreign") from None
    if meta.get("app") != APP_ID:
        raise InputError(path, "db.foreign")
    if recorded is None:
        if meta.get("event") != config.fingerprint():
            raise InputError(
                path, "db.other_event", found=meta.get("event", "?"), expected=config.fingerprint()
            )
        return
    event = recorded.body.get("event", {})
    days = [d.isoformat() for d in config.event.days]
    if event.get("title") != config.event.title and event.get("days") != days:
        raise InputError(path, "db.other_event", found=event.get("title", "?"), expected=config.event.title)


def _check_references(conn: sqlite3.Connection, config: Config, path: str) -> None:
    """Migrating a version-1 file records ``config`` as its definition: scores for people or
    criteria it no longer has would silently vanish, so refuse."""
    checks = (
        ("judge", "SELECT DISTINCT judge FROM score_sheet", {j.id for j in config.judges}),
        ("entrant", "SELECT DISTINCT entrant FROM score_sheet", {e.id for e in config.entrants}),
        ("criterion", "SELECT DISTINCT criterion FROM score", {c.id for c in config.criteria}),
    )
    for kind, sql, known in checks:
        unknown = sorted(row[0] for row in conn.execute(sql) if row[0] not in known)
        if unknown:
            raise InputError(path, f"db.unknown_refs.{kind}", ids=", ".join(unknown))
