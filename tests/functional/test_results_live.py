"""The results screen's incremental reader agrees with a fresh read after every change."""

from __future__ import annotations

import random
from decimal import Decimal

from ikm_tui.app.results.live import LiveResults, read_results
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store

CRITERIA = ("inovasi", "produktivitas", "pasar")


def test_incremental_reads_match_a_fresh_read(make_event):
    rng = random.Random(5)
    config = load_config(make_event(judges=4, entrants=8))
    with Store(config) as store, Store(config) as judge:
        live = LiveResults(store)
        live.read()
        for round_ in range(25):
            entrant = f"E0{rng.randint(1, 8)}"
            who = f"J{rng.randint(1, 4)}"
            if round_ % 7 == 6:
                judge.scores.recuse(who, entrant, "conflict")
            else:
                judge.scores.submit(who, entrant, {c: Decimal(rng.randint(2, 20)) / 2 for c in CRITERIA})
            incremental, fresh = live.read(), read_results(store)
            assert incremental.rows == fresh.rows
            assert incremental.flags == fresh.flags
            assert incremental.lines == fresh.lines
            assert incremental.missing == fresh.missing


def test_the_worst_flags_kept_between_reads_match_a_fresh_read(make_event, monkeypatch):
    """Only a few flags are shown; the kept list must be the fresh list after any change."""
    import ikm_tui.app.results.live as live_module

    monkeypatch.setattr(live_module, "FLAGS_SHOWN", 3)
    rng = random.Random(11)
    config = load_config(make_event(judges=4, entrants=8, extra="[judging]\ndivergence = 5\n"))
    with Store(config) as store, Store(config) as judge:
        live = LiveResults(store)
        live.read()
        for _ in range(40):
            entrant, who = f"E0{rng.randint(1, 8)}", f"J{rng.randint(1, 4)}"
            judge.scores.submit(who, entrant, {c: Decimal(rng.randint(2, 20)) / 2 for c in CRITERIA})
            incremental, fresh = live.read(), read_results(store)
            assert len(incremental.flags) == min(3, fresh.flag_count)
            assert incremental.flags == fresh.flags
            assert incremental.flag_count == fresh.flag_count
