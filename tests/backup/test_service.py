"""The console's backup worker: copies after changes, coalesces bursts, survives a pulled stick."""

from __future__ import annotations

import shutil
import threading
import time
from decimal import Decimal
from pathlib import Path

from ikm_tui.backup.service import BackupService, TargetStatus
from ikm_tui.domain.config import Backup, load_config
from ikm_tui.store.copy import check_copy, session_event
from ikm_tui.store.session import Store
from tests.backup.helpers import session_with_scores


class Reports:
    """Collects the worker's reports (they arrive from its threads) and waits for one."""

    def __init__(self) -> None:
        self.items: list[TargetStatus] = []
        self.changed = threading.Condition()

    def __call__(self, status: TargetStatus) -> None:
        with self.changed:
            self.items.append(status)
            self.changed.notify_all()

    def wait_for(self, test, timeout: float = 15.0) -> TargetStatus:
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                for status in self.items:
                    if test(status):
                        return status
                left = deadline - time.monotonic()
                assert left > 0, f"no such report in time; got {[s.state for s in self.items]}"
                self.changed.wait(left)


def copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("session-*.db"))


def test_copies_after_changes_coalesces_a_burst_and_keeps_the_newest(make_event, tmp_path):
    config_path = make_event(judges=3, entrants=40)
    db = session_with_scores(config_path)
    config = load_config(config_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    reports = Reports()
    service = BackupService(
        db, config, Backup((usb,), None, keep=3), session_event(db), reports, settle=0.05, min_gap=0.5
    )
    service.start()
    try:
        first = reports.wait_for(lambda s: s.ok)
        assert first.copied_at is not None and first.seconds > 0
        assert len(copies(usb)) == 1
        with Store(config) as store:  # a burst: forty sheets saved, one request each
            for entrant in config.entrants:
                store.scores.submit("J2", entrant.id, {c.id: Decimal(6) for c in config.criteria})
                service.request()
        reports.items.clear()
        last = reports.wait_for(lambda s: s.ok)
        deadline = time.monotonic() + 15
        while check_copy(copies(usb)[-1], config, event=session_event(db)).sheets < 3 + 40 - 1:
            assert time.monotonic() < deadline, "the burst's last sheet never reached a copy"
            time.sleep(0.05)
        assert last.ok
        assert len([s for s in reports.items if s.ok]) < 10  # forty requests, a handful of copies
        assert len(copies(usb)) <= 3
    finally:
        service.stop()


def test_a_pulled_stick_is_reported_and_its_return_is_announced(make_event, tmp_path):
    config_path = make_event()
    db = session_with_scores(config_path)
    config = load_config(config_path)
    usb, other = tmp_path / "usb", tmp_path / "disk2"
    usb.mkdir()
    other.mkdir()
    reports = Reports()
    service = BackupService(
        db,
        config,
        Backup((usb, other), None, keep=5),
        session_event(db),
        reports,
        settle=0.01,
        min_gap=0.1,
        probe=0.2,
    )
    service.start()
    try:
        reports.wait_for(lambda s: s.ok and s.folder == usb)
        shutil.rmtree(usb)
        with Store(config) as store:
            store.scores.submit("J3", "E07", {c.id: Decimal(9) for c in config.criteria})
        service.request()
        missing = reports.wait_for(lambda s: s.state == "missing")
        assert missing.folder == usb and missing.copied_at is not None  # when the last good copy was
        reports.wait_for(lambda s: s.ok and s.folder == other and s.copied_at > missing.copied_at)
        assert not usb.exists()  # never created behind the user's back
        usb.mkdir()  # the stick is back: copied without any new change
        back = reports.wait_for(lambda s: s.back)
        assert back.folder == usb and back.ok
        newest = check_copy(copies(usb)[-1], config, event=session_event(db))
        assert newest.sheets == 4
    finally:
        service.stop()


def test_stop_copies_what_is_still_pending(make_event, tmp_path):
    config_path = make_event()
    db = session_with_scores(config_path)
    config = load_config(config_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    reports = Reports()
    service = BackupService(db, config, Backup((usb,), 60, keep=5), session_event(db), reports)
    service.start()
    reports.wait_for(lambda s: s.ok)
    with Store(config) as store:
        store.scores.submit("J3", "E07", {c.id: Decimal(9) for c in config.criteria})
    service.request()  # the next interval is an hour away
    service.stop(timeout=10)
    assert check_copy(copies(usb)[-1], config, event=session_event(db)).sheets == 4
