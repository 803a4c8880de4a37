"""The ranking as plain rows: what ``leaderboard --json``, the exports and the digest share.

One function shapes a standing into the fields PRODUCT.md promises, so the CLI, CSV, JSON,
XLSX and PDF can never disagree on a number or an order.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ikm_tui.domain.config import Config
from ikm_tui.domain.numbers import decimal_text, format_points
from ikm_tui.domain.ranking import Ranking, Standing
from ikm_tui.domain.scoring import Sheet

Row = dict[str, Any]
"""One leaderboard row as the exports and the frozen result hold it (JSON-ready)."""
JudgeScores = dict[str, dict[str, dict[str, Any]]]
"""``{entrant: {judge: {"recused": bool, "scores": {criterion: "8.5"}}}}``."""


PUBLIC_FIELDS = (
    "rank",
    "entrant",
    "name",
    "business",
    "category",
    "total",
    "judges",
    "prize",
    "amount",
    "status",
)
"""A leaderboard row's fields promised to staff (PRODUCT.md: ``leaderboard --json``), in the
order the CSV columns and the JSON objects list them."""


def standing_row(standing: Standing) -> Row:
    e = standing.entrant
    return {
        "rank": standing.rank,
        "entrant": e.id,
        "name": e.name,
        "business": e.business,
        "category": e.category,
        "day": e.day,
        "total": None if standing.total is None else format_points(standing.total),
        "judges": standing.judges,
        "expected_judges": standing.expected,
        "prize": standing.prize.label if standing.prize else None,
        "amount": standing.prize.amount if standing.prize else None,
        "status": standing.status,
        "decision": (
            {
                "order": list(standing.decision.entrants),
                "reason": standing.decision.reason,
                "decided_by": standing.decision.decided_by,
            }
            if standing.decision
            else None
        ),
    }


def leaderboard_rows(ranking: Ranking) -> list[Row]:
    return [standing_row(s) for s in ranking.standings]


def judge_scores(config: Config, sheets: list[Sheet]) -> JudgeScores:
    """``{entrant: {judge: {"recused": bool, "scores": {criterion: "8.5"}}}}`` in config order."""
    by_pair = {(s.judge, s.entrant): s for s in sheets}
    result: JudgeScores = {}
    for entrant in config.entrants:
        per_judge: dict[str, dict[str, Any]] = {}
        for judge in config.judges:
            sheet = by_pair.get((judge.id, entrant.id))
            if sheet is None:
                continue
            per_judge[judge.id] = {
                "recused": sheet.recused,
                "scores": {
                    c.id: decimal_text(_decimal(sheet.scores[c.id]))
                    for c in config.criteria
                    if c.id in sheet.scores
                },
            }
        result[entrant.id] = per_judge
    return result


def results_digest(rows: list[Row], scores: JudgeScores) -> str:
    """SHA-256 of the canonical JSON of the leaderboard and every judge's scores."""
    canonical = json.dumps(
        {"leaderboard": rows, "scores": scores}, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _decimal(value: Fraction) -> Decimal:
    """Scores are finite decimals (multiples of a decimal step), so this is exact."""
    return Decimal(value.numerator) / Decimal(value.denominator)
