"""The moderator's cues from the console keys, and the board showing them, in Indonesian."""

from __future__ import annotations

import pytest
from textual.widgets import ContentSwitcher, Input, Static

from ikm_tui.app.board.app import BoardApp
from ikm_tui.app.board.big_clock import BigClock
from ikm_tui.app.board.big_note import BigNote
from ikm_tui.app.board.board import STAGE
from ikm_tui.app.board.reconnect import ReconnectingStore
from ikm_tui.app.dialogs import FormDialog
from ikm_tui.app.footer import KeyBar
from ikm_tui.app.moderator import ModeratorApp
from ikm_tui.app.stage.countdown import Countdown
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from ikm_tui.store.stage import Stage
from tests.functional.waiting import until
from tests.fake_clock import FakeClock


@pytest.fixture
def event(make_event):
    return load_config(make_event(judges=3, entrants=6, language="id"))


@pytest.fixture
def store(event):
    store = Store(event)
    store.stage = Stage(store.db, event, FakeClock())
    yield store
    store.close()


def console(store) -> ModeratorApp:
    return ModeratorApp(store, poll_seconds=0.02)


def shown(widget) -> str:
    return str(widget.render())


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
async def test_plus_and_minus_move_the_clock_a_minute(store, size):
    async with console(store).run_test(size=size) as pilot:
        countdown = pilot.app.screen.query_one(Countdown)
        await pilot.press("n")
        await until(pilot, lambda: store.stage.current() == "E01")
        await pilot.press("plus")
        await until(pilot, lambda: store.stage.state().clock.extra_s == 60)
        await until(pilot, lambda: countdown.value == "08:00")
        assert countdown.region.height == 3  # the compact clock: Digits, three rows
        await pilot.press("space", "minus", "minus")
        await until(pilot, lambda: store.stage.state().clock.extra_s == -60)
        await until(pilot, lambda: countdown.value == "06:00")
        keys = shown(pilot.app.screen.query_one(KeyBar))
        assert "+1 menit" in keys and "−1 menit" in keys and "Pesan cepat" in keys


async def test_number_keys_send_ready_notes_and_0_clears(store):
    async with console(store).run_test(size=(120, 36)) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: store.stage.current() == "E01")
        await pilot.press("1")
        await until(pilot, lambda: store.stage.state().message == "1 menit lagi")
        line = pilot.app.screen.query_one("#on-stage-message", Static)
        await until(pilot, lambda: "1 menit lagi" in shown(line))
        await pilot.press("2")
        await until(pilot, lambda: store.stage.state().message == "Mohon diakhiri")
        await pilot.press("0")
        await until(pilot, lambda: store.stage.state().message == "")
        await until(pilot, lambda: shown(line) == "")


async def test_m_writes_a_note_of_ones_own(store):
    async with console(store).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: store.stage.current() == "E01")
        await pilot.press("m")
        await until(pilot, lambda: isinstance(pilot.app.screen, FormDialog))
        await pilot.press("enter")  # empty: the dialog says so and stays
        assert isinstance(pilot.app.screen, FormDialog)
        assert "tulis pesannya" in shown(pilot.app.screen.query_one("#dialog-error", Static))
        pilot.app.screen.query_one(Input).value = "Slide berikutnya, ya"
        await pilot.press("enter")
        await until(pilot, lambda: store.stage.state().message == "Slide berikutnya, ya")
        await until(pilot, lambda: not isinstance(pilot.app.screen, FormDialog))
        entry = store.audit.entries()[-1]
        assert entry.action == "stage.message" and entry.detail["message"] == "Slide berikutnya, ya"


CLOCK_ROWS = {(200, 60): 20, (80, 24): 5, (50, 40): 7}  # a third of 60 rows; 5 rows at 80x24


@pytest.mark.parametrize("size", [(200, 60), (80, 24), (50, 40)])
async def test_the_board_shows_the_note_large_and_the_added_minute(event, size):
    moderator = Store(event)
    try:
        moderator.stage.next()
        async with BoardApp(ReconnectingStore(event), poll_seconds=0.02).run_test(size=size) as pilot:
            switcher = pilot.app.query_one(ContentSwitcher)
            await until(pilot, lambda: switcher.current == STAGE)
            clock = pilot.app.query_one(BigClock)
            banner = pilot.app.query_one(BigNote)
            assert not banner.display
            moderator.stage.adjust_time(60)
            await until(pilot, lambda: clock.shown_text == "08:00")
            moderator.stage.set_message("1 menit lagi")
            await until(pilot, lambda: banner.display and banner.note == "1 MENIT LAGI")
            await pilot.pause()
            # in block glyphs, whole, inside the window; the clock stays large below it
            assert banner.in_glyphs
            drawn = banner.render().plain.splitlines()
            assert len(drawn) >= 4 and "█" in banner.render().plain
            assert max(len(line) for line in drawn) <= banner.content_region.width
            assert banner.region.bottom <= size[1] and banner.region.right <= size[0]
            assert len(clock.lines()) >= CLOCK_ROWS[size] and clock.region.bottom <= size[1]
            assert clock.region.y >= banner.region.bottom
            assert pilot.app.query_one("#stage-next", Static).region.bottom <= size[1]
            moderator.stage.set_message("")
            await until(pilot, lambda: not banner.display)
    finally:
        moderator.close()


@pytest.mark.parametrize(("size", "glyphs"), [((200, 60), True), ((80, 24), False), ((50, 40), False)])
async def test_a_long_note_is_wrapped_bold_text_where_glyphs_do_not_fit(event, size, glyphs):
    moderator = Store(event)
    try:
        moderator.stage.next()
        note = "Mohon bicara lebih keras, suara tidak terdengar di belakang"
        moderator.stage.set_message(note)
        async with BoardApp(ReconnectingStore(event), poll_seconds=0.02).run_test(size=size) as pilot:
            banner = pilot.app.query_one(BigNote)
            await until(pilot, lambda: banner.display and banner.note == note.upper())
            await pilot.pause()
            assert banner.in_glyphs == glyphs  # 200 columns: two lines of the small glyphs
            if not glyphs:
                shown = banner.render().plain
                assert " ".join(shown.split()) == note.upper()  # every word, wrapped
            assert banner.region.bottom <= size[1] and banner.region.right <= size[0]
            assert len(pilot.app.query_one(BigClock).lines()) >= CLOCK_ROWS[size]
    finally:
        moderator.close()
