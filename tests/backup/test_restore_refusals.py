"""A copy that is not this event's whole, untampered session is refused: exit 2, nothing changed."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.backup.helpers import folder_state, session_with_scores
from tests.cli.cli_helpers import ikm


def good_copy(config_path: Path, target: Path) -> Path:
    done = ikm("backup", "-o", str(target), config=config_path)
    assert done.returncode == 0, done.stderr
    return target


def foreign(config_path: Path, target: Path) -> Path:
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    return target


def garbage_page(config_path: Path, target: Path) -> Path:
    good_copy(config_path, target)
    data = bytearray(target.read_bytes())
    page = 4096
    data[3 * page : 3 * page + 512] = bytes(range(256)) * 2  # one page of a table scribbled over
    target.write_bytes(bytes(data))
    return target


def truncated(config_path: Path, target: Path) -> Path:
    good_copy(config_path, target)
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


def newer(config_path: Path, target: Path) -> Path:
    good_copy(config_path, target)
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    return target


def tampered_log(config_path: Path, target: Path) -> Path:
    good_copy(config_path, target)
    conn = sqlite3.connect(target)
    conn.execute("DROP TRIGGER audit_append_only_update")
    conn.execute("UPDATE audit SET detail = replace(detail, '7', '9') WHERE seq = 2")
    conn.commit()
    conn.close()
    return target


def text_file(config_path: Path, target: Path) -> Path:
    target.write_text("not a database\n" * 100, encoding="utf-8")
    return target


BAD_COPIES = {
    "foreign": (foreign, "not an ikm-tui session database"),
    "damaged": (garbage_page, "DAMAGED"),
    "truncated": (truncated, "damaged"),
    "newer": (newer, "made by a newer ikm-tui (schema 99"),
    "tampered": (tampered_log, "audit log BROKEN: row #2"),
    "not sqlite": (text_file, "not an SQLite database file"),
}


@pytest.mark.parametrize("kind", sorted(BAD_COPIES))
@pytest.mark.parametrize("with_session", [True, False], ids=["session-exists", "fresh-laptop"])
def test_bad_copy_is_refused_and_nothing_changes(make_event, tmp_path, kind, with_session):
    make, expected = BAD_COPIES[kind]
    primary = make_event()
    session_with_scores(primary)
    stick = tmp_path / "stick"
    stick.mkdir()
    copy = make(primary, stick / "copy.db")
    config_path = primary
    if not with_session:
        standby = tmp_path / "standby"
        standby.mkdir()
        config_path = Path(shutil.copy(primary, standby / "config.toml"))
    here, there = folder_state(config_path.parent), folder_state(stick)
    for extra in ([], ["--event-from-copy"], ["--check"]):
        done = ikm("restore", str(copy), *extra, config=config_path)
        assert done.returncode == 2, (extra, done.stdout, done.stderr)
        assert str(copy) in done.stderr and expected in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
        assert folder_state(config_path.parent) == here
        assert folder_state(stick) == there


def test_another_events_copy_is_refused_unless_the_standby_laptop_takes_the_copys_event(make_event, tmp_path):
    ours = make_event(days=2)
    theirs = make_event(days=3)  # another event: other days
    session_with_scores(ours)
    session_with_scores(theirs)
    copy = good_copy(theirs, tmp_path / "theirs.db")
    before = folder_state(ours.parent)
    done = ikm("restore", str(copy), config=ours)
    assert done.returncode == 2
    assert "this copy belongs to another event" in done.stderr and "--event-from-copy" in done.stderr
    assert folder_state(ours.parent) == before


def test_missing_copy_is_named(make_event, tmp_path):
    config_path = make_event()
    session_with_scores(config_path)
    done = ikm("restore", str(tmp_path / "nope.db"), config=config_path)
    assert done.returncode == 2
    assert f"{tmp_path / 'nope.db'}: copy not found" in done.stderr


def test_restore_while_a_console_has_the_session_open_is_refused(make_event, tmp_path):
    config_path = make_event()
    db = session_with_scores(config_path)
    copy = good_copy(config_path, tmp_path / "copy.db")
    holder = sqlite3.connect(db)  # another process in spirit: a console or judge still running
    try:
        holder.execute("SELECT count(*) FROM score_sheet").fetchone()
        before = {p.name for p in db.parent.iterdir()}
        done = ikm("restore", str(copy), config=config_path)
        assert done.returncode == 2
        assert "the session database is open in another process" in done.stderr
        assert {p.name for p in db.parent.iterdir()} == before
    finally:
        holder.close()


def test_a_standby_laptop_whose_config_is_another_events_needs_event_from_copy(make_event, tmp_path):
    primary = make_event(days=2)
    session_with_scores(primary)
    copy = good_copy(primary, tmp_path / "copy.db")
    standby = tmp_path / "standby"
    standby.mkdir()
    text = primary.read_text(encoding="utf-8").replace('title = "Test Event"', 'title = "Lomba Lain"')
    text = text.replace('days = ["2022-06-14", "2022-06-15"]', 'days = ["2023-01-10", "2023-01-11"]')
    (standby / "config.toml").write_text(text, encoding="utf-8")
    before = folder_state(standby)
    refused = ikm("restore", str(copy), config=standby / "config.toml")
    assert refused.returncode == 2
    assert "this copy belongs to another event" in refused.stderr
    assert folder_state(standby) == before
    taken = ikm("restore", str(copy), "--event-from-copy", config=standby / "config.toml")
    assert taken.returncode == 0, taken.stderr
    assert "score sheets: 3" in taken.stdout
