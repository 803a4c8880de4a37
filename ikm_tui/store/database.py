"""The SQLite engine adapter: one process's connection to the shared session file.

Everything specific to SQLite lives here — the PRAGMAs, ``data_version``, ``user_version``,
``BEGIN IMMEDIATE`` with back-off, the catalogue (``sqlite_master``), splitting a DDL script,
and turning SQLite's errors into messages — so another engine (PostgreSQL, for programmes that
outgrow one laptop) is one more adapter with the same methods, not a hunt through the store.
The area modules above it only run plain SQL through :meth:`Database.write`,
:meth:`Database.query` and :meth:`Database.reading`.

Several judges' processes, the moderator console and the projector board write and read the
same file. WAL lets readers go on while one writer commits; ``synchronous=FULL`` makes a commit
durable before we say "saved"; every write is a short ``BEGIN IMMEDIATE`` transaction retried
with back-off, so nobody ever sees "database is locked" unless the file is truly unavailable.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from ikm_tui.domain.errors import Catalogue, InputError
from ikm_tui.store.faults import lost_wal, storage_fault

T = TypeVar("T")
Params = Sequence[Any] | Mapping[str, Any]
"""SQL parameters: positional or named."""

EngineError = sqlite3.DatabaseError
"""What the engine raises for a damaged, unreadable or foreign file: catch this, not sqlite3's."""

BUSY_TIMEOUT_MS = 2000
WRITE_DEADLINE_S = 15.0


class StoreUnavailable(Exception):
    """The database stayed locked or unreachable past our patience; the caller keeps its data."""

    code = "db.unavailable"

    def __init__(self, path: Path, detail: str) -> None:
        self.place = str(path)
        self.params = {"detail": detail}
        super().__init__(f"{path}: {detail}")

    def render(self, messages: Catalogue) -> str:
        return f"{self.place}: {messages(self.code, **self.params)}"


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


class Database:
    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        self._last_version = 0
        lost = lost_wal(self.path)  # before SQLite opens it and forgets what the -shm knows
        if lost is not None:
            raise lost
        try:
            self.conn: sqlite3.Connection = self._connect(read_only)
        except sqlite3.DatabaseError as exc:
            if getattr(self, "conn", None) is not None:
                self.conn.close()
            raise self.open_error(exc) from None

    def open_error(self, exc: sqlite3.DatabaseError) -> InputError:
        """What an error of the file itself means to staff: the real cause (read-only, full,
        damaged...), else that it is not an SQLite file at all."""
        return storage_fault(self.path, exc) or InputError(str(self.path), "db.not_sqlite")

    @contextmanager
    def faults(self) -> Iterator[None]:
        """Storage faults raised inside become :class:`InputError` naming the file and cause."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            mapped = storage_fault(self.path, exc)
            if mapped is None or (self.read_only and mapped.code == "db.cannot_open"):
                raise  # a follower opened read-only on purpose tried to write: a bug, not a fault
            raise mapped from None

    def _connect(self, read_only: bool) -> sqlite3.Connection:
        if read_only:
            uri = self.path.resolve().as_uri() + "?mode=ro"  # Windows drive letters, "#", "%"
            conn = sqlite3.connect(
                uri, uri=True, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
        else:
            conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
        except BaseException:
            conn.close()
            raise
        return conn

    def enable_wal(self) -> None:
        try:
            self._retry(lambda: self.conn.execute("PRAGMA journal_mode = WAL").fetchone())
        except sqlite3.DatabaseError as exc:
            raise self.open_error(exc) from None

    # -- the catalogue and the schema version ----------------------------------------------

    def inspect(self) -> tuple[int, int]:
        """(schema version, number of objects in the file); a file that is not a database, or
        that cannot be read, is refused with its cause."""
        try:
            with self.reading() as conn:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise self.open_error(exc) from None
        return version, objects

    @staticmethod
    def schema_version(conn: sqlite3.Connection) -> int:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])

    @staticmethod
    def set_schema_version(conn: sqlite3.Connection, version: int) -> None:
        conn.execute(f"PRAGMA user_version = {int(version)}")

    @staticmethod
    def object_count(conn: sqlite3.Connection) -> int:
        return int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])

    @staticmethod
    def has_table(conn: sqlite3.Connection, name: str) -> bool:
        row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
        return row.fetchone() is not None

    @staticmethod
    def integrity_check(conn: sqlite3.Connection) -> list[str]:
        """The engine's own check of the file's pages: ``["ok"]`` when sound."""
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]

    @staticmethod
    def run_script(conn: sqlite3.Connection, script: str) -> None:
        """Run a DDL script statement by statement inside the caller's transaction
        (``executescript`` would commit it)."""
        for statement in split_statements(script):
            conn.execute(statement)

    @contextmanager
    def write(self, *, references_built_in: bool = False) -> Iterator[sqlite3.Connection]:
        """One short write transaction, taken with ``BEGIN IMMEDIATE`` and committed durably.

        ``references_built_in``: the caller writes each child row together with the parent it
        references, so the engine's foreign-key lookup per row proves nothing; an import of
        1.5 million scores skips those lookups (about a tenth of its time). SQLite only takes
        the switch outside a transaction, and it is back on when this one ends, whatever way.
        """
        with self._lock, self.faults(), self._references(checked=not references_built_in):
            self._begin_immediate()
            try:
                yield self.conn
            except BaseException:
                self._rollback()
                raise
            try:
                self._retry(lambda: self.conn.execute("COMMIT"))
            except BaseException:
                self._rollback()
                raise

    @contextmanager
    def _references(self, *, checked: bool) -> Iterator[None]:
        if checked:
            yield
            return
        self.conn.execute("PRAGMA foreign_keys = OFF")
        try:
            yield
        finally:
            self._rollback()  # only if still open: the switch is ignored inside a transaction
            self.conn.execute("PRAGMA foreign_keys = ON")

    def _rollback(self) -> None:
        """Undo the open transaction; if the file fails even that, SQLite undoes it on the next
        open (the journal), so the first error is the one worth reporting."""
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.DatabaseError:
            pass

    def _begin_immediate(self) -> None:
        """Take the write lock, polling every 0.25-1.5 ms ourselves while another process holds it.

        SQLite's own busy handler sleeps longer and longer (up to 100 ms) between tries, so
        eight judges saving at one instant left the last one waiting ~150 ms for a lock that
        was free after ~30 ms. Short jittered polls keep that tail near the sum of the commits
        themselves (see benchmarks/judges.py); the deadline still ends in StoreUnavailable.
        """
        deadline = time.monotonic() + WRITE_DEADLINE_S
        delay = 0.0005
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as exc:
                    if not _is_busy(exc):
                        raise
                    if time.monotonic() > deadline:
                        raise StoreUnavailable(self.path, str(exc)) from None
                time.sleep(delay * (0.5 + random.random()))
                delay = min(delay * 1.5, 0.001)
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """Several reads that must see one state (no commit by another process in between)."""
        with self._lock, self.faults():
            if self.conn.in_transaction:  # already inside this process's write: same state
                yield self.conn
                return
            self._retry(lambda: self.conn.execute("BEGIN"))
            try:
                yield self.conn
            finally:
                if self.conn.in_transaction:
                    self.conn.execute("COMMIT")

    def query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        with self._lock, self.faults():
            return self._retry(lambda: self.conn.execute(sql, params).fetchall())

    def one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def data_version(self) -> int:
        """Changes when another connection commits: a cheap "anything new?" for followers.

        Never waits long: while this process's own write is retrying in a worker thread, the
        screen's 100 ms poll gets the last known version instead of freezing the event loop.
        """
        if not self._lock.acquire(timeout=0.05):
            return self._last_version
        try:
            self._last_version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
            return self._last_version
        finally:
            self._lock.release()

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def _retry(self, action: Callable[[], T]) -> T:
        deadline = time.monotonic() + WRITE_DEADLINE_S
        delay = 0.005
        while True:
            try:
                return action()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() > deadline:
                    if _is_busy(exc):
                        raise StoreUnavailable(self.path, str(exc)) from None
                    raise
                time.sleep(delay * (1 + random.random()))
                delay = min(delay * 2, 0.25)


def split_statements(script: str) -> list[str]:
    """A script's complete SQL statements, in order."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
