"""The projector board shows nothing from a frozen result that was rewritten outside ikm-tui."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from ikm_tui.app.board.app import BoardApp
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.functional.test_reveal import CRITERIA, VALUES, screen_text
from tests.functional.waiting import until


async def test_a_rewritten_snapshot_is_taken_off_the_board(make_event):
    path = make_event(judges=3, entrants=8, language="en")
    config = load_config(path)
    with Store(config) as moderator, Store(config, read_only=True) as board_store:
        for entrant, value in VALUES.items():
            for judge in ("J1", "J2", "J3"):
                moderator.scores.submit(judge, entrant, {c: Decimal(value) for c in CRITERIA})
        moderator.results.finalise(actor="moderator")
        moderator.results.reveal(1, actor="moderator")  # Juara III: E04 and E03
        app = BoardApp(board_store, poll_seconds=0.02)
        async with app.run_test(size=(120, 36)) as pilot:
            await until(pilot, lambda: "Owner 4" in screen_text(app))
            raw = sqlite3.connect(path.parent / "session.db")  # E02 takes E04's place and prize
            raw.execute(
                "UPDATE finalisation SET snapshot = replace(replace(replace(snapshot,"
                ' \'"entrant": "E04"\', \'"entrant": "TMP"\'),'
                ' \'"entrant": "E02"\', \'"entrant": "E04"\'),'
                ' \'"entrant": "TMP"\', \'"entrant": "E02"\')'
            )
            raw.commit()
            raw.close()
            await until(pilot, lambda: "Owner 4" not in screen_text(app))
            text = screen_text(app)
            assert "JUARA" not in text
            assert "Owner 2" not in text and "Owner 3" not in text
