"""``ikm-tui audit verify``: prove that the database is the record the log says it is.

Four checks, in this order, stopping at the first problem:

1. **integrity** — SQLite's own ``PRAGMA integrity_check`` (a page of garbage, a torn file);
2. **chain** — every audit row's hash follows from the previous one and its own content, seqs
   run 1..n without gaps, and the newest row is the head mirrored in ``meta`` (so deleting the
   newest rows is caught, not just editing older ones);
3. **replay** — applying the log from the first row (:mod:`ikm_tui.store.replay`) gives exactly
   the live tables: the first difference is named (table, key, log vs. table);
4. **frozen result** — every stored snapshot matches its digest and its finalising's audit row,
   and the one locked now is what the replayed scores, statuses and decisions give.

An insider who rewrites the file consistently *and* recomputes the whole chain is caught only
against a head printed earlier (every export carries it): ``audit verify --head HASH``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from ikm_tui.domain.config import Config
from ikm_tui.domain.leaderboard import leaderboard_rows, results_digest
from ikm_tui.domain.ranking import Decision, rank
from ikm_tui.domain.scoring import SheetPoints
from ikm_tui.domain.snapshot import Snapshot
from ikm_tui.domain.units import ScoreUnits
from ikm_tui.store import audit
from ikm_tui.store.database import Database, EngineError
from ikm_tui.store.replay import READERS, LogRow, Replayed, ReplayError, apply, first_difference
from ikm_tui.store.results import frozen_problem, snapshot_hash

if TYPE_CHECKING:
    from typing import Any


INTEGRITY_LINES = 3  # of integrity_check's complaints, how many the message quotes


@dataclass(frozen=True)
class Problem:
    """The first thing that does not hold: a catalogue key (``verify.*``) and its values."""

    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    problem: Problem | None
    rows: int  # audit rows that verified before the problem (all of them when it holds)
    head: str  # the chain's last hash (of the intact part)
    checked: tuple[str, ...] = ()  # names of the replayed tables that were compared

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify(conn: sqlite3.Connection, config: Config) -> Verdict:
    """Run every check on ``conn`` (call it inside one read transaction: one consistent state)."""
    try:
        return _verify(conn, config)
    except EngineError as exc:  # a damaged page met while reading
        return Verdict(Problem("verify.integrity", {"detail": str(exc)}), 0, audit.GENESIS)


def integrity(conn: sqlite3.Connection) -> Problem | None:
    try:
        lines = Database.integrity_check(conn)
    except EngineError as exc:
        return Problem("verify.integrity", {"detail": str(exc)})
    if lines == ["ok"]:
        return None
    return Problem("verify.integrity", {"detail": "; ".join(lines[:INTEGRITY_LINES])})


def _verify(conn: sqlite3.Connection, config: Config) -> Verdict:
    problem = integrity(conn)
    if problem:
        return Verdict(problem, 0, audit.GENESIS)
    state = Replayed()
    prev_hash, count = audit.GENESIS, 0
    cursor = conn.execute(
        "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit ORDER BY seq"
    )
    for seq, at, actor, action, subject, detail, stored_prev, stored_hash in cursor:
        if seq != count + 1:
            return _chain(count, prev_hash, "verify.chain_gap", seq=seq, expected=count + 1)
        expected = audit.chained_hash(prev_hash, seq, at, actor, action, subject, detail)
        if stored_prev != prev_hash or expected != stored_hash:
            return _chain(count, prev_hash, "verify.chain_broken", seq=seq)
        try:
            apply(state, LogRow(seq, at, actor, action, subject, json.loads(detail)))
        except ReplayError as exc:
            return Verdict(Problem(exc.code, {"seq": exc.seq, **exc.params}), count, prev_hash)
        except ValueError:
            return Verdict(
                Problem("verify.bad_detail", {"seq": seq, "action": action, "detail": ""}), count, prev_hash
            )
        prev_hash, count = stored_hash, count + 1
    mirror = conn.execute("SELECT value FROM meta WHERE key = ?", (audit.HEAD_KEY,)).fetchone()
    mirrored = mirror[0] if mirror else None
    if mirrored != (f"{count} {prev_hash}" if count else mirrored):
        seq_text = (mirrored or "").partition(" ")[0] or "?"
        return _chain(count, prev_hash, "verify.head_missing", mirrored=seq_text, rows=count)
    difference = first_difference(state, conn)
    if difference is not None:
        return Verdict(
            Problem(
                "verify.differs",
                {
                    "table": difference.table,
                    "key": _key_text(difference.key),
                    "logged": _values_text(difference.logged),
                    "live": _values_text(difference.live),
                },
            ),
            count,
            prev_hash,
        )
    problem = _frozen(conn, config, state)
    checked = tuple(sorted(set(READERS) - state.unknown))
    return Verdict(problem, count, prev_hash, checked)


def _chain(count: int, head: str, code: str, **params: object) -> Verdict:
    return Verdict(Problem(code, dict(params)), count, head)


def _frozen(conn: sqlite3.Connection, config: Config, state: Replayed) -> Problem | None:
    """Every stored snapshot against its digest; the locked one against the log and the replay.
    Each snapshot is parsed once (at 10,000 entrants one is tens of MB of objects)."""
    numbers = [r[0] for r in conn.execute("SELECT id FROM finalisation ORDER BY id")]
    hashes = state.moments.get("snapshot_hashes", {})
    for number in numbers:
        digest, text, unlocked_at = conn.execute(
            "SELECT digest, snapshot, unlocked_at FROM finalisation WHERE id = ?", (number,)
        ).fetchone()
        try:
            stored = Snapshot.from_json(text)
            matches = stored.digest == digest
        except (ValueError, KeyError, TypeError):
            matches = False
        if not matches:
            return Problem("verify.frozen_digest", {"id": number})
        logged_hash = hashes.get(number)
        if logged_hash is not None and logged_hash != snapshot_hash(text):
            return Problem("verify.frozen_snapshot", {"id": number})
        if unlocked_at is None:
            if frozen_problem(conn, number, digest, text, stored):
                return Problem("verify.frozen_log", {"id": number})
            if not _replays_to(config, state, number, stored):
                return Problem("verify.frozen_replay", {"id": number})
        del stored, text
    return None


def _replays_to(config: Config, state: Replayed, number: int, stored: Snapshot) -> bool:
    """Is the stored snapshot what ranking the replayed sheets at that finalising gives?

    Ranks on integer ticks straight from the replayed score texts (each distinct text converted
    once), as the live ranking does, instead of building a Fraction per score.
    """
    moment = state.moments.get("finalised")
    if moment is None or moment["id"] != number:
        return False
    units = ScoreUnits.of(config)
    criteria = [c.id for c in config.criteria]
    ticks_of: dict[str, int] = {}
    points: list[SheetPoints] = []
    # Judges' scores in the snapshot's shape; the digest's JSON sorts its keys, so dict order
    # does not matter — every entrant of the event is present, with {} when nobody scored it.
    scores: dict[str, dict[str, dict[str, Any]]] = {e.id: {} for e in config.entrants}
    for (judge, entrant), (recused, _reason, _revision, _source, text) in moment["sheets"].items():
        values = dict(_parse_scores(text))
        scores.setdefault(entrant, {})[judge] = {"recused": bool(recused), "scores": values}
        if recused:
            points.append(SheetPoints(judge, entrant, True, 0, ()))
            continue
        ticks = tuple(
            ticks_of.get(values[c]) or ticks_of.setdefault(values[c], units.to_ticks(Fraction(values[c])))
            for c in criteria
        )
        total = sum(units.weights[c] * t for c, t in zip(criteria, ticks))
        points.append(SheetPoints(judge, entrant, False, total, ticks))
    statuses = moment["statuses"]
    if statuses is None:  # a log from before the queue was audited: the queue as it stands
        statuses = {e: v[2] for e, v in state.tables.get("queue_entry", {}).items()} or None
    decisions = [Decision(tuple(order), reason, by) for order, reason, by, _ in moment["decisions"]]
    ranking = rank(config, points, statuses, decisions)
    del points
    replayed_decisions = [
        (tuple(d.entrants), d.reason, d.decided_by)
        for d in {s.decision.entrants: s.decision for s in ranking.standings if s.decision}.values()
    ]
    prizes = [{"label": p.label, "count": p.count, "amount": p.amount} for p in config.prizes]
    return (
        results_digest(leaderboard_rows(ranking), scores) == stored.digest
        and prizes == stored.prizes
        and replayed_decisions == _decision_orders(stored)
    )


def _decision_orders(snapshot: Snapshot) -> list[tuple[Any, ...]]:
    return [(tuple(d["order"]), d["reason"], d["decided_by"]) for d in snapshot.decisions]


def _parse_scores(text: str) -> list[tuple[str, str]]:
    return [tuple(part.split("=", 1)) for part in text.split(";") if part]  # type: ignore[misc]


def _key_text(key: object) -> str:
    return "/".join(str(k) for k in key) if isinstance(key, tuple) else str(key)


def _values_text(values: tuple[Any, ...] | None) -> str:
    if values is None:
        return "–"
    return ", ".join("–" if v is None else str(v) for v in values)


def head_position(conn: sqlite3.Connection, printed: str) -> tuple[int, int] | None:
    """Where a printed head (full or a prefix of at least 8 hex digits) sits: (seq, rows)."""
    prefix = printed.strip().lower()
    rows = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    found = conn.execute(
        "SELECT seq FROM audit WHERE hash >= ? AND hash < ? ORDER BY seq", (prefix, prefix + "g")
    ).fetchall()
    if len(found) != 1:
        return None
    return found[0][0], rows
