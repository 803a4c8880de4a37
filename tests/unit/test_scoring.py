"""The rules of a total, checked on hand-computed cases."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from ikm_tui.domain.numbers import format_points, round_half_up, rupiah
from ikm_tui.domain.ranking import rank
from ikm_tui.domain.scoring import aggregate, judge_total
from tests.unit.engine_builders import build_config, sheet


def entrant_total(sheets, config) -> F | None:
    """E01's total as the product computes it (the ranking, on integer points)."""
    return rank(config, sheets).by_entrant()["E01"].total


def test_judge_total_is_weighted_share_of_the_maximum():
    config = build_config()
    # 100 x (40x8 + 35x7 + 25x9) / (40x10 + 35x10 + 25x10) = 100 x 790 / 1000
    assert judge_total(sheet("J1", "E01", 8, 7, 9).scores, config.criteria) == 79


def test_judge_total_with_per_criterion_maxima():
    config = build_config(criteria=(("a", 1), ("b", 3)))
    a, b = config.criteria
    config = config.__class__(**{**config.__dict__, "criteria": (a, b.__class__(**{**b.__dict__, "max": 5}))})
    # 100 x (1x10 + 3x5) / (1x10 + 3x5) = 100 ; 100 x (1x5 + 3x2) / 25 = 44
    assert judge_total({"a": F(10), "b": F(5)}, config.criteria) == 100
    assert judge_total({"a": F(5), "b": F(2)}, config.criteria) == 44


@pytest.mark.parametrize(
    "rule, trim, values, expected",
    [
        ("mean", 0, [1, 2, 4], F(7, 3)),
        ("median", 0, [5, 1, 3], 3),
        ("median", 0, [1, 2, 3, 4], F(5, 2)),
        ("trimmed_mean", 1, [1, 5, 6, 7, 100], 6),
        ("trimmed_mean", 1, [1, 100], F(101, 2)),  # fewer than 2 x trim + 1: plain mean
        ("trimmed_mean", 2, [1, 2, 3, 4], F(5, 2)),
        ("trimmed_mean", 2, [1, 2, 3, 4, 50], 3),
        ("trimmed_mean", 0, [1, 2, 6], 3),
    ],
)
def test_aggregates(rule, trim, values, expected):
    assert aggregate([F(v) for v in values], rule, trim) == expected


def test_recused_judges_do_not_count():
    config = build_config()
    sheets = [sheet("J1", "E01", 10, 10, 10), sheet("J2", "E01", 5, 5, 5), sheet("J3", "E01", recused=True)]
    assert entrant_total(sheets, config) == 75


def test_trim_scope_criterion_differs_from_total():
    """ISU-style: trim each criterion's judge scores separately, then weight the trimmed means."""
    kwargs = dict(criteria=(("a", 1), ("b", 1)), aggregate="trimmed_mean", trim=1, tie_break=())
    sheets_for = lambda config: [  # noqa: E731
        sheet("J1", "E01", 10, 1, config=config),
        sheet("J2", "E01", 1, 10, config=config),
        sheet("J3", "E01", 5, 5, config=config),
    ]
    by_total = build_config(trim_scope="total", **kwargs)
    by_criterion = build_config(trim_scope="criterion", **kwargs)
    # totals 55, 55, 50 -> drop 50 and one 55 -> 55
    assert entrant_total(sheets_for(by_total), by_total) == 55
    # a: 1,5,10 -> 5 ; b: 1,5,10 -> 5 -> 100 x 10 / 20 = 50
    assert entrant_total(sheets_for(by_criterion), by_criterion) == 50


def test_trim_scope_criterion_with_too_few_judges_is_the_plain_mean():
    config = build_config(
        criteria=(("a", 1), ("b", 1)), aggregate="trimmed_mean", trim_scope="criterion", tie_break=()
    )
    sheets = [sheet("J1", "E01", 10, 1, config=config), sheet("J2", "E01", 1, 10, config=config)]
    assert entrant_total(sheets, config) == 55


def test_no_scores_no_total():
    config = build_config()
    assert entrant_total([sheet("J1", "E01", recused=True)], config) is None


@pytest.mark.parametrize(
    "value, text",
    [
        (F(12345, 1000), "12.35"),
        (F(200, 3), "66.67"),
        (F(1, 8), "0.13"),
        (F(79), "79.00"),
        (F(-12345, 1000), "-12.35"),
        (F(99995, 1000), "100.00"),
        (F(4, 1000), "0.00"),
    ],
)
def test_half_up_display(value, text):
    assert format_points(value) == text


def test_half_up_is_not_bankers_rounding():
    assert round_half_up(F(1, 8)) == F(13, 100)
    assert round(0.125, 2) == 0.12  # what Python would have shown


def test_rupiah():
    assert rupiah(3_000_000) == "Rp 3.000.000"
    assert rupiah(14_400_000) == "Rp 14.400.000"
    assert rupiah(0) == "Rp 0"


def test_half_up_rounding_agrees_with_decimal_round_half_up_everywhere():
    """The integer fast path of the rounding rule, held to Decimal's ROUND_HALF_UP."""
    from decimal import ROUND_HALF_UP, Decimal, localcontext

    from hypothesis import given
    from hypothesis import strategies as st

    @given(st.fractions(max_denominator=10_000).filter(lambda v: abs(v) < 10**6))
    def check(value):
        with localcontext() as ctx:
            ctx.prec = 60
            exact = Decimal(value.numerator) / Decimal(value.denominator)
            expected = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert round_half_up(value) == F(str(expected))
        text = format_points(value)
        assert Decimal(text) == expected and text.count(".") == 1 and len(text.split(".")[1]) == 2

    check()
