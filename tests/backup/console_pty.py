"""The real moderator console (``ikm-tui``) in a pseudo-terminal, as a person would run it.

Its output is drained continuously (a full terminal buffer would block the app), and it can
be killed like a laptop whose battery died: ``SIGKILL``, no clean-up of any kind.
"""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path


class ConsoleInPty:
    def __init__(self, config: Path, *, columns: int = 120, rows: int = 36) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ikm_tui", "--config", str(config)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=config.parent,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def kill_9(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def close(self) -> None:
        self.kill_9()
        try:
            os.close(self.master)
        except OSError:
            pass
        self._reader.join(5)
