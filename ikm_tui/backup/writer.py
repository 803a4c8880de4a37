"""One checked copy into one folder, so that a pulled USB stick never leaves a half file.

The image goes to a dot-named temp file, is fsynced and checked (:func:`check_copy` opens it
like a restore would), and only then renamed to its final name and the folder fsynced. If the
folder vanishes at any point, the rename cannot happen: a name without ``.tmp`` is always a
whole, proven copy. A missing folder is never created — on a laptop, ``/media/usb/ikm``
without the stick would be the laptop's own disk.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import time
from collections.abc import Callable
from pathlib import Path

from ikm_tui.domain.backup_plan import copy_name, stale_temps, temp_name, to_prune
from ikm_tui.domain.errors import InputError

STALE_TEMP_S = 600  # a temp file this old belongs to a copy that was killed
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_UNWRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}


class TargetProblem(Exception):
    """A folder could not take a copy; ``kind`` is what the console shows."""

    def __init__(self, folder: Path, kind: str, detail: str = "") -> None:
        self.folder = folder
        self.kind = kind  # "missing" | "full" | "unwritable" | "bad_copy" | "failed"
        self.detail = detail
        super().__init__(f"{folder}: {kind} {detail}".strip())

    def render(self, messages) -> str:
        return f"{self.folder}: {messages(f'backup.problem.{self.kind}', detail=self.detail)}"


def classify(exc: OSError, folder: Path) -> TargetProblem:
    if not folder.is_dir():
        return TargetProblem(folder, "missing")
    if exc.errno in _FULL:
        return TargetProblem(folder, "full")
    if exc.errno in _UNWRITABLE:
        return TargetProblem(folder, "unwritable", exc.strerror or str(exc))
    return TargetProblem(folder, "failed", exc.strerror or str(exc))


def write_checked(image: bytes, final: Path, check: Callable[[Path], object]) -> None:
    """Write ``image`` as ``final``: temp file, fsync, ``check(temp)``, rename, fsync folder."""
    temp = final.with_name(temp_name(final.name))
    try:
        handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        with os.fdopen(handle, "wb") as out:
            out.write(image)
            out.flush()
            os.fsync(out.fileno())
        check(temp)
        os.replace(temp, final)
    except BaseException:
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass  # the folder went away with it
        raise
    fsync_folder(final.parent)


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); some systems cannot open a folder, which is fine."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def copy_to_folder(
    image: bytes,
    folder: Path,
    stem: str,
    keep: int,
    check: Callable[[Path], object],
    at: dt.datetime | None = None,
) -> Path:
    """A new named copy in ``folder``, then only the newest ``keep`` copies are kept."""
    if not folder.is_dir():
        raise TargetProblem(folder, "missing")
    final = folder / copy_name(stem, at or dt.datetime.now())
    try:
        write_checked(image, final, check)
    except OSError as exc:
        raise classify(exc, folder) from None
    except InputError as exc:
        if exc.code == "copy.not_found" or not folder.is_dir():  # the folder went away under it
            raise TargetProblem(folder, "missing") from None
        raise TargetProblem(folder, "bad_copy", exc.code) from None
    prune(folder, stem, keep)
    return final


def prune(folder: Path, stem: str, keep: int) -> None:
    """Remove copies beyond the newest ``keep`` and temp files of killed copies; best effort."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    old = to_prune(stem, names, keep)
    now = time.time()
    for name in stale_temps(stem, names):
        try:
            if now - (folder / name).stat().st_mtime > STALE_TEMP_S:
                old.append(name)
        except OSError:
            pass
    for name in old:
        try:
            (folder / name).unlink()
        except OSError:
            pass
