"""Exported files as a person finds them in the folder: where they land, their permissions, and
no temporary files left behind by an interrupted export."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from ikm_tui.cli import main
from ikm_tui.export.atomic import write_bytes_atomically

FORMATS = ("csv", "json", "xlsx", "pdf")


@pytest.fixture
def event(make_event):
    return make_event(judges=3, entrants=8)


def test_a_folder_that_does_not_exist_is_created_and_each_format_lands_in_it(event, tmp_path):
    out = tmp_path / "hasil" / "hari-2"
    for fmt in FORMATS:
        assert main(["--config", str(event), "export", "-f", fmt, "-o", f"{out}/"]) == 0
    assert sorted(p.suffix for p in out.iterdir()) == [".csv", ".json", ".pdf", ".xlsx"]


def test_a_name_without_extension_is_a_folder_too(event, tmp_path):
    for fmt in ("csv", "json"):
        assert main(["--config", str(event), "export", "-f", fmt, "-o", str(tmp_path / "results")]) == 0
    assert sorted(p.suffix for p in (tmp_path / "results").iterdir()) == [".csv", ".json"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_exported_files_get_the_usual_permissions(event, tmp_path, fmt):
    previous = os.umask(0o022)
    try:
        assert main(["--config", str(event), "export", "-f", fmt, "-o", str(tmp_path / f"r.{fmt}")]) == 0
    finally:
        os.umask(previous)
    assert (tmp_path / f"r.{fmt}").stat().st_mode & 0o777 == 0o644


def test_a_temp_file_left_by_a_killed_export_is_swept_by_the_next(tmp_path):
    stale = tmp_path / ".r.csv.ikm-0badf00d.tmp"
    stale.write_text("half")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".other.csv.ikm-12345678.tmp"  # another export, still running
    fresh.write_text("busy")
    write_bytes_atomically(tmp_path / "r.csv", b"whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.csv.ikm-12345678.tmp", "r.csv"]


@pytest.mark.slow
def test_sigterm_during_an_export_leaves_no_temporary_file(make_event, tmp_path):
    config = make_event(judges=3, entrants=3000)
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "ikm_tui", "--config", str(config), "export", "-f", "pdf", "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not any(".ikm-" in p.name for p in out.iterdir()):  # the export is writing now
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no temporary file appeared"
        time.sleep(0.01)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert list(out.iterdir()) == []
    assert "Traceback" not in err


def test_an_interrupt_the_instant_the_temporary_file_appears_leaves_nothing(tmp_path, monkeypatch):
    """Python runs a signal handler right after the call that created the temporary file, before
    the writer holds its name: that instant too must clean up (seen under a loaded machine)."""
    real_close = os.close

    def close_then_interrupt(fd: int) -> None:
        real_close(fd)
        monkeypatch.setattr(os, "close", real_close)
        raise KeyboardInterrupt  # what a Ctrl-C or our SIGTERM handler raises at this point

    monkeypatch.setattr(os, "close", close_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_bytes_atomically(tmp_path / "out.csv", b"x")
    assert list(tmp_path.iterdir()) == []


def test_leaderboard_into_a_closed_pipe_ends_quietly(make_event):
    config = make_event(judges=3, entrants=2000)  # far more than a pipe's buffer
    for args in (["leaderboard"], ["leaderboard", "--json"]):
        proc = subprocess.Popen(
            [sys.executable, "-m", "ikm_tui", "--config", str(config), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        proc.stdout.read(100)  # like `| head`: read a little, then hang up
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 141
        assert err == ""
