"""Copies taken while eight judges' processes save as fast as they can, then restored.

Each judge notes the instant every save was confirmed to it; each ``ikm-tui backup`` notes
the instant before it started. Every sheet confirmed before a copy started must be in that
copy with the judge's values, and a restore of it must pass ``audit verify``.
"""

from __future__ import annotations

import multiprocessing as mp
import shutil
import sqlite3
import subprocess
import sys
import time
import traceback
from decimal import Decimal
from pathlib import Path

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.store.copy import check_copy, session_event
from ikm_tui.store.session import Store
from tests.cli.cli_helpers import ikm

JUDGES = 8
ENTRANTS = 120
CRITERIA = ("inovasi", "produktivitas", "pasar")

pytestmark = pytest.mark.slow


def value_for(judge: str, entrant: str, criterion: str) -> Decimal:
    seed = sum(map(ord, judge + entrant + criterion))
    return Decimal(1) + Decimal(seed % 19) / 2


def judge_process(config_path: str, judge: str, start, results) -> None:
    confirmed: list[tuple[str, float]] = []
    errors: list[str] = []
    try:
        with Store(load_config(config_path)) as store:
            start.wait()
            for entrant in store.config.entrants:
                scores = {c: value_for(judge, entrant.id, c) for c in CRITERIA}
                store.scores.submit(judge, entrant.id, scores)
                confirmed.append((entrant.id, time.time()))  # "saved" is on screen now
    except Exception:  # noqa: BLE001 - reported and asserted on below
        errors.append(traceback.format_exc())
    results.put((judge, confirmed, errors))


def sheets_in(copy: Path) -> dict[tuple[str, str], dict[str, Decimal]]:
    conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        found: dict[tuple[str, str], dict[str, Decimal]] = {}
        for judge, entrant, criterion, value in conn.execute(
            "SELECT judge, entrant, criterion, value FROM score"
        ):
            found.setdefault((judge, entrant), {})[criterion] = Decimal(value)
        return found
    finally:
        conn.close()


def test_copies_during_eight_judges_writes_hold_every_confirmed_sheet_and_restore_verified(
    make_event, tmp_path
):
    config_path = make_event(judges=JUDGES, entrants=ENTRANTS)
    config = load_config(config_path)
    with Store(config):
        pass
    stick = tmp_path / "stick"
    stick.mkdir()
    ctx = mp.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    judges = [f"J{i}" for i in range(1, JUDGES + 1)]
    workers = [ctx.Process(target=judge_process, args=(str(config_path), j, start, results)) for j in judges]
    for worker in workers:
        worker.start()
    time.sleep(1.0)  # let every judge open the session
    start.set()
    copies: list[tuple[Path, float]] = []
    deadline = time.monotonic() + 240
    while any(w.is_alive() for w in workers) and time.monotonic() < deadline:
        target = stick / f"copy-{len(copies)}.db"
        began = time.time()
        done = subprocess.run(
            [sys.executable, "-m", "ikm_tui", "--config", str(config_path), "backup", "-o", str(target)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        copies.append((target, began))
    reports = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(30)
    assert all(not errors for _judge, _confirmed, errors in reports), reports
    total = JUDGES * ENTRANTS
    counts = [
        check_copy(path, config, event=session_event(config.event.database)).sheets for path, _ in copies
    ]
    assert any(0 < count < total for count in counts), counts  # copies really were taken mid-write

    for path, began in copies:
        held = sheets_in(path)
        for judge, confirmed, _errors in reports:
            for entrant, at in confirmed:
                if at < began:
                    assert held.get((judge, entrant)) == {
                        c: value_for(judge, entrant, c) for c in CRITERIA
                    }, f"{judge}/{entrant} confirmed before {path.name} but missing from it"

    middle, _ = copies[len(copies) // 2]
    standby = tmp_path / "standby"
    standby.mkdir()
    standby_config = Path(shutil.copy(config_path, standby / "config.toml"))
    restored = ikm("restore", str(middle), config=standby_config)
    assert restored.returncode == 0, restored.stderr
    verified = ikm("audit", "verify", config=standby_config)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    with Store(load_config(standby_config)) as store:
        assert (
            len(store.progress.matrix().sheets)
            == check_copy(middle, config, event=session_event(config.event.database)).sheets
        )
