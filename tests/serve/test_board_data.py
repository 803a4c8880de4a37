"""What ``/board`` is sent: the schedule's "sekitar pukul" and the presenter's note, as the
terminal board shows them."""

from __future__ import annotations

import time

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.i18n import Messages
from ikm_tui.serve.board_data import board_state
from ikm_tui.store.session import Store

SCHEDULE = """
[schedule]
start = ["08:30", "08:30"]
changeover_minutes = 2
"""
AT_0820 = time.mktime((2022, 6, 14, 8, 20, 0, 0, 0, -1))


def opened(make_event, extra: str) -> Store:
    return Store(load_config(make_event(judges=3, entrants=6, language="id", extra=extra)))


def test_the_idle_board_says_who_is_next_about_when_and_when_to_ask_again(make_event):
    with opened(make_event, SCHEDULE) as store:
        t = Messages("id")
        idle = board_state(store, t, now=AT_0820)["idle"]
        assert (idle["name"], idle["time"]) == ("Owner 1", "sekitar pukul 08:30")
        assert idle["refresh_s"] == pytest.approx(600)  # nothing moves before 08:30
        idle = board_state(store, t, now=AT_0820 + 15 * 60 + 10)["idle"]  # 08:35:10, nobody called
        assert idle["time"] == "sekitar pukul 08:35"
        assert idle["refresh_s"] == pytest.approx(20)  # 08:35:30 reads 08:36


def test_without_a_schedule_no_time_is_sent(make_event):
    with opened(make_event, "") as store:
        idle = board_state(store, Messages("id"), now=AT_0820)["idle"]
        assert idle["name"] == "Owner 1"
        assert (idle["time"], idle["refresh_s"]) == ("", None)


def test_the_stage_view_carries_the_note_in_capitals_until_cleared(make_event):
    with opened(make_event, SCHEDULE) as store:
        t = Messages("id")
        store.stage.next()
        assert board_state(store, t)["stage"]["message"] == ""
        store.stage.set_message("1 menit lagi")
        assert board_state(store, t)["stage"]["message"] == "1 MENIT LAGI"
        store.stage.set_message("")
        assert board_state(store, t)["stage"]["message"] == ""
