"""Keys that arrive together (SSH on busy Wi-Fi, a paste) land exactly as typed.

Two levels: a Pilot test posts a whole burst to the app before any of it is processed (what
the terminal driver does with one read), and a pty test writes a whole sheet in ONE write to a
real ``ikm-tui judge`` process and reads the saved sheet back from the database.
"""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from textual import events

from ikm_tui.app.judge.app import JudgeApp
from ikm_tui.domain.config import load_config
from ikm_tui.store.access import Grant
from ikm_tui.store.session import Store
from tests.functional.terminal import ikm_tui
from tests.functional.waiting import until

CRITERIA = ("inovasi", "produktivitas", "pasar")
TERMINAL_KEYS = {"\t": "tab", "\r": "enter", "\x7f": "backspace", "\x13": "ctrl+s"}


@pytest.fixture
def event(make_event):
    return make_event(judges=2, entrants=6, language="id", extra="\n[judging]\naccess_codes = false\n")


def burst(app, typed: str) -> None:
    """Post every key of ``typed`` at once, as the driver does with one read of the terminal."""
    for character in typed:
        key = TERMINAL_KEYS.get(character, character)
        printable = character if key == character else None
        app.post_message(events.Key(key, printable))


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("8\t7,5\t9\r", ("8", "7.5", "9")),
        ("5\x7f8\t6\x7f\x7f7\t99\x7f\r", ("8", "7", "9")),  # backspace, then digits, in a burst
        ("\t\t4\x1b", None),  # not a sheet: nothing saved, nothing lost
        ("8\t7\t9\x13", ("8", "7", "9")),  # ctrl+s arrives before the digits are processed
    ],
)
async def test_a_burst_lands_exactly_as_typed(event, typed, expected):
    with Store(load_config(event)) as store:
        app = JudgeApp(store, grant=Grant("J1", None), poll_seconds=0.02)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            if expected is None:
                burst(app, typed.replace("\x1b", ""))
                await pilot.pause()
                assert app.screen.form.values() == {"inovasi": "", "produktivitas": "", "pasar": "4"}
                return
            burst(app, typed)
            await until(pilot, lambda: store.scores.sheet("J1", "E01") is not None)
            sheet = store.scores.sheet("J1", "E01")
            assert tuple(sheet.scores[c] for c in CRITERIA) == tuple(Decimal(v) for v in expected)


@pytest.mark.parametrize(
    "typed, expected",
    [
        (b"8\t7,5\t9\r", ("8", "7.5", "9")),
        (b"5\x7f8\t6\x7f7\t9\r", ("8", "7", "9")),
    ],
)
def test_a_whole_sheet_in_one_write_to_a_real_judge_terminal(event, typed, expected):
    """The real process in a real pty, the sheet written in one ``os.write``."""
    config = load_config(event)
    Store(config).close()  # the moderator's console created the session
    with ikm_tui("--config", str(event), "judge", "--judge", "J1", columns=100, lines=30) as terminal:
        terminal.read_until(b"Simpan", timeout=60)  # the sheet is drawn
        time.sleep(0.5)  # let the first frame settle (focus on the first field)
        terminal.drain()
        assert terminal.write(typed) == len(typed)  # ONE write: the whole sheet
        deadline = time.monotonic() + 30
        sheet = None
        with Store(config) as reader:
            while sheet is None:
                assert time.monotonic() < deadline, "the sheet was never saved"
                terminal.drain()
                time.sleep(0.05)
                sheet = reader.scores.sheet("J1", "E01")
            assert tuple(sheet.scores[c] for c in CRITERIA) == tuple(Decimal(v) for v in expected)
