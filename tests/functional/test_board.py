"""The projector board follows the session file written by someone else, and stays calm."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import ContentSwitcher, Static

from ikm_tui.app.board.app import BoardApp
from ikm_tui.app.board.board import IDLE, STAGE, UNREACHABLE
from ikm_tui.app.board.reconnect import ReconnectingStore
from ikm_tui.app.moderator import ModeratorApp
from ikm_tui.app.board.big_clock import BigClock
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.functional.waiting import until


@pytest.fixture
def event(make_event):
    return load_config(make_event(judges=3, entrants=6, language="en"))


@pytest.fixture
def console_store(event):
    store = Store(event)
    yield store
    store.close()


def board(event, path=None) -> BoardApp:
    return BoardApp(ReconnectingStore(event, path), poll_seconds=0.02)


def view(app) -> str:
    return app.query_one(ContentSwitcher).current


def text(app, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


async def test_board_follows_another_connection(event, console_store):
    stage = console_store.stage
    async with board(event).run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: view(pilot.app) == IDLE)
        assert text(pilot.app, "#idle-next") == "Owner 1"
        stage.next()
        await until(pilot, lambda: view(pilot.app) == STAGE)
        assert text(pilot.app, "#stage-name") == "Owner 1"
        assert "Business 1" in text(pilot.app, "#stage-business")
        assert "Owner 2" in text(pilot.app, "#stage-next")
        assert pilot.app.query_one(BigClock).shown_text == "07:00"
        stage.toggle_timer()
        stage.toggle_timer()
        await until(pilot, lambda: "Paused" in text(pilot.app, "#stage-phase"))
        stage.set_calm(True)
        await until(pilot, lambda: view(pilot.app) == IDLE)
        assert text(pilot.app, "#idle-next") == ""
        stage.set_calm(False)
        stage.next()
        await until(pilot, lambda: text(pilot.app, "#stage-name") == "Owner 2")


async def test_board_never_shows_scores(event, console_store):
    from decimal import Decimal

    console_store.stage.next()
    console_store.scores.submit("J1", "E01", {c.id: Decimal("7.5") for c in event.criteria})
    async with board(event).run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: view(pilot.app) == STAGE)
        shown = " ".join(str(w.render()) for w in pilot.app.query(Static) if w.display)
        assert "7.5" not in shown and "J1" not in shown


async def test_end_of_day_is_a_calm_thank_you(event, console_store):
    for _ in range(3):
        console_store.stage.next()
    console_store.stage.next()  # the last one of day 1 done; nobody waits today
    async with board(event).run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: view(pilot.app) == IDLE)
        assert text(pilot.app, "#idle-message") == "Thank you for your attention"


async def test_unreachable_database_says_so_and_recovers(event, tmp_path):
    path = tmp_path / "not-yet" / "session.db"
    async with board(event, path).run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: view(pilot.app) == UNREACHABLE)
        assert "unreachable" in text(pilot.app, "#unreachable-message")
        path.parent.mkdir()
        await pilot.pause(0.3)  # several polls: the read-only board never creates the file
        assert view(pilot.app) == UNREACHABLE and not path.exists()
        Store(event, path).close()  # the moderator's console opens the session
        await until(pilot, lambda: view(pilot.app) == IDLE)


BOARD_CHILD = """
import asyncio, json, os, sys, time
from ikm_tui.domain.config import load_config
from ikm_tui.app.board.app import BoardApp
from ikm_tui.app.board.board import Board
from ikm_tui.app.board.reconnect import ReconnectingStore

original = Board.show
def show(self):
    original(self)
    name = str(self.query_one("#stage-name").render())
    os.write(1, (json.dumps([time.time(), self.choose_view(), name]) + "\\n").encode())
Board.show = show

async def main():
    app = BoardApp(ReconnectingStore(load_config(sys.argv[1])))
    async with app.run_test(size=(120, 36)):
        os.write(1, b"ready\\n")
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
asyncio.run(main())
"""


async def _line(child, timeout: float = 30.0) -> str:
    """The child's next line, bounded: a hung child fails the test, a dead one too (EOF)."""
    line = await asyncio.wait_for(asyncio.to_thread(child.stdout.readline), timeout)
    assert line, f"the board process ended (exit {child.poll()})"
    return line.strip()


async def _until_shown(child, name: str) -> None:
    """Read the board process's frames until it shows ``name`` on stage."""
    while True:
        line = await _line(child)
        if line.startswith("["):
            _at, shown, on_stage = json.loads(line)
            if shown == STAGE and on_stage == name:
                return


@pytest.mark.slow
async def test_a_board_process_follows_the_console_process(event, console_store):
    """A real second process on the same file follows the console's keys. (How fast is
    measured in benchmarks/propagation.py, not asserted here.)"""
    child = subprocess.Popen(
        [sys.executable, "-c", BOARD_CHILD, str(event.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=event.path.parent,
        env=os.environ | {"PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    try:
        while await _line(child) != "ready":
            pass
        async with ModeratorApp(console_store).run_test(size=(120, 36)) as pilot:
            await pilot.press("n")
            await _until_shown(child, "Owner 1")
            await pilot.press("n")
            await _until_shown(child, "Owner 2")
        child.communicate("\n", timeout=20)
    finally:
        child.kill() if child.poll() is None else None
