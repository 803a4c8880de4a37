"""``kill -9`` of the moderator console in the middle of writing a backup copy.

The session loses nothing confirmed, the backup folder holds only whole copies under final
names (a killed copy leaves at most a dot-named temp file), and backing up works again at once.
"""

from __future__ import annotations

import threading
import time
from decimal import Decimal

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.store.copy import check_copy, session_event
from ikm_tui.store.session import Store
from tests.backup.console_pty import ConsoleInPty
from tests.cli.cli_helpers import ikm, score_csv

pytestmark = pytest.mark.slow


def test_sigkill_during_a_backup_loses_nothing_and_leaves_only_whole_copies(make_event, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    entrants, judges = 400, 9
    config_path = make_event(
        judges=judges, entrants=entrants, prizes=[("P", 1, 1)], extra=f'\n[backup]\nto = ["{usb}"]\n'
    )
    config = load_config(config_path)
    rows = [
        [f"J{j}", f"E{e:02d}", "8", "7", "9"] for e in range(2, entrants + 1) for j in range(2, judges + 1)
    ]
    imported = ikm(
        "scores",
        "import",
        str(score_csv(tmp_path / "big.csv", ["judge", "entrant", "inovasi", "produktivitas", "pasar"], rows)),
        config=config_path,
    )
    assert imported.returncode == 0, imported.stderr  # a session of a few MB: copies take a while

    confirmed: list[str] = []
    stop = threading.Event()

    def judge_one() -> None:  # judge J1 keeps saving while the console copies
        with Store(config) as store:
            for entrant in config.entrants:
                if stop.is_set():
                    return
                store.scores.submit("J1", entrant.id, {c.id: Decimal(6) for c in config.criteria})
                confirmed.append(entrant.id)
                time.sleep(0.03)

    judge = threading.Thread(target=judge_one)
    killed_mid_copy = False
    attempts = 0
    judge.start()
    try:
        while not killed_mid_copy and attempts < 5:
            attempts += 1
            console = ConsoleInPty(config_path)
            try:
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline and console.process.poll() is None:
                    if any(p.name.endswith(".tmp") for p in usb.iterdir()):
                        console.kill_9()
                        killed_mid_copy = True
                        break
                    time.sleep(0.0005)
            finally:
                console.close()
    finally:
        stop.set()
        judge.join(30)
    assert killed_mid_copy, "never caught the console writing a copy"

    verified = ikm("audit", "verify", config=config_path)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    with Store(config) as store:
        saved = {entrant for (j, entrant) in store.progress.matrix().sheets if j == "J1"}
    assert set(confirmed) <= saved
    finals = [p for p in usb.iterdir() if not p.name.startswith(".")]
    for copy in finals:
        # raises if any final name holds a half copy
        check_copy(copy, config, event=session_event(config.event.database))
    assert all(p.name.endswith(".db") for p in finals)

    again = ikm("backup", config=config_path)
    assert again.returncode == 0, again.stderr
    newest = sorted(p for p in usb.iterdir() if not p.name.startswith("."))[-1]
    assert check_copy(newest, config, event=session_event(config.event.database)).sheets == len(rows) + len(
        saved
    )
