"""Divergence flags: further than the tolerance from the median of the OTHER judges."""

from __future__ import annotations

from fractions import Fraction as F

from ikm_tui.domain.config import load_config
from ikm_tui.domain.divergence import Divergence, divergences
from ikm_tui.domain.scoring import Sheet


def even(judge, entrant, value, recused=False):
    """All three criteria at ``value``: the judge's total is 10 x value."""
    scores = {} if recused else {c: F(value) for c in ("inovasi", "produktivitas", "pasar")}
    return Sheet(judge, entrant, scores, recused)


def test_a_typo_is_flagged_against_the_others_median(make_event):
    config = load_config(make_event(judges=4, extra="[judging]\ndivergence = 15\n"))
    sheets = [even("J1", "E01", 8), even("J2", "E01", 7.5), even("J3", "E01", 8.5), even("J4", "E01", 2)]
    # J4: 20 vs median(80, 75, 85) = 80 -> 60 away. J1: 80 vs median(75, 85, 20) = 75 -> 5.
    assert divergences(config, sheets) == [Divergence("J4", "E01", F(20), F(80), F(60))]


def test_exactly_at_the_tolerance_is_not_flagged(make_event):
    config = load_config(make_event(judges=2, extra="[judging]\ndivergence = 15\n"))
    assert divergences(config, [even("J1", "E01", 8), even("J2", "E01", 6.5)]) == []
    # 80 vs 64.5... step 0.5: 80 vs 65 = 15 (not flagged), 80 vs 60 = 20 (both flagged)
    flagged = divergences(config, [even("J1", "E02", 8), even("J2", "E02", 6)])
    assert [(d.judge, d.distance) for d in flagged] == [("J1", 20), ("J2", 20)]


def test_recused_and_lonely_sheets_are_ignored(make_event):
    config = load_config(make_event(judges=3, extra="[judging]\ndivergence = 10\n"))
    sheets = [even("J1", "E01", 9), even("J2", "E01", 0, recused=True), even("J3", "E03", 1)]
    assert divergences(config, sheets) == []


def test_median_of_an_even_number_of_others(make_event):
    config = load_config(make_event(judges=3, extra="[judging]\ndivergence = 12\n"))
    sheets = [even("J1", "E01", 5), even("J2", "E01", 7), even("J3", "E01", 8)]
    # J1: 50 vs (70 + 80) / 2 = 75 -> 25; J2: 70 vs 65 -> 5; J3: 80 vs 60 -> 20
    assert [(d.judge, d.others_median) for d in divergences(config, sheets)] == [("J1", F(75)), ("J3", F(60))]


def _reference(config, units, judged):
    """The rule as PRODUCT.md says it, in Fractions: total vs the median of the others."""
    from statistics import median

    tolerance = F(config.judging.divergence)
    flags = []
    for index, (judge, entrant, mine) in enumerate(judged):
        others = [units.total(p) for i, (_j, _e, p) in enumerate(judged) if i != index]
        if others and abs(units.total(mine) - median(others)) > tolerance:
            total, middle = units.total(mine), median(others)
            flags.append(Divergence(judge, entrant, total, middle, abs(total - middle)))
    order = {j.id: i for i, j in enumerate(config.judges)}
    return sorted(flags, key=lambda d: (-d.distance, order[d.judge]))


def test_the_integer_fast_path_flags_exactly_what_the_rule_says(make_event):
    """points_divergences works on integers for speed; random panels must agree with the rule."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from ikm_tui.domain.divergence import points_divergences
    from ikm_tui.domain.units import ScoreUnits

    config = load_config(make_event(judges=7, extra="[judging]\ndivergence = 7.5\n"))
    units = ScoreUnits.of(config)
    judges = [j.id for j in config.judges]

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.integers(0, units.possible), min_size=0, max_size=len(judges)))
    def check(points):
        judged = [(judges[i], "E01", p) for i, p in enumerate(points)]
        assert points_divergences(config, units, judged) == _reference(config, units, judged)

    check()


def _one_judge_at_a_time(config, units, judged):
    """The integer path as it was before the fast one: each judge against the median of the
    others, looked up one judge at a time (bisect into the sorted panel)."""
    from bisect import bisect_left

    if len(judged) < 2:
        return []
    tolerance = F(config.judging.divergence) * units.possible / 100
    limit, scale = 2 * tolerance.numerator, tolerance.denominator
    ordered = sorted(p for _judge, _entrant, p in judged)
    others = len(ordered) - 1
    middle = others // 2
    found = []
    for judge, entrant, mine in judged:
        at = bisect_left(ordered, mine)

        def other(i, at=at):
            return ordered[i if i < at else i + 1]

        twice_median = 2 * other(middle) if others % 2 else other(middle - 1) + other(middle)
        gap = abs(2 * mine - twice_median)
        if gap * scale > limit:
            found.append((gap, judge, entrant, mine, twice_median))
    order = {j.id: i for i, j in enumerate(config.judges)}
    found.sort(key=lambda f: (-f[0], order[f[1]]))
    return [
        Divergence(
            j, e, F(100 * m, units.possible), F(100 * t, 2 * units.possible), F(100 * g, 2 * units.possible)
        )
        for g, j, e, m, t in found
    ]


def test_the_per_entrant_cuts_flag_exactly_what_one_judge_at_a_time_flags(make_event):
    """F3 finds each entrant's flags from a few cuts on the sorted panel instead of testing each
    judge; on random panels (many equal totals, every panel size, several tolerances) it must
    give the very flags, in the very order, that testing each judge gives."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from ikm_tui.domain.divergence import points_divergences
    from ikm_tui.domain.units import ScoreUnits

    configs = [
        load_config(make_event(judges=9, extra=f"[judging]\ndivergence = {tolerance}\n"))
        for tolerance in ("0", "2.5", "7.5", "15", "33.3")
    ]

    @settings(max_examples=600, deadline=None)
    @given(
        st.sampled_from(configs),
        st.integers(1, 40),  # how far apart totals can be: small ranges give many equal totals
        st.data(),
    )
    def check(config, spread, data):
        units = ScoreUnits.of(config)
        judges = [j.id for j in config.judges]
        who = data.draw(
            st.permutations(judges).flatmap(lambda p: st.integers(0, len(p)).map(lambda n: p[:n]))
        )
        step = data.draw(st.sampled_from([1, 7, units.possible // 40]))
        points = data.draw(
            st.lists(st.integers(0, spread).map(lambda k: k * step), min_size=len(who), max_size=len(who))
        )
        judged = [(judge, "E01", p) for judge, p in zip(who, points)]
        fast = points_divergences(config, units, judged)
        assert fast == _one_judge_at_a_time(config, units, judged)
        assert fast == _reference(config, units, judged)

    check()
