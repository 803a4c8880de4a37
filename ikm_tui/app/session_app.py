"""What every ikm-tui app shares: the store, the event's language, following the database.

Screens reach these as ``self.app.store``, ``self.app.config`` and ``self.app.t`` (the message
catalogue in the event's language), and subscribe to ``self.app.session_signal`` to refresh
when anything in the session changes (see :mod:`ikm_tui.app.follow`).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from ikm_tui.app.follow import SessionFollower
from ikm_tui.i18n import Messages

THEME_CSS = Path(__file__).parent / "theme.tcss"


class SessionApp(App):
    CSS_PATH = [THEME_CSS]

    def __init__(self, store, *, poll_seconds: float | None = None) -> None:
        super().__init__()
        self.store = store
        self.config = store.config
        self.t = Messages(self.config.event.language)
        self.title = self.config.event.title
        self.follower = SessionFollower(self, store, poll_seconds=poll_seconds)
        self.session_signal = self.follower.signal

    def on_mount(self) -> None:
        self.follower.start()

    def on_unmount(self) -> None:
        self.follower.stop()

    def session_changed(self) -> None:
        """Call after this process wrote: everyone refreshes now, not at the next poll."""
        self.follower.publish()
