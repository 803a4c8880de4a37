"""Every screen as a person sees it, at 80×24 and 120×36, in Indonesian (the event's language)
and once in English: pytest-textual-snapshot SVGs under ``__snapshots__/``, reviewed by eye.

A change that moves a character shows as a failed comparison with a side-by-side report;
update with ``pytest tests/snapshots --snapshot-update`` only after looking at the new SVGs.
The session is built the same way every run (fixed event, fixed scores, no timer running, no
codes issued) so nothing but a real change can move a snapshot.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Awaitable, Callable
from decimal import Decimal
from pathlib import Path

import pytest

pytest.importorskip("pytest_textual_snapshot", reason="pip install -e '.[test]' brings the snapshot plugin")

from textual.pilot import Pilot  # noqa: E402
from textual.widgets import Input  # noqa: E402

from ikm_tui.app.board.app import BoardApp  # noqa: E402
from ikm_tui.app.judge.app import JudgeApp  # noqa: E402
from ikm_tui.app.moderator import ModeratorApp  # noqa: E402
from ikm_tui.domain.config import load_config  # noqa: E402
from ikm_tui.store.access import Grant  # noqa: E402
from ikm_tui.store.session import Store  # noqa: E402
from ikm_tui.store.stage import Stage  # noqa: E402

SIZES = {"80x24": (80, 24), "120x36": (120, 36)}
SAMPLE = Path(__file__).resolve().parents[2] / "config.toml"
FOLDER = "/hasil/ekspor"  # typed into the export screen: the real default is the working folder
MORNING = dt.datetime(2022, 6, 14, 9, 10).timestamp()  # day 1 of the sample event, local time


@pytest.fixture
def event_in(tmp_path):
    """The repo's sample event (Indonesian), or the same in English, with a session in it:
    three entrants scored by every judge, the fourth called on stage (timer not started)."""

    def make(language: str) -> Store:
        folder = tmp_path / language
        folder.mkdir()
        text = SAMPLE.read_text(encoding="utf-8").replace('language = "id"', f'language = "{language}"')
        (folder / "config.toml").write_text(text, encoding="utf-8")
        for extra in SAMPLE.parent.glob("*.csv"):
            shutil.copy(extra, folder / extra.name)
        store = Store(load_config(folder / "config.toml"))
        config = store.config
        store.stage = Stage(store.db, config, lambda: MORNING)  # "now" never moves a snapshot
        for index, entrant in enumerate(config.entrants[:3]):
            for judge in config.judges:
                value = Decimal(6 + index) + (Decimal("0.5") if judge.id.endswith("2") else 0)
                store.scores.submit(judge.id, entrant.id, {c.id: value for c in config.criteria})
        store.stage.call(config.entrants[3].id)
        return store

    stores: list[Store] = []

    def opened(language: str) -> Store:
        stores.append(make(language))
        return stores[-1]

    yield opened
    for store in stores:
        store.close()


def steady(*keys: str) -> Callable[[Pilot], Awaitable[None]]:
    """Press ``keys``, then hold every text cursor still (a blinking cursor is not a change)."""

    async def run_before(pilot: Pilot) -> None:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
            if field.id == "export-folder":
                field.value = FOLDER
        await pilot.pause()

    return run_before


MODERATOR_VIEWS = {
    "stage": (),
    "confirm": ("x",),
    "progress": ("f2",),
    "results": ("f3",),
    "finalise": ("f3", "f"),
    "export": ("f4",),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", MODERATOR_VIEWS)
def test_moderator_id(snap_compare, event_in, view, size):
    app = ModeratorApp(event_in("id"), poll_seconds=60)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=steady(*MODERATOR_VIEWS[view]))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", ["scoring", "recuse"])
def test_judge_id(snap_compare, event_in, view, size):
    store = event_in("id")
    app = JudgeApp(store, grant=Grant("J1", None), poll_seconds=60)
    keys = ("ctrl+r",) if view == "recuse" else ()
    assert snap_compare(app, terminal_size=SIZES[size], run_before=steady(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_judge_code_prompt_id(snap_compare, event_in, size):
    app = JudgeApp(event_in("id"), "J2", poll_seconds=60)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=steady())


@pytest.mark.parametrize("size", SIZES)
def test_board_id(snap_compare, event_in, size):
    app = BoardApp(event_in("id"), poll_seconds=60)
    app.now = lambda: MORNING
    assert snap_compare(app, terminal_size=SIZES[size], run_before=steady())


@pytest.mark.parametrize("view", MODERATOR_VIEWS)
def test_moderator_en(snap_compare, event_in, view):
    app = ModeratorApp(event_in("en"), poll_seconds=60)
    assert snap_compare(app, terminal_size=SIZES["120x36"], run_before=steady(*MODERATOR_VIEWS[view]))


def test_judge_en(snap_compare, event_in):
    app = JudgeApp(event_in("en"), grant=Grant("J1", None), poll_seconds=60)
    assert snap_compare(app, terminal_size=SIZES["120x36"], run_before=steady())


def test_board_en(snap_compare, event_in):
    app = BoardApp(event_in("en"), poll_seconds=60)
    app.now = lambda: MORNING
    assert snap_compare(app, terminal_size=SIZES["120x36"], run_before=steady())
