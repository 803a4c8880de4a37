"""Everything an export needs, read from the store once, so formats stay consistent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ikm_tui.domain.config import Config
from ikm_tui.domain.leaderboard import judge_scores, leaderboard_rows, results_digest
from ikm_tui.domain.ranking import Decision, Ranking
from ikm_tui.store.audit import AuditEntry
from ikm_tui.store.results import Finalisation


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
    # Proof of how the result came about, for the Decisions sheet and the minutes.
    decisions: tuple[Decision, ...] = ()  # the panel's recorded orders for tied groups
    finalisations: tuple[Finalisation, ...] = ()  # each finalising and its unlock, in order
    recusals: dict[tuple[str, str], str] = field(default_factory=dict)  # (judge, entrant) -> reason
    overtime: dict[str, int] = field(default_factory=dict)  # entrant -> seconds over on stage


def gather(store) -> ResultsBundle:
    config = store.config
    ranking = store.ranking()
    records = store.scores.all()
    frozen = store.results.frozen()
    if frozen is not None:  # locked: exactly what was finalised, with its recorded digest
        rows, scores, digest = frozen.snapshot.rows, frozen.snapshot.scores, frozen.digest
    else:
        rows = leaderboard_rows(ranking)
        scores = judge_scores(config, [r.as_sheet() for r in records])
        digest = results_digest(rows, scores)
    return ResultsBundle(
        config=config,
        ranking=ranking,
        rows=rows,
        scores=scores,
        audit=store.audit.entries(),
        provisional=frozen is None,
        digest=digest,
        generated_at=dt.datetime.now().astimezone(),
        decisions=tuple(store.results.decisions()),
        finalisations=tuple(store.results.finalisations()),
        recusals={(r.judge, r.entrant): r.reason for r in records if r.recused},
        overtime={e: ms // 1000 for e, ms in store.queue.overtime_ms().items()},
    )
