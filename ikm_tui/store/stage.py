"""The stage as stored: which day runs, who is on stage, the timer's instants, the undo trail.

One row (``id = 1``) holds the stage; the queue rows live in :mod:`ikm_tui.store.queue`. Every
moderator action is one short write transaction that reads both, applies the pure rules
(:mod:`ikm_tui.domain.queue_rules`, :mod:`ikm_tui.domain.timer`), writes what changed and its
audit row. Queue actions first save the queue and stage as they were, so "undo" can put them
back exactly; timer actions are not undone (time has passed anyway).

Others read ``store.stage.current()`` (the entrant on stage, or None) and ``store.stage.state()``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING

from ikm_tui.domain import queue_rules as rules
from ikm_tui.domain import timer
from ikm_tui.domain.errors import InputError
from ikm_tui.domain.queue_rules import UNRANKED, Entry, Lineup, QueueError
from ikm_tui.domain.timer import Clock, SessionClock, TimerError
from ikm_tui.store import audit, queue
from ikm_tui.store.locked import is_locked

if TYPE_CHECKING:
    from typing import Any

    from ikm_tui.domain.config import Config
    from ikm_tui.store.database import Database


ACTOR = "moderator"
OUT_OF_RESULT = frozenset(UNRANKED)  # queue statuses that take an entrant out of the ranking
TOUCH_RESULT = ("queue.withdraw", "queue.no_show")
MESSAGE_MAX = 60  # a few words the presenter reads at a glance


@dataclass(frozen=True)
class StageState:
    """The stage at one moment: the day running, who is on stage, their clock."""

    day: int
    entrant: str | None
    clock: Clock
    calm: bool = False  # the board shows its calm screen even with someone on stage
    message: str = ""  # the moderator's note to the presenter, large on the board until cleared


@dataclass(frozen=True)
class UndoStep:
    action: str
    subject: str


Change = Callable[[Lineup, StageState, float], tuple[Lineup, StageState]]


class Stage:
    def __init__(self, db: Database, config: Config, clock: Callable[[], float] | None = None) -> None:
        self.db = db
        self.config = config
        self.now = clock or SessionClock()

    # -- reading ------------------------------------------------------------------------
    def current(self) -> str | None:
        """The entrant on stage right now, or None between presentations."""
        row = self.db.one("SELECT entrant FROM stage WHERE id = 1")
        return row["entrant"] if row else None

    def state(self) -> StageState:
        with self.db.reading() as conn:
            return _load(conn)

    def reading(self, state: StageState | None = None) -> timer.Reading:
        state = state or self.state()
        return timer.reading(self.config.timer, state.clock, self.now())

    def last_undo(self) -> UndoStep | None:
        row = self.db.one(
            "SELECT action, subject FROM stage_undo WHERE undone_at IS NULL ORDER BY seq DESC LIMIT 1"
        )
        return UndoStep(row["action"], row["subject"]) if row else None

    # -- the timer ----------------------------------------------------------------------
    def toggle_timer(self, *, actor: str = ACTOR) -> StageState:
        """Start when ready, otherwise pause or resume."""
        return self._act(actor, "timer.toggle", _clock_change(timer.toggle), undoable=False)

    def adjust_time(self, seconds: float, *, actor: str = ACTOR) -> StageState:
        """``+``/``-``: add (or take) time to the current phase."""
        return self._act(
            actor,
            "timer.adjust",
            _clock_change(lambda clock, _now: timer.adjust(self.config.timer, clock, seconds)),
            detail={"seconds": seconds},
            undoable=False,
        )

    def set_message(self, text: str, *, actor: str = ACTOR) -> StageState:
        """Show ``text`` to the presenter on the board; an empty text clears it."""
        text = " ".join(text.split())
        if len(text) > MESSAGE_MAX:
            raise InputError("", "stage.message_too_long", max=MESSAGE_MAX, length=len(text))
        return self._act(
            actor,
            "stage.message",
            lambda lineup, state, _now: (lineup, replace(state, message=text)),
            subject="board",
            detail={"message": text},
            undoable=False,
        )

    def end_phase(self, *, actor: str = ACTOR) -> StageState:
        """Presentation -> Q&A -> over."""
        return self._act(
            actor,
            "timer.end_phase",
            _clock_change(lambda clock, now: timer.end_phase(self.config.timer, clock, now)),
            undoable=False,
        )

    # -- the queue ----------------------------------------------------------------------
    def call(self, entrant: str, *, actor: str = ACTOR) -> StageState:
        """Bring ``entrant`` on stage (whoever was there is done)."""
        return self._act(actor, "queue.call", self._calling(lambda lineup, day: entrant), subject=entrant)

    def next(self, *, actor: str = ACTOR) -> StageState:
        """The current entrant is done; the next one up comes on stage (or the stage empties)."""
        return self._act(actor, "queue.next", self._calling(_next_up_id, allow_none=True))

    def skip(self, entrant: str, *, actor: str = ACTOR) -> StageState:
        return self._act(
            actor,
            "queue.skip",
            _queue_change(lambda lineup, _state: rules.skip(lineup, entrant)),
            subject=entrant,
        )

    def no_show(self, entrant: str, *, actor: str = ACTOR) -> StageState:
        last_day = len(self.config.event.days)
        return self._act(
            actor,
            "queue.no_show",
            _queue_change(lambda lineup, _state: rules.no_show(lineup, entrant, last_day)),
            subject=entrant,
        )

    def move_later(self, entrant: str, *, actor: str = ACTOR) -> StageState:
        return self._act(
            actor,
            "queue.move_later",
            _queue_change(lambda lineup, _state: rules.move_later(lineup, entrant)),
            subject=entrant,
        )

    def move_to_day(self, entrant: str, day: int, *, actor: str = ACTOR) -> StageState:
        self._check_day(day)
        return self._act(
            actor,
            "queue.move_to_day",
            _queue_change(lambda lineup, _state: rules.move_to_day(lineup, entrant, day)),
            subject=entrant,
            detail={"day": day},
        )

    def withdraw(self, entrant: str, *, actor: str = ACTOR) -> StageState:
        return self._act(
            actor,
            "queue.withdraw",
            _queue_change(lambda lineup, _state: rules.withdraw(lineup, entrant)),
            subject=entrant,
        )

    def switch_day(self, day: int, *, actor: str = ACTOR) -> StageState:
        self._check_day(day)

        def change(lineup: Lineup, state: StageState, now: float) -> tuple[Lineup, StageState]:
            if state.entrant is not None:
                if state.clock.phase != timer.OVER:
                    raise QueueError("stage.busy", entrant=state.entrant)
                # their time is over: they leave the stage done, with their overtime
                overtime = timer.finish(self.config.timer, state.clock, now)
                lineup = rules.finish(lineup, _ms(overtime))
                state = replace(state, entrant=None, clock=Clock())
            return lineup, replace(state, day=day)

        return self._act(actor, "stage.switch_day", change, subject=str(day), undoable=False)

    def set_calm(self, calm: bool, *, actor: str = ACTOR) -> StageState:
        return self._act(
            actor,
            "stage.calm",
            lambda lineup, state, _now: (lineup, replace(state, calm=calm)),
            subject="board",
            detail={"calm": calm},
            undoable=False,
        )

    def undo(self, *, actor: str = ACTOR) -> UndoStep:
        """Put the queue and stage back as they were before the last queue action."""
        with self._errors(), self.db.write() as conn:
            row = conn.execute(
                "SELECT seq, action, subject, queue, stage FROM stage_undo"
                " WHERE undone_at IS NULL ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            if row is None:
                raise QueueError("queue.nothing_to_undo")
            before = queue.load(conn)
            restored = tuple(Entry(**values) for values in json.loads(row["queue"]))
            if is_locked(conn):
                _refuse_result_change("queue.undo", row["subject"], before, restored)
            changed = queue.save(conn, before, restored)
            state = _state_from_json(row["stage"])
            _save(conn, state)
            conn.execute("UPDATE stage_undo SET undone_at = ? WHERE seq = ?", (audit.now(), row["seq"]))
            audit.append(
                conn, actor, "queue.undo", row["subject"], {"undid": row["action"]} | _values(changed, state)
            )
        return UndoStep(row["action"], row["subject"])

    # -- the one write path -------------------------------------------------------------
    def _act(
        self,
        actor: str,
        action: str,
        change: Change,
        *,
        subject: str = "",
        detail: dict[str, Any] | None = None,
        undoable: bool = True,
    ) -> StageState:
        with self._errors(), self.db.write() as conn:
            now = self.now()
            lineup, state = queue.load(conn), _load(conn)
            new_lineup, new_state = change(lineup, state, now)
            if is_locked(conn):
                _refuse_result_change(action, subject, lineup, new_lineup)
            subject = subject or new_state.entrant or state.entrant or ""
            if undoable:
                conn.execute(
                    "INSERT INTO stage_undo (action, subject, queue, stage, done_at) VALUES (?, ?, ?, ?, ?)",
                    (
                        action,
                        subject,
                        json.dumps([asdict(e) for e in lineup]),
                        _state_json(state),
                        audit.now(),
                    ),
                )
            changed = queue.save(conn, lineup, new_lineup)
            _save(conn, new_state)
            audit.append(
                conn,
                actor,
                action,
                subject,
                (detail or {})
                | {"entrant": new_state.entrant, "phase": new_state.clock.phase, "at": round(now, 3)}
                | _values(changed, new_state),
            )
        return new_state

    def _calling(self, pick: Callable[[Lineup, int], str | None], *, allow_none: bool = False) -> Change:
        def change(lineup: Lineup, state: StageState, now: float) -> tuple[Lineup, StageState]:
            overtime = timer.finish(self.config.timer, state.clock, now) if state.entrant else 0.0
            chosen = pick(lineup, state.day)
            if chosen is None:
                if not allow_none or state.entrant is None:
                    raise QueueError("queue.nobody_waiting", day=state.day)
                return rules.finish(lineup, _ms(overtime)), replace(
                    state, entrant=None, clock=Clock(), message=""
                )
            lineup = rules.call(lineup, chosen, now, _ms(overtime))
            day = rules.find(lineup, chosen).day
            # a note meant for the last presenter is not left up for the next one
            return lineup, replace(state, day=day, entrant=chosen, clock=Clock(), message="")

        return change

    def _check_day(self, day: int) -> None:
        if not 1 <= day <= len(self.config.event.days):
            raise InputError("", "stage.no_such_day", day=day, days=len(self.config.event.days))

    @staticmethod
    def _errors() -> _RuleErrors:
        return _RuleErrors()


class _RuleErrors:
    """Rule violations become :class:`InputError` (message, CLI exit 2); nothing was written."""

    def __enter__(self) -> _RuleErrors:
        return self

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, (QueueError, TimerError)):
            raise InputError("", exc.code, **getattr(exc, "params", {})) from None


def _refuse_result_change(action: str, subject: str, before: Lineup, after: Lineup) -> None:
    """While the result is finalised, refuse a withdrawal or no-show of an entrant in it, and
    anything (an undo) that takes an entrant out of the ranking or back into it; stage actions
    that leave the result alone go on."""
    old = {e.entrant: e.status for e in before}
    if action in TOUCH_RESULT and old.get(subject) not in OUT_OF_RESULT:
        raise InputError("", "stage.result_locked", entrant=subject)
    for entry in after:
        if (old.get(entry.entrant) in OUT_OF_RESULT) != (entry.status in OUT_OF_RESULT):
            raise InputError("", "stage.result_locked", entrant=entry.entrant)


def _next_up_id(lineup: Lineup, day: int) -> str | None:
    entry = rules.next_up(lineup, day)
    return entry.entrant if entry else None


def _clock_change(step: Callable[[Clock, float], Clock]) -> Change:
    def change(lineup: Lineup, state: StageState, now: float) -> tuple[Lineup, StageState]:
        if state.entrant is None:
            raise TimerError("timer.nobody_on_stage")
        return lineup, replace(state, clock=step(state.clock, now))

    return change


def _queue_change(step: Callable[[Lineup, StageState], Lineup]) -> Change:
    """A queue action; if it takes the entrant on stage off the queue, the stage empties."""

    def change(lineup: Lineup, state: StageState, now: float) -> tuple[Lineup, StageState]:
        lineup = step(lineup, state)
        if state.entrant and rules.find(lineup, state.entrant).status != rules.ON_STAGE:
            state = replace(state, entrant=None, clock=Clock())
        return lineup, state

    return change


def _values(changed: list[Entry], state: StageState) -> dict[str, Any]:
    """The audit detail's full new values: the changed queue rows and the whole stage row, so
    ``audit verify`` can replay the queue and the stage from the log alone."""
    return {
        "changed": [e.entrant for e in changed],
        "queue": queue.values(changed),
        "stage": list(_stage_row(state)),
    }


def _stage_row(state: StageState) -> tuple[Any, ...]:
    """The stage row's columns in table order: what is saved and what the audit carries."""
    c = state.clock
    return (
        state.day,
        state.entrant,
        c.phase,
        c.started_at,
        c.paused_at,
        c.paused_s,
        c.banked_overtime_s,
        int(state.calm),
        c.extra_s,
        state.message,
    )


def stage_values(conn: sqlite3.Connection) -> list[Any]:
    """The stored stage row in the audit detail's shape (for a baseline row)."""
    stage: list[Any] = _values([], _load(conn))["stage"]
    return stage


def _ms(seconds: float) -> int:
    return int(round(seconds * 1000))


def _load(conn: sqlite3.Connection) -> StageState:
    row = conn.execute(
        "SELECT day, entrant, phase, started_at, paused_at, paused_s,"
        " banked_overtime_s, calm, extra_s, message FROM stage WHERE id = 1"
    ).fetchone()
    clock = Clock(row[2], row[3], row[4], row[5], row[6], row[8])
    return StageState(row[0], row[1], clock, bool(row[7]), row[9])


def _save(conn: sqlite3.Connection, state: StageState) -> None:
    conn.execute(
        "UPDATE stage SET day = ?, entrant = ?, phase = ?, started_at = ?, paused_at = ?,"
        " paused_s = ?, banked_overtime_s = ?, calm = ?, extra_s = ?, message = ? WHERE id = 1",
        _stage_row(state),
    )


def _state_json(state: StageState) -> str:
    return json.dumps(
        {
            "day": state.day,
            "entrant": state.entrant,
            "calm": state.calm,
            "message": state.message,
            "clock": asdict(state.clock),
        }
    )


def _state_from_json(text: str) -> StageState:
    data = json.loads(text)
    return StageState(
        data["day"], data["entrant"], Clock(**data["clock"]), data["calm"], data.get("message", "")
    )
