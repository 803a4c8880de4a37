"""Copies of the session database: taking one while everyone writes, and proving one is good.

``snapshot`` uses SQLite's online backup API from a connection of its own, in one step, so
the image is exactly the database as of one committed transaction — judges and the console go
on writing meanwhile (WAL readers never block writers). The image is turned into a plain
rollback-journal file, so opening a copy on a USB stick never leaves ``-wal``/``-shm`` files
beside it.

``check_copy`` is the one gate every copy passes — after each continuous backup, after
``ikm-tui backup`` and before ``ikm-tui restore`` — and it never changes the file it checks.
It proves a copy exactly as ``ikm-tui audit verify`` proves the session (:mod:`.verify`).
"""

from __future__ import annotations

import random
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ikm_tui.domain import definition
from ikm_tui.domain.config import Config
from ikm_tui.domain.errors import InputError
from ikm_tui.store import record
from ikm_tui.store.database import StoreUnavailable
from ikm_tui.store.locked import is_locked
from ikm_tui.store.migrations import CURRENT_VERSION
from ikm_tui.store.schema import APP_ID, FIRST_WITH_RECORD
from ikm_tui.store.verify import verify

SNAPSHOT_DEADLINE_S = 15.0
# Bytes 18 and 19 of an SQLite file: the read/write format, 1 = rollback journal, 2 = WAL.
_FORMAT_BYTES = slice(18, 20)
_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class CopyFacts:
    """What a good copy holds, as staff need to see it before restoring it."""

    schema: int
    event: str
    changes: int  # audit rows
    last_change: str | None  # UTC instant of the last audit row
    head: str  # hash of the last audit row
    sheets: int
    judges: int  # judges with at least one sheet
    finalised: bool
    on_stage: str | None


def _read_only(path: Path) -> sqlite3.Connection:
    uri = f"file:{quote(str(path))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=2)
    conn.row_factory = sqlite3.Row  # as every store reader (and verify) expects
    return conn


def snapshot(source: Path) -> bytes:
    """The whole session as of its last commit, as the bytes of a self-contained SQLite file."""
    if not source.is_file():
        raise InputError(str(source), "copy.no_session")
    deadline = time.monotonic() + SNAPSHOT_DEADLINE_S
    delay = 0.005
    while True:
        try:
            return _snapshot_once(source)
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if ("locked" not in text and "busy" not in text) or time.monotonic() > deadline:
                if "locked" in text or "busy" in text:
                    raise StoreUnavailable(source, str(exc)) from None
                raise InputError(str(source), "db.cannot_open", detail=str(exc)) from None
            time.sleep(delay * (1 + random.random()))
            delay = min(delay * 2, 0.25)
        except sqlite3.DatabaseError:
            raise InputError(str(source), "db.not_sqlite") from None


def _snapshot_once(source: Path) -> bytes:
    # A normal connection, not mode=ro: a WAL file nobody has open has no -shm yet, and a
    # read-only connection could not create it. This connection only ever reads.
    live = sqlite3.connect(source, isolation_level=None, timeout=2)
    image = sqlite3.connect(":memory:")
    try:
        live.execute("PRAGMA query_only = ON")
        live.backup(image)  # pages=-1: everything in one step, one read transaction
        data = bytearray(image.serialize())
    finally:
        image.close()
        live.close()
    if len(data) >= 100:
        data[_FORMAT_BYTES] = b"\x01\x01"
    return bytes(data)


def check_copy(path: Path, config: Config, *, event: str | None, match_config: bool = False) -> CopyFacts:
    """Prove ``path`` is a whole, untampered session, and whose.

    ``event``: the event id the copy must carry (this laptop's session's), None for any;
    ``match_config``: the copy must also be the event ``config`` describes, by the rule that
    opening a session with it applies (a laptop that has only the config). ``config`` is this
    machine's file; a copy that records its definition is proven against that record.

    Raises :class:`InputError` naming the file and the first problem: not there, not SQLite,
    not ours, from a newer ikm-tui, another event's, or anything ``audit verify`` finds.
    """
    try:
        return _check(path, config, event, match_config)
    except sqlite3.Error as exc:  # the file changed or vanished while we read it
        if not path.is_file():
            raise InputError(str(path), "copy.not_found") from None
        raise _unreadable(path, exc) from None


def _check(path: Path, config: Config, event: str | None, match_config: bool) -> CopyFacts:
    if not path.is_file():
        raise InputError(str(path), "copy.not_found")
    conn = _read_only(path)
    try:
        version = _recognise(conn, path)
        found = event_identity(conn, path)
        if event is not None and found != event:
            raise InputError(str(path), "copy.other_event", found=found, expected=event)
        recorded = _recorded_config(conn, path, version, config)
        if match_config:
            _require_same_event(conn, path, version, config)
    finally:
        conn.close()
    _prove(path, recorded)
    return _facts(path, version, found)


def session_event(path: Path) -> str | None:
    """The event a session file belongs to; None when there is no file yet."""
    if not path.is_file():
        return None
    try:  # not mode=ro: that would leave -wal and -shm behind a WAL file nobody else has open
        conn = sqlite3.connect(path, isolation_level=None, timeout=2)
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error:
        raise InputError(str(path), "db.not_sqlite") from None
    try:
        _recognise(conn, path)
        return event_identity(conn, path)
    finally:
        conn.close()


def event_identity(conn: sqlite3.Connection, path: Path) -> str:
    """What binds a session file to its event: the id created with it (schema 2 on), or the
    title and days an older session was bound by."""
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('event_id', 'event')").fetchall())
    except sqlite3.DatabaseError:
        raise InputError(str(path), "db.foreign") from None
    identity = meta.get("event_id") or meta.get("event")
    if not identity:
        raise InputError(str(path), "db.foreign")
    return str(identity)


def _recorded_config(conn: sqlite3.Connection, path: Path, version: int, config: Config) -> Config:
    """The event as the copy records it, on this machine's paths; ``config`` for an older copy."""
    revision = record.latest(conn) if version >= FIRST_WITH_RECORD else None
    if revision is None:
        return config
    try:
        return definition.decode(revision.body, path=config.path, database=path, backup=config.backup)
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise InputError(str(path), "db.bad_definition", detail=f"{type(exc).__name__}: {exc}") from None


def _require_same_event(conn: sqlite3.Connection, path: Path, version: int, config: Config) -> None:
    """The rule opening a session applies (:mod:`.schema`): before the record, title and days
    were the identity; since, the config is this event's if it shares its title or its days."""
    revision = record.latest(conn) if version >= FIRST_WITH_RECORD else None
    if revision is None:
        found = event_identity(conn, path)
        if found != config.fingerprint():
            raise InputError(str(path), "copy.other_event", found=found, expected=config.fingerprint())
        return
    event = revision.body.get("event", {})
    days = [d.isoformat() for d in config.event.days]
    if event.get("title") != config.event.title and event.get("days") != days:
        raise InputError(
            str(path), "copy.other_event", found=event.get("title", "?"), expected=config.event.title
        )


def _recognise(conn: sqlite3.Connection, path: Path) -> int:
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app = conn.execute(
            "SELECT value FROM meta WHERE key = 'app'"
            " AND EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'meta')"
        ).fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            raise InputError(str(path), "db.foreign") from None
        raise _unreadable(path, exc) from None
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from None
    if version > CURRENT_VERSION:
        raise InputError(str(path), "db.newer", found=version, supported=CURRENT_VERSION)
    if version == 0 or app is None or app[0] != APP_ID:
        raise InputError(str(path), "db.foreign")
    return int(version)


def _unreadable(path: Path, exc: sqlite3.Error) -> InputError:
    """A file SQLite cannot read: damaged if it starts like an SQLite file, else not one."""
    try:
        with open(path, "rb") as handle:
            magic = handle.read(len(_MAGIC))
    except OSError:
        magic = b""
    if magic == _MAGIC:
        return InputError(str(path), "copy.damaged", detail=str(exc))
    return InputError(str(path), "db.not_sqlite")


def _prove(path: Path, config: Config) -> None:
    """Everything ``ikm-tui audit verify`` proves, on the copy: SQLite's integrity check, the
    audit chain, replaying the log gives the tables, the frozen result matches its digest."""
    conn = _read_only(path)
    try:
        conn.execute("BEGIN")  # one consistent state, as verify expects
        verdict = verify(conn, config)
    finally:
        conn.close()
    if verdict.problem is not None:
        raise InputError(str(path), verdict.problem.code, **verdict.problem.params)


def _facts(path: Path, version: int, event: str) -> CopyFacts:
    conn = _read_only(path)
    try:
        last = conn.execute("SELECT seq, at, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        sheets, judges = conn.execute("SELECT count(*), count(DISTINCT judge) FROM score_sheet").fetchone()
        stage = conn.execute("SELECT entrant FROM stage WHERE id = 1").fetchone()
        finalised = is_locked(conn)
    finally:
        conn.close()
    return CopyFacts(
        schema=version,
        event=event,
        changes=last[0] if last else 0,
        last_change=last[1] if last else None,
        head=last[2] if last else "",
        sheets=sheets,
        judges=judges,
        finalised=finalised,
        on_stage=stage[0] if stage else None,
    )


def fold_for_move(path: Path) -> bool:
    """Make the session file self-contained (WAL folded in) so it can be moved aside whole.

    Leaving WAL mode needs every other connection closed, so this is also the test that no
    console, judge or board has the session open. Returns False when the file cannot be read
    as a database at all (then its ``-wal`` and ``-shm`` must move with it).
    """
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=0.5)
    except sqlite3.Error:
        return False
    try:
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
        return True
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise InputError(str(path), "restore.in_use") from None
        return False
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
