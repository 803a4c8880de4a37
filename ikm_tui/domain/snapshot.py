"""The frozen result: what finalising locks, the reveal shows and the exports print.

Once the panel finalises, nothing is recomputed from live scores for the ceremony or the
minutes: the leaderboard rows, every judge's scores and the decisions are frozen here with the
SHA-256 digest of the rows and scores, so what the audience sees and what staff sign is the
same, provably.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ikm_tui.domain.config import Config
from ikm_tui.domain.leaderboard import JudgeScores, Row, judge_scores, leaderboard_rows, results_digest
from ikm_tui.domain.ranking import Ranking
from ikm_tui.domain.scoring import Sheet


@dataclass(frozen=True)
class Snapshot:
    rows: list[Row]  # domain.leaderboard.standing_row, in rank order
    scores: JudgeScores  # domain.leaderboard.judge_scores
    prizes: list[Row]  # [{"label", "count", "amount"}] in config order: the reveal's tiers
    decisions: list[Row]  # [{"order", "reason", "decided_by", "at"}]

    @property
    def digest(self) -> str:
        return results_digest(self.rows, self.scores)

    def to_json(self) -> str:
        return json.dumps(
            {"rows": self.rows, "scores": self.scores, "prizes": self.prizes, "decisions": self.decisions},
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> Snapshot:
        data = json.loads(text)
        return cls(data["rows"], data["scores"], data["prizes"], data["decisions"])

    def tier(self, label: str) -> list[Row]:
        """The winners of one prize, in rank order."""
        return [row for row in self.rows if row["prize"] == label]

    def winners(self) -> list[Row]:
        return [row for row in self.rows if row["prize"] is not None]


def freeze(config: Config, ranking: Ranking, sheets: list[Sheet]) -> Snapshot:
    decisions: dict[tuple[str, ...], Row] = {}
    for standing in ranking.standings:
        d = standing.decision
        if d is not None:
            decisions[d.entrants] = {
                "order": list(d.entrants),
                "reason": d.reason,
                "decided_by": d.decided_by,
                "at": d.at,
            }
    return Snapshot(
        rows=leaderboard_rows(ranking),
        scores=judge_scores(config, sheets),
        prizes=[{"label": p.label, "count": p.count, "amount": p.amount} for p in config.prizes],
        decisions=list(decisions.values()),
    )


def last_reveal_step(prize_tiers: int) -> int:
    """Step 0 hides everything; one step per prize tier (lowest first); then the full table."""
    return prize_tiers + 1


def revealed_tiers(prizes: list[Row], step: int) -> list[Row]:
    """The prize tiers shown at ``step``: step 1 is the last tier (Juara III), and so on up."""
    shown = min(step, len(prizes))
    return list(reversed(prizes))[:shown]
