"""Following the shared session database from any process, cheaply.

``PRAGMA data_version`` changes whenever *another* connection commits. Followers ask it when
the session file is written (:mod:`ikm_tui.store.wal_watch` wakes them within milliseconds and
costs nothing while the hall is quiet), and once a second anyway as a safety net; where no file
notification exists they fall back to asking every 100 ms. A process's own writes do not change
its data_version, so :meth:`SessionApp.session_changed` publishes after this process writes.

Screens (and widgets) receive it as a Textual message: call :func:`follow_session` in
``on_mount`` (``SessionScreen`` does) and handle ``on_session_changed``.
"""

from __future__ import annotations

import asyncio
import contextvars
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.dom import DOMNode
from textual.message import Message
from textual.signal import Signal

from ikm_tui.store.wal_watch import WalWatch, open_wal_watch

if TYPE_CHECKING:
    from textual.app import App

    from ikm_tui.store.session import Store

POLL_SECONDS = 0.1
"""How often to ask when nothing tells us the file changed."""
SAFETY_POLL_SECONDS = 1.0
"""How often to ask anyway while file notifications wake us (a missed one costs a second)."""
SETTLE_DELAYS = (0.003, 0.006, 0.012, 0.025, 0.05, 0.1, 0.2, 0.4)
"""A write wakes us as it *starts*: the commit becomes visible after its fsync, so a wake that
finds nothing new asks again after each of these pauses (seconds)."""


@dataclass(frozen=True)
class SessionEvent:
    """The database moved on (``error`` is None), or could not be read (``error`` says why)."""

    version: int | None
    error: str | None = None


class SessionChanged(Message, bubble=False):
    """Something in the session changed (another process or this one wrote), or the database
    could not be read (``error`` says why). A flood of them coalesces to the newest."""

    def __init__(self, event: SessionEvent) -> None:
        super().__init__()
        self.event = event

    @property
    def error(self) -> str | None:
        return self.event.error

    @property
    def version(self) -> int | None:
        return self.event.version

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, SessionChanged)


class SessionFollower:
    """Polls ``store.data_version()`` on the app's timer and publishes on ``signal``."""

    def __init__(self, app: App[int], store: Store, *, poll_seconds: float | None = None) -> None:
        self.app = app
        self.store = store
        self.poll_seconds = poll_seconds
        self.signal: Signal[SessionEvent] = Signal(app, "session")
        self.version: int | None = None
        self.reachable = True
        self._watch: WalWatch | None = None
        self._wake_pending = False

    def start(self) -> None:
        loop = asyncio.get_running_loop()
        context = contextvars.copy_context()  # the app's context: timers need to know their app
        database = Path(self.store.path or self.store.config.event.database)
        self._watch = open_wal_watch(database, lambda: self._wake_from_thread(loop, context))
        interval = self.poll_seconds
        if interval is None:
            interval = POLL_SECONDS if self._watch is None else SAFETY_POLL_SECONDS
        self.app.set_interval(interval, self.poll, name="session-follower")

    def stop(self) -> None:
        if self._watch is not None:
            self._watch.stop()
            self._watch = None

    def _wake_from_thread(self, loop: asyncio.AbstractEventLoop, context: contextvars.Context) -> None:
        """From the watch thread: one poll on the event loop, however many writes came in."""
        if self._wake_pending:
            return
        self._wake_pending = True
        try:
            loop.call_soon_threadsafe(self._wake, context=context)
        except RuntimeError:  # the app's loop has closed: nobody left to tell
            self.stop()

    def _wake(self, attempt: int = 0) -> None:
        """Poll now and again after each settle delay, until a later poll finds the change.

        The first poll may find an *earlier* commit while the one that woke us is still on its
        way (several writes coalesce into one wake): so it never ends the chain by itself."""
        if attempt == 0:
            self._wake_pending = False
        changed = self.poll()
        if attempt < len(SETTLE_DELAYS) and not (changed and attempt > 0):
            self.app.set_timer(SETTLE_DELAYS[attempt], lambda: self._wake(attempt + 1))

    def publish(self) -> None:
        self.signal.publish(SessionEvent(self.version))

    def poll(self) -> bool:
        """Publishes if the session moved on (or became unreachable); True when it did."""
        try:
            version = self.store.data_version()
        except Exception as exc:  # noqa: BLE001 - any failure means "unreachable", shown calmly
            self.reachable = False
            self.signal.publish(SessionEvent(None, str(exc)))
            return True
        if version != self.version or not self.reachable:
            try:
                self.store.refresh()  # an amendment applied elsewhere: run on the new record
            except Exception as exc:  # noqa: BLE001 - as above
                self.reachable = False
                self.signal.publish(SessionEvent(None, str(exc)))
                return True
            self.reachable = True
            self.version = version
            self.publish()
            return True
        return False


def follow_session(node: DOMNode, signal: Signal[SessionEvent]) -> None:
    """From now on ``node`` receives a :class:`SessionChanged` message on every change."""
    signal.unsubscribe(node)  # at most one subscription per node
    signal.subscribe(node, lambda event: node.post_message(SessionChanged(event)), immediate=True)
