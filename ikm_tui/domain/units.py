"""Scores as whole numbers of "ticks", so ranking thousands of sheets stays exact *and* fast.

Every score is ``min + k x step`` on a decimal scale, so with ``ticks`` = 10^(decimals of the
finest scale) every score is an integer number of ticks, and a judge's weighted sum is an
integer too. Totals are then ``100 x points / possible`` — one Fraction per entrant instead of
Fraction arithmetic on every score. Mean, median and trimmed mean all commute with that
positive scaling, so aggregating points gives exactly what aggregating totals gives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from ikm_tui.domain.config import Config, Criterion


def _decimals(value: Decimal | int) -> int:
    exponent = Decimal(value).normalize().as_tuple().exponent
    assert isinstance(exponent, int), value  # config values are finite numbers
    return max(0, -exponent)


@dataclass(frozen=True)
class ScoreUnits:
    ticks: int  # ticks per score point
    weights: dict[str, int]  # criterion -> weight in whole weight units
    maxima: dict[str, int]  # criterion -> its max, in ticks
    possible: int  # sum of weight x max over the criteria (weight units x ticks)

    @classmethod
    def of(cls, config: Config) -> ScoreUnits:
        return _units(tuple(config.criteria))

    @classmethod
    def of_criteria(cls, criteria: Sequence[Criterion]) -> ScoreUnits:
        return _units(tuple(criteria))

    @classmethod
    def _build(cls, criteria: tuple[Criterion, ...]) -> ScoreUnits:
        digits = max(_decimals(v) for c in criteria for v in (c.min, c.max, c.step))
        weight_digits = max(_decimals(c.weight) for c in criteria)
        ticks = 10**digits
        weights = {c.id: int(c.weight * 10**weight_digits) for c in criteria}
        maxima = {c.id: int(c.max * ticks) for c in criteria}
        possible = sum(weights[c] * maxima[c] for c in weights)
        return cls(ticks, weights, maxima, possible)

    def to_ticks(self, value: Fraction | Decimal | int) -> int:
        scaled = Fraction(value) * self.ticks
        if scaled.denominator != 1:
            raise ValueError(f"{value} is not a whole number of 1/{self.ticks}")
        return scaled.numerator

    def points(self, scores: Mapping[str, Fraction | Decimal | int]) -> int:
        """A judge's weighted sum in integer units: Σ(weight × score), exactly."""
        return sum(self.weights[c] * self.to_ticks(scores[c]) for c in self.weights)

    def total(self, points: Fraction | int) -> Fraction:
        """Points (or an aggregate of points) as a total out of 100: the judge-total rule,
        ``100 × Σ(weight × score) / Σ(weight × max)``, in one place."""
        return Fraction(100) * points / self.possible


@lru_cache(maxsize=32)
def _units(criteria: tuple[Criterion, ...]) -> ScoreUnits:
    return ScoreUnits._build(criteria)
