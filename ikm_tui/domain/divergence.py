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
from ikm_tui.domain.scoring import Sheet, aggregate, counted, judge_total


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
    flags: list[Divergence] = []
    for entrant in sorted(by_entrant, key=lambda e: order.get(e, len(order))):
        flags.extend(entrant_divergences(config, by_entrant[entrant]))
    return flags


def entrant_divergences(config: Config, sheets: Sequence[Sheet]) -> list[Divergence]:
    """Flags on one entrant; with fewer than two judges there is nobody to differ from."""
    tolerance = Fraction(config.judging.divergence)
    live = counted(sheets)
    totals = [judge_total(s.scores, config.criteria) for s in live]
    judge_order = {j.id: i for i, j in enumerate(config.judges)}
    flags = []
    for index, sheet in enumerate(live):
        others = totals[:index] + totals[index + 1:]
        if not others:
            continue
        median = aggregate(others, "median", 0)
        distance = abs(totals[index] - median)
        if distance > tolerance:
            flags.append(Divergence(sheet.judge, sheet.entrant, totals[index], median, distance))
    # the judge furthest out first: with three judges one wild total flags everybody
    return sorted(flags, key=lambda d: (-d.distance, judge_order.get(d.judge, len(judge_order))))
