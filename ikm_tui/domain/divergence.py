"""Divergence flags: a judge's total far from the rest of the panel on one entrant.

A typo (2 for 8) or a bias shows as one judge standing apart. Comparing with the median of the
OTHER judges (not a mean that includes the outlier) keeps one wild total from hiding itself.
Shown to the moderator only; judges never see each other's scores.
"""

from __future__ import annotations

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

    Totals are points scaled by 100 / possible, so the test runs on integers and only the
    flagged ones are turned into totals.
    """
    tolerance = Fraction(config.judging.divergence) * units.possible / 100
    points = [p for _judge, _entrant, p in judged]
    judge_order = {j.id: i for i, j in enumerate(config.judges)}
    flags = []
    for index, (judge, entrant, mine) in enumerate(judged):
        others = sorted(points[:index] + points[index + 1 :])
        if not others:
            continue
        middle = len(others) // 2
        median = (
            Fraction(others[middle]) if len(others) % 2 else Fraction(others[middle - 1] + others[middle], 2)
        )
        if abs(mine - median) > tolerance:
            total, others_total = units.total(mine), units.total(median)
            flags.append(Divergence(judge, entrant, total, others_total, abs(total - others_total)))
    # the judge furthest out first: with three judges one wild total flags everybody
    return sorted(flags, key=lambda d: (-d.distance, judge_order.get(d.judge, len(judge_order))))
