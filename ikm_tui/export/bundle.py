"""Everything an export needs, read from the store once, so formats stay consistent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ikm_tui.domain.config import Config
from ikm_tui.domain.leaderboard import judge_scores, leaderboard_rows, results_digest
from ikm_tui.domain.ranking import Decision, Ranking
from ikm_tui.store.audit import GENESIS, AuditEntry, Head
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
    # The audit chain's newest row when this was read: printed beside the digest, so a signed
    # copy anchors the log (``ikm-tui audit verify --head HASH``).
    head: Head = Head(0, GENESIS)
    # The judges' notes for the start-ups: entrant -> [(judge id, text)] in panel order. Never
    # on the board; in the Scores sheet, the JSON and each start-up's own feedback report.
    notes: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)  # entrant -> queue status


def gather(store) -> ResultsBundle:
    """One consistent read (a single read transaction): the head printed is the log's state of
    exactly the data exported. A frozen result that fails its digest check raises
    :class:`~ikm_tui.store.results.TamperedResult`: no export presents it."""
    config = store.config
    with store.db.reading():
        frozen = store.results.frozen()
        ranking = store.ranking()
        records = store.scores.all()
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
            head=store.audit.head(),
            notes=notes_by_entrant(store.notes.all()),
            statuses=store.queue.statuses(),
        )


def notes_by_entrant(notes) -> dict[str, list[tuple[str, str]]]:
    result: dict[str, list[tuple[str, str]]] = {}
    for note in notes:
        result.setdefault(note.entrant, []).append((note.judge, note.text))
    return result
