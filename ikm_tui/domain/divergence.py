"""Divergence flags: a judge's total far from the rest of the panel on one entrant.

A typo (2 for 8) or a bias shows as one judge standing apart. Comparing with the median of the
OTHER judges (not a mean that includes the outlier) keeps one wild total from hiding itself.
Shown to the moderator only; judges never see each other's scores.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

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
    """The same on (judge, entrant, weighted points) of one entrant's counted sheets.

    Totals are points scaled by 100 / possible, so the test runs on integers (twice the median,
    so an even panel's half-way value stays whole) and only the flagged ones become totals.
    At 10,000 entrants this runs 250,000 times when F3 opens: no Fraction in the loop.
    """
    if len(judged) < 2:
        return []
    tolerance = Fraction(config.judging.divergence) * units.possible / 100
    limit, scale = 2 * tolerance.numerator, tolerance.denominator  # |2 mine - 2 median| * scale > limit
    ordered = sorted(p for _judge, _entrant, p in judged)
    others = len(ordered) - 1
    middle = others // 2
    found = []
    for judge, entrant, mine in judged:
        at = bisect_left(ordered, mine)  # removing any copy of ``mine`` leaves the same others

        def other(i: int, at: int = at) -> int:
            return ordered[i if i < at else i + 1]

        twice_median = 2 * other(middle) if others % 2 else other(middle - 1) + other(middle)
        gap = abs(2 * mine - twice_median)  # twice the distance, in points
        if gap * scale > limit:
            found.append((gap, judge, entrant, mine, twice_median))
    if not found:
        return []
    judge_order = {j.id: i for i, j in enumerate(config.judges)}
    # the judge furthest out first: with three judges one wild total flags everybody
    found.sort(key=lambda f: (-f[0], judge_order.get(f[1], len(judge_order))))
    hundred, twice_possible = 100, 2 * units.possible
    return [
        Divergence(
            judge,
            entrant,
            Fraction(hundred * mine, units.possible),
            Fraction(hundred * twice_median, twice_possible),
            Fraction(hundred * gap, twice_possible),
        )
        for gap, judge, entrant, mine, twice_median in found
    ]
