"""Write a file so that a crash leaves either the old file or the whole new one, never half.

The temporary file beside the target is created with the usual permissions (``0666`` less the
umask, like any file the user saves — not ``mkstemp``'s ``0600``) and carries an ``ikm-`` mark,
so one left behind by a killed export (``kill -9``; Ctrl-C and SIGTERM clean up themselves) is
swept by the next export into that folder once it is clearly stale.
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path

TEMP_MARK = ".ikm-"
STALE_AFTER_S = 3600  # no export takes an hour: an older temp file is a killed export's


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a temporary file beside ``path``, fsync it, then rename over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _sweep_stale(path.parent)
    tmp = _create_temp(path)
    try:
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass  # some filesystems refuse fsync on a directory; the rename itself is atomic
    return path


def write_bytes_atomically(path: Path, data: bytes) -> Path:
    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    return write_atomically(path, write)


def _create_temp(path: Path) -> Path:
    while True:
        tmp = path.with_name(f".{path.name}{TEMP_MARK}{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
            return tmp
        except FileExistsError:
            continue
        except BaseException:
            # SIGTERM or Ctrl-C handled the instant the file appeared (Python runs the handler
            # right after the call that created it): the caller never got the name to clean up
            tmp.unlink(missing_ok=True)
            raise


def _sweep_stale(folder: Path) -> None:
    cutoff = time.time() - STALE_AFTER_S
    try:
        for entry in os.scandir(folder):
            name = entry.name
            if name.startswith(".") and TEMP_MARK in name and name.endswith(".tmp"):
                try:
                    if entry.stat().st_mtime < cutoff:
                        os.unlink(entry.path)
                except OSError:
                    pass
    except OSError:
        pass  # a folder we cannot list: the write itself will say why


def write_files_atomically(folder: Path, files: dict[str, bytes]) -> Path:
    """Many files into ``folder``, each atomically (a crash leaves each file old or whole new),
    with one flush to disk for all of them instead of one per file: a thousand feedback reports
    would otherwise wait on a thousand fsyncs."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    _sweep_stale(folder)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in files.items():
            target = folder / name
            tmp = _create_temp(target)
            staged.append((tmp, target))
            tmp.write_bytes(data)
        os.sync()  # every staged file is on disk before any of them takes its name
        for tmp, target in staged:
            os.replace(tmp, target)
    except BaseException:
        for tmp, _target in staged:
            tmp.unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass  # some filesystems refuse fsync on a directory; the renames themselves are atomic
    return folder
