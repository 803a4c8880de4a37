"""The stage as stored: actions are durable, audited, undoable, and survive a restart."""

from __future__ import annotations

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.domain.errors import InputError
from ikm_tui.store.session import Store
from ikm_tui.store.stage import Stage
from tests.fake_clock import FakeClock


@pytest.fixture
def event(make_event):
    return load_config(make_event(entrants=6))


@pytest.fixture
def store(event):
    with Store(event) as store:
        store.stage = Stage(store.db, event, FakeClock())
        yield store


def statuses(store):
    return store.queue.statuses()


def test_fresh_session_has_nobody_on_stage_on_day_one(store):
    assert store.stage.current() is None
    assert store.stage.state().day == 1
    assert store.stage.last_undo() is None


def test_next_calls_the_first_entrant_then_marks_them_done(store):
    store.stage.next()
    assert store.stage.current() == "E01"
    store.stage.next()
    assert store.stage.current() == "E02"
    assert statuses(store)["E01"] == "done"
    assert statuses(store)["E02"] == "on_stage"


def test_overtime_is_recorded_when_the_entrant_leaves(store):
    clock = store.stage.now
    store.stage.next()
    store.stage.toggle_timer()
    clock.now += 7 * 60 + 12  # 12 s over the presentation
    store.stage.end_phase()
    clock.now += 3 * 60 + 5  # 5 s over Q&A
    store.stage.next()
    assert store.queue.overtime_ms()["E01"] == 17_000


def test_every_action_leaves_an_audit_row(store):
    before = len(store.audit.entries())
    store.stage.next()
    store.stage.toggle_timer()
    store.stage.no_show("E02")
    actions = [e.action for e in store.audit.entries()[before:]]
    assert actions == ["queue.next", "timer.toggle", "queue.no_show"]


def test_no_show_path_later_today_then_day_two_then_forfeit(store):
    store.stage.next()  # E01 on stage
    store.stage.no_show("E01")
    entry = {e.entrant: e for e in store.queue.lineup()}["E01"]
    assert (entry.status, entry.day) == ("no_show", 1)
    assert store.stage.current() is None
    store.stage.no_show("E01")
    entry = {e.entrant: e for e in store.queue.lineup()}["E01"]
    assert (entry.status, entry.day) == ("no_show", 2)
    store.stage.no_show("E01")
    assert statuses(store)["E01"] == "forfeit"
    assert store.ranking()  # forfeit entrants are simply unranked


def test_undo_restores_queue_and_stage(store):
    store.stage.next()
    store.stage.withdraw("E01")
    assert store.stage.current() is None
    step = store.stage.undo()
    assert (step.action, step.subject) == ("queue.withdraw", "E01")
    assert store.stage.current() == "E01"
    assert statuses(store)["E01"] == "on_stage"
    store.stage.undo()
    assert store.stage.current() is None
    with pytest.raises(InputError):
        store.stage.undo()


def test_bad_action_changes_nothing(store):
    store.stage.withdraw("E03")
    rows = len(store.audit.entries())
    with pytest.raises(InputError) as caught:
        store.stage.withdraw("E03")
    assert caught.value.code == "queue.already_out"
    with pytest.raises(InputError):
        store.stage.toggle_timer()  # nobody on stage
    assert len(store.audit.entries()) == rows


def test_switch_day_refused_while_someone_is_on_stage(store):
    store.stage.next()
    with pytest.raises(InputError):
        store.stage.switch_day(2)
    store.stage.next()
    store.stage.withdraw(store.stage.current())
    store.stage.switch_day(2)
    assert store.stage.state().day == 2
    store.stage.next()
    assert store.stage.current() == "E04"


def test_a_restart_resumes_the_same_entrant_and_clock(event):
    clock = FakeClock()
    with Store(event) as first:
        first.stage = Stage(first.db, event, clock)
        first.stage.next()
        first.stage.toggle_timer()
        clock.now += 100
        left = first.stage.reading().remaining_s
    with Store(event) as second:
        second.stage = Stage(second.db, event, clock)
        assert second.stage.current() == "E01"
        assert second.stage.reading().remaining_s == pytest.approx(left)
