"""Backups and restores, next to a plain ``shutil.copyfile`` of the same file in the same run.

Targets (issue 15):
* a backup after one change on the sample event: <= 50 ms of worker time (snapshot with the
  online backup API, write, fsync, check, rename, prune);
* the console's event loop never blocked > 5 ms by it: the longest the loop spends in the
  backup's own callbacks, and the loop's lag with and without ``[backup]`` while a judge
  process saves a sheet every 200 ms;
* restore of the 10,000 x 25 x 6 event: <= 3x (plain copy + verify).

    python benchmarks/backup.py [--entrants 10000] [--judges 25] [--skip-big]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from ikm_tui.backup.restore import restore  # noqa: E402
from ikm_tui.backup.service import TargetStatus  # noqa: E402
from ikm_tui.backup.writer import copy_to_folder  # noqa: E402
from ikm_tui.domain.config import load_config  # noqa: E402
from ikm_tui.store.copy import check_copy, session_event, snapshot  # noqa: E402
from ikm_tui.store.verify import verify as verify_record  # noqa: E402
from ikm_tui.store.session import Store  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def sample_session(folder: Path, backup_to: Path | None = None) -> Path:
    """The repo's sample event with every judge's sheet for the first day and a stage action."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (REPO / "config.toml").read_text(encoding="utf-8")
    if backup_to is not None:
        text += f'\n[backup]\nto = ["{backup_to}"]\n'
    config_path = folder / "config.toml"
    config_path.write_text(text, encoding="utf-8")
    config = load_config(config_path)
    with Store(config) as store:
        for entrant in config.entrants[:15]:
            for judge in config.judges:
                store.scores.submit(judge.id, entrant.id, {c.id: Decimal(7) for c in config.criteria})
        store.stage.next()
    return config_path


def one_change_backups(tmp: Path, rounds: int = 30) -> None:
    config_path = sample_session(tmp / "sample")
    config = load_config(config_path)
    db = config.event.database
    usb = tmp / "usb"
    usb.mkdir()
    event = session_event(db)
    plain, plain_sync, ours, snaps = [], [], [], []
    with Store(config) as store:
        for i in range(rounds):
            entrant = config.entrants[15 + i % 15].id
            store.scores.submit("J1", entrant, {c.id: Decimal(5 + i % 5) for c in config.criteria})
            start = time.perf_counter()
            shutil.copyfile(db, tmp / "plain.db")
            plain.append(time.perf_counter() - start)
            start = time.perf_counter()
            shutil.copyfile(db, tmp / "plain-sync.db")
            with open(tmp / "plain-sync.db", "rb+") as handle:
                os.fsync(handle.fileno())
            plain_sync.append(time.perf_counter() - start)
            start = time.perf_counter()
            image = snapshot(db)
            snaps.append(time.perf_counter() - start)
            copy_to_folder(image, usb, db.stem, 20, lambda path: check_copy(path, config, event=event))
            ours.append(time.perf_counter() - start)
    size = db.stat().st_size
    print(f"sample event session: {size / 1024:.0f} KiB, {rounds} rounds of one change + one copy")
    print(f"  plain shutil.copyfile             median {ms(statistics.median(plain))}  max {ms(max(plain))}")
    print(
        f"  plain copyfile + fsync            median {ms(statistics.median(plain_sync))}"
        f"  max {ms(max(plain_sync))}"
    )
    print(f"  snapshot (online backup API)      median {ms(statistics.median(snaps))}  max {ms(max(snaps))}")
    print(
        f"  backup worker time (all of it)    median {ms(statistics.median(ours))}  max {ms(max(ours))}"
        f"   ratio to plain copy {statistics.median(ours) / statistics.median(plain):5.1f}x,"
        f" to copy+fsync {statistics.median(ours) / statistics.median(plain_sync):4.2f}x  (target <= 50 ms)"
    )


JUDGE_SCRIPT = """
import sys, time
from decimal import Decimal
from ikm_tui.domain.config import load_config
from ikm_tui.store.session import Store
config = load_config(sys.argv[1])
with Store(config) as store:
    for i, entrant in enumerate(config.entrants[15:] * 4):
        store.scores.submit("J2", entrant.id, {c.id: Decimal(5 + i % 5) for c in config.criteria})
        time.sleep(0.2)
        if i >= int(sys.argv[2]):
            break
"""


def loop_lag(tmp: Path, with_backup: bool, seconds: float = 10.0) -> dict[str, float]:
    """Run the real moderator console headless while a judge process saves every 200 ms."""
    from ikm_tui.app.moderator import ModeratorApp

    name = "with" if with_backup else "without"
    usb = tmp / f"usb-{name}"
    usb.mkdir()
    config_path = sample_session(tmp / f"lag-{name}", usb if with_backup else None)
    store = Store(load_config(config_path))
    app = ModeratorApp(store)
    lags: list[float] = []
    in_callbacks: list[float] = []
    copies: list[float] = []

    def timed(function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                in_callbacks.append(time.perf_counter() - start)

        return wrapper

    async def run() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            if with_backup:
                app.backup.show = timed(app.backup.show)
                service = app.backup.service
                assert service is not None
                service.request = timed(service.request)
                original = service.on_status

                def seen(status: TargetStatus) -> None:
                    if status.ok:
                        copies.append(status.seconds)
                    original(status)

                service.on_status = seen
            judge = subprocess.Popen(
                [sys.executable, "-c", JUDGE_SCRIPT, str(config_path), str(int(seconds / 0.2))], cwd=REPO
            )
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                start = time.perf_counter()
                await asyncio.sleep(0.001)
                lags.append(time.perf_counter() - start - 0.001)
            judge.wait(30)
            await pilot.pause(0.1)

    asyncio.run(run())
    store.close()
    lags.sort()
    return {
        "p50": lags[len(lags) // 2],
        "p99": lags[int(len(lags) * 0.99)],
        "max": lags[-1],
        "callbacks_max": max(in_callbacks, default=0.0),
        "copies": len(copies),
        "copy_median": statistics.median(copies) if copies else 0.0,
    }


def event_loop(tmp: Path) -> None:
    without = loop_lag(tmp, with_backup=False)
    with_ = loop_lag(tmp, with_backup=True)
    print("moderator console's event loop, a judge saving every 200 ms for 10 s (lag of a 1 ms sleep):")
    for label, figures in (("without [backup]", without), ("with [backup]   ", with_)):
        print(f"  {label}  p50 {ms(figures['p50'])}  p99 {ms(figures['p99'])}  max {ms(figures['max'])}")
    print(
        f"  backup's own callbacks on the loop: longest {ms(with_['callbacks_max'])} (target <= 5 ms);"
        f" {with_['copies']:.0f} copies, median worker time {ms(with_['copy_median'])}"
    )


def big_restore(tmp: Path, entrants: int, judges: int) -> None:
    from foundation import write_event, write_scores

    folder = tmp / "big"
    folder.mkdir()
    config_path = write_event(folder, entrants, judges)
    csv_path, rows = write_scores(folder, entrants, judges)
    subprocess.run(
        [sys.executable, "-m", "ikm_tui", "--config", str(config_path), "scores", "import", str(csv_path)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    config = load_config(config_path)
    copy = tmp / "big-copy.db"
    copy.write_bytes(snapshot(config.event.database))
    size = copy.stat().st_size

    start = time.perf_counter()
    shutil.copyfile(copy, tmp / "plain-restore.db")
    plain = time.perf_counter() - start
    start = time.perf_counter()
    conn = sqlite3.connect(f"file:{tmp / 'plain-restore.db'}?mode=ro", uri=True)
    conn.execute("BEGIN")
    verdict = verify_record(conn, config)  # what ikm-tui audit verify proves
    conn.close()
    verify = time.perf_counter() - start
    assert verdict.ok, verdict.problem

    standby = tmp / "standby"
    standby.mkdir()
    shutil.copy(config_path, standby / "config.toml")
    shutil.copy(folder / "roster.csv", standby / "roster.csv")  # the event's files, not its session
    standby_config = load_config(standby / "config.toml")
    start = time.perf_counter()
    restore(copy, standby_config, standby_config.event.database)
    ours = time.perf_counter() - start
    print(f"restore of {entrants:,} x {judges} x 6 ({len(rows):,} sheets, {size / 2**20:.0f} MiB):")
    print(f"  plain copyfile                    {ms(plain)}")
    print(f"  audit verify of the copy          {ms(verify)}")
    print(
        f"  ikm-tui restore                   {ms(ours)}   ratio {ours / (plain + verify):4.2f}x"
        " of plain copy + verify (target <= 3x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entrants", type=int, default=10_000)
    parser.add_argument("--judges", type=int, default=25)
    parser.add_argument("--skip-big", action="store_true", help="only the sample-event figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        one_change_backups(Path(tmp))
        event_loop(Path(tmp))
        if not args.skip_big:
            big_restore(Path(tmp), args.entrants, args.judges)


if __name__ == "__main__":
    main()
