"""Stage timer arithmetic: phases, pauses, colours and overtime, from instants alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ikm_tui.domain import timer
from ikm_tui.domain.config import Timer
from ikm_tui.domain.timer import Clock, TimerError

T = Timer(presentation_minutes=7, qa_minutes=3, warning_seconds=60)
NO_QA = Timer(presentation_minutes=5, qa_minutes=0, warning_seconds=30)


def started(at: float = 0.0) -> Clock:
    return timer.start(Clock(), at)


def test_ready_shows_the_full_presentation_time():
    r = timer.reading(T, Clock(), 123.0)
    assert (r.phase, r.text, r.tone, r.overtime_s) == ("ready", "07:00", "normal", 0.0)


@pytest.mark.parametrize(
    "seconds, text, tone",
    [
        (0.0, "07:00", "normal"),
        (0.4, "07:00", "normal"),  # a second shows until it is fully gone
        (1.0, "06:59", "normal"),
        (359.9, "01:01", "normal"),
        (360.0, "01:00", "warning"),  # amber at warning_seconds
        (419.5, "00:01", "warning"),
        (420.0, "+00:00", "overtime"),  # red at zero
        (432.7, "+00:12", "overtime"),  # then counts up with a +
        (420.0 + 61 * 60, "+61:00", "overtime"),
    ],
)
def test_countdown_text_and_colour(seconds, text, tone):
    r = timer.reading(T, started(), seconds)
    assert (r.text, r.tone) == (text, tone)


def test_pauses_are_not_counted():
    clock = started(100.0)
    clock = timer.pause(clock, 160.0)
    assert timer.reading(T, clock, 1000.0).remaining_s == 360.0
    clock = timer.resume(clock, 1000.0)
    assert timer.reading(T, clock, 1010.0).remaining_s == 350.0
    assert clock.paused_s == 840.0


def test_toggle_starts_then_pauses_then_resumes():
    clock = timer.toggle(Clock(), 0.0)
    assert clock.running
    clock = timer.toggle(clock, 5.0)
    assert clock.paused
    assert timer.toggle(clock, 9.0).running


def test_phases_presentation_then_qa_then_over_banking_overtime():
    clock = timer.end_phase(T, started(), 430.0)  # 10 s over
    assert (clock.phase, clock.banked_overtime_s) == ("qa", 10.0)
    assert timer.reading(T, clock, 430.0).text == "03:00"
    clock = timer.end_phase(T, clock, 430.0 + 185)  # 5 s over in Q&A
    assert clock.phase == "over"
    assert timer.finish(T, clock, 9999.0) == 15.0


def test_no_qa_phase_when_qa_minutes_is_zero():
    clock = timer.end_phase(NO_QA, timer.start(Clock(), 0.0), 100.0)
    assert clock.phase == "over"
    assert timer.finish(NO_QA, clock, 200.0) == 0.0


def test_ending_overtime_while_paused_counts_only_unpaused_time():
    clock = timer.pause(started(), 425.0)
    assert timer.finish(T, clock, 900.0) == 5.0


@pytest.mark.parametrize("action", [timer.pause, timer.resume])
def test_actions_that_do_not_fit_the_phase_are_refused(action):
    with pytest.raises(TimerError):
        action(Clock(), 0.0)
    with pytest.raises(TimerError):
        timer.start(started(), 1.0)
    with pytest.raises(TimerError):
        timer.end_phase(T, Clock(), 1.0)


def test_overtime_text_for_the_queue():
    assert timer.overtime_text(0) == ""
    assert timer.overtime_text(0.9) == ""
    assert timer.overtime_text(75.2) == "+1:15"


@given(st.floats(0, 3600), st.lists(st.tuples(st.floats(0, 100), st.floats(0, 100)), max_size=5))
def test_remaining_is_presentation_minus_unpaused_time(run_for, pauses):
    """However the moderator pauses, remaining = length - time actually running."""
    clock, now, running = started(0.0), 0.0, 0.0
    for run, stop in pauses:
        now += run
        running += run
        clock = timer.pause(clock, now)
        now += stop
        clock = timer.resume(clock, now)
    now += run_for
    running += run_for
    assert timer.reading(T, clock, now).remaining_s == pytest.approx(420.0 - running, abs=1e-6)


def test_session_clock_never_goes_backwards():
    clock = timer.SessionClock()
    values = [clock() for _ in range(1000)]
    assert values == sorted(values)


@given(st.floats(-5000, 5000, allow_nan=False))
def test_the_clock_wakes_exactly_when_its_text_changes(remaining):
    from ikm_tui.domain.timer import countdown_text, seconds_until_change

    delay = seconds_until_change(remaining)
    assert 0 <= delay <= 1.0 + 1e-6
    shown = countdown_text(remaining)
    if delay > 2e-6:
        assert countdown_text(remaining - delay + 1e-6) == shown
    assert countdown_text(remaining - delay - 1e-6) != shown


def test_a_minute_added_before_the_start_lengthens_the_presentation():
    config = Timer(presentation_minutes=7, qa_minutes=3, warning_seconds=60)
    clock = timer.adjust(config, Clock(), 60)
    assert timer.reading(config, clock, 0).text == "08:00"
    started = timer.start(clock, 100.0)
    assert timer.reading(config, started, 130.0).text == "07:30"


def test_a_minute_taken_can_land_in_overtime_and_ending_the_phase_forgets_it():
    config = Timer(presentation_minutes=7, qa_minutes=3, warning_seconds=60)
    clock = timer.start(Clock(), 0.0)
    clock = timer.adjust(config, clock, -60)
    assert timer.reading(config, clock, 370.0).text == "+00:10"  # 6 minutes, 10 s over
    qa = timer.end_phase(config, clock, 370.0)
    assert qa.extra_s == 0 and timer.reading(config, qa, 370.0).text == "03:00"
    assert qa.banked_overtime_s == pytest.approx(10.0)


def test_time_cannot_be_taken_below_nothing_nor_added_once_over():
    config = Timer(presentation_minutes=1, qa_minutes=0, warning_seconds=10)
    clock = timer.start(Clock(), 0.0)
    with pytest.raises(TimerError):
        timer.adjust(config, clock, -120)
    over = timer.end_phase(config, clock, 5.0)
    with pytest.raises(TimerError):
        timer.adjust(config, over, 60)


@given(st.lists(st.sampled_from([60, -60]), max_size=12), st.floats(0, 900, allow_nan=False))
def test_each_minute_moves_the_remaining_time_by_exactly_a_minute(steps, at):
    config = Timer(presentation_minutes=7, qa_minutes=3, warning_seconds=60)
    clock = timer.start(Clock(), 0.0)
    applied = 0
    for step in steps:
        try:
            clock = timer.adjust(config, clock, step)
        except TimerError:
            assert 7 * 60 + applied + step < 0
            continue
        applied += step
    assert timer.reading(config, clock, at).remaining_s == pytest.approx(7 * 60 + applied - at)
