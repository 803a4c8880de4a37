"""The README's "Laptop rusak? Pindah ke laptop cadangan", followed line by line.

The primary laptop runs the real console with backups to a stick while judges save, the panel
finalises, and then the whole session is killed with ``kill -9``. The README's block runs in a
shell on another folder (the standby laptop); the event must come back with every sheet saved
before the last copy, the same result digest, ``audit verify`` passing, and the stage where
it was.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from ikm_tui.app.moderator import ModeratorApp
from ikm_tui.app.stage.on_stage import OnStagePanel
from ikm_tui.domain.backup_plan import taken_at
from ikm_tui.domain.config import Config, load_config
from ikm_tui.store.copy import check_copy, session_event
from ikm_tui.store.session import Store
from tests.backup.console_pty import ConsoleInPty
from tests.cli.cli_helpers import ikm
from tests.conftest import REPO
from tests.functional.waiting import until

pytestmark = pytest.mark.slow


def readme_block() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("### Laptop rusak? Pindah ke laptop cadangan", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.DOTALL)
    assert block, "the README section lost its commands"
    return block.group(1).splitlines()


def newest_copy(stick: Path) -> Path | None:
    copies = sorted(stick.glob("ikm-session-*.db"))
    return copies[-1] if copies else None


def wait_for_copy(stick: Path, config: Config, test, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        copy = newest_copy(stick)
        if copy is not None:
            facts = check_copy(copy, config, event=session_event(config.event.database))
            if test(facts):
                return copy, facts
        time.sleep(0.1)
    raise AssertionError("the console never copied that state to the stick")


async def test_kill_9_then_the_readme_procedure_on_another_folder_resumes_the_event(make_event, tmp_path):
    stick = tmp_path / "usb" / "ikm"
    stick.mkdir(parents=True)
    config_path = make_event(judges=3, entrants=8, extra=f'\n[backup]\nto = ["{stick}"]\n')
    text = config_path.read_text(encoding="utf-8")  # the database named as the sample event names it
    config_path.write_text(text.replace('database = "session.db"', 'database = "ikm-session.db"'), "utf-8")
    config = load_config(config_path)
    shutil.copy(config_path, stick / "config.toml")  # "keep a copy of config.toml on the stick"

    console = ConsoleInPty(config_path)
    try:
        wait_for_copy(stick, config, lambda facts: True)
        time.sleep(0.5)
        console.send("\r")  # "who is at the keyboard?": the name offered
        time.sleep(0.5)
        console.send("n")  # E01 on stage ...
        wait_for_copy(stick, config, lambda facts: facts.on_stage == "E01")
        console.send(" ")  # ... and the timer runs
        confirmed: dict[tuple[str, str], float] = {}
        with Store(config) as judges:  # every judge scores everyone, distinct totals: no ties
            for index, entrant in enumerate(config.entrants):
                for judge in config.judges:
                    value = Decimal(2) + Decimal(index) / 2
                    judges.scores.submit(judge.id, entrant.id, {c.id: value for c in config.criteria})
                    confirmed[(judge.id, entrant.id)] = time.time()
        finalised = ikm("finalise", config=config_path)
        assert finalised.returncode == 0, finalised.stderr
        with Store(config) as store:
            digest = store.results.frozen().digest
            timer_started = store.stage.state().clock.started_at
        assert timer_started is not None
        last, facts = wait_for_copy(stick, config, lambda facts: facts.finalised)
    finally:
        console.kill_9()  # the laptop dies: no clean shutdown, no last copy
        console.close()
    assert facts.sheets == len(confirmed)

    home = tmp_path / "standby-home"
    home.mkdir()
    lines = readme_block()
    assert lines[0].startswith("STICK=") and lines[-1].split("#")[0].strip() == "ikm-tui"
    script = "\n".join([f'STICK="{stick}"', *lines[1:-1]])  # the console itself is opened below
    env = {
        **os.environ,
        "HOME": str(home),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    ran = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "results: FINALISED" in ran.stdout and "score sheets: 24 (from 3 judges)" in ran.stdout
    assert "record verified" in ran.stdout

    standby = load_config(home / "ikm" / "config.toml")
    copy_time = taken_at("ikm-session", last.name)
    assert copy_time is not None
    with Store(standby) as store:
        matrix = store.progress.matrix().sheets
        for pair, at in confirmed.items():
            if at < copy_time.timestamp():
                assert pair in matrix, f"{pair} was saved before the last copy but is missing"
        assert store.results.frozen().digest == digest  # the berita acara's digest, unchanged
        state = store.stage.state()
        assert state.entrant == "E01" and state.clock.started_at == timer_started

    with Store(standby) as store:  # the console opens on the restored session, stage as it was
        app = ModeratorApp(store)
        async with app.run_test(size=(120, 36)) as pilot:
            panel = app.screen.query_one(OnStagePanel)
            await until(pilot, lambda: "Owner 1" in str(panel.render()) or bool(panel.query("*")))
            names = " ".join(str(w.render()) for w in panel.query("Static"))
            assert "Owner 1" in names
