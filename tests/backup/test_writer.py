"""A copy is either whole, checked and under its final name, or not there at all."""

from __future__ import annotations

import os
from collections import Counter
import random
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ikm_tui.backup import writer
from ikm_tui.backup.writer import TargetProblem, copy_to_folder
from ikm_tui.domain.config import load_config
from ikm_tui.store.copy import CopyFacts, check_copy, session_event, snapshot
from tests.backup.helpers import session_with_scores


@pytest.fixture
def image_and_check(make_event) -> tuple[bytes, Callable[[Path], CopyFacts]]:
    """A session's image, and the check every copy of it must pass."""
    config_path = make_event()
    db = session_with_scores(config_path)
    config, event = load_config(config_path), session_event(db)
    return snapshot(db), lambda path: check_copy(path, config, event=event)


def finals(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


def test_folder_pulled_between_write_and_rename_leaves_no_file_under_the_final_name(
    image_and_check, tmp_path, monkeypatch
):
    image, check = image_and_check
    usb = tmp_path / "usb"
    usb.mkdir()
    real_fsync = os.fsync

    def pull_the_stick(fd: int) -> None:
        real_fsync(fd)
        shutil.rmtree(usb)  # gone mid-copy ...
        usb.mkdir()  # ... and plugged back in at once, empty

    monkeypatch.setattr(writer.os, "fsync", pull_the_stick)
    with pytest.raises(TargetProblem) as caught:
        copy_to_folder(image, usb, "session", 20, check)
    assert caught.value.kind in ("failed", "bad_copy", "missing")
    assert list(usb.iterdir()) == []


def test_a_folder_that_comes_and_goes_during_many_copies_only_ever_holds_whole_copies(
    image_and_check, tmp_path
):
    image, check = image_and_check
    usb = tmp_path / "usb"
    usb.mkdir()
    stop = threading.Event()
    outcomes: list[str] = []

    def flapping_stick() -> None:
        dice = random.Random(15)
        while not stop.is_set():
            shutil.rmtree(usb, ignore_errors=True)
            time.sleep(dice.uniform(0, 0.005))
            usb.mkdir(exist_ok=True)
            time.sleep(dice.uniform(0, 0.05))

    flapper = threading.Thread(target=flapping_stick)
    flapper.start()
    try:
        deadline = time.monotonic() + 30
        pace = random.Random(16)
        while time.monotonic() < deadline and not (
            outcomes.count("ok") >= 10 and len(outcomes) - outcomes.count("ok") >= 10
        ):
            try:
                copy_to_folder(image, usb, "session", 1000, check)
                outcomes.append("ok")
            except TargetProblem as problem:
                outcomes.append(problem.kind)
            time.sleep(pace.uniform(0, 0.01))
    finally:
        stop.set()
        flapper.join(10)
    usb.mkdir(exist_ok=True)
    assert "ok" in outcomes and set(outcomes) - {"ok"}, Counter(outcomes)  # both happened
    assert set(outcomes) <= {"ok", "missing", "failed", "bad_copy"}
    for copy in finals(usb):
        assert check(copy).sheets == 3  # every file under a final name is whole


def test_a_full_disk_is_reported_as_full_and_leaves_no_temp_file(image_and_check, tmp_path, monkeypatch):
    image, check = image_and_check
    usb = tmp_path / "usb"
    usb.mkdir()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer.os, "fsync", disk_full)
    with pytest.raises(TargetProblem) as caught:
        copy_to_folder(image, usb, "session", 20, check)
    assert caught.value.kind == "full"
    assert list(usb.iterdir()) == []


def test_a_missing_folder_is_never_created(image_and_check, tmp_path):
    image, check = image_and_check
    usb = tmp_path / "media" / "usb"
    with pytest.raises(TargetProblem) as caught:
        copy_to_folder(image, usb, "session", 20, check)
    assert caught.value.kind == "missing"
    assert not usb.parent.exists()
