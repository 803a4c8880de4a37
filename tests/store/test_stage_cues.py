"""The moderator's cues as stored: +/- a minute and notes to the presenter, audited in full
and replayed by ``audit verify``."""

from __future__ import annotations

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.domain.errors import InputError
from ikm_tui.store.session import Store
from ikm_tui.store.stage import Stage
from ikm_tui.store.verify import verify
from tests.fake_clock import FakeClock


@pytest.fixture
def store(make_event):
    event = load_config(make_event(entrants=6))
    with Store(event) as store:
        store.stage = Stage(store.db, event, FakeClock())
        yield store


def last_audit(store):
    return store.audit.entries()[-1]


def test_a_minute_added_and_taken_is_stored_audited_and_shown_to_everyone(store):
    stage = store.stage
    stage.next()
    stage.toggle_timer()
    stage.now.now += 30
    stage.adjust_time(60, actor="Sari")
    entry = last_audit(store)
    assert (entry.action, entry.actor, entry.detail["seconds"]) == ("timer.adjust", "Sari", 60)
    assert entry.detail["stage"][-2:] == [60.0, ""]  # the whole stage row after it
    with Store(store.config, store.path, read_only=True) as board:
        assert board.stage.state().clock.extra_s == 60
    assert stage.reading().text == "07:30"
    stage.adjust_time(-60)
    assert stage.reading().text == "06:30"


def test_a_note_stays_until_cleared_or_the_next_entrant_is_called(store):
    stage = store.stage
    stage.next()
    stage.set_message("  1 menit   lagi ")
    assert stage.state().message == "1 menit lagi"
    assert last_audit(store).detail["message"] == "1 menit lagi"
    stage.toggle_timer()
    assert stage.state().message == "1 menit lagi"  # timer keys leave it up
    stage.set_message("")
    assert stage.state().message == ""
    stage.set_message("Mohon diakhiri")
    stage.next()
    assert stage.state().message == "" and stage.current() == "E02"


def test_cues_are_refused_with_a_reason_and_change_nothing(store):
    stage = store.stage
    with pytest.raises(InputError) as nobody:
        stage.adjust_time(60)
    assert nobody.value.code == "timer.nobody_on_stage"
    stage.next()
    before = len(store.audit.entries())
    with pytest.raises(InputError) as long:
        stage.set_message("x" * 61)
    assert long.value.code == "stage.message_too_long"
    with pytest.raises(InputError) as short:
        stage.adjust_time(-8 * 60)
    assert short.value.code == "timer.too_short"
    assert len(store.audit.entries()) == before and stage.state().clock.extra_s == 0


def test_audit_verify_replays_the_cues(store):
    stage = store.stage
    stage.next()
    stage.adjust_time(60)
    stage.toggle_timer()
    stage.adjust_time(-60)
    stage.set_message("Waktu habis")
    stage.next()
    stage.set_message("Mohon bicara lebih keras")
    stage.adjust_time(120)
    with store.db.reading() as conn:
        verdict = verify(conn, store.config)
    assert verdict.ok, verdict
