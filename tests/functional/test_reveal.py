"""The reveal on the projector board: tier by tier from the frozen snapshot, and no leak.

Two views of "no leak": a screenshot after each step (Pilot), and every byte a real
``ikm-tui board`` process sends its terminal, read from a pty, which is every frame the
projector ever drew. No name, business or amount of a tier may appear before that tier's step.
"""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from ikm_tui.app.board.app import BoardApp
from ikm_tui.app.board.reveal_view import RevealView
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.functional.terminal import ikm_tui, text_of
from tests.functional.sample_reveal import revealed_board_text
from tests.functional.seen import screen_text
from tests.functional.waiting import until

CRITERIA = ("inovasi", "produktivitas", "pasar")
# E08 best ... E01 worst, so the first in the queue (E01, shown as "next up") wins nothing.
VALUES = {f"E0{i}": 1 + i for i in range(1, 9)}
TIERS = [
    ("Juara III", ("E04", "E03"), "Rp 1.800.000"),
    ("Juara II", ("E06", "E05"), "Rp 2.400.000"),
    ("Juara I", ("E08", "E07"), "Rp 3.000.000"),
]


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


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
async def test_each_step_shows_its_tier_and_nothing_later(event, size):
    config = load_config(event)
    with Store(config) as moderator, Store(config) as board_store:
        for entrant, value in VALUES.items():
            for judge in ("J1", "J2", "J3"):
                moderator.scores.submit(judge, entrant, {c: Decimal(value) for c in CRITERIA})
        app = BoardApp(board_store, poll_seconds=0.02)
        screenshots: list[tuple[int, str]] = []
        async with app.run_test(size=size) as pilot:
            board_reveal = app.query_one(RevealView)
            await pilot.pause()
            moderator.results.finalise(actor="moderator")
            await pilot.pause(0.1)  # several polls: the board must stay hidden after the lock
            screenshots.append((0, screen_text(app)))
            for step in (1, 2, 3, 4):
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

        for step, text in screenshots:
            for tier_index in range(step, len(TIERS)):
                for secret in secrets_of(config, tier_index):
                    assert secret not in text, (step, secret)
        by_step = dict(screenshots)
        for name in secrets_of(config, 0):
            assert name in by_step[1]  # Juara III is on the board at step 1
        assert "JUARA III" in by_step[1] and "JUARA II" not in by_step[1].replace("JUARA III", "")
        assert "Owner 8" in by_step[3] and "Rp 3.000.000" in by_step[3]
        assert "The winners" in by_step[4] and "Total incentives Rp 14.400.000" in by_step[4]


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
def test_no_later_tier_reaches_the_projector_terminal_before_its_step(event, size):
    """Everything the real board process writes to its terminal, step by step."""
    config = load_config(event)
    with Store(config) as moderator:
        for entrant, value in VALUES.items():
            for judge in ("J1", "J2", "J3"):
                moderator.scores.submit(judge, entrant, {c: Decimal(value) for c in CRITERIA})
        columns, lines = size
        with ikm_tui("--config", str(event), "board", columns=columns, lines=lines) as terminal:
            terminal.text_until("Owner 1", timeout=60)  # idle: E01 is next up
            moderator.results.finalise(actor="moderator")
            time.sleep(0.5)  # the board follows within a poll or two: it must stay hidden
            drawn = [(0, text_of(terminal.drain()))]
            shows = [amount for _label, _entrants, amount in TIERS] + ["Total incentives"]
            for step, shown in zip((1, 2, 3, 4), shows, strict=True):
                moderator.results.reveal(step, actor="moderator")
                drawn.append((step, terminal.text_until(shown, timeout=30)))
                time.sleep(0.3)
                drawn.append((step, text_of(terminal.drain())))
    assert "Owner 8" in "".join(text for step, text in drawn if step == 3)
    for step, text in drawn:
        for tier_index in range(step, len(TIERS)):
            for secret in secrets_of(config, tier_index):
                assert secret not in text, (step, secret)


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
    snapshot, text = await revealed_board_text(sample_config, step, (80, 24))
    for prize in sample_config.prizes[len(sample_config.prizes) - min(step, 3) :]:
        for row in snapshot.tier(prize.label):
            assert row["name"] in text, (step, row["name"])
    assert "Juara" in text or "JUARA" in text
    assert not any(line.rstrip().endswith("…") for line in text.splitlines())
