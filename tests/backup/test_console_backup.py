"""The moderator console copies the session as it changes and says where it stands."""

from __future__ import annotations

import shutil
from decimal import Decimal

from ikm_tui.app.backup_line import BackupLine
from ikm_tui.app.moderator import ModeratorApp
from ikm_tui.domain.config import load_config
from ikm_tui.store.copy import check_copy, session_event
from ikm_tui.store.session import Store
from tests.functional.waiting import until


def line_of(app) -> BackupLine:
    return app.screen.query_one(BackupLine)


def text(app) -> str:
    return str(line_of(app).render())


async def test_status_line_follows_the_stick_out_and_back(make_event, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    config = load_config(make_event(extra=f'\n[backup]\nto = ["{usb}"]\n'))
    store = Store(config)
    judge = Store(config)  # a judge's process, saving while the console runs
    app = ModeratorApp(store)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await until(pilot, lambda: "✓" in text(app), timeout=15)
            assert text(app).startswith("backup ") and str(usb) in text(app)
            assert not line_of(app).has_class("-problem")
            first = sorted(usb.glob("session-*.db"))
            assert len(first) == 1

            judge.scores.submit("J1", "E02", {c.id: Decimal(8) for c in config.criteria})
            await until(pilot, lambda: len(list(usb.glob("session-*.db"))) == 2, timeout=15)
            newest = sorted(usb.glob("session-*.db"))[-1]
            assert check_copy(newest, config, event=session_event(config.event.database)).sheets == 1

            shutil.rmtree(usb)  # the stick is pulled
            await pilot.press("n")  # the moderator carries on: a change to copy
            await until(pilot, lambda: line_of(app).has_class("-problem"), timeout=15)
            assert f"backup ⚠ {usb}: not found (USB stick pulled?)" in text(app)
            assert "· last " in text(app)
            await pilot.press("space")  # the stage still answers: the timer starts
            await until(pilot, lambda: store.stage.state().clock.running)

            usb.mkdir()  # and back
            await until(pilot, lambda: not line_of(app).has_class("-problem"), timeout=15)
            assert "✓" in text(app)
            back = sorted(usb.glob("session-*.db"))
            assert (
                len(back) == 1
                and check_copy(back[0], config, event=session_event(config.event.database)).on_stage == "E01"
            )
            await pilot.press("f3")  # every mode shows the line
            await until(pilot, lambda: "✓" in text(app))
    finally:
        judge.close()
        store.close()


async def test_no_backup_configured_shows_no_line(make_event):
    store = Store(load_config(make_event()))
    app = ModeratorApp(store)
    try:
        async with app.run_test(size=(80, 24)):
            assert not line_of(app).display
    finally:
        store.close()
