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
OUT = "out"  # no sheet, and none expected: the entrant withdrew or forfeited
OUT_OF_QUEUE = ("withdrawn", "forfeit")


@dataclass(frozen=True)
class JudgeProgress:
    """``status(judge, entrant)`` is scored / pending / recused / out; ``recheck_asked``: the
    moderator asked that judge to re-check that sheet (not a divergence flag).

    An entrant who withdrew or forfeited is nobody's pending work: without a sheet they are
    ``out``; a sheet sent before they left still counts as what it is.
    """

    judges: tuple[str, ...]
    entrants: tuple[str, ...]
    sheets: dict[tuple[str, str], str] = field(default_factory=dict)
    rechecks: frozenset[tuple[str, str]] = frozenset()
    notes: dict[str, int] = field(default_factory=dict)  # entrant -> judges' notes (counts only)
    out: frozenset[str] = frozenset()

    def status(self, judge: str, entrant: str) -> str:
        default = OUT if entrant in self.out else PENDING
        return self.sheets.get((judge, entrant), default)

    def recheck_asked(self, judge: str, entrant: str) -> bool:
        return (judge, entrant) in self.rechecks

    def done(self, judge: str) -> int:
        """Entrants this judge has settled (scored or recused)."""
        return sum(1 for (j, _e) in self.sheets if j == judge)

    def count(self, judge: str, status: str) -> int:
        return sum(1 for e in self.entrants if self.status(judge, e) == status)


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
        out = frozenset(
            r["entrant"]
            for r in self.db.query("SELECT entrant FROM queue_entry WHERE status IN (?, ?)", OUT_OF_QUEUE)
        )
        return JudgeProgress(
            tuple(j.id for j in self.config.judges),
            tuple(e.id for e in self.config.entrants),
            sheets,
            flags,
            notes,
            out,
        )
