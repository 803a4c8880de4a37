"""A judge on a phone held upright (a browser terminal under 64 columns) can still score."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from ikm_tui.app.judge.app import JudgeApp
from ikm_tui.app.judge.code_screen import CodeScreen
from ikm_tui.app.judge.scoring_screen import ScoringScreen
from ikm_tui.domain.config import load_config
from ikm_tui.store.access import Grant
from ikm_tui.store.session import Store
from tests.functional.waiting import until

PHONE = (48, 40)


@pytest.fixture
def store(make_event):
    store = Store(load_config(make_event(judges=3, entrants=6, language="en")))
    yield store
    store.close()


async def test_the_code_prompt_fits_a_phone(store):
    store.access.issue("J1", actor="test")
    async with JudgeApp(store, poll_seconds=0.02).run_test(size=PHONE) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, CodeScreen))
        box = pilot.app.screen.query_one("#code-box").region
        assert box.x >= 0 and box.right <= PHONE[0]


async def test_the_list_sits_above_a_full_width_sheet_and_a_score_saves(store):
    app = JudgeApp(store, grant=Grant("J1", None), poll_seconds=0.02)
    async with app.run_test(size=PHONE) as pilot:
        await until(pilot, lambda: isinstance(pilot.app.screen, ScoringScreen))
        screen = pilot.app.screen
        side, sheet = screen.query_one("#side").region, screen.query_one("#sheet").region
        assert side.bottom <= sheet.y and sheet.width >= PHONE[0] - 2
        inputs = list(screen.query(Input).filter(".score-input"))
        assert all(i.region.right <= PHONE[0] and i.region.bottom <= PHONE[1] for i in inputs)
        entrant = screen.entrant
        for field in inputs:
            field.value = "8"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: store.scores.sheet("J1", entrant) is not None)
        assert set(store.scores.sheet("J1", entrant).scores.values()) == {8}
