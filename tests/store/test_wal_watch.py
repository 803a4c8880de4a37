"""The WAL watch wakes a follower when another process commits, and only then."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import pytest

from ikm_tui.store.wal_watch import open_wal_watch

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux-only")


def _wal_database(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x)")
    return conn


def test_a_commit_wakes_the_watch_and_an_unrelated_file_does_not(tmp_path: Path) -> None:
    conn = _wal_database(tmp_path / "session.db")
    woke = threading.Event()
    watch = open_wal_watch(tmp_path / "session.db", woke.set)
    if watch is None:  # every inotify instance of this user is taken (128 by default)
        conn.close()
        pytest.skip("the kernel gave no inotify instance; followers fall back to polling")
    try:
        (tmp_path / "export.csv").write_text("not the database")
        assert not woke.wait(0.3), "a file beside the database is not a change of the session"
        conn.execute("INSERT INTO t VALUES (1)")
        assert woke.wait(5), "a commit to the WAL must wake the follower"
    finally:
        watch.stop()
        conn.close()


def test_a_watch_on_a_folder_that_does_not_exist_is_refused_quietly(tmp_path: Path) -> None:
    assert open_wal_watch(tmp_path / "missing" / "session.db", lambda: None) is None
