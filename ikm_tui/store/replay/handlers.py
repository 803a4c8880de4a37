"""Every audited action's replay, and every replayed table's live reader, in one place.

One section per area. A handler changes only the replayed tables, from the row's own fields
(actor, subject, detail) — never from the live tables — so whatever the log does not say, the
replay cannot invent. Table shapes: ``{key: values}`` with values as plain tuples, the same
shape the matching ``@reads`` function gives for the live rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Hashable, Iterator
from typing import Any

from ikm_tui.store.replay import LogRow, Replayed, ReplayError, Rows, reads, replays

# The tables a log from before full queue/stage values cannot rebuild until a baseline row.
STAGE_TABLES = ("queue_entry", "stage")
STAGE_AT_CREATION = (1, None, "ready", None, None, 0.0, 0.0, 0, 0.0, "")  # the row the schema inserts

STAGE_ADDED_IN_V3 = (0.0, "")  # extra_s, message: what a stage row logged before them held


def _stage_row(values: list[object]) -> tuple[object, ...]:
    """The stage row of an audit detail, with what version 3 added filled in for older rows."""
    row = tuple(values)
    return row + STAGE_ADDED_IN_V3[len(row) - 8 :]


# -- the session --------------------------------------------------------------------------


@replays("session.create")
def _session_create(state: Replayed, row: LogRow) -> None:
    state.table("stage")[1] = STAGE_AT_CREATION
    if not row.detail.get("audits_values"):
        state.unknown.update(STAGE_TABLES)  # queue seeding was not audited then


@replays("record.baseline")
def _baseline(state: Replayed, row: LogRow) -> None:
    """Tables as they stood when an older log was first opened by a version that audits them."""
    state.tables["queue_entry"] = {e: tuple(v) for e, v in row.detail["queue"].items()}
    state.tables["stage"] = {1: _stage_row(row.detail["stage"])}
    state.unknown.difference_update(STAGE_TABLES)


# -- score sheets and recusals --------------------------------------------------------------


@replays("score.submit", "score.replace", "score.recuse")
def _score_sheet(state: Replayed, row: LogRow) -> None:
    judge, _, entrant = row.subject.partition("/")
    sheets = state.table("score_sheet")
    before = sheets.get((judge, entrant))
    revision = before[2] + 1 if before else 1
    detail = row.detail
    if row.action == "score.recuse":
        sheets[(judge, entrant)] = (1, detail["reason"], revision, detail["source"], "")
    else:
        sheets[(judge, entrant)] = (0, "", revision, detail["source"], _scores_text(detail["scores"]))


@replays("score.import")
def _score_import(state: Replayed, row: LogRow) -> None:
    """An imported file: its sheets in file order, each as a console save of the same values."""
    sheets = state.table("score_sheet")
    source = row.detail["source"]
    for item in row.detail["sheets"]:
        key = (item["judge"], item["entrant"])
        before = sheets.get(key)
        revision = before[2] + 1 if before else 1
        if item.get("recused"):
            sheets[key] = (1, item["reason"], revision, source, "")
        else:
            sheets[key] = (0, "", revision, source, _scores_text(item["scores"]))


def _scores_text(scores: dict[str, str]) -> str:
    return ";".join(f"{c}={v}" for c, v in sorted(scores.items()))


@reads("score_sheet")
def _live_sheets(conn: sqlite3.Connection) -> Iterator[tuple[Hashable, tuple[Any, ...]]]:
    """Each sheet with its scores folded in as ``c1=7;c2=8.5`` (one entry per sheet, not per
    score), streamed: 250,000 sheets are compared without a second copy in memory."""
    for r in conn.execute(
        "SELECT s.judge, s.entrant, s.recused, s.recusal_reason, s.revision, s.source,"
        " group_concat(c.criterion || '=' || c.value, char(31)) FROM score_sheet s"
        " LEFT JOIN score c ON c.judge = s.judge AND c.entrant = s.entrant GROUP BY s.judge, s.entrant"
    ):
        yield (r[0], r[1]), (r[2], r[3], r[4], r[5], _folded(r[6]))
    for r in conn.execute(  # scores whose sheet is gone (foreign keys switched off)
        "SELECT judge, entrant, group_concat(criterion || '=' || value, char(31)) FROM score c"
        " WHERE NOT EXISTS (SELECT 1 FROM score_sheet s WHERE s.judge = c.judge AND s.entrant = c.entrant)"
        " GROUP BY judge, entrant"
    ):
        yield (r[0], r[1]), (None, None, None, None, _folded(r[2]))


def _folded(text: str | None) -> str:
    if not text:
        return ""
    return _scores_text(dict(part.split("=", 1) for part in text.split("\x1f")))


# -- judges' notes for the start-ups ---------------------------------------------------------


@replays("note.write")
def _note_write(state: Replayed, row: LogRow) -> None:
    """The detail carries the full new text (empty: the note was removed) and its source."""
    judge, _, entrant = row.subject.partition("/")
    notes = state.table("note")
    text = row.detail["text"]
    if not text:
        notes.pop((judge, entrant), None)
        return
    before = notes.get((judge, entrant))
    notes[(judge, entrant)] = (text, before[1] + 1 if before else 1, row.detail["source"])


@reads("note")
def _live_notes(conn: sqlite3.Connection) -> Rows:
    return {
        (r[0], r[1]): (r[2], r[3], r[4])
        for r in conn.execute("SELECT judge, entrant, text, revision, source FROM note")
    }


# -- re-check requests ----------------------------------------------------------------------


@replays("recheck.request")
def _recheck_request(state: Replayed, row: LogRow) -> None:
    state.table("recheck_request")[tuple(row.subject.split("/", 1))] = (row.actor,)


@replays("recheck.cancel", "recheck.answered")
def _recheck_done(state: Replayed, row: LogRow) -> None:
    state.table("recheck_request").pop(tuple(row.subject.split("/", 1)), None)


@reads("recheck_request")
def _live_rechecks(conn: sqlite3.Connection) -> Rows:
    return {
        (r[0], r[1]): (r[2],)
        for r in conn.execute("SELECT judge, entrant, requested_by FROM recheck_request")
    }


# -- judges' access codes (which judges hold one and who issued it; never the code) ----------


@replays("access.issue", "access.reissue")
def _access_issue(state: Replayed, row: LogRow) -> None:
    state.table("judge_access")[row.subject] = (row.actor,)


@replays("access.revoke")
def _access_revoke(state: Replayed, row: LogRow) -> None:
    state.table("judge_access").pop(row.subject, None)


@replays("access.granted", "access.denied", "access.open", "access.clear_brakes")
def _access_tries(state: Replayed, row: LogRow) -> None:
    """Sign-ins, wrong codes and cleared brakes are on the record but change no replayed
    table: the wrong-code brake (``access_throttle``) is a guard, not part of the result."""


@reads("judge_access")
def _live_access(conn: sqlite3.Connection) -> Rows:
    return {r[0]: (r[1],) for r in conn.execute("SELECT judge, issued_by FROM judge_access")}


# -- the queue and the stage ----------------------------------------------------------------

QUEUE_ACTIONS = (
    "queue.call",
    "queue.next",
    "queue.skip",
    "queue.no_show",
    "queue.move_later",
    "queue.move_to_day",
    "queue.withdraw",
    "queue.undo",
    "timer.toggle",
    "timer.end_phase",
    "stage.switch_day",
    "stage.calm",
    "timer.adjust",
    "stage.message",
)


@replays("session.seed_queue")
def _queue_seed(state: Replayed, row: LogRow) -> None:
    queue = state.table("queue_entry")
    for entrant, values in row.detail["queue"].items():
        queue[entrant] = tuple(values)


@replays(*QUEUE_ACTIONS)
def _stage_action(state: Replayed, row: LogRow) -> None:
    """A stage action's detail carries the changed queue rows and the whole stage row after it
    (logs from before that carry only the changed ids: those tables are unknown until a baseline)."""
    if "stage" not in row.detail:
        state.unknown.update(STAGE_TABLES)
        return
    queue = state.table("queue_entry")
    for entrant, values in row.detail.get("queue", {}).items():
        queue[entrant] = tuple(values)
    state.table("stage")[1] = _stage_row(row.detail["stage"])


@reads("queue_entry")
def _live_queue(conn: sqlite3.Connection) -> Rows:
    return {
        r[0]: tuple(r[1:])
        for r in conn.execute(
            "SELECT entrant, day, position, status, no_show_count, overtime_ms, called_at FROM queue_entry"
        )
    }


@reads("stage")
def _live_stage(conn: sqlite3.Connection) -> Rows:
    return {
        r[0]: tuple(r[1:])
        for r in conn.execute(
            "SELECT id, day, entrant, phase, started_at, paused_at, paused_s, banked_overtime_s, calm,"
            " extra_s, message FROM stage"
        )
    }


# -- the panel's decisions ------------------------------------------------------------------


@replays("decision.record")
def _decision_record(state: Replayed, row: LogRow) -> None:
    decisions = state.table("decision")
    number = row.detail.get("id") or max((k for k in decisions if isinstance(k, int)), default=0) + 1
    decisions[number] = (
        tuple(row.detail["order"]),
        row.detail["reason"],
        row.detail["decided_by"],
        False,
    )


@replays("decision.withdraw")
def _decision_withdraw(state: Replayed, row: LogRow) -> None:
    decisions = state.table("decision")
    ids = row.detail.get("ids")
    if ids is None:  # older rows name the entrants only
        wanted = frozenset(row.subject.split(","))
        ids = [i for i, d in decisions.items() if not d[3] and frozenset(d[0]) == wanted]
    for number in ids:
        decisions[number] = decisions[number][:3] + (True,)


@reads("decision")
def _live_decisions(conn: sqlite3.Connection) -> Rows:
    return {
        r[0]: (tuple(json.loads(r[1])), r[2], r[3], r[4] is not None)
        for r in conn.execute("SELECT id, entrants, reason, decided_by, withdrawn_at FROM decision")
    }


# -- finalising, unlocking, the reveal -----------------------------------------------------


@replays("results.finalise")
def _finalise(state: Replayed, row: LogRow) -> None:
    finalisations = state.table("finalisation")
    number = row.detail.get("id") or max((k for k in finalisations if isinstance(k, int)), default=0) + 1
    finalisations[number] = (
        row.actor,
        row.detail["digest"],
        row.detail.get("override_reason"),
        False,
        None,
        None,
    )
    state.table("reveal")[1] = (0, row.actor)
    state.moments.setdefault("snapshot_hashes", {})[number] = row.detail.get("snapshot_sha256")
    # What this finalising froze, for checking the snapshot against the replayed scores.
    state.moments["finalised"] = {
        "id": number,
        "seq": row.seq,
        "detail": row.detail,
        "sheets": dict(state.table("score_sheet")),
        "statuses": None
        if "queue_entry" in state.unknown
        else {e: v[2] for e, v in state.table("queue_entry").items()},
        "decisions": [d for d in state.table("decision").values() if not d[3]],
    }


@replays("results.unlock")
def _unlock(state: Replayed, row: LogRow) -> None:
    finalisations = state.table("finalisation")
    number = row.detail.get("id")
    if number is None:
        open_ones = [i for i, f in finalisations.items() if not f[3]]
        if not open_ones:
            raise ReplayError(row.seq, "verify.unlock_nothing")
        number = max(open_ones)  # type: ignore[type-var]
    finalisations[number] = finalisations[number][:3] + (True, row.actor, row.detail["reason"])
    state.table("reveal")[1] = (0, row.actor)


@reads("finalisation")
def _live_finalisations(conn: sqlite3.Connection) -> Rows:
    return {
        r[0]: (r[1], r[2], r[3], r[4] is not None, r[5], r[6])
        for r in conn.execute(
            "SELECT id, finalised_by, digest, override_reason, unlocked_at, unlocked_by, unlock_reason"
            " FROM finalisation"
        )
    }


@replays("reveal.step")
def _reveal(state: Replayed, row: LogRow) -> None:
    state.table("reveal")[1] = (row.detail["step"], row.actor)


@reads("reveal")
def _live_reveal(conn: sqlite3.Connection) -> Rows:
    return {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, step, changed_by FROM reveal")}


# -- the event record ----------------------------------------------------------------------


@replays("event.define", "event.amend")
def _definition(state: Replayed, row: LogRow) -> None:
    """A revision of the definition, with its full body; an amendment also drops the queue rows
    of entrants it removed (the entrants it adds are seeded by their own ``session.seed_queue``)."""
    detail = row.detail
    body = json.dumps(detail["definition"], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    state.table("definition")[detail["revision"]] = (detail["recorded_at"], row.actor, detail["reason"], body)
    queue = state.table("queue_entry")
    for entrant in detail.get("queue_removed", []):
        queue.pop(entrant, None)


@reads("definition")
def _live_definition(conn: sqlite3.Connection) -> Rows:
    return {
        r[0]: (r[1], r[2], r[3], r[4])
        for r in conn.execute("SELECT revision, recorded_at, recorded_by, reason, body FROM definition")
    }
