"""The sample event scored, finalised and revealed up to a step: what the reveal's layout
tests put on the board (the same seeded scores each time, so the winners are the same)."""

from __future__ import annotations

import random
from decimal import Decimal

from ikm_tui.app.board.app import BoardApp
from ikm_tui.app.board.reveal_view import RevealView
from ikm_tui.domain.config import Config
from ikm_tui.domain.snapshot import Snapshot
from ikm_tui.store.session import Store
from tests.functional.seen import screen_text
from tests.functional.waiting import until


def reveal_sample(moderator: Store, step: int) -> Snapshot:
    """Every judge scores every entrant (half-points 2–10), results are finalised and revealed
    to ``step``; returns the frozen snapshot the board shows."""
    config = moderator.config
    rnd = random.Random(7)
    for entrant in config.entrants:
        for judge in config.judges:
            scores = {c.id: Decimal(rnd.randint(4, 20)) / 2 for c in config.criteria}
            moderator.scores.submit(judge.id, entrant.id, scores)
    moderator.results.finalise(actor="moderator")
    moderator.results.reveal(step, actor="moderator")
    snapshot = moderator.results.reveal_state().snapshot
    assert snapshot is not None
    return snapshot


async def revealed_board_text(config: Config, step: int, size: tuple[int, int]) -> tuple[Snapshot, str]:
    """The sample revealed to ``step`` (see :func:`reveal_sample`) on a board of ``size``: the
    snapshot and the text the board shows once the reveal is drawn."""
    with Store(config) as moderator, Store(config) as board_store:
        snapshot = reveal_sample(moderator, step)
        app = BoardApp(board_store, poll_seconds=0.02)
        async with app.run_test(size=size) as pilot:
            await until(pilot, lambda: app.query_one(RevealView).display)
            await pilot.pause()
            return snapshot, screen_text(app)
