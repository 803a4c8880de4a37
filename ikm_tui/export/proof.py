"""The proof behind the numbers, as rows: every judge's sheet, and every tie, decision and unlock.

The workbook, the score-sheet CSV and the printed minutes all list these; building the rows
once here keeps them in the same order with the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ikm_tui.domain.numbers import format_points
from ikm_tui.domain.units import ScoreUnits
from ikm_tui.export.bundle import ResultsBundle
from ikm_tui.export.wording import standing_rank


@dataclass(frozen=True)
class SheetRow:
    """One judge x one entrant: the scores in criterion order, or why there are none."""

    entrant: str
    judge: str
    scores: tuple[str | None, ...]  # canonical decimal text per criterion, None when absent
    judge_total: str | None  # two decimals, half-up, like the leaderboard
    state: str  # scored | recused | missing
    reason: str  # the recusal reason, if any


@dataclass(frozen=True)
class DecisionRow:
    kind: str  # tie | decision | finalised | unlocked
    rank: int | None
    entrants: tuple[str, ...]
    prizes: tuple[str | None, ...]
    reason: str
    by: str
    at: str
    digest: str = ""


def sheet_rows(bundle: ResultsBundle):
    """Every judge for every entrant, entrants in leaderboard order, judges in config order."""
    config = bundle.config
    criteria = config.criteria
    totals = _JudgeTotals(ScoreUnits.of(config))
    for row in bundle.rows:
        per_judge = bundle.scores.get(row["entrant"], {})
        for judge in config.judges:
            sheet = per_judge.get(judge.id)
            if sheet is None:
                yield SheetRow(row["entrant"], judge.id, (None,) * len(criteria), None, "missing", "")
            elif sheet["recused"]:
                reason = bundle.recusals.get((judge.id, row["entrant"]), "")
                yield SheetRow(row["entrant"], judge.id, (None,) * len(criteria), None, "recused", reason)
            else:
                scores = sheet["scores"]
                yield SheetRow(
                    row["entrant"],
                    judge.id,
                    tuple(scores.get(c.id) for c in criteria),
                    totals.text(scores),
                    "scored",
                    "",
                )


def judge_total_text(scores: dict[str, str], units: ScoreUnits) -> str:
    """A judge's total as the leaderboard shows totals (the domain's rule and rounding)."""
    return _JudgeTotals(units).text(scores)


class _JudgeTotals:
    """Judge totals for many sheets. An event's sheets hold few distinct score texts and few
    distinct weighted sums, so each text's ticks and each sum's total are worked out once (by
    the domain's rule and rounding); 50,000 sheets then cost integer additions, not Fractions."""

    def __init__(self, units: ScoreUnits) -> None:
        self.units = units
        self.ticks: dict[str, int] = {}  # score text -> ticks
        self.totals: dict[int, str] = {}  # weighted sum in integer units -> total's text

    def text(self, scores: dict[str, str]) -> str:
        points = 0
        for criterion, weight in self.units.weights.items():
            value = scores[criterion]
            ticks = self.ticks.get(value)
            if ticks is None:
                ticks = self.ticks[value] = self.units.to_ticks(Decimal(value))
            points += weight * ticks
        total = self.totals.get(points)
        if total is None:
            total = self.totals[points] = format_points(self.units.total(points))
        return total


def decision_rows(bundle: ResultsBundle) -> list[DecisionRow]:
    """Open ties first (they block finalising), then the panel's decisions, then the lock's
    history."""
    rows: list[DecisionRow] = []
    for tie in bundle.ranking.ties:
        rows.append(
            DecisionRow(
                "tie", tie.rank, tie.entrants, tuple(p.label if p else None for p in tie.prizes), "", "", ""
            )
        )
    prize_of = {row["entrant"]: row["prize"] for row in bundle.rows}
    for decision in bundle.decisions:
        rows.append(
            DecisionRow(
                "decision",
                standing_rank(bundle.rows, decision.entrants),
                decision.entrants,
                tuple(prize_of.get(e) for e in decision.entrants),
                decision.reason,
                decision.decided_by,
                decision.at,
            )
        )
    for item in bundle.finalisations:
        rows.append(
            DecisionRow(
                "finalised",
                None,
                (),
                (),
                item.override_reason or "",
                item.finalised_by,
                item.finalised_at,
                item.digest,
            )
        )
        if item.unlocked_at:
            rows.append(
                DecisionRow(
                    "unlocked",
                    None,
                    (),
                    (),
                    item.unlock_reason or "",
                    item.unlocked_by or "",
                    item.unlocked_at,
                )
            )
    return rows
