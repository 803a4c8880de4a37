"""Python's full garbage-collection passes wait for a quiet moment (app/idle_gc.py): not in the
middle of the redraw that follows a new score."""

from __future__ import annotations

import gc
import time
from decimal import Decimal

import pytest

from ikm_tui.app.idle_gc import DEFERRED, FULL_AFTER
from ikm_tui.app.moderator import ModeratorApp
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.functional.waiting import until


@pytest.fixture
def store(make_event):
    store = Store(load_config(make_event(judges=3, entrants=8)))
    yield store
    store.close()


async def test_a_full_pass_waits_until_the_session_is_quiet_then_the_app_makes_it(store, other):
    before = gc.get_threshold()
    async with ModeratorApp(store, poll_seconds=0.02).run_test(size=(120, 36)) as pilot:
        collector = pilot.app.collector
        await until(pilot, lambda: pilot.app.built("export"))  # the console's preload is done
        assert gc.get_threshold()[2] == DEFERRED  # Python's own full passes are made rare
        asked = time.monotonic()
        other.scores.submit("J1", "E01", {c.id: Decimal(7) for c in store.config.criteria})
        await until(pilot, lambda: collector.changed_at > asked)
        for _ in range(FULL_AFTER):
            gc.collect(1)  # young collections pile up, as a redraw's garbage makes them
        assert not collector.collect_if_quiet()  # a change just came in: its redraw goes first
        assert gc.get_count()[2] >= FULL_AFTER
        await until(pilot, lambda: gc.get_count()[2] < FULL_AFTER, timeout=10)  # then, quietly
    assert gc.get_threshold() == before  # nothing left behind in the process


async def test_the_collector_paused_for_the_consoles_start_runs_again_after_its_first_frame(store):
    """`ikm-tui` pauses Python's collector while the console starts (cli/commands/console.py):
    left off, two days of redraws would keep every reference cycle they leave."""
    gc.disable()
    try:
        async with ModeratorApp(store, poll_seconds=0.02).run_test(size=(120, 36)) as pilot:
            await until(pilot, gc.isenabled)
    finally:
        gc.enable()
