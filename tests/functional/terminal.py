"""A real ``ikm-tui`` process on a pseudo-terminal: what a person's terminal would receive.

Pilot drives the app in-process; these helpers start the real command and read the bytes its
terminal gets, for what only the terminal shows (a burst of keys in one write, every frame a
projector ever drew).
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

ANSI = re.compile(
    rb"\x1b\[[0-9;?<>=:]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)


@dataclass
class Terminal:
    """The leader side of the pty, and everything read from it so far."""

    fd: int
    seen: bytes = field(default=b"")

    def read_until(self, needle: bytes, timeout: float) -> bytes:
        """Read until ``needle`` has arrived (in the raw bytes); returns what this call read."""
        start = len(self.seen)
        deadline = time.monotonic() + timeout
        while needle not in self.seen[start:]:
            left = deadline - time.monotonic()
            assert left > 0, f"{needle!r} never appeared on the terminal"
            if not self._read(min(left, 0.5)):
                break
        return self.seen[start:]

    def text_until(self, needle: str, timeout: float) -> str:
        """Read until ``needle`` shows in the text the terminal drew (escape codes removed)."""
        start = len(self.seen)
        deadline = time.monotonic() + timeout
        while needle not in text_of(self.seen[start:]):
            left = deadline - time.monotonic()
            assert left > 0, f"{needle!r} never appeared on the terminal"
            if not self._read(min(left, 0.5)):
                break
        return text_of(self.seen[start:])

    def drain(self) -> bytes:
        """Everything waiting now, without blocking."""
        start = len(self.seen)
        while self._read(0):
            pass
        return self.seen[start:]

    def write(self, data: bytes) -> int:
        return os.write(self.fd, data)

    def _read(self, timeout: float) -> bool:
        if not select.select([self.fd], [], [], timeout)[0]:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return False
        self.seen += chunk
        return bool(chunk)


def text_of(raw: bytes) -> str:
    """The characters a terminal would draw, in the order they arrived (escape codes removed)."""
    return ANSI.sub(b"", raw).decode("utf-8", errors="replace")


@contextmanager
def ikm_tui(*args: str, columns: int = 100, lines: int = 30) -> Iterator[Terminal]:
    """``ikm-tui *args`` on a pty of ``columns`` × ``lines``; quit with Ctrl+Q at the end."""
    leader, follower = pty.openpty()
    os.set_blocking(leader, False)
    fcntl.ioctl(leader, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(columns), LINES=str(lines))
    process = subprocess.Popen(
        [sys.executable, "-m", "ikm_tui", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        start_new_session=True,
    )
    os.close(follower)
    terminal = Terminal(leader)
    try:
        yield terminal
    finally:
        try:
            os.write(leader, b"\x11")  # Ctrl+Q
            process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait(timeout=10)
        os.close(leader)
