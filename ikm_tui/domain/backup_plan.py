"""Names of backup copies and which of them to keep.

A copy's name says whose session it is and when it was taken, to the millisecond, so names
sort in time order and a folder shared by two events never mixes their copies up::

    ikm-session-20220614-140512-123.db

Temp files start with a dot and end in ``.tmp``: a copy is only ever seen under its final
name once it is complete, fsynced and checked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

STAMP = "%Y%m%d-%H%M%S"


def copy_name(stem: str, at: dt.datetime) -> str:
    return f"{stem}-{at.strftime(STAMP)}-{at.microsecond // 1000:03d}.db"


def temp_name(final_name: str) -> str:
    return f".{final_name}.tmp"


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-\d{{8}}-\d{{6}}-\d{{3}}\.db$")


def copies_of(stem: str, names: Iterable[str]) -> list[str]:
    """The session's copies among ``names``, oldest first."""
    pattern = _pattern(stem)
    return sorted(name for name in names if pattern.match(name))


def to_prune(stem: str, names: Iterable[str], keep: int) -> list[str]:
    """The copies beyond the newest ``keep``; other files in the folder are never touched."""
    copies = copies_of(stem, names)
    return copies[: max(0, len(copies) - keep)]


def stale_temps(stem: str, names: Iterable[str]) -> list[str]:
    """Temp files a killed copy left behind (never a complete copy: those get renamed)."""
    pattern = re.compile(rf"^\.{re.escape(stem)}-\d{{8}}-\d{{6}}-\d{{3}}\.db\.tmp$")
    return sorted(name for name in names if pattern.match(name))


def taken_at(stem: str, name: str) -> dt.datetime | None:
    """When a copy was taken, from its name (local time, as shown to people)."""
    if not _pattern(stem).match(name):
        return None
    text = name[len(stem) + 1 : -len(".db")]
    stamp, millis = text.rsplit("-", 1)
    return dt.datetime.strptime(stamp, STAMP).replace(microsecond=int(millis) * 1000)
