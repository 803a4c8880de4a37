"""``kill -9`` in the middle of an import: the database is intact and unchanged."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
from tests.cli.cli_helpers import score_csv

pytestmark = pytest.mark.slow


def wal_size(db) -> int:
    wal = db.with_name(db.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_sigkill_during_import_loses_nothing_and_applies_nothing(make_event, tmp_path):
    # big enough that the import's transaction spills pages into the WAL long before it
    # commits (about a second at 3,000 x 9 sheets), so the kill below lands mid-transaction
    entrants, judges = 3000, 9
    config_path = make_event(judges=judges, entrants=entrants, prizes=[("P", 1, 1)])
    config = load_config(config_path)
    with Store(config) as store:  # a confirmed score that must survive
        store.scores.submit("J1", "E01", {c.id: 5 for c in config.criteria})
    db = config.event.database
    rows = [
        [f"J{j}", f"E{e:02d}", "8", "7", "9"] for e in range(2, entrants + 1) for j in range(1, judges + 1)
    ]
    csv_path = score_csv(
        tmp_path / "big.csv", ["judge", "entrant", "inovasi", "produktivitas", "pasar"], rows
    )

    killed_mid_write = False
    for _attempt in range(5):
        baseline = wal_size(db)
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "ikm_tui",
                "--config",
                str(config_path),
                "scores",
                "import",
                str(csv_path),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if wal_size(db) > baseline + 64 * 1024:  # the import's transaction is spilling pages
                os.kill(proc.pid, signal.SIGKILL)
                killed_mid_write = True
                break
            time.sleep(0.002)
        proc.wait(timeout=30)
        if killed_mid_write:
            break
    assert killed_mid_write, "the import finished before it could be killed mid-write"
    assert proc.returncode == -signal.SIGKILL

    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    with Store(config) as store:
        sheets = store.scores.all()
        assert [(s.judge, s.entrant) for s in sheets] == [("J1", "E01")]
        assert store.audit.verify().ok
        assert [e.action for e in store.audit.entries()] == [
            "session.create",
            "event.define",
            "session.seed_queue",
            "score.submit",
        ]
