"""The projector's countdown fills the window it has, in Indonesian, at every projector size."""

from __future__ import annotations

import time

import pytest
from textual.widgets import ContentSwitcher, Static

from ikm_tui.app.board.app import BoardApp
from ikm_tui.app.board.big_clock import BigClock
from ikm_tui.app.board.board import STAGE, Board
from ikm_tui.app.board.reconnect import ReconnectingStore
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.functional.contrast import contrast_ratio
from tests.functional.waiting import until


@pytest.fixture
def event(make_event):
    return load_config(make_event(judges=3, entrants=6, language="id"))


@pytest.fixture
def console_store(event):
    store = Store(event)
    yield store
    store.close()


def board(event) -> BoardApp:
    return BoardApp(ReconnectingStore(event), poll_seconds=0.02)


def drawn_text(clock: BigClock) -> str:
    """What the widget puts on screen, row by row (Textual's line API)."""
    return "\n".join(clock.render_line(y).text for y in range(clock.size.height))


def on_stage(app) -> bool:
    return app.query_one(ContentSwitcher).current == STAGE


def started_ago(store, seconds: float) -> None:
    """Someone on stage whose presentation started ``seconds`` ago (real wall clock)."""
    store.stage.now = lambda: time.time() - seconds
    store.stage.next()
    store.stage.toggle_timer()
    store.stage.now = time.time


@pytest.mark.parametrize(
    ("size", "min_rows"),
    [((200, 60), 20), ((80, 24), 5), ((50, 40), 7), ((120, 36), 10)],
)
async def test_the_clock_is_as_large_as_the_window_allows(event, console_store, size, min_rows):
    console_store.stage.next()
    async with board(event).run_test(size=size) as pilot:
        await until(pilot, lambda: on_stage(pilot.app))
        await pilot.pause()
        clock = pilot.app.query_one(BigClock)
        drawn = clock.lines()
        assert len(drawn) >= min_rows
        assert max(len(line) for line in drawn) <= clock.region.width
        assert clock.region.right <= size[0] and clock.region.bottom <= size[1]
        assert len(drawn) <= clock.region.height
        assert "█" in drawn_text(clock)
        for selector in ("#stage-name", "#stage-phase", "#stage-next"):
            region = pilot.app.query_one(selector, Static).region
            assert region.height >= 1 and region.bottom <= size[1], selector
        assert "Berikutnya" in str(pilot.app.query_one("#stage-next", Static).render())


async def test_at_200x60_a_third_of_the_height(event, console_store):
    console_store.stage.next()
    async with board(event).run_test(size=(200, 60)) as pilot:
        await until(pilot, lambda: on_stage(pilot.app))
        assert len(pilot.app.query_one(BigClock).lines()) >= 20


async def test_the_clock_redraws_at_the_new_size(event, console_store):
    console_store.stage.next()
    async with board(event).run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: on_stage(pilot.app))
        clock = pilot.app.query_one(BigClock)
        small = len(clock.lines())
        await pilot.resize_terminal(200, 60)
        await until(pilot, lambda: clock.size.height > 30)
        await pilot.pause()
        large = clock.lines()
        assert len(large) > small and len(large) >= 20
        assert sum("█" in line or "▀" in line or "▄" in line for line in drawn_text(clock).splitlines()) >= 20
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: len(clock.lines()) == small)


async def test_phase_colours_read_on_a_washed_out_projector(event, console_store):
    """7:1 against the board; overtime red at least as strong as warning amber."""
    started_ago(console_store, 30)
    async with board(event).run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: on_stage(pilot.app))
        clock = pilot.app.query_one(BigClock)
        background = pilot.app.query_one(Board).styles.background
        contrast = {}
        await until(pilot, lambda: clock.has_class("phase-normal"))
        contrast["normal"] = contrast_ratio(clock.styles.color, background)
        console_store.stage.toggle_timer()  # pause: the still clock must read too
        await until(pilot, lambda: clock.has_class("paused"))
        contrast["paused"] = contrast_ratio(clock.styles.color, background)
        started_ago(console_store, 7 * 60 - 20)  # 20 s left: the warning mark is 60 s
        await until(pilot, lambda: clock.has_class("phase-warning") and not clock.has_class("paused"))
        contrast["warning"] = contrast_ratio(clock.styles.color, background)
        warning_colour = clock.styles.color
        started_ago(console_store, 7 * 60 + 15)
        await until(pilot, lambda: clock.has_class("phase-overtime"))
        assert clock.shown_text.startswith("+00:1")
        contrast["overtime"] = contrast_ratio(clock.styles.color, background)
        assert clock.styles.color != warning_colour
    assert all(ratio >= 7 for ratio in contrast.values()), contrast
    assert contrast["overtime"] >= contrast["warning"], contrast


async def test_the_clock_sleeps_while_nobody_is_on_stage(event, console_store):
    started_ago(console_store, 5)
    async with board(event).run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: on_stage(pilot.app))
        clock = pilot.app.query_one(BigClock)
        await until(pilot, lambda: clock.shown_text == "06:54")  # it ticks while shown
        console_store.stage.next()  # E02 on stage, clock not started: nothing to count
        await until(pilot, lambda: clock.shown_text == "07:00")
        assert clock.clock is not None and not clock.clock.running
        assert clock.sleeping
        console_store.stage.set_calm(True)
        await until(pilot, lambda: not on_stage(pilot.app))
        assert clock.clock is None and clock.sleeping
