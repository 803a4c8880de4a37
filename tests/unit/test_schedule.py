"""The day's plan and forecast: breaks, changeovers, running late or early, the day's end."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ikm_tui.domain import queue_rules as rules
from ikm_tui.domain import timer
from ikm_tui.domain.config import Timer
from ikm_tui.domain.queue_rules import Entry
from ikm_tui.domain.schedule import forecast_day, minutes_until_shown_change, plan_day
from ikm_tui.domain.schedule_config import Break, Schedule, clock_text

TIMER = Timer(presentation_minutes=7, qa_minutes=3, warning_seconds=60)  # 10-minute slots
LUNCH = Schedule(start=(8 * 60 + 30,), changeover_minutes=2, breaks=(Break(1, 720, 780, "ISHOMA"),))


def queue(count: int, day: int = 1) -> list[Entry]:
    return [Entry(f"E{i:02d}", day, i) for i in range(1, count + 1)]


def times(slots) -> list[tuple[str, str]]:
    return [(s.entrant or s.label, clock_text(s.start)) for s in slots]


def test_the_plan_runs_from_the_start_with_changeovers_and_keeps_clear_of_lunch():
    plan = plan_day(LUNCH, TIMER, 1, queue(8))
    assert times(plan) == [
        ("E01", "08:30"),
        ("E02", "08:42"),
        ("E03", "08:54"),
        ("E04", "09:06"),
        ("E05", "09:18"),
        ("E06", "09:30"),
        ("E07", "09:42"),
        ("E08", "09:54"),
        ("ISHOMA", "12:00"),
    ]


def test_a_presentation_that_would_run_into_lunch_starts_after_it():
    schedule = Schedule(start=(11 * 60 + 40,), changeover_minutes=2, breaks=LUNCH.breaks)
    plan = plan_day(schedule, TIMER, 1, queue(3))
    assert times(plan) == [("E01", "11:40"), ("ISHOMA", "12:00"), ("E02", "13:00"), ("E03", "13:12")]


def test_withdrawn_and_forfeited_entrants_have_no_slot_and_other_days_are_not_today():
    lineup = queue(3) + queue(2, day=2)[:0] + [Entry("E09", 2, 9)]
    lineup[1] = replace(lineup[1], status=rules.WITHDRAWN)
    assert [s.entrant for s in plan_day(LUNCH, TIMER, 1, lineup) if not s.is_break] == ["E01", "E03"]


def test_before_the_day_starts_the_forecast_is_the_plan():
    forecast = forecast_day(LUNCH, TIMER, 1, queue(3), None, now_minutes=8 * 60)
    assert forecast.late_minutes == 0
    assert clock_text(forecast.ends_at) == "09:04"
    assert clock_text(forecast.starts["E03"]) == "08:54"


def on_stage(lineup: list[Entry], index: int) -> list[Entry]:
    lineup = [replace(e, status=rules.DONE) if i < index else e for i, e in enumerate(lineup)]
    lineup[index] = replace(lineup[index], status=rules.ON_STAGE)
    return lineup


def test_running_over_makes_the_day_late_and_later():
    lineup = on_stage(queue(3), 1)  # E02 planned 08:42-08:52
    started = 8 * 60 + 42
    clock = timer.start(timer.Clock(), started * 60.0)
    now = started + 14  # 4 minutes over the presentation, Q&A still to come
    reading = timer.reading(TIMER, clock, now * 60.0)
    forecast = forecast_day(LUNCH, TIMER, 1, lineup, clock, now, reading)
    assert forecast.late_minutes == pytest.approx(7)  # ends 08:59 instead of 08:52
    assert clock_text(forecast.starts["E03"]) == "09:01"
    assert clock_text(forecast.ends_at) == "09:11"


def test_finishing_early_puts_the_day_ahead():
    lineup = on_stage(queue(3), 1)
    clock = timer.Clock(timer.OVER)  # E02 is done talking at 08:45, planned to 08:52
    forecast = forecast_day(LUNCH, TIMER, 1, lineup, clock, 8 * 60 + 45)
    assert forecast.late_minutes == pytest.approx(-7)
    assert clock_text(forecast.starts["E03"]) == "08:47"


def test_nobody_on_stage_after_the_start_the_next_one_is_late_by_the_wait():
    lineup = [replace(e, status=rules.DONE) if e.entrant == "E01" else e for e in queue(3)]
    forecast = forecast_day(LUNCH, TIMER, 1, lineup, None, 8 * 60 + 50)  # E02 was due 08:42
    assert forecast.late_minutes == pytest.approx(8)
    assert clock_text(forecast.ends_at) == "09:12"


def test_when_everyone_is_done_the_day_has_no_end_left():
    lineup = [replace(e, status=rules.DONE) for e in queue(2)]
    forecast = forecast_day(LUNCH, TIMER, 1, lineup, None, 10 * 60)
    assert forecast.ends_at is None and forecast.late_minutes == 0


breaks = st.lists(st.tuples(st.integers(9 * 60, 17 * 60), st.integers(5, 90)), max_size=3).map(
    lambda spans: tuple(
        Break(1, start, start + length, f"B{i}")
        for i, (start, length) in enumerate(sorted(spans))
        if all(not (start < s + n and start + length > s) for s, n in sorted(spans)[:i])
    )
)


@given(
    breaks,
    st.integers(0, 15),
    st.integers(1, 25),
    st.integers(7 * 60, 10 * 60),
    st.integers(1, 10),
    st.integers(0, 5),
)
def test_slots_never_overlap_a_break_or_each_other(pauses, changeover, count, start, talk, qa):
    schedule = Schedule((start,), changeover, pauses)
    config = Timer(talk, qa, 0)
    plan = plan_day(schedule, config, 1, queue(count))
    talks = [s for s in plan if not s.is_break]
    assert [s.entrant for s in talks] == [e.entrant for e in queue(count)]
    assert talks[0].start >= start
    for a, b in zip(talks, talks[1:]):
        assert b.start >= a.end + changeover
    for slot in talks:
        assert slot.end - slot.start == talk + qa
        assert all(not (slot.start < p.end and slot.end > p.start) for p in pauses)


@given(breaks, st.integers(0, 15), st.integers(2, 20), st.integers(0, 19))
def test_a_day_running_exactly_to_plan_is_neither_late_nor_early(pauses, changeover, count, index):
    index = min(index, count - 1)
    schedule = Schedule((8 * 60,), changeover, pauses)
    lineup = on_stage(queue(count), index)
    plan = plan_day(schedule, TIMER, 1, lineup)
    slot = next(s for s in plan if s.entrant == lineup[index].entrant)
    clock = timer.Clock()  # called on time, about to start
    forecast = forecast_day(schedule, TIMER, 1, lineup, clock, slot.start)
    assert forecast.late_minutes == pytest.approx(0)
    assert forecast.ends_at == pytest.approx(
        plan[-1].end if not plan[-1].is_break else max(s.end for s in plan if not s.is_break)
    )


def wait_for_change(lineup, clock, now: float) -> float | None:
    """Minutes until the forecast shown at ``now`` (minutes of the day) can read differently."""

    def forecast_at(minutes: float):
        reading = timer.reading(TIMER, clock, minutes * 60.0) if clock is not None else None
        return forecast_day(LUNCH, TIMER, 1, lineup, clock, minutes, reading)

    probe = 1 / 60
    return minutes_until_shown_change(LUNCH, 1, now, forecast_at(now), forecast_at(now + probe), probe)


def test_before_the_day_starts_nothing_moves_until_the_start():
    assert wait_for_change(queue(3), None, 8 * 60 + 20) == pytest.approx(10)


def test_nobody_on_stage_after_the_start_the_times_move_at_the_next_half_minute():
    # 08:45:10: every forecast time is "now + whole minutes"; 08:45:30 rounds up to 08:46
    assert wait_for_change(queue(3), None, 8 * 60 + 45 + 10 / 60) == pytest.approx(20 / 60)


def test_a_clock_running_within_its_time_moves_nothing_until_lunch_ends():
    lineup = on_stage(queue(3), 1)
    clock = timer.start(timer.Clock(), (8 * 60 + 42) * 60.0)
    # the clock's own once-a-second tick refreshes what follows it; the schedule wakes only
    # when the afternoon can start moving again
    assert wait_for_change(lineup, clock, 8 * 60 + 45) == pytest.approx(13 * 60 - (8 * 60 + 45))
    after_lunch = timer.start(timer.Clock(), (13 * 60 + 5) * 60.0)
    assert wait_for_change(lineup, after_lunch, 13 * 60 + 6) is None


def test_a_paused_clock_pushes_the_day_back_minute_by_minute():
    lineup = on_stage(queue(3), 1)
    started = (13 * 60 + 5) * 60.0
    clock = timer.pause(timer.start(timer.Clock(), started), started + 90.0)  # paused 13:06:30
    wait = wait_for_change(lineup, clock, 13 * 60 + 7)
    assert wait is not None and 0 < wait <= 1


def test_a_slot_jumping_past_lunch_right_now_is_looked_at_again_a_moment_later():
    # nobody on stage at 11:49:59.5: one second on, E01's 10-minute slot would touch lunch and
    # moves to 13:00; the forecast is asked again then, not at lunch's end
    lineup = queue(2)
    now = 11 * 60 + 49 + 59.5 / 60
    assert wait_for_change(lineup, None, now) == pytest.approx(1 / 60)
