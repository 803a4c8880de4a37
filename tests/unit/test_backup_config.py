"""``[backup]`` in config.toml, and how backup copies are named and pruned."""

from __future__ import annotations

import datetime as dt

import pytest

from ikm_tui.domain.backup_plan import copies_of, copy_name, stale_temps, taken_at, temp_name, to_prune
from ikm_tui.domain.config import load_config
from ikm_tui.domain.errors import InputError
from ikm_tui.i18n import Messages
from tests.conftest import event_toml

EN = Messages("en")


def load_with(tmp_path, backup: str):
    path = tmp_path / "config.toml"
    path.write_text(event_toml(extra="\n[backup]\n" + backup + "\n"), encoding="utf-8")
    return load_config(path)


def test_backup_folders_are_relative_to_the_config_and_every_change_is_the_default(tmp_path):
    config = load_with(tmp_path, 'to = ["usb/ikm", "/media/usb/ikm"]')
    assert config.backup is not None
    assert config.backup.targets[0] == tmp_path / "usb" / "ikm"
    assert str(config.backup.targets[1]) == "/media/usb/ikm"
    assert config.backup.every_minutes is None
    assert config.backup.keep == 20


def test_backup_on_an_interval(tmp_path):
    config = load_with(tmp_path, 'to = ["usb"]\nevery = 5\nkeep = 3')
    assert config.backup is not None
    assert (config.backup.every_minutes, config.backup.keep) == (5, 3)


def test_no_backup_section_means_no_backup(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(event_toml(), encoding="utf-8")
    assert load_config(path).backup is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'to = ["usb"]\nevery = "often"',
            "'backup.every' must be \"change\" | minutes (integer >= 1), got 'often'",
        ),
        ('to = ["usb"]\nevery = 0', "'backup.every' must be \"change\" | minutes (integer >= 1), got 0"),
        ('to = ["usb"]\nevery = true', "'backup.every' must be \"change\" | minutes"),
        ('to = ["usb"]\nkeep = 0', "'backup.keep' must be >= 1, got 0"),
        ('to = ["usb"]\nkeep = "20"', "'backup.keep' must be integer"),
        ('to = "usb"', "'backup.to' must be list of strings"),
        ("to = []", "'backup.to' must be one or more folders"),
        ('to = ["usb"]\nfolder = "x"', "unknown key 'backup.folder'"),
        ("every = 5", "key 'backup.to' is required"),
    ],
)
def test_bad_backup_settings_name_the_key_and_its_line(tmp_path, body, expected):
    with pytest.raises(InputError) as caught:
        load_with(tmp_path, body)
    message = caught.value.render(EN)
    assert expected in message
    assert str(tmp_path / "config.toml") in message


def test_copy_names_sort_in_time_order_and_say_when():
    early = dt.datetime(2022, 6, 15, 9, 5, 12, 3000)
    late = dt.datetime(2022, 6, 15, 14, 5, 12, 123000)
    names = [copy_name("ikm-session", late), copy_name("ikm-session", early)]
    assert copies_of("ikm-session", names) == [
        copy_name("ikm-session", early),
        copy_name("ikm-session", late),
    ]
    assert taken_at("ikm-session", copy_name("ikm-session", late)) == late
    assert copy_name("ikm-session", late) == "ikm-session-20220615-140512-123.db"


def test_pruning_keeps_the_newest_and_touches_nothing_else():
    stamps = [dt.datetime(2022, 6, 15, 14, 0, s) for s in range(5)]
    ours = [copy_name("ikm-session", s) for s in stamps]
    others = ["notes.txt", copy_name("other-event", stamps[0]), temp_name(ours[0]), "ikm-session.db"]
    assert to_prune("ikm-session", ours + others, keep=2) == ours[:3]
    assert to_prune("ikm-session", ours, keep=20) == []
    assert stale_temps("ikm-session", ours + others) == [temp_name(ours[0])]
