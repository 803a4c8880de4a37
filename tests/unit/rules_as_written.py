"""The result rules of PRODUCT.md transcribed literally, on Fractions — the tests' oracle.

The product computes them once, fast, on integer points (``domain/units.py``,
``domain/ranking.py``); these few lines say the same rules the slow, obvious way so property
tests can hold the product to them. They are test code: nothing in ``ikm_tui`` imports them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

from ikm_tui.domain.config import Criterion, Scoring
from ikm_tui.domain.scoring import Sheet


def judge_total(scores: Mapping[str, Fraction], criteria: Sequence[Criterion]) -> Fraction:
    """100 × Σ(weight × score) / Σ(weight × criterion max)."""
    earned = sum((Fraction(c.weight) * Fraction(scores[c.id]) for c in criteria), Fraction(0))
    possible = sum((Fraction(c.weight) * Fraction(c.max) for c in criteria), Fraction(0))
    return 100 * earned / possible


def aggregate(values: Iterable[Fraction], rule: str, trim: int) -> Fraction:
    ordered = sorted(values)
    n = len(ordered)
    if rule == "median":
        return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    if rule == "trimmed_mean" and n >= 2 * trim + 1:
        ordered = ordered[trim : n - trim]
    return Fraction(sum(ordered)) / len(ordered)


def entrant_total(
    sheets: Iterable[Sheet], scoring: Scoring, criteria: Sequence[Criterion]
) -> Fraction | None:
    counted = [s for s in sheets if not s.recused]
    if not counted:
        return None
    rule, trim = scoring.aggregate, scoring.trim
    if rule == "trimmed_mean" and scoring.trim_scope == "criterion" and len(counted) >= 2 * trim + 1:
        per_criterion = {c.id: aggregate((s.scores[c.id] for s in counted), rule, trim) for c in criteria}
        return judge_total(per_criterion, criteria)
    return aggregate((judge_total(s.scores, criteria) for s in counted), rule, trim)


def criterion_aggregate(sheets: Iterable[Sheet], criterion: str, scoring: Scoring) -> Fraction | None:
    counted = [s for s in sheets if not s.recused]
    if not counted:
        return None
    return aggregate((s.scores[criterion] for s in counted), scoring.aggregate, scoring.trim)
