"""Fixtures for the screens: each test module defines its own ``store`` (its event)."""

from __future__ import annotations

import pytest

from ikm_tui.store.session import Store


@pytest.fixture
def other(store):
    """A second connection to the same session file, as another process has (a judge's
    console, the moderator): what it writes must reach the screen under test."""
    other = Store(store.config, store.path)
    yield other
    other.close()
