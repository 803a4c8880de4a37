"""Storage faults — a read-only file or folder, a full disk, a damaged file, a deleted -wal —
end with the file and the real cause (exit 2, never "unexpected error") and lose nothing
committed. Commands run as real processes on real files."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.domain.errors import InputError
from ikm_tui.domain.score_entry import SheetEntry
from ikm_tui.store.session import Store
from tests.conftest import event_toml

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "event"
    path.mkdir()
    (path / "config.toml").write_text(event_toml(judges=3, entrants=8), encoding="utf-8")
    return path


@contextmanager
def read_only(path: Path):
    """Make ``path`` (a file or a folder) unwritable for the commands run meanwhile: by its
    permissions, or — when the tests run as root, whom permissions do not stop — by marking it
    immutable (``chattr +i``)."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("running as root on a filesystem without immutable files")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def run(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ikm_tui", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def scored(folder: Path) -> Path:
    config = load_config(folder / "config.toml")
    with Store(config) as store:
        for entrant in ("E01", "E02"):
            store.scores.submit("J1", entrant, {c.id: Decimal("8") for c in config.criteria})
    return folder / "session.db"


def assert_intact(folder: Path, sheets: int = 2) -> None:
    with Store(load_config(folder / "config.toml")) as store:
        assert len(store.scores.all()) == sheets
    result = run(folder, "audit", "verify")
    assert result.returncode == 0, result.stdout + result.stderr


def assert_clean_refusal(result: subprocess.CompletedProcess, *expected: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr
    assert "unexpected" not in result.stderr and "Traceback" not in result.stderr


def test_a_read_only_file_is_named_as_such(folder):
    db = scored(folder)
    with read_only(db):
        result = run(folder, "queue", "call", "E03")
    assert_clean_refusal(result, str(db), "the file is read-only")
    assert_intact(folder)


def test_a_read_only_folder_is_named_as_such(folder):
    db = scored(folder)
    with read_only(folder):
        result = run(folder, "queue", "call", "E03")
    assert_clean_refusal(result, str(db), f"the folder {folder} is read-only")
    assert_intact(folder)


def test_a_full_disk_saves_nothing_of_the_action_and_keeps_everything_before(folder):
    """SQLite's own 'disk full' (SQLITE_FULL), made to happen with max_page_count."""
    scored(folder)
    config = load_config(folder / "config.toml")
    with Store(config) as store:
        pages = store.db.conn.execute("PRAGMA page_count").fetchone()[0]
        store.db.conn.execute(f"PRAGMA max_page_count = {pages}")
        long_reasons = [SheetEntry(j.id, "E08", None, "x" * 20_000) for j in config.judges]
        with pytest.raises(InputError) as full:
            store.scores.import_sheets(long_reasons, actor="import:big.csv")
    assert full.value.code == "db.disk_full" and full.value.place == str(folder / "session.db")
    assert_intact(folder)


def test_a_damaged_file_is_named_damaged_not_unexpected(folder):
    db = scored(folder)
    page = 4096
    with db.open("r+b") as f:  # every page after the header is garbage
        size = db.stat().st_size
        f.seek(page)
        f.write(os.urandom(size - page))
    result = run(folder, "leaderboard")
    assert_clean_refusal(result, str(db), "DAMAGED")


HOLDER = textwrap.dedent(
    """
    import os, signal, sys
    from decimal import Decimal
    from ikm_tui.domain.config import load_config
    from ikm_tui.store.session import Store
    config = load_config("config.toml")
    store = Store(config)
    def write(judge):
        for e in ("E05", "E06"):
            store.scores.submit(judge, e, {c.id: Decimal("9") for c in config.criteria})
        print("written", flush=True)
    write("J2")
    if sys.stdin.readline().strip() == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    write("J3")
    sys.stdin.readline()
    store.close()
    print("closed", flush=True)
    """
)


def start_holder(folder: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER],
        cwd=folder,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert holder.stdout.readline().strip() == "written"
    return holder


def test_a_wal_deleted_under_a_running_process_loses_nothing(folder):
    """The moderator's console still holds the deleted -wal: other commands refuse to open the
    file (they would see an older state); the console goes on and, closed normally, writes
    everything back."""
    db = scored(folder)
    holder = start_holder(folder)
    (folder / "session.db-wal").unlink()
    refused = run(folder, "leaderboard")
    assert_clean_refusal(refused, str(db), "session.db-wal is missing", "close it normally")
    holder.stdin.write("go on\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "written"
    holder.stdin.write("close\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "closed"
    assert holder.wait(timeout=30) == 0
    assert_intact(folder, sheets=6)


def test_a_wal_deleted_after_a_crash_is_refused_untouched(folder):
    """Killed with its last commits only in the -wal, which is then deleted: opening would
    silently show an older state; it is refused and the file left as it was."""
    db = scored(folder)
    holder = start_holder(folder)
    holder.stdin.write("die\n")
    holder.stdin.flush()
    assert holder.wait(timeout=30) == -signal.SIGKILL
    (folder / "session.db-wal").unlink()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for command in (["leaderboard"], ["audit", "verify"], ["queue", "call", "E03"]):
        result = run(folder, *command)
        assert_clean_refusal(result, "session.db-wal is missing", "delete session.db-shm too")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert (folder / "session.db-shm").exists()
