"""``ikm-tui backup`` and ``ikm-tui restore`` as staff run them."""

from __future__ import annotations

import shutil
import sqlite3

from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.backup.helpers import folder_state, session_with_scores
from tests.cli.cli_helpers import ikm


def test_backup_to_a_file_then_restore_it_keeps_the_old_session_aside(make_event, tmp_path):
    config_path = make_event()
    db = session_with_scores(config_path)
    copy = tmp_path / "copy.db"
    done = ikm("backup", "-o", str(copy), config=config_path)
    assert done.returncode == 0, done.stderr
    assert f"backup written and checked: {copy}" in done.stdout
    assert "changes" in done.stdout and "3 score sheets, not finalised" in done.stdout
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*"))

    with Store(load_config(config_path)) as store:  # the session moves on after the copy
        store.scores.submit("J1", "E08", {"inovasi": 1, "produktivitas": 1, "pasar": 1})
    restored = ikm("restore", str(copy), config=config_path)
    assert restored.returncode == 0, restored.stderr
    assert "score sheets: 3 (from 3 judges)" in restored.stdout
    assert "results: not finalised" in restored.stdout
    assert "on stage: E01" in restored.stdout
    aside = [p for p in db.parent.iterdir() if "before-restore" in p.name]
    assert len(aside) == 1
    with Store(load_config(config_path)) as store:
        assert store.scores.sheet("J1", "E08") is None  # the copy's state, not the later one
        assert store.scores.sheet("J1", "E01") is not None
        assert store.audit.verify().ok
    old = sqlite3.connect(aside[0])
    try:  # the previous session, whole, WAL folded in: its last sheet is still there
        assert old.execute("SELECT count(*) FROM score_sheet WHERE entrant = 'E08'").fetchone()[0] == 1
    finally:
        old.close()


def test_backup_without_o_goes_to_every_configured_folder_and_keeps_the_newest(make_event, tmp_path):
    usb1, usb2 = tmp_path / "usb1", tmp_path / "usb2"
    usb1.mkdir()
    usb2.mkdir()
    config_path = make_event(extra=f'\n[backup]\nto = ["{usb1}", "{usb2}"]\nkeep = 2\n')
    session_with_scores(config_path)
    for _ in range(3):
        done = ikm("backup", config=config_path)
        assert done.returncode == 0, done.stderr
    for folder in (usb1, usb2):
        names = sorted(p.name for p in folder.iterdir())
        assert len(names) == 2 and all(n.startswith("session-") and n.endswith(".db") for n in names)


def test_backup_to_a_missing_folder_says_so_and_creates_nothing(make_event, tmp_path):
    usb = tmp_path / "media" / "usb"
    config_path = make_event(extra=f'\n[backup]\nto = ["{usb}"]\n')
    session_with_scores(config_path)
    done = ikm("backup", config=config_path)
    assert done.returncode == 2
    assert f"{usb}: not found (USB stick pulled?)" in done.stderr
    assert not usb.exists() and not usb.parent.exists()


def test_backup_before_any_session_exists_is_refused(make_event):
    config_path = make_event()
    done = ikm("backup", "-o", "x.db", config=config_path)
    assert done.returncode == 2
    assert "there is no session database yet" in done.stderr


def test_restore_check_only_changes_nothing(make_event, tmp_path):
    config_path = make_event()
    db = session_with_scores(config_path)
    copy = tmp_path / "copy.db"
    assert ikm("backup", "-o", str(copy), config=config_path).returncode == 0
    before = folder_state(db.parent)
    checked = ikm("restore", str(copy), "--check", config=config_path)
    assert checked.returncode == 0, checked.stderr
    assert "Checked only (--check): nothing was changed." in checked.stdout
    assert folder_state(db.parent) == before


def test_restore_on_a_standby_laptop_that_has_only_the_config(make_event, tmp_path):
    primary = make_event()
    session_with_scores(primary)
    copy = tmp_path / "stick" / "copy.db"
    copy.parent.mkdir()
    assert ikm("backup", "-o", str(copy), config=primary).returncode == 0
    standby = tmp_path / "standby"
    standby.mkdir()
    shutil.copy(primary, standby / "config.toml")
    done = ikm("restore", str(copy), config=standby / "config.toml")
    assert done.returncode == 0, done.stderr
    assert "previous session" not in done.stdout  # there was none
    with Store(load_config(standby / "config.toml")) as store:
        assert len(store.progress.matrix().sheets) == 3
        assert store.audit.verify().ok
