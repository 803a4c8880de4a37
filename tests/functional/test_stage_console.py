"""The moderator's stage console driven by its keys, on real SQLite files."""

from __future__ import annotations


import pytest
from textual.notifications import Notify
from textual.widgets import ContentSwitcher, Static

from ikm_tui.app.board.board import IDLE, STAGE
from ikm_tui.app.moderator import ModeratorApp
from ikm_tui.app.dialogs import ConfirmDialog
from ikm_tui.app.stage.countdown import Countdown
from ikm_tui.app.stage.on_stage import JudgeStrip
from ikm_tui.app.stage.projector import BoardScreen, ProjectorControls
from ikm_tui.app.stage.queue_table import QueueTable
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from ikm_tui.store.stage import Stage
from tests.functional.waiting import until
from tests.fake_clock import FakeClock

SIZE = (120, 36)


@pytest.fixture
def event(make_event):
    return load_config(make_event(judges=3, entrants=6, language="en"))


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def store(event, clock):
    store = Store(event)
    store.stage = Stage(store.db, event, clock)
    yield store
    store.close()


def console(store) -> ModeratorApp:
    return ModeratorApp(store, poll_seconds=0.02)


def status(store, entrant: str) -> str:
    return store.queue.statuses()[entrant]


def rows(app) -> list[str]:
    table = app.screen.query_one(QueueTable)
    return [str(code) for code in table.get_column("entrant")]


async def select(pilot, entrant: str) -> None:
    table = pilot.app.screen.query_one(QueueTable)
    table.move_cursor(row=rows(pilot.app).index(entrant))
    await pilot.pause()


async def test_next_start_pause_resume_end_phase_and_finish(store, clock):
    async with console(store).run_test(size=SIZE) as pilot:
        countdown = pilot.app.screen.query_one(Countdown)
        await pilot.press("n")
        assert store.stage.current() == "E01"
        assert countdown.value == "07:00"
        await pilot.press("space")  # start
        assert store.stage.state().clock.phase == "presentation"
        clock.now += 65
        await until(pilot, lambda: countdown.value == "05:55")
        await pilot.press("space")  # pause
        assert store.stage.state().clock.paused
        clock.now += 30
        await pilot.pause(0.1)
        assert countdown.value == "05:55"  # paused: the clock stands still
        await pilot.press("space")  # resume
        clock.now += 6 * 60  # 5 s past the presentation time
        await until(pilot, lambda: countdown.value == "+00:05")
        assert countdown.has_class("phase-overtime")
        await pilot.press("e")  # to Q&A
        assert store.stage.state().clock.phase == "qa"
        await until(pilot, lambda: countdown.value == "03:00")
        clock.now += 2 * 60 + 30
        await until(pilot, lambda: countdown.has_class("phase-warning"))
        await pilot.press("e")  # Q&A over
        assert store.stage.state().clock.phase == "over"
        await pilot.press("n")
        assert status(store, "E01") == "done"
        assert store.queue.overtime_ms()["E01"] == 5000
        assert store.stage.current() == "E02"
        assert pilot.app.screen.query_one(QueueTable).get_cell("E01", "overtime") == "+0:05"


def notes() -> tuple[list[str], object]:
    """What the console told the moderator (its notifications), and the hook that records it."""
    told: list[str] = []

    def hook(message) -> None:
        if isinstance(message, Notify):
            told.append(message.notification.message)

    return told, hook


async def test_call_the_highlighted_entrant_and_skip(store):
    told, hook = notes()
    async with console(store).run_test(size=SIZE, message_hook=hook) as pilot:
        await select(pilot, "E03")
        await pilot.press("c")
        assert store.stage.current() == "E03"
        await pilot.press("k")  # cursor on the entrant on stage: refused, nobody else moves
        assert rows(pilot.app) == ["E01", "E02", "E03"]
        await until(pilot, lambda: any("cannot be skipped" in text for text in told))
        await select(pilot, "E01")
        await pilot.press("k")  # the highlighted row, and the console says what it did
        assert rows(pilot.app) == ["E02", "E01", "E03"]
        assert status(store, "E01") == "waiting"
        await until(pilot, lambda: "E01 skipped: E02 Owner 2 goes first" in told)


async def test_next_while_someone_presents_asks_first(store, clock):
    async with console(store).run_test(size=SIZE) as pilot:
        await pilot.press("n")  # nobody on stage: no question
        assert store.stage.current() == "E01"
        await pilot.press("space")
        clock.now += 30
        await pilot.press("n")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        assert "E02 Owner 2" in pilot.app.screen.question
        await pilot.press("n")  # a second n declines: a double tap cuts nobody off
        assert store.stage.current() == "E01"
        await pilot.press("n", "y")
        assert store.stage.current() == "E02"
        assert status(store, "E01") == "done"
        await pilot.press("space", "e", "e")  # presentation, Q&A, over: time is up
        assert store.stage.state().clock.phase == "over"
        await pilot.press("n")  # nobody is cut off any more: no question
        assert store.stage.current() == "E03"


async def test_switch_day_once_the_entrant_on_stage_is_done(store):
    async with console(store).run_test(size=SIZE) as pilot:
        await pilot.press("n", "space", "t")  # presenting: refused
        assert store.stage.state().day == 1
        await pilot.press("e", "e", "t")  # time is up: they leave the stage done, day 2 begins
        assert store.stage.state().day == 2
        assert store.stage.current() is None
        assert status(store, "E01") == "done"
        assert rows(pilot.app) == ["E04", "E05", "E06"]


async def test_q_and_a_shows_one_labelled_overtime_figure(store, clock):
    async with console(store).run_test(size=SIZE) as pilot:
        await pilot.press("n", "space")
        clock.now += 7 * 60 + 16
        phase = pilot.app.screen.query_one("#on-stage-phase", Static)
        countdown = pilot.app.screen.query_one(Countdown)
        await until(pilot, lambda: countdown.value == "+00:16")
        await until(pilot, lambda: "overtime +0:16" in str(phase.render()))
        await pilot.press("e")  # Q&A: its own clock is green, the +0:16 is the presentation's
        await until(pilot, lambda: countdown.value == "03:00")
        await until(pilot, lambda: "the presentation ran over +0:16" in str(phase.render()))
        assert str(phase.render()).count("+") == 1


async def test_no_show_status_says_what_happens_next(store):
    async with console(store).run_test(size=SIZE) as pilot:
        await pilot.press("x", "y")
        table = pilot.app.screen.query_one(QueueTable)
        assert table.get_cell("E01", "status") == "no-show ×1 — called again later"


async def test_no_show_path_later_today_then_day_two_then_forfeit(store):
    async with console(store).run_test(size=SIZE) as pilot:
        await pilot.press("n")  # E01 on stage, cursor follows
        await pilot.press("x")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
        assert status(store, "E01") == "no_show"
        assert rows(pilot.app)[-1] == "E01"
        assert store.stage.current() is None
        await select(pilot, "E01")
        await pilot.press("x", "y")
        entry = {e.entrant: e for e in store.queue.lineup()}["E01"]
        assert (entry.day, entry.no_show_count) == (2, 2)
        assert "E01" not in rows(pilot.app)
        store.stage.switch_day(2)
        pilot.app.session_changed()
        await until(pilot, lambda: "E01" in rows(pilot.app))
        await select(pilot, "E01")
        await pilot.press("x", "y")
        assert status(store, "E01") == "forfeit"


async def test_confirmation_can_be_declined(store):
    async with console(store).run_test(size=SIZE) as pilot:
        for key in ("x", "l", "d", "w"):
            await pilot.press(key)
            assert isinstance(pilot.app.screen, ConfirmDialog)
            await pilot.press("n")
        assert set(store.queue.statuses().values()) == {"waiting"}
        assert store.stage.last_undo() is None


async def test_move_later_other_day_withdraw_and_undo(store):
    async with console(store).run_test(size=SIZE) as pilot:
        await pilot.press("l", "y")  # E01, the next up, to the end of today
        assert rows(pilot.app) == ["E02", "E03", "E01"]
        assert status(store, "E01") == "moved"
        await select(pilot, "E02")
        await pilot.press("d", "y")
        assert {e.entrant: e.day for e in store.queue.lineup()}["E02"] == 2
        await select(pilot, "E03")
        await pilot.press("w", "y")
        assert status(store, "E03") == "withdrawn"
        assert "withdraw" in pilot.app.screen.query_one(QueueTable).border_subtitle
        await pilot.press("u")
        assert status(store, "E03") == "waiting"
        await pilot.press("u")
        assert {e.entrant: e.day for e in store.queue.lineup()}["E02"] == 1
        await pilot.press("u")
        assert rows(pilot.app) == ["E01", "E02", "E03"]
        assert set(store.queue.statuses().values()) == {"waiting"}


async def test_switch_day_and_a_refused_action_is_a_message(store):
    told: list[str] = []

    def hook(message) -> None:
        if isinstance(message, Notify):
            told.append(message.notification.message)

    async with console(store).run_test(size=SIZE, message_hook=hook) as pilot:
        await pilot.press("t")
        assert store.stage.state().day == 2
        assert rows(pilot.app) == ["E04", "E05", "E06"]
        await pilot.press("n", "t")  # someone on stage: switching is refused, calmly
        assert store.stage.state().day == 2
        await until(pilot, lambda: any("still presenting" in text for text in told))
        await pilot.press("w", "y", "t")
        assert store.stage.state().day == 1


async def test_board_full_screen_and_projector_controls(store):
    async with console(store).run_test(size=SIZE) as pilot:
        await pilot.press("n", "b")
        assert isinstance(pilot.app.screen, BoardScreen)
        assert pilot.app.screen.query_one(ContentSwitcher).current == STAGE
        await pilot.press("escape")
        await pilot.press("p")
        assert isinstance(pilot.app.screen, ProjectorControls)
        await pilot.press("c")  # calm screen on
        assert store.stage.state().calm
        await pilot.press("p", "b")
        assert isinstance(pilot.app.screen, BoardScreen)
        assert pilot.app.screen.query_one(ContentSwitcher).current == IDLE
        await pilot.press("b")
        await pilot.press("p", "c")
        assert not store.stage.state().calm
        await pilot.press("p", "escape")
        assert not isinstance(pilot.app.screen, ProjectorControls)


async def test_judge_strip_shows_who_submitted_never_values(store, event):
    from decimal import Decimal

    async with console(store).run_test(size=SIZE) as pilot:
        await pilot.press("n")
        other = Store(event, store.path)
        other.scores.submit("J1", "E01", {c.id: Decimal("9.5") for c in event.criteria})
        other.scores.recuse("J2", "E01", "family")
        other.close()
        strip = pilot.app.screen.query_one(JudgeStrip)
        await until(pilot, lambda: "✓" in str(strip.render()))
        text = str(strip.render())
        assert "E01" in text and "⊘" in text and "9.5" not in text


async def test_restart_resumes_the_same_entrant_and_remaining_time(event, clock):
    """Close mid-presentation, reopen later: same entrant, and the time left is what the stored
    instants say (on the injected clock: exact, whatever the machine's load)."""
    first = Store(event)
    first.stage = Stage(first.db, event, clock)
    async with console(first).run_test(size=SIZE) as pilot:
        await pilot.press("n", "space")
        countdown = pilot.app.screen.query_one(Countdown)
        await until(
            pilot, lambda: countdown.reading is not None and countdown.reading.phase == "presentation"
        )
        left = countdown.reading.remaining_s
    first.close()
    clock.now += 100  # the laptop restarts; the presentation goes on meanwhile
    second = Store(event)
    second.stage = Stage(second.db, event, clock)
    async with console(second).run_test(size=SIZE) as pilot:
        countdown = pilot.app.screen.query_one(Countdown)
        await until(pilot, lambda: countdown.reading is not None)
        name = pilot.app.screen.query_one("#on-stage-name", Static)
        assert "E01" in str(name.render())
        assert countdown.reading.remaining_s == pytest.approx(left - 100)
        assert countdown.reading.phase == "presentation"
    second.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_console_fits_the_laptop_screen(store, size):
    async with console(store).run_test(size=size) as pilot:
        await pilot.press("n")
        screen = pilot.app.screen
        for selector in ("#stage-countdown", "#on-stage-phase", "#next-up", "#judge-strip"):
            region = screen.query_one(selector).region
            assert region.bottom <= size[1] - 1 and region.right <= size[0], selector
        assert screen.query_one(QueueTable).region.width >= 40


class CountedQueue(QueueTable):
    fitted_to: list[int] = []

    def show(self, *args, **kwargs) -> None:
        super().show(*args, **kwargs)
        CountedQueue.fitted_to.append(self.laid_out_for)


@pytest.mark.parametrize("width", [50, 80, 90, 110, 117, 160, 200])
async def test_the_queue_is_filled_once_at_start_fitted_to_the_width_it_gets(store, width, monkeypatch):
    """The rows are fitted before the first layout to the width the queue will have: a wrong
    guess costs a second build and a redraw at the new widths right after the first frame."""
    monkeypatch.setattr("ikm_tui.app.stage.screen.QueueTable", CountedQueue)
    CountedQueue.fitted_to = []
    app = console(store)
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one(QueueTable)
        assert table.row_count == 3  # day 1's half
        # every build (the first, and any refresh from the session) at the width it has
        assert set(CountedQueue.fitted_to) == {table.size.width - table.styles.scrollbar_size_vertical}
