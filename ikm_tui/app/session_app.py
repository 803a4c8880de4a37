"""What every ikm-tui app shares: the store, the event's language, following the database.

Screens built on :class:`~ikm_tui.app.session_screen.SessionScreen` reach these, typed, as
``self.app.store``, ``self.app.config`` and ``self.app.t`` (the message catalogue in the event's
language), and receive :class:`~ikm_tui.app.follow.SessionChanged` whenever anything in the
session changes (see :mod:`ikm_tui.app.follow`).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App, CSSPathType
from textual.widgets import Input
from textual.binding import Binding

from ikm_tui.app.follow import SessionFollower
from ikm_tui.app.idle_gc import IdleCollector
from ikm_tui.domain.config import Config
from ikm_tui.i18n import Messages
from ikm_tui.who import os_user
from ikm_tui.store.session import Store

THEME_CSS = Path(__file__).parent / "theme.tcss"


class SessionApp(App[int]):
    CSS_PATH: ClassVar[CSSPathType | None] = [THEME_CSS]

    def __init__(self, store: Store, *, poll_seconds: float | None = None) -> None:
        super().__init__()
        self.store: Store = store
        self.actor: str = os_user()  # who the record names for this app's actions
        self.t: Messages = Messages(self.config.event.language)
        self.title = self.config.event.title
        self.follower = SessionFollower(self, store, poll_seconds=poll_seconds)
        self.session_signal = self.follower.signal
        self.collector = IdleCollector(self)

    @property
    def config(self) -> Config:
        """The event as the session records it (after an amendment, the amended one)."""
        return self.store.config

    def on_mount(self) -> None:
        self.follower.start()
        self.collector.start(self.session_signal)

    def on_unmount(self) -> None:
        self.follower.stop()
        self.collector.stop()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A steady text cursor: a blinking one redraws twice a second all day long, on every
        judge's laptop, while the judge listens (the cursor stays visible, just still)."""
        if isinstance(event.widget, Input):
            event.widget.cursor_blink = False

    def get_key_display(self, binding: Binding) -> str:
        """``Ctrl+Q`` rather than ``^q``: the footer is read by people who never used a terminal."""
        modifiers, key = binding.parse_key()
        if not binding.key_display and modifiers == ["ctrl"] and len(key) == 1:
            return f"Ctrl+{key.upper()}"
        return super().get_key_display(binding)

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit (it copies); say how to quit, in the event's language."""
        self.notify(self.t("app.quit_hint"), title=self.t("app.quit_title"))

    def session_changed(self) -> None:
        """Call after this process wrote: everyone refreshes now, not at the next poll."""
        self.follower.publish()
