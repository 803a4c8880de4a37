"""Panel decisions on boundary ties, the lock that finalising puts on the scores, the reveal.

Each action is one short write transaction with its audit row. Finalising re-ranks *inside* its
transaction, so the frozen snapshot is exactly what was stored at that instant — no score can
slip in between the checks and the freeze.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ikm_tui.domain.errors import InputError
from ikm_tui.domain.ranking import Decision, Ranking, missing_sheets, rank
from ikm_tui.domain.scoring import Sheet
from ikm_tui.domain.snapshot import Snapshot, freeze, last_reveal_step
from ikm_tui.store import audit
from ikm_tui.store.locked import is_locked

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from ikm_tui.domain.config import Config
    from ikm_tui.domain.errors import Catalogue
    from ikm_tui.domain.ranking import Tie
    from ikm_tui.store.database import Database
    from ikm_tui.store.queue import Queue
    from ikm_tui.store.scores import ScoreSheets


MISSING_EXAMPLES = 5


@dataclass(frozen=True)
class Finalisation:
    """One finalising of the results and, if it happened, the unlock that reopened them."""

    finalised_at: str
    finalised_by: str
    digest: str
    override_reason: str | None
    unlocked_at: str | None
    unlocked_by: str | None
    unlock_reason: str | None


@dataclass(frozen=True)
class Frozen:
    """The results as locked right now: the snapshot and its digest."""

    snapshot: Snapshot
    digest: str
    finalised_at: str
    finalised_by: str
    override_reason: str | None


@dataclass(frozen=True)
class RevealState:
    """How far the moderator has revealed; ``snapshot`` is None while nothing is locked."""

    step: int
    snapshot: Snapshot | None
    refused: bool = False  # a frozen result exists but fails its digest check


class TamperedResult(InputError):
    """The frozen result no longer matches its digest or the log's record of it: it was changed
    outside ikm-tui. Exports, the reveal and the board refuse it (CLI exit 2)."""

    def __init__(self, place: str, why: str) -> None:
        super().__init__(place, "results.tampered", why=why)

    def render(self, messages: Catalogue) -> str:
        why = messages(f"results.tampered.{self.params['why']}")
        return f"{self.place}: {messages(self.code, why=why)}"


def snapshot_hash(text: str) -> str:
    """SHA-256 of the snapshot exactly as stored (the digest covers rows and scores only; this
    also covers the prize tiers and decisions the reveal and the minutes print)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def frozen_problem(
    conn: sqlite3.Connection, number: int, digest: str, text: str, parsed: Snapshot | None = None
) -> str | None:
    """Why the stored frozen result ``number`` cannot be trusted, or None.

    Checks what can be checked in milliseconds: the snapshot against its digest, and the
    digest and snapshot hash against the finalising's own audit row, whose hash must still
    follow from its content. (A full rewrite of the chain from there on is what
    ``audit verify --head`` against a printed head catches.)
    """
    try:
        snapshot = parsed or Snapshot.from_json(text)
        if snapshot.digest != digest:
            return "digest"
    except (ValueError, KeyError, TypeError):
        return "unreadable"
    row = conn.execute(
        "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit"
        " WHERE action = 'results.finalise' ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    if row is None or audit.row_hash(row) != row["hash"]:
        return "log"
    detail = json.loads(row["detail"])
    if detail.get("digest") != digest or detail.get("id", number) != number:
        return "log"
    if "snapshot_sha256" in detail and detail["snapshot_sha256"] != snapshot_hash(text):
        return "snapshot"
    return None


class Results:
    def __init__(self, db: Database, config: Config, scores: ScoreSheets, queue: Queue) -> None:
        self.db = db
        self.config = config
        self.scores = scores
        self.queue = queue
        self._checked: tuple[tuple[Any, ...], Snapshot] | None = None  # (row id, digest, text hash), snapshot

    @property
    def _place(self) -> str:
        return str(self.db.path)

    # -- reading -------------------------------------------------------------------------

    def locked(self) -> bool:
        with self.db.reading() as conn:
            return is_locked(conn)

    def decisions(self) -> list[Decision]:
        rows = self.db.query(
            "SELECT entrants, reason, decided_by, decided_at FROM decision"
            " WHERE withdrawn_at IS NULL ORDER BY id"
        )
        return [
            Decision(tuple(json.loads(r["entrants"])), r["reason"], r["decided_by"], r["decided_at"])
            for r in rows
        ]

    def finalisations(self) -> list[Finalisation]:
        """Every finalising in order, with its unlock if any: the exports show this history."""
        rows = self.db.query(
            "SELECT finalised_at, finalised_by, digest, override_reason, unlocked_at,"
            " unlocked_by, unlock_reason FROM finalisation ORDER BY id"
        )
        return [Finalisation(*tuple(r)) for r in rows]

    def frozen(self) -> Frozen | None:
        """The locked snapshot, or None while the results are open.

        Raises :class:`TamperedResult` when the stored snapshot no longer matches its digest or
        the log: nothing may present it. A checked snapshot is kept while its text is unchanged.
        """
        with self.db._lock:
            row = self.db.conn.execute(
                "SELECT id, snapshot, digest, finalised_at, finalised_by, override_reason"
                " FROM finalisation WHERE unlocked_at IS NULL ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            key = (row["id"], row["digest"], snapshot_hash(row["snapshot"]))
            if self._checked is None or self._checked[0] != key:
                problem = frozen_problem(self.db.conn, row["id"], row["digest"], row["snapshot"])
                if problem:
                    raise TamperedResult(self._place, problem)
                self._checked = (key, Snapshot.from_json(row["snapshot"]))
        return Frozen(
            self._checked[1],
            row["digest"],
            row["finalised_at"],
            row["finalised_by"],
            row["override_reason"],
        )

    def reveal_state(self) -> RevealState:
        """What the board may show: step 0 and no snapshot unless locked and revealed — and
        none from a frozen result that fails its check (``refused`` says so)."""
        try:
            frozen = self.frozen()
        except TamperedResult:
            return RevealState(0, None, refused=True)
        row = self.db.one("SELECT step FROM reveal WHERE id = 1")
        step = row["step"] if row else 0
        if frozen is None or step == 0:
            return RevealState(0, None)
        return RevealState(step, frozen.snapshot)

    def score_changes(self, since: int | None) -> tuple[int, set[str] | None]:
        """The audit head now, and whose score sheets changed after ``since`` (None: reload all).

        Every sheet write audits ``score.*`` on ``judge/entrant`` in its own transaction, so the
        log tells a screen which few entrants to re-read instead of every score.
        """
        head = int(self.db.query("SELECT coalesce(max(seq), 0) FROM audit")[0][0])
        if since is None or since > head:
            return head, None
        rows = self.db.query(
            "SELECT action, subject FROM audit WHERE seq > ? AND seq <= ? AND action LIKE 'score.%'",
            (since, head),
        )
        entrants = set()
        for row in rows:
            if row["action"] == "score.import":
                return head, None  # a whole file came in: read everything afresh
            _judge, slash, entrant = row["subject"].partition("/")
            if not slash:
                return head, None
            entrants.add(entrant)
        return head, entrants

    def missing_sheets(
        self, ranking: Ranking | None = None, sheets: list[Sheet] | None = None
    ) -> list[tuple[str, str]]:
        """(judge, entrant) pairs with no sheet (scored or recused) yet, for every entrant in
        the ranking — everyone but no-shows and withdrawals, so an entrant nobody has scored
        yet counts too rather than silently dropping out of the result."""
        sheets = self.scores.sheets() if sheets is None else sheets
        ranking = ranking or self._ranking(sheets)
        return missing_sheets(self.config, ranking, ((s.judge, s.entrant) for s in sheets))

    # -- the panel's decisions -------------------------------------------------------------

    def decide(self, entrants: Sequence[str], reason: str, decided_by: str, *, actor: str) -> Decision:
        """Record the panel's order for an open tie: exactly its entrants, best first."""
        entrants = tuple(e.strip() for e in entrants if e.strip())
        unknown = [e for e in entrants if not self.config.has("entrant", e)]
        if unknown:
            raise InputError("entrants", "score.unknown_entrant", entrant=", ".join(unknown))
        if len(entrants) < 2 or len(set(entrants)) != len(entrants):
            raise InputError("entrants", "results.decision_order", got=", ".join(entrants))
        _require(reason, "reason")
        _require(decided_by, "decided_by")
        with self.db.write() as conn:
            self._refuse_if_locked(conn)
            ties = self._ranking().ties
            if frozenset(entrants) not in {frozenset(t.entrants) for t in ties}:
                raise InputError(
                    "entrants", "results.not_a_tie", got=", ".join(entrants), ties=_describe_ties(ties)
                )
            at = audit.now()
            number = conn.execute(
                "INSERT INTO decision (entrants, reason, decided_by, decided_at) VALUES (?, ?, ?, ?)",
                (json.dumps(list(entrants)), reason.strip(), decided_by.strip(), at),
            ).lastrowid
            audit.append(
                conn,
                actor,
                "decision.record",
                ",".join(entrants),
                {
                    "id": number,
                    "order": list(entrants),
                    "reason": reason.strip(),
                    "decided_by": decided_by.strip(),
                },
            )
        return Decision(entrants, reason.strip(), decided_by.strip(), at)

    def revoke_decision(self, entrants: Sequence[str], *, actor: str) -> None:
        """Take back a recorded decision (the tie it ordered is open again)."""
        wanted = frozenset(e.strip() for e in entrants if e.strip())
        with self.db.write() as conn:
            self._refuse_if_locked(conn)
            rows = conn.execute("SELECT id, entrants FROM decision WHERE withdrawn_at IS NULL")
            ids = [r[0] for r in rows if frozenset(json.loads(r[1])) == wanted]
            if not ids:
                raise InputError("entrants", "results.no_decision", got=", ".join(sorted(wanted)))
            conn.executemany(
                "UPDATE decision SET withdrawn_at = ? WHERE id = ?", [(audit.now(), i) for i in ids]
            )
            audit.append(conn, actor, "decision.withdraw", ",".join(sorted(wanted)), {"ids": ids})

    # -- finalise and unlock ---------------------------------------------------------------

    def finalise(self, *, actor: str, override: str | None = None) -> Frozen:
        """Freeze the ranking and every score with its digest; scores are locked from then on."""
        override = (override or "").strip() or None
        with self.db.write() as conn:
            if is_locked(conn):
                raise InputError(self._place, "results.already_locked")
            sheets = self.scores.sheets()  # read once: rank, check and freeze the same sheets
            ranking = self._ranking(sheets)
            if ranking.ties:
                raise InputError(self._place, "results.open_ties", ties=_describe_ties(ranking.ties))
            missing = self.missing_sheets(ranking, sheets)
            if missing and override is None:
                examples = ", ".join(f"{j}/{e}" for j, e in missing[:MISSING_EXAMPLES])
                raise InputError(self._place, "results.missing_sheets", count=len(missing), examples=examples)
            snapshot = freeze(self.config, ranking, sheets)
            digest, at, text = snapshot.digest, audit.now(), snapshot.to_json()
            number = conn.execute(
                "INSERT INTO finalisation (finalised_at, finalised_by, digest, snapshot,"
                " override_reason) VALUES (?, ?, ?, ?, ?)",
                (at, actor, digest, text, override),
            ).lastrowid
            self._set_step(conn, 0, actor)
            audit.append(
                conn,
                actor,
                "results.finalise",
                "results",
                {
                    "id": number,
                    "digest": digest,
                    "snapshot_sha256": snapshot_hash(text),
                    "override_reason": override,
                    "missing": [f"{j}/{e}" for j, e in missing],
                },
            )
        return Frozen(snapshot, digest, at, actor, override)

    def unlock(self, reason: str, *, actor: str) -> None:
        """Reopen the scores; the reveal goes back to hidden (there is no frozen result now)."""
        _require(reason, "reason")
        with self.db.write() as conn:
            row = conn.execute(
                "SELECT id, digest FROM finalisation WHERE unlocked_at IS NULL ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if row is None:
                raise InputError(self._place, "results.not_locked")
            conn.execute(
                "UPDATE finalisation SET unlocked_at = ?, unlocked_by = ?, unlock_reason = ? WHERE id = ?",
                (audit.now(), actor, reason.strip(), row[0]),
            )
            self._set_step(conn, 0, actor)
            audit.append(
                conn,
                actor,
                "results.unlock",
                "results",
                {"id": row[0], "digest": row[1], "reason": reason.strip()},
            )

    # -- the reveal ------------------------------------------------------------------------

    def reveal(self, step: int, *, actor: str) -> int:
        """Show the board up to ``step`` (0 hides it); only a locked result can be revealed."""
        last = last_reveal_step(len(self.config.prizes))
        if not 0 <= step <= last:
            raise InputError("step", "results.reveal_step", got=step, last=last)
        if step:
            self.frozen()  # a tampered frozen result is never revealed
        with self.db.write() as conn:
            if step and not is_locked(conn):
                raise InputError(self._place, "results.reveal_unlocked")
            before = self._set_step(conn, step, actor)
            audit.append(conn, actor, "reveal.step", "board", {"step": step, "before": before})
        return step

    def _set_step(self, conn: sqlite3.Connection, step: int, actor: str) -> int:
        row = conn.execute("SELECT step FROM reveal WHERE id = 1").fetchone()
        conn.execute(
            "INSERT INTO reveal (id, step, changed_at, changed_by) VALUES (1, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET step = excluded.step,"
            " changed_at = excluded.changed_at, changed_by = excluded.changed_by",
            (step, audit.now(), actor),
        )
        return row[0] if row else 0

    # -- helpers ---------------------------------------------------------------------------

    def _ranking(self, sheets: list[Sheet] | None = None) -> Ranking:
        sheets = self.scores.sheets() if sheets is None else sheets
        return rank(self.config, sheets, self.queue.statuses(), self.decisions())

    def _refuse_if_locked(self, conn: sqlite3.Connection) -> None:
        if is_locked(conn):
            raise InputError(self._place, "results.locked")


def _require(text: str, place: str) -> None:
    if not (text or "").strip():
        raise InputError(place, "results.required")


def _describe_ties(ties: Iterable[Tie]) -> str:
    return "; ".join(f"#{t.rank}: {', '.join(t.entrants)}" for t in ties) or "–"
