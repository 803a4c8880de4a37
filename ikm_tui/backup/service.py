"""The moderator console's continuous backup: a copy off the laptop after every change.

Threads, so that nothing here ever runs on the console's event loop: one takes snapshots,
one per folder writes them. A burst of changes (eight judges saving at once) becomes one copy:
a request waits ``settle`` seconds for the rest of the burst, and copies start at most every
``min_gap`` seconds. Each folder has its own writer, holding only the newest image not yet
written, so a slow or hung USB stick delays nobody — not the clock, not a judge, not the other
folder — and never builds a queue of stale copies.

A folder that is missing (stick pulled), full or failing is retried every ``probe`` seconds;
its first good copy afterwards is reported with ``back=True`` so the console can say so.
Every outcome goes to ``on_status``, called from a worker thread.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ikm_tui.backup.writer import TargetProblem, copy_to_folder
from ikm_tui.domain.config import Backup, Config
from ikm_tui.domain.errors import InputError
from ikm_tui.store.copy import check_copy, snapshot
from ikm_tui.store.database import StoreUnavailable

SETTLE_S = 0.2
MIN_GAP_S = 1.0
PROBE_S = 2.0


@dataclass(frozen=True)
class TargetStatus:
    """How one backup folder stands: ``state`` is "waiting" (no copy yet), "ok" or a problem."""

    folder: Path
    state: str
    copied_at: dt.datetime | None = None  # when the newest good copy here was taken
    detail: str = ""
    back: bool = False  # the first good copy after a problem
    seconds: float = 0.0  # worker time of that copy: snapshot + write + check + rename

    @property
    def ok(self) -> bool:
        return self.state == "ok"


@dataclass
class _Image:
    data: bytes
    taken_at: dt.datetime
    snapshot_s: float
    serial: int


@dataclass
class _Target:
    folder: Path
    wake: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    pending: _Image | None = None
    written: int = 0  # serial of the newest image written here
    status: TargetStatus | None = None
    thread: threading.Thread | None = None


class BackupService:
    def __init__(
        self,
        source: Path,
        config: Config,
        plan: Backup,
        event: str,
        on_status: Callable[[TargetStatus], None],
        *,
        settle: float = SETTLE_S,
        min_gap: float = MIN_GAP_S,
        probe: float = PROBE_S,
    ) -> None:
        self.source = source
        self.config = config
        self.plan = plan
        self.event = event
        self.on_status = on_status
        self.settle, self.min_gap, self.probe = settle, min_gap, probe
        self.stem = source.stem
        self._changed = threading.Event()  # something was committed since the last snapshot
        self._wake = threading.Event()  # a change or stop: the snapshot thread looks again
        self._stop = threading.Event()
        self._drained = threading.Event()  # the last snapshot is taken: writers may finish
        self._serial = 0
        self._targets = [_Target(folder) for folder in plan.targets]
        self._coordinator: threading.Thread | None = None

    # -- the console's side ------------------------------------------------------------------
    def start(self) -> None:
        """Begin with a copy of the session as it is now, then follow changes."""
        self.request()
        for target in self._targets:
            target.status = TargetStatus(target.folder, "waiting")
            target.thread = threading.Thread(
                target=self._write_loop, args=(target,), name=f"backup:{target.folder}", daemon=True
            )
            target.thread.start()
        self._coordinator = threading.Thread(target=self._snapshot_loop, name="backup", daemon=True)
        self._coordinator.start()

    def request(self) -> None:
        """Something was committed: copy it soon. Never blocks."""
        self._changed.set()
        self._wake.set()

    def stop(self, timeout: float = 3.0) -> None:
        """Copy what is still pending (within ``timeout``), then end the threads."""
        self._stop.set()
        self._wake.set()
        deadline = time.monotonic() + timeout
        if self._coordinator is not None:
            self._coordinator.join(max(0.0, deadline - time.monotonic()))
        for target in self._targets:
            if target.thread is not None:
                target.thread.join(max(0.0, deadline - time.monotonic()))

    def statuses(self) -> list[TargetStatus]:
        return [t.status or TargetStatus(t.folder, "waiting") for t in self._targets]

    # -- snapshots ---------------------------------------------------------------------------
    def _snapshot_loop(self) -> None:
        try:
            self._follow_changes()
        finally:
            self._drained.set()
            for target in self._targets:
                target.wake.set()

    def _follow_changes(self) -> None:
        last_start = -float("inf")
        every = self.plan.every_minutes
        while True:
            if every is None:
                self._wake.wait()
                self._wake.clear()
                if not self._stop.is_set():
                    self._stop.wait(self.settle)
                    self._stop.wait(max(0.0, last_start + self.min_gap - time.monotonic()))
            else:
                self._stop.wait(max(0.0, last_start + every * 60 - time.monotonic()))
            if self._changed.is_set():
                self._changed.clear()
                last_start = time.monotonic()
                self._take()
            elif every is not None:
                last_start = time.monotonic()
            if self._stop.is_set():
                return

    def _take(self) -> None:
        started = time.perf_counter()
        taken_at = dt.datetime.now()
        try:
            data = snapshot(self.source)
        except (InputError, StoreUnavailable, OSError) as exc:
            detail = exc.code if isinstance(exc, InputError) else str(exc)
            for target in self._targets:
                self._report(target, TargetStatus(target.folder, "failed", self._last_copy(target), detail))
            self._changed.set()  # try again at the next change or interval
            return
        self._serial += 1
        image = _Image(data, taken_at, time.perf_counter() - started, self._serial)
        for target in self._targets:
            with target.lock:
                target.pending = image
            target.wake.set()

    # -- writing, one thread per folder --------------------------------------------------------
    def _write_loop(self, target: _Target) -> None:
        while True:
            status = target.status
            failing = status is not None and status.state not in ("ok", "waiting")
            target.wake.wait(self.probe if failing else None)
            target.wake.clear()
            with target.lock:
                image = target.pending
            due = image is not None and image.serial != target.written
            if (
                image is not None
                and due
                and (status is None or status.state != "missing" or target.folder.is_dir())
            ):
                self._write(target, image)
            if self._drained.is_set():
                with target.lock:
                    done = target.pending is None or target.pending.serial == target.written
                if done or not (target.status and target.status.ok):
                    return

    def _write(self, target: _Target, image: _Image) -> None:
        started = time.perf_counter()
        before = target.status
        try:
            copy_to_folder(
                image.data,
                target.folder,
                self.stem,
                self.plan.keep,
                lambda path: check_copy(path, self.config, event=self.event),
                at=image.taken_at,
            )
        except TargetProblem as problem:
            self._report(
                target, TargetStatus(target.folder, problem.kind, self._last_copy(target), problem.detail)
            )
            return
        except Exception as exc:  # noqa: BLE001 - a backup problem must never end the console
            self._report(
                target,
                TargetStatus(
                    target.folder, "failed", self._last_copy(target), f"{type(exc).__name__}: {exc}"
                ),
            )
            return
        target.written = image.serial
        back = before is not None and before.state not in ("ok", "waiting")
        seconds = image.snapshot_s + time.perf_counter() - started
        self._report(target, TargetStatus(target.folder, "ok", image.taken_at, back=back, seconds=seconds))

    @staticmethod
    def _last_copy(target: _Target) -> dt.datetime | None:
        return target.status.copied_at if target.status else None

    def _report(self, target: _Target, status: TargetStatus) -> None:
        target.status = status
        try:
            self.on_status(status)
        except Exception:  # noqa: BLE001 - the console may be closing; the copy stands anyway
            pass
