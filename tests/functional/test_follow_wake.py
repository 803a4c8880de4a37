"""A wake from the WAL watch is followed until the commit behind it shows, even when the first
look finds an earlier commit (two writes, one wake): the board must not wait for the next one."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from textual.app import App

import ikm_tui.app.follow as follow
from ikm_tui.app.follow import SessionEvent, SessionFollower
from tests.functional.waiting import until


class ScriptedStore:
    """The follower's view of a store: a data_version the test moves on."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.version = 1

    def data_version(self) -> int:
        return self.version

    def refresh(self) -> None:
        pass


class CapturedWatch:
    def __init__(self) -> None:
        self.on_change = lambda: None

    def stop(self) -> None:
        pass


async def test_a_commit_still_in_flight_at_the_first_look_is_seen_at_a_later_one(tmp_path, monkeypatch):
    watch = CapturedWatch()

    def open_watch(_database, on_change):
        watch.on_change = on_change
        return watch

    monkeypatch.setattr(follow, "open_wal_watch", open_watch)
    store = ScriptedStore(tmp_path / "session.db")
    app: App[None] = App()
    async with app.run_test() as pilot:
        follower = SessionFollower(app, store, poll_seconds=60.0)  # no safety poll to rescue it
        seen: list[int | None] = []

        def heard(event: SessionEvent) -> None:
            seen.append(event.version)

        follower.signal.subscribe(app, heard, immediate=True)
        follower.start()
        follower.poll()
        assert seen == [1]
        store.version = 2  # the first commit is visible; the second is being written
        thread = threading.Thread(target=watch.on_change)  # one wake for both, from the watch
        thread.start()
        thread.join()
        await until(pilot, lambda: seen == [1, 2])
        time.sleep(0.004)
        store.version = 3  # the second commit becomes visible a moment later
        await until(pilot, lambda: seen[-1] == 3, timeout=1.0)
        follower.stop()
