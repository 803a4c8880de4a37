"""The presenter queue as a state machine, pure: a lineup in, a new lineup out.

Statuses: ``waiting`` (not called yet), ``on_stage``, ``done``, ``no_show`` (called and absent,
waiting for another call), ``moved`` (put later by the moderator, waiting), ``withdrawn`` and
``forfeit`` (out for good, not ranked). A no-show follows one clear path: the first time the
entrant goes to the end of today's queue; the next time to the end of the following day's queue;
on the last day (or a third time) the entrant forfeits.

Every function returns a new tuple of :class:`Entry`; the store writes the difference, and
undo restores the lineup saved before the action.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# Queue statuses that take an entrant out of the ranking, and how the leaderboard calls them:
# the same word as the queue, so "forfeit" (gugur) reads the same on every screen and export.
UNRANKED = {"withdrawn": "withdrawn", "forfeit": "forfeit"}

WAITING = "waiting"
ON_STAGE = "on_stage"
DONE = "done"
NO_SHOW = "no_show"
MOVED = "moved"
WITHDRAWN = "withdrawn"
FORFEIT = "forfeit"
STATUSES = (WAITING, ON_STAGE, DONE, NO_SHOW, MOVED, WITHDRAWN, FORFEIT)
CALLABLE = (WAITING, NO_SHOW, MOVED)
FINAL = (DONE, WITHDRAWN, FORFEIT)

LATER_TODAY = "later_today"
NEXT_DAY = "next_day"
FORFEITS = "forfeit"


class QueueError(Exception):
    """An action that does not fit the entrant's status; ``code`` is a catalogue key."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(f"{code} {params}")


@dataclass(frozen=True)
class Entry:
    entrant: str
    day: int
    position: int  # order within the day; positions are unique across the whole queue
    status: str = WAITING
    no_show_count: int = 0
    overtime_ms: int = 0
    called_at: float | None = None  # last time called on stage (orders "the previous ones")


Lineup = tuple[Entry, ...]


def day_order(lineup: Lineup, day: int) -> list[Entry]:
    return sorted((e for e in lineup if e.day == day), key=lambda e: e.position)


def on_stage(lineup: Lineup) -> Entry | None:
    return next((e for e in lineup if e.status == ON_STAGE), None)


def next_up(lineup: Lineup, day: int) -> Entry | None:
    """The entrant the next "next" calls: first callable one in today's order."""
    return next((e for e in day_order(lineup, day) if e.status in CALLABLE), None)


def find(lineup: Lineup, entrant: str) -> Entry:
    for entry in lineup:
        if entry.entrant == entrant:
            return entry
    raise QueueError("queue.unknown_entrant", entrant=entrant)


def no_show_path(entry: Entry, last_day: int) -> str:
    """Where a no-show sends ``entry`` now: later today, the next day, or out."""
    if entry.no_show_count == 0:
        return LATER_TODAY
    if entry.no_show_count == 1 and entry.day < last_day:
        return NEXT_DAY
    return FORFEITS


def call(lineup: Lineup, entrant: str, now: float, overtime_ms: int = 0) -> Lineup:
    """Bring ``entrant`` on stage; whoever was on stage is done (with their overtime)."""
    target = find(lineup, entrant)
    if target.status not in CALLABLE:
        raise QueueError("queue.not_callable", entrant=entrant, status=target.status)
    lineup = finish(lineup, overtime_ms)
    return _put(lineup, replace(find(lineup, entrant), status=ON_STAGE, called_at=now))


def finish(lineup: Lineup, overtime_ms: int = 0) -> Lineup:
    current = on_stage(lineup)
    if current is None:
        return lineup
    return _put(lineup, replace(current, status=DONE, overtime_ms=current.overtime_ms + overtime_ms))


def skip_partner(lineup: Lineup, entrant: str) -> Entry:
    """Who goes first when ``entrant`` is skipped: the next callable entrant of its day."""
    target = find(lineup, entrant)
    if target.status not in CALLABLE:
        raise QueueError("queue.not_skippable", entrant=entrant, status=target.status)
    order = [e for e in day_order(lineup, target.day) if e.status in CALLABLE]
    index = order.index(target)
    if index + 1 >= len(order):
        raise QueueError("queue.nothing_after", entrant=entrant)
    return order[index + 1]


def skip(lineup: Lineup, entrant: str) -> Lineup:
    """Let the following callable entrant go first; ``entrant`` keeps its status."""
    target = find(lineup, entrant)
    other = skip_partner(lineup, entrant)
    lineup = _put(lineup, replace(target, position=other.position))
    return _put(lineup, replace(other, position=target.position))


def move_later(lineup: Lineup, entrant: str) -> Lineup:
    """To the end of its day's queue, marked moved."""
    target = _movable(lineup, entrant)
    return _put(lineup, replace(target, status=MOVED, position=_end(lineup)))


def move_to_day(lineup: Lineup, entrant: str, day: int) -> Lineup:
    target = _movable(lineup, entrant)
    if day == target.day:
        raise QueueError("queue.same_day", entrant=entrant, day=day)
    return _put(lineup, replace(target, status=MOVED, day=day, position=_end(lineup)))


def previous(lineup: Lineup, count: int) -> list[Entry]:
    """The last ``count`` entrants who finished on stage, most recent first."""
    done = [e for e in lineup if e.status == DONE and e.called_at is not None]
    return sorted(done, key=lambda e: e.called_at or 0.0, reverse=True)[:count]


def no_show(lineup: Lineup, entrant: str, last_day: int) -> Lineup:
    target = _movable(lineup, entrant)
    path = no_show_path(target, last_day)
    counted = replace(target, no_show_count=target.no_show_count + 1)
    if path == LATER_TODAY:
        return _put(lineup, replace(counted, status=NO_SHOW, position=_end(lineup)))
    if path == NEXT_DAY:
        return _put(lineup, replace(counted, status=NO_SHOW, day=target.day + 1, position=_end(lineup)))
    return _put(lineup, replace(counted, status=FORFEIT))


def withdraw(lineup: Lineup, entrant: str) -> Lineup:
    target = find(lineup, entrant)
    if target.status in (WITHDRAWN, FORFEIT):
        raise QueueError("queue.already_out", entrant=entrant, status=target.status)
    return _put(lineup, replace(target, status=WITHDRAWN))


def _movable(lineup: Lineup, entrant: str) -> Entry:
    target = find(lineup, entrant)
    if target.status not in CALLABLE + (ON_STAGE,):
        raise QueueError("queue.not_movable", entrant=entrant, status=target.status)
    return target


def _end(lineup: Lineup) -> int:
    return max((e.position for e in lineup), default=0) + 1


def _put(lineup: Lineup, entry: Entry) -> Lineup:
    return tuple(entry if e.entrant == entry.entrant else e for e in lineup)
