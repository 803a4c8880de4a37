"""The sample event scored, finalised and revealed up to a step: what the reveal's layout
tests put on the board (the same seeded scores each time, so the winners are the same)."""

from __future__ import annotations

import random
from decimal import Decimal

from ikm_tui.domain.snapshot import Snapshot
from ikm_tui.store.session import Store


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
