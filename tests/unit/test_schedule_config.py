"""``[schedule]`` in config.toml: optional, and checked as strictly as the rest."""

from __future__ import annotations

import pytest

from ikm_tui.domain import definition
from ikm_tui.domain.config import load_config
from ikm_tui.domain.errors import InputError
from ikm_tui.domain.schedule_config import Break
from ikm_tui.i18n import Messages
from tests.conftest import event_toml

EN = Messages("en")
GOOD = """
[schedule]
start = ["08:30", "09:00"]
changeover_minutes = 2
breaks = [{ day = 1, from = "12:00", to = "13:00", label = "ISHOMA" },
          { day = 2, from = "10:00", to = "10:15", label = "Rehat kopi" }]
"""


def load(tmp_path, extra: str):
    path = tmp_path / "config.toml"
    path.write_text(event_toml(extra=extra), encoding="utf-8")
    return load_config(path)


def error_for(tmp_path, extra: str) -> str:
    with pytest.raises(InputError) as info:
        load(tmp_path, extra)
    return info.value.render(EN)


def test_without_a_schedule_there_is_none(tmp_path):
    assert load(tmp_path, "").schedule is None


def test_the_schedule_in_minutes_after_midnight(tmp_path):
    schedule = load(tmp_path, GOOD).schedule
    assert schedule.start == (510, 540) and schedule.changeover_minutes == 2
    assert schedule.breaks == (Break(1, 720, 780, "ISHOMA"), Break(2, 600, 615, "Rehat kopi"))


def test_the_schedule_is_part_of_the_recorded_definition(tmp_path):
    config = load(tmp_path, GOOD)
    body = definition.to_json(definition.encode(config))
    back = definition.decode(__import__("json").loads(body), path=config.path, database=config.event.database)
    assert back.schedule == config.schedule and back == config


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ('[schedule]\nstart = ["08:30"]\n', "'schedule.start' must be 2 times"),
        ('[schedule]\nstart = ["8.30", "08:30"]\n', "'schedule.start[1]' must be a time HH:MM"),
        ('[schedule]\nstart = ["08:30", "25:00"]\n', "'schedule.start[2]' must be a time HH:MM"),
        ('[schedule]\nstart = ["08:30", "08:30"]\nlunch = 1\n', "unknown key 'schedule.lunch'"),
        ("[schedule]\nchangeover_minutes = 2\n", "schedule.start"),
        (
            '[schedule]\nstart = ["08:30", "08:30"]\nchangeover_minutes = -1\n',
            "'schedule.changeover_minutes'",
        ),
        (
            '[schedule]\nstart = ["08:30", "08:30"]\nbreaks = [{ day = 3, from = "12:00", to = "13:00", label = "X" }]\n',
            "'schedule.breaks[1].day' must be 1..2",
        ),
        (
            '[schedule]\nstart = ["08:30", "08:30"]\nbreaks = [{ day = 1, from = "13:00", to = "12:00", label = "X" }]\n',
            "'schedule.breaks[1].to' must be after 13:00",
        ),
        (
            '[schedule]\nstart = ["08:30", "08:30"]\nbreaks = [{ day = 1, from = "12:00", to = "13:00" }]\n',
            "schedule.breaks[1].label",
        ),
        (
            '[schedule]\nstart = ["08:30", "08:30"]\nbreaks = [{ day = 1, from = "12:00", to = "13:00", label = "X", hall = 2 }]\n',
            "unknown key 'schedule.breaks[1].hall'",
        ),
        (
            '[schedule]\nstart = ["08:30", "08:30"]\nbreaks = [{ day = 1, from = "12:00", to = "13:00", label = "A" },'
            ' { day = 1, from = "12:30", to = "12:45", label = "B" }]\n',
            "'schedule.breaks[2].from' must be not before 13:00",
        ),
    ],
)
def test_a_bad_schedule_is_refused_naming_the_key(tmp_path, extra, expected):
    message = error_for(tmp_path, extra)
    assert expected in message, message
    assert "config.toml" in message
