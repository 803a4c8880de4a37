"""When another process holds the database far too long, the save fails cleanly, not silently."""

from __future__ import annotations

import sqlite3
import time
from decimal import Decimal

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.store import database
from ikm_tui.store.database import StoreUnavailable
from ikm_tui.store.session import Store


def test_a_write_lock_held_too_long_ends_in_store_unavailable(make_event, monkeypatch):
    monkeypatch.setattr(database, "WRITE_DEADLINE_S", 0.3)
    with Store(load_config(make_event(judges=3, entrants=6))) as store:
        squatter = sqlite3.connect(store.path, isolation_level=None)
        squatter.execute("BEGIN IMMEDIATE")  # someone else's transaction that never ends
        try:
            started = time.monotonic()
            with pytest.raises(StoreUnavailable):
                store.scores.submit("J1", "E01", {c.id: Decimal(7) for c in store.config.criteria})
            assert time.monotonic() - started >= 0.3  # it kept trying until the deadline, then said so
            assert store.data_version() is not None  # the store is still usable for reading
        finally:
            squatter.execute("ROLLBACK")
            squatter.close()
        assert store.scores.for_judge("J1") == {}
        store.scores.submit("J1", "E01", {c.id: Decimal(7) for c in store.config.criteria})
        assert store.scores.sheet("J1", "E01") is not None  # and works again once it is free
        assert store.audit.verify().ok


def test_the_follower_poll_does_not_wait_for_a_stuck_write(make_event, monkeypatch):
    """A save retrying in a worker thread must not freeze the screen's 100 ms poll."""
    import threading

    monkeypatch.setattr(database, "WRITE_DEADLINE_S", 1.0)
    with Store(load_config(make_event(judges=3, entrants=6))) as store:
        before = store.data_version()
        squatter = sqlite3.connect(store.path, isolation_level=None)
        squatter.execute("BEGIN IMMEDIATE")
        failed = []

        def save():
            try:
                store.scores.submit("J1", "E01", {c.id: Decimal(7) for c in store.config.criteria})
            except StoreUnavailable:
                failed.append(True)

        worker = threading.Thread(target=save)
        worker.start()
        deadline = time.monotonic() + 2
        while store.db._lock.acquire(blocking=False):  # until the worker holds it, retrying
            store.db._lock.release()
            assert time.monotonic() < deadline
            time.sleep(0.005)
        assert store.data_version() == before
        assert worker.is_alive()  # answered while the write still waits: the poll never blocks
        worker.join(timeout=30)
        assert not worker.is_alive()
        squatter.execute("ROLLBACK")
        squatter.close()
        assert failed == [True]
