"""The one place that knows terminals differ: text streams that never fail on our characters.

Indonesian names, ``Rp 3.000.000``, ``–``, ``✓`` and ``→`` are printed by every command. A
Windows console, a ``cp1252`` pipe (``ikm-tui leaderboard > hasil.txt``) or a ``LANG=C`` SSH
session cannot encode some of them, and Python would stop with a traceback mid-output. Output
redirected to a file or pipe is written as UTF-8 (what Excel and editors read); a terminal
that cannot show a character gets a ``?`` instead of a crash.
"""

from __future__ import annotations

import io
import sys
from typing import TextIO


def prepare_streams() -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` safe for any text (call once, at start-up)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None:
            safe_stream(stream)


def safe_stream(stream: TextIO) -> None:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if encoding == "utf8" or not isinstance(stream, io.TextIOWrapper):
        return
    try:
        interactive = stream.isatty()
    except (OSError, ValueError):
        interactive = False
    if interactive:
        stream.reconfigure(errors="replace")
    else:
        stream.reconfigure(encoding="utf-8")
