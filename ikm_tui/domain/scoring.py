"""How a judge's scores become totals, exactly (fractions, never floats).

A judge's total is ``100 x sum(weight x score) / sum(weight x criterion max)``; an entrant's total
aggregates the judges who scored it and are not recused — mean, median or trimmed mean, the
last trimmed on judge totals or, ISU-style, on each criterion separately.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from ikm_tui.domain.config import Criterion, Scoring


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


@dataclass(frozen=True)
class Sheet:
    """One judge's scores for one entrant; a recused sheet has no scores."""

    judge: str
    entrant: str
    scores: Mapping[str, Fraction] = field(default_factory=dict)
    recused: bool = False


def judge_total(scores: Mapping[str, Fraction], criteria: Sequence[Criterion]) -> Fraction:
    earned = sum((Fraction(c.weight) * Fraction(scores[c.id]) for c in criteria), Fraction(0))
    possible = sum((Fraction(c.weight) * Fraction(c.max) for c in criteria), Fraction(0))
    return 100 * earned / possible


def aggregate(values: Iterable[Fraction | int], rule: str, trim: int) -> Fraction:
    """Mean, median (of an even count: the mean of the middle two) or trimmed mean.

    Works on Fractions and on plain ints (points, ticks) alike, exactly.
    """
    ordered = sorted(values)
    if not ordered:
        raise ValueError("nothing to aggregate")
    count = len(ordered)
    if rule == "median":
        middle = count // 2
        if count % 2:
            return Fraction(ordered[middle])
        return Fraction(ordered[middle - 1] + ordered[middle], 2)
    if rule == "trimmed_mean" and trim and count >= 2 * trim + 1:
        ordered = ordered[trim : count - trim]
    elif rule not in ("mean", "trimmed_mean"):
        raise ValueError(f"unknown aggregate {rule!r}")
    return Fraction(sum(ordered), len(ordered))


def counted(sheets: Iterable[Sheet]) -> list[Sheet]:
    """The sheets that enter an aggregate: every judge who scored and is not recused."""
    return [s for s in sheets if not s.recused]


def entrant_total(
    sheets: Iterable[Sheet], scoring: Scoring, criteria: Sequence[Criterion]
) -> Fraction | None:
    sheets = counted(sheets)
    if not sheets:
        return None
    per_criterion = (
        scoring.aggregate == "trimmed_mean"
        and scoring.trim_scope == "criterion"
        and len(sheets) >= 2 * scoring.trim + 1
    )
    if per_criterion:
        trimmed = {
            c.id: aggregate((s.scores[c.id] for s in sheets), scoring.aggregate, scoring.trim)
            for c in criteria
        }
        return judge_total(trimmed, criteria)
    totals = [judge_total(s.scores, criteria) for s in sheets]
    return aggregate(totals, scoring.aggregate, scoring.trim)


def criterion_aggregate(sheets: Iterable[Sheet], criterion_id: str, scoring: Scoring) -> Fraction | None:
    """An entrant's scores on one criterion aggregated on their own, by the same rule (tie-break)."""
    sheets = counted(sheets)
    if not sheets:
        return None
    return aggregate((s.scores[criterion_id] for s in sheets), scoring.aggregate, scoring.trim)
