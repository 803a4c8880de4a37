"""Following the shared session database from any process, cheaply.

``PRAGMA data_version`` changes whenever *another* connection commits; polling it every 100 ms
costs almost nothing, so the board, the judges and the moderator see each other's changes well
within 300 ms without reloading everything all the time. A process's own writes do not change
its data_version, so screens call ``app.session_changed()`` after writing.

Screens and widgets subscribe in ``on_mount``::

    self.app.session_signal.subscribe(self, self.on_session)   # on_session(event: SessionEvent)
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.signal import Signal

POLL_SECONDS = 0.1


@dataclass(frozen=True)
class SessionEvent:
    """The database moved on (``error`` is None), or could not be read (``error`` says why)."""

    version: int | None
    error: str | None = None


class SessionFollower:
    """Polls ``store.data_version()`` on the app's timer and publishes on ``signal``."""

    def __init__(self, app, store, *, poll_seconds: float = POLL_SECONDS) -> None:
        self.app = app
        self.store = store
        self.poll_seconds = poll_seconds
        self.signal: Signal[SessionEvent] = Signal(app, "session")
        self.version: int | None = None
        self.reachable = True

    def start(self) -> None:
        self.app.set_interval(self.poll_seconds, self.poll, name="session-follower")

    def publish(self) -> None:
        self.signal.publish(SessionEvent(self.version))

    def poll(self) -> None:
        try:
            version = self.store.data_version()
        except Exception as exc:  # noqa: BLE001 - any failure means "unreachable", shown calmly
            self.reachable = False
            self.signal.publish(SessionEvent(None, str(exc)))
            return
        if version != self.version or not self.reachable:
            self.reachable = True
            self.version = version
            self.publish()
