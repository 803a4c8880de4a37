"""Storage faults as staff must read them: the file, and the real cause.

SQLite reports a read-only file, a read-only folder, a full disk, a damaged file and a deleted
``-wal`` with terse, sometimes misleading texts ("unable to open database file", "disk I/O
error"). :func:`storage_fault` turns them into an :class:`InputError` naming the file and what
to do (the CLI exits 2; nothing half-written stays: the transaction rolled back).

:func:`lost_wal` looks *before* SQLite opens the file: after a crash the committed changes may
still be only in ``NAME-wal``; if that file was deleted, SQLite would silently open the older
main file (even an empty one, which looks like a new session). The ``-shm`` index left behind
says how many committed frames the log held and how many were copied back: more than copied
back means commits would be lost, so the file is refused untouched.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import time
from pathlib import Path

from ikm_tui.domain.errors import InputError

# sqlite3 primary result codes (the low byte of an extended code)
SQLITE_PERM = 3
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

# The wal-index header (the -shm file): mxFrame at byte 16 and nBackfill at byte 96, in the
# machine's byte order (https://www.sqlite.org/walformat.html#the_wal_index_file_format).
_MX_FRAME = 16
_N_BACKFILL = 96
_IS_INIT = 12
LOOKS = 3
LOOK_APART_S = 0.05


def storage_fault(path: Path, exc: sqlite3.Error) -> InputError | None:
    """The staff-facing meaning of ``exc`` met on ``path``; None if it is not a storage fault
    (a constraint, a busy lock, a programming error: those are handled elsewhere)."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    place = str(path)
    folder = str(path.parent)
    if code == SQLITE_FULL:
        return InputError(place, "db.disk_full", folder=folder)
    if code == SQLITE_NOTADB:
        return InputError(place, "db.not_sqlite")
    if code == SQLITE_CORRUPT:
        return InputError(place, "db.damaged", detail=str(exc))
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN):
        return _access_fault(path, exc)
    if code == SQLITE_IOERR:
        if _wal_replaced(path):
            return InputError(place, "db.wal_deleted", wal=f"{path.name}-wal")
        return InputError(place, "db.io_error", detail=getattr(exc, "sqlite_errorname", "") or str(exc))
    return None


def _access_fault(path: Path, exc: sqlite3.Error) -> InputError:
    place, folder = str(path), path.parent
    if not folder.is_dir():
        return InputError(place, "db.no_folder", folder=str(folder))
    if path.exists() and not os.access(path, os.R_OK):
        return InputError(place, "db.unreadable_file")
    if path.exists() and not os.access(path, os.W_OK):
        return InputError(place, "db.read_only_file")
    if not os.access(folder, os.W_OK | os.X_OK):
        return InputError(place, "db.read_only_folder", folder=str(folder), name=path.name)
    for side in (f"{path}-wal", f"{path}-shm"):
        if os.path.exists(side) and not os.access(side, os.R_OK | os.W_OK):
            return InputError(place, "db.read_only_file_side", side=Path(side).name)
    return InputError(place, "db.cannot_open", detail=str(exc))


def _wal_replaced(path: Path) -> bool:
    """The -wal is missing or empty while the -shm says it holds frames (copied back or not):
    it was deleted under a process that still writes to the old one."""
    wal = Path(f"{path}-wal")
    return _frames(path)[0] > 0 and (not wal.exists() or wal.stat().st_size == 0)


def lost_wal(path: Path) -> InputError | None:
    """Refuse to open ``path`` when its ``-wal`` was deleted with committed changes in it.

    Looked at three times, 50 ms apart: a process closing the file this instant removes the
    -wal a moment before the -shm, and must not be mistaken for a deletion.
    """
    wal = Path(f"{path}-wal")
    for attempt in range(LOOKS):
        if attempt:
            time.sleep(LOOK_APART_S)
        if not path.exists() or wal.exists():
            return None
        frames = _uncopied_frames(path)
        if frames <= 0:
            return None
    return InputError(str(path), "db.wal_lost", wal=wal.name, shm=f"{path.name}-shm", frames=frames)


def _uncopied_frames(path: Path) -> int:
    """Committed WAL frames not yet copied into the main file, per the -shm; 0 if unknown."""
    max_frame, backfilled = _frames(path)
    return max(0, max_frame - backfilled)


def _frames(path: Path) -> tuple[int, int]:
    """(frames in the WAL, frames copied back) as the -shm records them; (0, 0) if unknown."""
    try:
        with open(f"{path}-shm", "rb") as shm:
            header = shm.read(_N_BACKFILL + 4)
    except OSError:
        return 0, 0
    if len(header) < _N_BACKFILL + 4 or not header[_IS_INIT] or header[:48] != header[48:96]:
        return 0, 0  # not initialised, or caught mid-update (the two header copies differ)
    (max_frame,) = struct.unpack_from("=I", header, _MX_FRAME)
    (backfilled,) = struct.unpack_from("=I", header, _N_BACKFILL)
    return max_frame, backfilled
