"""``ikm-tui serve`` as a real process on a free port of 127.0.0.1, as the moderator runs it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ADDRESS = re.compile(r"http://127\.0\.0\.1:(\d+)/")


class Served:
    """Starts the server, reads the address it prints, keeps its log, stops it with Ctrl+C."""

    def __init__(self, config: Path, *args: str, startup_timeout: float = 30.0) -> None:
        self.config = config
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ikm_tui", "--config", str(config), "serve", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
            env=os.environ | {"PYTHONUNBUFFERED": "1"},
        )
        self.output: list[str] = []
        self.log: list[str] = []
        threading.Thread(target=self._read, args=(self.process.stderr, self.log), daemon=True).start()
        self.port = self._wait_for_address(startup_timeout)
        threading.Thread(target=self._read, args=(self.process.stdout, self.output), daemon=True).start()
        self.origin = f"127.0.0.1:{self.port}"
        self.url = f"http://{self.origin}/"

    def _wait_for_address(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.output.append(line)
            if match := ADDRESS.search(line):
                return int(match.group(1))
        self.process.kill()
        raise AssertionError("the server printed no address: " + "".join(self.output) + "".join(self.log))

    @staticmethod
    def _read(stream, into: list[str]) -> None:
        for line in stream:
            into.append(line)

    def wait_for_log(self, pattern: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.log):
                if re.search(pattern, line):
                    return line
            time.sleep(0.05)
        raise AssertionError(f"no log line like {pattern!r} in: {''.join(self.log)}")

    def stop(self, signum: int = signal.SIGINT, timeout: float = 20.0) -> int:
        """Ctrl+C, as the moderator would (or another signal); returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signum)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise AssertionError("the server did not stop on Ctrl+C") from None

    def __enter__(self) -> Served:
        return self

    def __exit__(self, *exc) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def processes_running(marker: str) -> list[int]:
    """Pids whose command line mentions ``marker`` (a test's own config path); Linux only."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            state = (entry / "stat").read_text().split(") ", 1)[1][0]
        except OSError:
            continue
        if marker in cmdline and state != "Z":
            found.append(int(entry.name))
    return found
