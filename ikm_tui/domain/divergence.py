"""Divergence flags: a judge's total far from the rest of the panel on one entrant.

A typo (2 for 8) or a bias shows as one judge standing apart. Comparing with the median of the
OTHER judges (not a mean that includes the outlier) keeps one wild total from hiding itself.
Shown to the moderator only; judges never see each other's scores.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from ikm_tui.domain.config import Config
from ikm_tui.domain.scoring import Sheet, counted
from ikm_tui.domain.units import ScoreUnits


@dataclass(frozen=True)
class Divergence:
    judge: str
    entrant: str
    total: Fraction  # this judge's total for the entrant
    others_median: Fraction  # the median of the other judges' totals
    distance: Fraction  # |total - others_median|


def divergences(config: Config, sheets: Iterable[Sheet]) -> list[Divergence]:
    """Every (judge, entrant) whose total is more than ``judging.divergence`` from the others."""
    by_entrant: dict[str, list[Sheet]] = {}
    for sheet in counted(sheets):
        by_entrant.setdefault(sheet.entrant, []).append(sheet)
    order = {e.id: i for i, e in enumerate(config.entrants)}
    units = ScoreUnits.of(config)
    flags: list[Divergence] = []
    for entrant in sorted(by_entrant, key=lambda e: order.get(e, len(order))):
        flags.extend(entrant_divergences(config, by_entrant[entrant], units))
    return flags


def entrant_divergences(
    config: Config, sheets: Sequence[Sheet], units: ScoreUnits | None = None
) -> list[Divergence]:
    """Flags on one entrant; with fewer than two judges there is nobody to differ from."""
    units = units or ScoreUnits.of(config)
    return points_divergences(
        config, units, [(s.judge, s.entrant, units.points(s.scores)) for s in counted(sheets)]
    )


def points_divergences(
    config: Config, units: ScoreUnits, judged: Sequence[tuple[str, str, int]]
) -> list[Divergence]:
    """The same on (judge, entrant, weighted points) of one entrant's counted sheets."""
    if not judged:
        return []
    entrant = judged[0][1]
    flags = panel_flags(
        Tolerance.of(config, units), entrant, [j for j, _e, _p in judged], [p for _j, _e, p in judged]
    )
    return [as_divergence(units, flag) for flag in flags_in_order(flags, judge_order(config))]


class Flag(NamedTuple):
    """A divergence flag in whole points, as the fast path finds it; a :class:`Divergence`
    (three Fractions) is made only for the few flags a screen shows."""

    gap: int  # twice the distance, in points: orders flags exactly as the distance does
    judge: str
    entrant: str
    mine: int  # this judge's points
    twice_median: int  # twice the median of the other judges' points


@dataclass(frozen=True)
class Tolerance:
    """``judging.divergence`` on the points scale: a flag is ``gap x scale > limit``."""

    limit: int
    scale: int

    @classmethod
    def of(cls, config: Config, units: ScoreUnits) -> Tolerance:
        tolerance = Fraction(config.judging.divergence) * units.possible / 100
        # |2 mine - 2 median| x scale > limit: twice the median keeps an even panel's half-way
        # value whole, so the test runs on integers
        return cls(2 * tolerance.numerator, tolerance.denominator)


def panel_flags(
    tolerance: Tolerance, entrant: str, judges: Sequence[str], points: Sequence[int]
) -> list[Flag]:
    """Flags on one entrant from its counted sheets (``judges[i]`` gave ``points[i]``).

    At 10,000 entrants x 25 judges this runs for every entrant when F3 opens, so it does not
    work out each judge's others' median. Removing one value from the sorted panel leaves one of at
    most three medians of the others: one shared by every value below the middle, one shared
    by every value above it, and (with an even number of others) one for the middle value.
    Below the middle the distance grows downwards, above it upwards, so the flags are the
    values past two cuts (and perhaps the middle one): found once per entrant, and the totals
    are only compared with them when the panel's extremes pass them. With fewer than two
    judges there is nobody to differ from.
    """
    count = len(points)
    if count < 2:
        return []
    ordered = sorted(points)
    limit, scale = tolerance.limit, tolerance.scale
    others = count - 1
    middle = others // 2
    if others % 2:  # an odd number of others: the median is one value
        low_top, low_median = ordered[middle], 2 * ordered[middle + 1]  # low: v <= ordered[middle]
        high_median = 2 * ordered[middle]  # high: v > ordered[middle]
        mid_value, mid_median = None, 0
    else:  # an even number: the mean of the middle two (kept doubled)
        low_top = ordered[middle - 1]  # low: v <= ordered[middle - 1]
        low_median = ordered[middle] + ordered[middle + 1]
        high_median = ordered[middle - 1] + ordered[middle]  # high: v > ordered[middle]
        mid_value = ordered[middle] if ordered[middle] > low_top else None
        mid_median = ordered[middle - 1] + ordered[middle + 1]
    # low run: (low_median - 2v) x scale > limit  <=>  v < ceil((low_median x scale - limit) / 2 scale)
    low_cut = min(low_top, -((limit - low_median * scale) // (2 * scale)) - 1)
    # high run: (2v - high_median) x scale > limit  <=>  v > (high_median x scale + limit) / 2 scale
    high_cut = max(ordered[middle] + 1, (high_median * scale + limit) // (2 * scale) + 1)
    if mid_value is not None and abs(2 * mid_value - mid_median) * scale <= limit:
        mid_value = None
    if ordered[0] > low_cut and ordered[-1] < high_cut and mid_value is None:
        return []  # the usual case: nobody stands apart
    flags = []
    for judge, mine in zip(judges, points):
        if mine <= low_cut:
            flags.append(Flag(low_median - 2 * mine, judge, entrant, mine, low_median))
        elif mine >= high_cut:
            flags.append(Flag(2 * mine - high_median, judge, entrant, mine, high_median))
        elif mine == mid_value:
            flags.append(Flag(abs(2 * mine - mid_median), judge, entrant, mine, mid_median))
    return flags


def judge_order(config: Config) -> dict[str, int]:
    return {j.id: i for i, j in enumerate(config.judges)}


def flags_in_order(flags: list[Flag], judges: Mapping[str, int]) -> list[Flag]:
    """The judge furthest out first (with three judges one wild total flags everybody), then
    the panel's order."""
    if len(flags) < 2:
        return flags
    last = len(judges)
    return sorted(flags, key=lambda f: (-f.gap, judges.get(f.judge, last)))


def as_divergence(units: ScoreUnits, flag: Flag) -> Divergence:
    """The flag as totals out of 100, exactly."""
    hundred, twice_possible = 100, 2 * units.possible
    return Divergence(
        flag.judge,
        flag.entrant,
        Fraction(hundred * flag.mine, units.possible),
        Fraction(hundred * flag.twice_median, twice_possible),
        Fraction(hundred * flag.gap, twice_possible),
    )
