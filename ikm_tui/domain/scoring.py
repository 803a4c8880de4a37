"""How a judge's scores become totals, exactly (fractions, never floats).

A judge's total is ``100 x sum(weight x score) / sum(weight x criterion max)``; an entrant's total
aggregates the judges who scored it and are not recused — mean, median or trimmed mean, the
last trimmed on judge totals or, ISU-style, on each criterion separately.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from ikm_tui.domain.config import Criterion
from ikm_tui.domain.units import ScoreUnits


@dataclass(frozen=True, slots=True)
class SheetPoints:
    """A sheet as the ranking reads it: integer points and per-criterion ticks (see units.py).

    ``ticks`` follows the config's criteria order (None where the rule does not need that
    criterion); a recused sheet has ``points == 0`` and no ticks. Under the mean rule the store
    may hand over one row per entrant holding the sums of ``count`` sheets (``judge`` is then
    None): the mean needs nothing else, and ranking 10,000 entrants stays about one SQL query.
    """

    judge: str | None
    entrant: str
    recused: bool
    points: int
    ticks: tuple[int | None, ...]
    count: int = 1


@dataclass(frozen=True, slots=True)
class Panel:
    """One entrant's sheets column by column: what the ranking and the divergence flags both
    read when F3 opens, fetched from the store in one row per entrant (not one per sheet).

    ``judges[i]`` scored ``points[i]``; ``ticks`` follows the config's criteria order, each
    column the judges' ticks in the same order (None where the rule does not need that
    criterion). Recused sheets only count.
    """

    entrant: str
    judges: tuple[str, ...] = ()
    points: tuple[int, ...] = ()
    ticks: tuple[tuple[int, ...] | None, ...] = ()
    recused: int = 0


@dataclass(frozen=True)
class Sheet:
    """One judge's scores for one entrant; a recused sheet has no scores."""

    judge: str
    entrant: str
    scores: Mapping[str, Fraction] = field(default_factory=dict)
    recused: bool = False


def judge_total(scores: Mapping[str, Fraction | Decimal], criteria: Sequence[Criterion]) -> Fraction:
    """``100 × Σ(weight × score) / Σ(weight × max)`` — computed by :class:`ScoreUnits`, the one
    home of the rule (the ranking works on its integer points)."""
    units = ScoreUnits.of_criteria(criteria)
    return units.total(units.points(scores))


def kept(count: int, rule: str, trim: int) -> tuple[int, int]:
    """Which of ``count`` sorted values an aggregate averages: positions ``[low, high)``.

    Every rule is the mean of a window of the sorted values: all of them (mean), all but
    ``trim`` at each end (trimmed mean, given at least ``2 × trim + 1`` values; else the plain
    mean), the middle one or two (median). :func:`aggregate` and the prize-boundary monitor's
    incremental version both take the window from here.
    """
    if count < 1:
        raise ValueError("nothing to aggregate")
    if rule == "median":
        middle = count // 2
        return (middle, middle + 1) if count % 2 else (middle - 1, middle + 1)
    if rule == "trimmed_mean" and trim and count >= 2 * trim + 1:
        return trim, count - trim
    if rule in ("mean", "trimmed_mean"):
        return 0, count
    raise ValueError(f"unknown aggregate {rule!r}")


def aggregate(values: Iterable[Fraction | int], rule: str, trim: int) -> Fraction:
    """Mean, median (of an even count: the mean of the middle two) or trimmed mean.

    Works on Fractions and on plain ints (points, ticks) alike, exactly.
    """
    ordered = sorted(values)
    low, high = kept(len(ordered), rule, trim)
    return Fraction(sum(ordered[low:high])) / (high - low)


def counted(sheets: Iterable[Sheet]) -> list[Sheet]:
    """The sheets that enter an aggregate: every judge who scored and is not recused."""
    return [s for s in sheets if not s.recused]
