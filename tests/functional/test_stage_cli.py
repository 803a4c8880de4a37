"""``ikm-tui queue``: the stage's queue for staff without a terminal UI."""

from __future__ import annotations

import getpass
import subprocess
import sys

import pytest

from ikm_tui.cli import main
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store


@pytest.fixture
def event(make_event):
    return make_event(judges=3, entrants=6, language="en")


def test_the_queue_names_its_days_the_way_indonesian_readers_write_dates(make_event, capsys):
    event = make_event(judges=3, entrants=6, language="id")
    assert main(["--config", str(event), "queue"]) == 0
    out = capsys.readouterr().out
    assert "14 Juni 2022" in out and "15 Juni 2022" in out and "2022-06-14" not in out


def queue(event, *args) -> int:
    return main(["--config", str(event), "queue", *args])


def test_listing_shows_days_statuses_and_overtime(event, capsys):
    assert queue(event) == 0
    out = capsys.readouterr().out
    assert "Day 1 — 14 June 2022" in out and "Day 2 — 15 June 2022" in out
    assert out.count("waiting") == 6
    with Store(load_config(event)) as store:
        store.stage.next()
    assert queue(event, "--day", "1") == 0
    out = capsys.readouterr().out
    assert "On stage: E01 (ready, 07:00)" in out
    assert "Day 2" not in out


def test_actions_are_audited_as_the_person_and_undoable(event, capsys):
    assert queue(event, "no-show", "E02", "--by", "Sari") == 0
    assert "no-show ×1 — called again later" in capsys.readouterr().out
    assert queue(event, "--by", "Budi", "move", "E03", "--day", "2") == 0
    assert queue(event, "withdraw", "E01") == 0
    assert queue(event, "undo") == 0
    assert "undone: withdraw E01" in capsys.readouterr().out
    with Store(load_config(event)) as store:
        statuses = store.queue.statuses()
        actors = [e.actor for e in store.audit.entries() if e.action.startswith("queue.")]
    assert (statuses["E01"], statuses["E02"], statuses["E03"]) == ("waiting", "no_show", "moved")
    assert actors == ["Sari", "Budi", getpass.getuser(), getpass.getuser()]  # --by, else the OS user


def test_bad_input_names_the_problem_and_changes_nothing(event, capsys):
    assert queue(event, "withdraw", "E99") == 2
    assert "unknown entrant 'E99'" in capsys.readouterr().err
    assert queue(event, "move", "E01", "--day", "5") == 2
    assert "there is no day 5" in capsys.readouterr().err
    assert queue(event, "undo") == 2
    with Store(load_config(event)) as store:
        assert set(store.queue.statuses().values()) == {"waiting"}


def test_next_from_another_process(event):
    """The console's 'next' as a real separate process on the same file."""
    result = subprocess.run(
        [sys.executable, "-m", "ikm_tui", "--config", str(event), "queue", "next"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    with Store(load_config(event)) as store:
        assert store.stage.current() == "E01"
