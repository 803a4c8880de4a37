"""The engine orders entrants on exact integer keys (``rank_key``), which the leaderboard and
its prize lines rely on at 10,000 entrants: same order and same ties as the Fraction keys."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from ikm_tui.domain.ranking import key_scales, rank, rank_key
from ikm_tui.domain.units import ScoreUnits
from tests.unit.engine_builders import build_config, sheet


def test_totals_a_float_cannot_tell_apart_are_still_ordered_exactly():
    """Nine judges on a 0.01 step: totals differing by far less than a float's resolution."""
    config = build_config(
        entrants=6,
        judges=9,
        criteria=(("a", 1),),
        scale=("0", "100", "0.01"),
        tie_break=(),
        prizes=(("P", 1, 1),),
    )
    # E01: eight judges 33.33 and one 33.34; E02: all nine 33.33 -> differ by 1/900 of a point
    sheets = [sheet(f"J{j}", "E01", "33.34" if j == 9 else "33.33", config=config) for j in range(1, 10)]
    sheets += [sheet(f"J{j}", "E02", "33.33", config=config) for j in range(1, 10)]
    result = rank(config, sheets)
    first, second = result.ranked()[:2]
    assert first.total - second.total == F(1, 900)
    assert (first.entrant.id, first.rank, second.rank) == ("E01", 1, 2)


def test_rank_key_keeps_order_and_ties_and_refuses_a_foreign_fraction():
    config = build_config(judges=3)
    scales = key_scales(config, ScoreUnits.of(config))
    keys = [(F(160, 3), F(17, 2)), (F(160, 3), F(8)), (F(53), F(9)), (F(160, 3), F(17, 2))]
    ints = [rank_key(k, scales) for k in keys]
    for a, ka in zip(ints, keys):
        for b, kb in zip(ints, keys):
            assert (a < b) == (ka < kb) and (a == b) == (ka == kb)
    with pytest.raises(ValueError):
        rank_key((F(1, 10**30), F(0)), scales)
