"""Waking up when the session file changes, instead of asking it ten times a second.

Every commit by any process appends to the database's ``-wal`` file (or rewrites the main file
at a checkpoint). On Linux, inotify tells a blocked thread about such a write within a
millisecond while costing nothing when nothing happens, so a judge's save reaches the
moderator, the board and F3 at once and seven idle followers use no CPU.

This module is the one place that knows about inotify (a Linux-only kernel call, reached
through ``ctypes``). Elsewhere — Windows, macOS, or a kernel that refuses another watch —
:func:`open_wal_watch` returns ``None`` and followers keep their slower poll of
``PRAGMA data_version``, which stays on as a safety net everywhere.
"""

from __future__ import annotations

import os
import select
import struct
import sys
import threading
from collections.abc import Callable
from pathlib import Path

_IN_MODIFY = 0x00000002
_IN_CLOSE_WRITE = 0x00000008
_IN_MOVED_TO = 0x00000080
_IN_CREATE = 0x00000100
_IN_DELETE = 0x00000200
_IN_NONBLOCK = 0o4000
_IN_CLOEXEC = 0o2000000
_EVENT_HEADER = struct.Struct("iIII")  # wd, mask, cookie, len
_MASK = _IN_MODIFY | _IN_CLOSE_WRITE | _IN_MOVED_TO | _IN_CREATE | _IN_DELETE
_STOP_CHECK_SECONDS = 1.0


class WalWatch:
    """Calls ``on_change()`` from its own thread whenever the database or its WAL is written.

    Bursts coalesce: one read drains every pending notification and triggers one call.
    """

    def __init__(self, fd: int, names: frozenset[str], on_change: Callable[[], None]) -> None:
        self._fd = fd
        self._names = names
        self._on_change = on_change
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ikm-wal-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()

    def _run(self) -> None:
        try:
            while not self._stopped.is_set():
                ready, _, _ = select.select([self._fd], [], [], _STOP_CHECK_SECONDS)
                if ready and self._drain() and not self._stopped.is_set():
                    self._on_change()
        except (OSError, ValueError):
            pass  # the watch is gone (descriptor closed); the slow poll carries on
        finally:
            os.close(self._fd)

    def _drain(self) -> bool:
        """Reads every pending event; True when one of them concerns our files."""
        touched = False
        while True:
            try:
                data = os.read(self._fd, 64 * 1024)
            except BlockingIOError:
                return touched
            offset = 0
            while offset < len(data):
                _, _, _, length = _EVENT_HEADER.unpack_from(data, offset)
                offset += _EVENT_HEADER.size
                name = data[offset : offset + length].rstrip(b"\0").decode("utf-8", "surrogateescape")
                offset += length
                touched = touched or name in self._names


def open_wal_watch(database: Path, on_change: Callable[[], None]) -> WalWatch | None:
    """A started watch on ``database`` and its ``-wal``, or ``None`` where none is possible."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # only here: the first frame should not pay for it

    try:
        libc = ctypes.CDLL(None, use_errno=True)  # the C library Python itself runs on
        fd = libc.inotify_init1(_IN_NONBLOCK | _IN_CLOEXEC)
    except (OSError, AttributeError):
        return None
    if fd < 0:
        return None
    folder = os.fsencode(database.resolve().parent)
    if libc.inotify_add_watch(fd, folder, _MASK) < 0:
        os.close(fd)
        return None
    names = frozenset({database.name, f"{database.name}-wal"})
    watch = WalWatch(fd, names, on_change)
    watch.start()
    return watch
