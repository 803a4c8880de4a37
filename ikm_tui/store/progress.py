"""Which judge has scored whom: the moderator's progress matrix, read in two light queries.

Only statuses leave this module — never a score, and of the judges' notes only how many each
entrant has — so no screen built on it can leak one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ikm_tui.domain.config import Config
    from ikm_tui.store.database import Database


SCORED = "scored"
PENDING = "pending"
RECUSED = "recused"


@dataclass(frozen=True)
class JudgeProgress:
    """``status(judge, entrant)`` is scored / pending / recused; ``recheck_asked``: the
    moderator asked that judge to re-check that sheet (not a divergence flag)."""

    judges: tuple[str, ...]
    entrants: tuple[str, ...]
    sheets: dict[tuple[str, str], str] = field(default_factory=dict)
    rechecks: frozenset[tuple[str, str]] = frozenset()
    notes: dict[str, int] = field(default_factory=dict)  # entrant -> judges' notes (counts only)

    def status(self, judge: str, entrant: str) -> str:
        return self.sheets.get((judge, entrant), PENDING)

    def recheck_asked(self, judge: str, entrant: str) -> bool:
        return (judge, entrant) in self.rechecks

    def done(self, judge: str) -> int:
        """Entrants this judge has settled (scored or recused)."""
        return sum(1 for (j, _e) in self.sheets if j == judge)

    def count(self, judge: str, status: str) -> int:
        if status == PENDING:
            return len(self.entrants) - self.done(judge)
        return sum(1 for (j, _e), s in self.sheets.items() if j == judge and s == status)


class Progress:
    def __init__(self, db: Database, config: Config) -> None:
        self.db = db
        self.config = config

    def matrix(self) -> JudgeProgress:
        sheets = {
            (r["judge"], r["entrant"]): RECUSED if r["recused"] else SCORED
            for r in self.db.query("SELECT judge, entrant, recused FROM score_sheet")
        }
        flags = frozenset(
            (r["judge"], r["entrant"]) for r in self.db.query("SELECT judge, entrant FROM recheck_request")
        )
        notes = {r[0]: r[1] for r in self.db.query("SELECT entrant, count(*) FROM note GROUP BY entrant")}
        return JudgeProgress(
            tuple(j.id for j in self.config.judges),
            tuple(e.id for e in self.config.entrants),
            sheets,
            flags,
            notes,
        )
