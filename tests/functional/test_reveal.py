"""The reveal on the projector board: tier by tier from the frozen snapshot, and no leak.

Every frame the board's compositor produces is captured (a hook on ``App._display``, which
receives each update before the driver would write it) along with a full screenshot after each
step, and checked: no name, business or amount of a tier appears before that tier's step.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal

import pytest
from rich.console import Console

from ikm_tui.app.board.app import BoardApp
from ikm_tui.app.board.reveal_view import RevealView
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.functional.waiting import until

CRITERIA = ("inovasi", "produktivitas", "pasar")
# E08 best ... E01 worst, so the first in the queue (E01, shown as "next up") wins nothing.
VALUES = {f"E0{i}": 1 + i for i in range(1, 9)}
TIERS = [
    ("Juara III", ("E04", "E03"), "Rp 1.800.000"),
    ("Juara II", ("E06", "E05"), "Rp 2.400.000"),
    ("Juara I", ("E08", "E07"), "Rp 3.000.000"),
]
ANSI = re.compile(r"\x1b\[[0-9;?<>=]*[A-Za-z]|\x1b\][^\x07]*\x07")


@pytest.fixture
def event(make_event):
    return make_event(judges=3, entrants=8, language="en")


def secrets_of(config, tier_index: int) -> list[str]:
    """Everything that would give tier ``tier_index`` away (owner names, businesses, amount)."""
    label, entrants, amount = TIERS[tier_index]
    found = [amount]
    for entrant in entrants:
        found += [config.entrant(entrant).name, config.entrant(entrant).business]
    return found


def screen_text(app) -> str:
    svg = app.export_screenshot()
    body = svg[svg.index('<g class="terminal') :] if '<g class="terminal' in svg else svg
    return html.unescape(re.sub(r"<[^>]+>", "", body)).replace("\xa0", " ")


def capture_frames(app, frames: list, allowed: list) -> None:
    """Record every compositor update as text, tagged with the step allowed at that moment."""
    original = app._display
    console = Console(width=200, color_system=None, force_terminal=True, legacy_windows=False)

    def display(screen, renderable):
        if renderable is not None and hasattr(renderable, "render_segments"):
            frames.append((allowed[0], ANSI.sub("", renderable.render_segments(console))))
        return original(screen, renderable)

    app._display = display


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
async def test_no_later_tier_reaches_any_frame_before_its_step(event, size):
    config = load_config(event)
    with Store(config) as moderator, Store(config) as board_store:
        for entrant, value in VALUES.items():
            for judge in ("J1", "J2", "J3"):
                moderator.scores.submit(judge, entrant, {c: Decimal(value) for c in CRITERIA})
        app = BoardApp(board_store, poll_seconds=0.02)
        frames: list[tuple[int, str]] = []
        allowed = [0]
        capture_frames(app, frames, allowed)
        screenshots: list[tuple[int, str]] = []
        async with app.run_test(size=size) as pilot:
            board_reveal = app.query_one(RevealView)
            await pilot.pause()
            moderator.results.finalise(actor="moderator")
            await pilot.pause(0.1)  # several polls: the board must stay hidden after the lock
            screenshots.append((0, screen_text(app)))
            for step in (1, 2, 3, 4):
                allowed[0] = step
                moderator.results.reveal(step, actor="moderator")
                await until(
                    pilot,
                    lambda step=step: (
                        app.query_one("Board").reveal is not None
                        and app.query_one("Board").reveal.step == step
                        and board_reveal.display
                    ),
                )
                await pilot.pause()
                screenshots.append((step, screen_text(app)))

        assert len(frames) > 5
        for step, text in frames + screenshots:
            for tier_index in range(step, len(TIERS)):
                for secret in secrets_of(config, tier_index):
                    assert secret not in text, (step, secret)
        by_step = dict(screenshots)
        for name in secrets_of(config, 0):
            assert name in by_step[1]  # Juara III is on the board at step 1
        assert "JUARA III" in by_step[1] and "JUARA II" not in by_step[1].replace("JUARA III", "")
        assert "Owner 8" in by_step[3] and "Rp 3.000.000" in by_step[3]
        assert "The winners" in by_step[4] and "Total incentives Rp 14.400.000" in by_step[4]


async def test_unlock_takes_the_reveal_off_the_board(event):
    config = load_config(event)
    with Store(config) as moderator, Store(config) as board_store:
        for entrant, value in VALUES.items():
            for judge in ("J1", "J2", "J3"):
                moderator.scores.submit(judge, entrant, {c: Decimal(value) for c in CRITERIA})
        moderator.results.finalise(actor="moderator")
        moderator.results.reveal(1, actor="moderator")
        app = BoardApp(board_store, poll_seconds=0.02)
        async with app.run_test(size=(120, 36)) as pilot:
            await until(pilot, lambda: "Owner 4" in screen_text(app))
            moderator.results.unlock("recount", actor="moderator")
            await until(pilot, lambda: "Owner 4" not in screen_text(app))
            assert "JUARA" not in screen_text(app)


@pytest.mark.parametrize("step", [1, 2, 3, 4])
async def test_every_reveal_line_fits_an_80x24_projector_in_indonesian(sample_config, step):
    """The sample event (Indonesian, long names): the current tier and every earlier one are
    on screen whole at 80×24 — nothing runs off the bottom or the side."""
    import random

    with Store(sample_config) as moderator, Store(sample_config) as board_store:
        rnd = random.Random(7)
        for entrant in sample_config.entrants:
            for judge in sample_config.judges:
                scores = {c.id: Decimal(rnd.randint(4, 20)) / 2 for c in sample_config.criteria}
                moderator.scores.submit(judge.id, entrant.id, scores)
        moderator.results.finalise(actor="moderator")
        moderator.results.reveal(step, actor="moderator")
        snapshot = moderator.results.reveal_state().snapshot
        app = BoardApp(board_store, poll_seconds=0.02)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: app.query_one(RevealView).display)
            await pilot.pause()
            lines = screen_text(app).splitlines()
            text = "\n".join(lines)
            for prize in sample_config.prizes[len(sample_config.prizes) - min(step, 3) :]:
                for row in snapshot.tier(prize.label):
                    assert row["name"] in text, (step, row["name"])
            assert "Juara" in text or "JUARA" in text
            assert not any(line.rstrip().endswith("…") for line in lines)
