"""The day's schedule on the console and the board, in Indonesian, at several sizes."""

from __future__ import annotations

import time

import pytest
from textual.widgets import ContentSwitcher, Static

from ikm_tui.app.board.app import BoardApp
from ikm_tui.app.board.board import IDLE, Board
from ikm_tui.app.board.reconnect import ReconnectingStore
from ikm_tui.app.moderator import ModeratorApp
from ikm_tui.app.stage.queue_table import QueueTable
from ikm_tui.app.stage.schedule_view import ScheduleLine
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from ikm_tui.store.stage import Stage
from tests.functional.waiting import until
from tests.fake_clock import FakeClock

SCHEDULE = """
[schedule]
start = ["08:30", "08:30"]
changeover_minutes = 2
breaks = [{ day = 1, from = "09:00", to = "10:00", label = "ISHOMA" }]
"""


def at(hour: int, minute: int) -> FakeClock:
    """Wall-clock seconds, set by the test: the local time of day the plan compares with."""
    return FakeClock(time.mktime((2022, 6, 14, hour, minute, 0, 0, 0, -1)))


@pytest.fixture
def clock():
    return at(8, 20)


def event_with(make_event, extra: str):
    return load_config(make_event(judges=3, entrants=8, language="id", extra=extra))


@pytest.fixture
def store(make_event, clock):
    event = event_with(make_event, SCHEDULE)
    store = Store(event)
    store.stage = Stage(store.db, event, clock)
    yield store
    store.close()


def shown(widget) -> str:
    return str(widget.render())


def table_rows(app) -> list[dict[str, str]]:
    """Each row's cells by column key (which columns show depends on the width)."""
    table = app.screen.query_one(QueueTable)
    return [
        {str(key.value): str(c) for key, c in zip(table.columns, table.get_row_at(i))}
        for i in range(table.row_count)
    ]


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (200, 60)])
async def test_the_console_shows_planned_times_breaks_and_how_late_the_day_runs(store, clock, size):
    async with ModeratorApp(store, poll_seconds=0.02).run_test(size=size) as pilot:
        line = pilot.app.screen.query_one(ScheduleLine)
        await until(pilot, lambda: "tepat waktu" in shown(line))
        assert "perkiraan selesai 10:22" in shown(line)
        assert line.region.height >= 1 and line.region.right <= size[0]
        rows = table_rows(pilot.app)
        assert [(r["planned"], r["entrant"]) for r in rows] == [
            ("08:30", "E01"),
            ("08:42", "E02"),
            ("09:00", ""),
            ("10:00", "E03"),
            ("10:12", "E04"),
        ]
        assert "ISHOMA 09:00–10:00" in rows[2]["name"]
        # E01 is called late and runs 5 minutes over its presentation
        clock.now += 15 * 60  # 08:35
        await pilot.press("n", "space")
        await until(pilot, lambda: store.stage.state().clock.phase == "presentation")
        clock.now += 12 * 60  # 08:47: presentation over by 5, Q&A to come: ends 08:50, plan 08:40
        await until(pilot, lambda: "terlambat 10 menit" in shown(line))
        # E02 then runs into lunch: the afternoon moves after the break
        assert "perkiraan selesai" in shown(line)


async def test_finishing_early_says_so(store, clock):
    clock.now += 10 * 60  # 08:30 on the dot
    async with ModeratorApp(store, poll_seconds=0.02).run_test(size=(120, 36)) as pilot:
        line = pilot.app.screen.query_one(ScheduleLine)
        await pilot.press("n", "space")
        await until(pilot, lambda: store.stage.state().clock.phase == "presentation")
        clock.now += 3 * 60
        await pilot.press("e", "e")  # both phases ended at 08:33, planned end 08:40
        await until(pilot, lambda: store.stage.state().clock.phase == "over")
        await until(pilot, lambda: "lebih cepat 7 menit" in shown(line))


async def test_a_break_row_is_never_the_target_of_a_queue_action(store):
    async with ModeratorApp(store, poll_seconds=0.02).run_test(size=(120, 36)) as pilot:
        table = pilot.app.screen.query_one(QueueTable)
        await until(pilot, lambda: table.row_count == 5)
        table.move_cursor(row=2)
        await pilot.pause()
        assert table.selected is None
        await pilot.press("c")
        await pilot.pause()
        assert store.stage.current() is None


async def test_without_a_schedule_none_of_it_shows(make_event):
    event = event_with(make_event, "")
    with Store(event) as store:
        async with ModeratorApp(store, poll_seconds=0.02).run_test(size=(120, 36)) as pilot:
            table = pilot.app.screen.query_one(QueueTable)
            await until(pilot, lambda: table.row_count == 4)
            assert not pilot.app.screen.query_one(ScheduleLine).display
            assert "Jadwal" not in [str(c.label) for c in table.columns.values()]
            assert all("planned" not in r for r in table_rows(pilot.app))


@pytest.mark.parametrize("size", [(200, 60), (80, 24), (50, 40)])
async def test_the_board_idle_screen_says_who_is_next_and_about_when(store, clock, size):
    app = BoardApp(ReconnectingStore(store.config), poll_seconds=0.02)
    app.now = clock
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: pilot.app.query_one(ContentSwitcher).current == IDLE)
        name = pilot.app.query_one("#idle-next", Static)
        when = pilot.app.query_one("#idle-next-time", Static)
        await until(pilot, lambda: shown(name) == "Owner 1")
        assert shown(when) == "sekitar pukul 08:30"  # 08:20 now: the day starts on time
        assert when.region.bottom <= size[1] and when.region.width >= len("sekitar pukul 08:30")
        clock.now += 25 * 60  # 08:45 and nobody called yet: as soon as they are
        store.stage.set_calm(True)
        store.stage.set_calm(False)
        await until(pilot, lambda: shown(when) == "sekitar pukul 08:45")


async def test_the_board_sleeps_until_about_when_can_read_another_minute(store, clock):
    app = BoardApp(ReconnectingStore(store.config), poll_seconds=0.02)
    app.now = clock
    async with app.run_test(size=(120, 36)) as pilot:
        board = pilot.app.query_one(Board)
        when = pilot.app.query_one("#idle-next-time", Static)
        await until(pilot, lambda: shown(when) == "sekitar pukul 08:30")
        # 08:20: nothing moves before the day starts, so the board sleeps ten minutes
        assert board.next_change.planned_s == pytest.approx(600)
        clock.now += 25 * 60 + 10  # 08:45:10 and nobody called yet
        board.next_change.wake()
        assert shown(when) == "sekitar pukul 08:45"
        assert board.next_change.planned_s == pytest.approx(20)  # 08:45:30 reads 08:46
        clock.now += 21
        board.next_change.wake()
        assert shown(when) == "sekitar pukul 08:46"
        store.stage.next()  # someone on stage: the idle view, and its wake-up, are gone
        await until(pilot, lambda: pilot.app.query_one(ContentSwitcher).current != IDLE)
        assert board.next_change.sleeping


async def test_the_console_header_wakes_only_when_the_forecast_can_change(store, clock):
    async with ModeratorApp(store, poll_seconds=0.02).run_test(size=(120, 36)) as pilot:
        line = pilot.app.screen.query_one(ScheduleLine)
        await until(pilot, lambda: "tepat waktu" in shown(line))
        assert line.next_change.planned_s == pytest.approx(600)  # 08:20: at the day's start
        clock.now += 12 * 60  # 08:32, nobody called: two minutes late, and later each minute
        line.refresh_text()
        assert "terlambat 2 menit" in shown(line)
        assert line.next_change.planned_s == pytest.approx(30)
        await pilot.press("n", "space")
        await until(pilot, lambda: store.stage.state().clock.phase == "presentation")
        await pilot.pause()
        # a clock running within its time moves nothing: its own tick drives the line, and
        # the schedule sleeps until the afternoon can move again (after the 09:00-10:00 break)
        assert line.next_change.planned_s == pytest.approx(10 * 3600 - 8 * 3600 - 32 * 60, abs=2)
        # each tick of the clock refreshes the line; the wake-up it already has is kept
        planned = line.next_change.timer
        clock.now += 1
        line.refresh_text()
        assert line.next_change.timer is planned
