"""Everything an export needs, read from the store once, so formats stay consistent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ikm_tui.domain.config import Config
from ikm_tui.domain.leaderboard import judge_scores, leaderboard_rows, results_digest
from ikm_tui.domain.ranking import Ranking
from ikm_tui.store.audit import AuditEntry


@dataclass(frozen=True)
class ResultsBundle:
    config: Config
    ranking: Ranking
    rows: list[dict]  # leaderboard rows in rank order (domain.leaderboard.standing_row)
    scores: dict  # per entrant, per judge (domain.leaderboard.judge_scores)
    audit: list[AuditEntry]
    provisional: bool  # True until the results are finalised
    digest: str
    generated_at: dt.datetime


def gather(store) -> ResultsBundle:
    config = store.config
    ranking = store.ranking()
    rows = leaderboard_rows(ranking)
    scores = judge_scores(config, store.scores.sheets())
    return ResultsBundle(
        config=config,
        ranking=ranking,
        rows=rows,
        scores=scores,
        audit=store.audit.entries(),
        provisional=not store.results.locked(),
        digest=results_digest(rows, scores),
        generated_at=dt.datetime.now().astimezone(),
    )
