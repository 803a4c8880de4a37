"""The queue state machine: every status transition, pure."""

from __future__ import annotations

import pytest

from ikm_tui.domain import queue_rules as rules
from ikm_tui.domain.queue_rules import Entry, QueueError


def lineup() -> rules.Lineup:
    return (Entry("A", 1, 1), Entry("B", 1, 2), Entry("C", 1, 3), Entry("D", 2, 4), Entry("E", 2, 5))


def by_id(line) -> dict[str, Entry]:
    return {e.entrant: e for e in line}


def order(line, day) -> list[str]:
    return [e.entrant for e in rules.day_order(line, day)]


def test_call_puts_one_on_stage_and_the_previous_one_done_with_overtime():
    line = rules.call(lineup(), "A", now=10.0)
    assert rules.on_stage(line).entrant == "A"
    line = rules.call(line, "B", now=20.0, overtime_ms=4200)
    assert by_id(line)["A"].status == "done"
    assert by_id(line)["A"].overtime_ms == 4200
    assert rules.on_stage(line).entrant == "B"
    assert rules.next_up(line, 1).entrant == "C"
    assert [e.entrant for e in rules.previous(line, 2)] == ["A"]


def test_done_withdrawn_and_forfeit_cannot_be_called():
    line = rules.finish(rules.call(lineup(), "A", now=1.0))
    line = rules.withdraw(line, "B")
    for entrant in ("A", "B"):
        with pytest.raises(QueueError):
            rules.call(line, entrant, now=2.0)


def test_skip_lets_the_following_entrant_go_first():
    line = rules.skip(lineup(), "A")
    assert order(line, 1) == ["B", "A", "C"]
    assert by_id(line)["A"].status == "waiting"
    with pytest.raises(QueueError):
        rules.skip(lineup(), "C")  # nobody after C


def test_move_later_and_to_another_day_mark_moved():
    line = rules.move_later(lineup(), "A")
    assert order(line, 1) == ["B", "C", "A"]
    assert by_id(line)["A"].status == "moved"
    line = rules.move_to_day(line, "B", 2)
    assert order(line, 2) == ["D", "E", "B"]
    with pytest.raises(QueueError):
        rules.move_to_day(line, "B", 2)


def test_no_show_goes_later_today_then_next_day_then_forfeit():
    line = rules.no_show(lineup(), "A", last_day=2)
    assert (by_id(line)["A"].status, by_id(line)["A"].day, order(line, 1)[-1]) == ("no_show", 1, "A")
    assert rules.no_show_path(by_id(line)["A"], 2) == rules.NEXT_DAY
    line = rules.no_show(line, "A", last_day=2)
    assert (by_id(line)["A"].status, by_id(line)["A"].day) == ("no_show", 2)
    assert order(line, 2)[-1] == "A"
    line = rules.no_show(line, "A", last_day=2)
    assert by_id(line)["A"].status == "forfeit"
    assert by_id(line)["A"].no_show_count == 3


def test_no_show_on_the_last_day_forfeits_the_second_time():
    line = rules.no_show(lineup(), "D", last_day=2)
    assert by_id(line)["D"].day == 2
    assert rules.no_show_path(by_id(line)["D"], 2) == rules.FORFEITS
    line = rules.no_show(line, "D", last_day=2)
    assert by_id(line)["D"].status == "forfeit"


def test_no_show_and_moved_entrants_can_still_be_called():
    line = rules.no_show(rules.move_later(lineup(), "B"), "A", last_day=2)
    line = rules.call(line, "A", now=5.0)
    line = rules.call(line, "B", now=6.0)
    assert by_id(line)["A"].status == "done"


def test_withdraw_from_any_live_status_but_only_once():
    line = rules.withdraw(rules.call(lineup(), "A", now=1.0), "A")
    assert by_id(line)["A"].status == "withdrawn"
    assert rules.on_stage(line) is None
    with pytest.raises(QueueError) as caught:
        rules.withdraw(line, "A")
    assert caught.value.code == "queue.already_out"


def test_unknown_entrant_is_named():
    with pytest.raises(QueueError) as caught:
        rules.withdraw(lineup(), "Z")
    assert caught.value.params == {"entrant": "Z"}


def test_statuses_known_to_the_ranking_exist():
    from ikm_tui.domain.ranking import UNRANKED

    assert set(UNRANKED) <= set(rules.STATUSES)
