"""Fixtures for the screens: each test module defines its own ``store`` (its event)."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from ikm_tui.store.session import Store
from tests.functional.waiting import settle


@pytest.fixture
def other(store):
    """A second connection to the same session file, as another process has (a judge's
    console, the moderator): what it writes must reach the screen under test."""
    other = Store(store.config, store.path)
    yield other
    other.close()


@pytest.fixture(autouse=True)
def _keys_wait_for_writes(monkeypatch):
    """Screens write to the store in worker threads, as they should; a test's ``pilot.press``
    returns once those writes are done, so the next line can check the store."""
    press = Pilot.press

    async def press_and_settle(self, *keys: str) -> None:
        await press(self, *keys)
        await settle(self)

    monkeypatch.setattr(Pilot, "press", press_and_settle)
