"""The moderator console's side of continuous backup.

Starts the :class:`~ikm_tui.backup.service.BackupService` when ``[backup]`` is configured,
asks it for a copy whenever the session moves on (any process's commit: the console already
follows ``data_version``), and turns its reports — which arrive from worker threads as
messages, the thread-safe way into the event loop — into the status line's state and a toast
when a folder fails or comes back. Nothing here waits on a disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message
from textual.signal import Signal

if TYPE_CHECKING:  # imported when a backup starts: the console's first frame needs none of it
    from ikm_tui.backup.service import BackupService, TargetStatus


class BackupReport(Message):
    """One folder's new status, posted by a backup worker thread."""

    def __init__(self, status: TargetStatus) -> None:
        super().__init__()
        self.status = status


class BackupWatch:
    def __init__(self, app) -> None:
        self.app = app
        self.signal: Signal[list[TargetStatus]] = Signal(app, "backup")
        self.statuses: dict[Path, TargetStatus] = {}
        self.service: BackupService | None = None

    @property
    def configured(self) -> bool:
        return self.app.config.backup is not None

    def start(self) -> None:
        plan = self.app.config.backup
        if plan is None or not self.app.is_running:  # (closed before its first frame was drawn)
            return
        from ikm_tui.backup.service import BackupService, TargetStatus
        from ikm_tui.store.copy import session_event

        source = self.app.store.path
        self.statuses = {folder: TargetStatus(folder, "waiting") for folder in plan.targets}
        self.service = BackupService(
            source, self.app.config, plan, session_event(source) or "", self._from_worker
        )
        self.app.session_signal.subscribe(self.app, self._session_moved)
        self.service.start()

    def stop(self) -> None:
        """At exit: copy anything still pending, waiting a bounded time for the disks."""
        if self.service is not None:
            self.service.stop()
            self.service = None

    def _session_moved(self, event) -> None:
        if event.error is None and self.service is not None:
            self.service.request()

    def _from_worker(self, status: TargetStatus) -> None:
        self.app.post_message(BackupReport(status))

    def show(self, status: TargetStatus) -> None:
        """A report reached the event loop: remember it, tell the screens, toast a change."""
        before = self.statuses.get(status.folder)
        self.statuses[status.folder] = status
        t = self.app.t
        if status.back:
            self.app.notify(
                t("backup.toast.back", folder=status.folder, time=clock(status)), title="", timeout=8
            )
        elif not status.ok and (before is None or before.state != status.state):
            problem = t(f"backup.problem.{status.state}", detail=status.detail)
            self.app.notify(
                t("backup.toast.problem", folder=status.folder, problem=problem),
                severity="warning",
                timeout=10,
            )
        self.signal.publish(list(self.statuses.values()))


def clock(status: TargetStatus) -> str:
    return status.copied_at.strftime("%H:%M:%S") if status.copied_at else ""
