"""How long ``ikm-tui audit verify`` takes on the 10,000 x 25 x 6 event, next to a bare read.

The event is built as in ``benchmarks/foundation.py`` (every sheet imported through the CLI,
audited in score.import rows), then finalised, so verify runs every check: SQLite's integrity check,
the hash chain, replaying the log against the live tables, and the frozen result against the
replayed scores. The baseline is a bare sqlite3 read of the same tables (audit, score_sheet,
score, finalisation) in the same run, plus a bare ``PRAGMA integrity_check``.

    python benchmarks/verify.py [--entrants 10000] [--judges 25]
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
import resource
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.foundation import CRITERIA, timed_cli, write_event, write_scores  # noqa: E402


def bare_read(db: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    for table in ("audit", "score_sheet", "score", "finalisation"):
        conn.execute(f"SELECT * FROM {table}").fetchall()
    conn.close()
    return time.perf_counter() - start


def bare_integrity(db: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entrants", type=int, default=10_000)
    parser.add_argument("--judges", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        config = write_event(folder, args.entrants, args.judges)
        csv_path, rows = write_scores(folder, args.entrants, args.judges)
        print(
            f"event: {args.entrants} entrants x {args.judges} judges x {len(CRITERIA)} criteria"
            f" = {len(rows):,} score sheets"
        )
        timed_cli("--config", str(config), "scores", "import", str(csv_path))
        finalise = subprocess.run(
            [sys.executable, "-m", "ikm_tui", "--config", str(config), "finalise", "--override", "bench"],
            capture_output=True,
            text=True,
        )
        if finalise.returncode != 0:  # random scores may tie on a prize line: the panel decides
            print("finalise:", finalise.stderr.strip()[:200])
        db = folder / "bench.db"
        startup = min(timed_cli("--version") for _ in range(3))
        read = min(bare_read(db) for _ in range(3))
        check = min(bare_integrity(db) for _ in range(3))
        cli = min(timed_cli("--config", str(config), "audit", "verify") for _ in range(2))

        from ikm_tui.domain.config import load_config
        from ikm_tui.store.session import Store
        from ikm_tui.store.verify import verify

        with Store(load_config(config)) as store:
            start = time.perf_counter()
            with store.db.reading() as conn:
                verdict = verify(conn, store.config)
            in_process = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # this process ran only verify
        assert verdict.ok, verdict.problem
        print(f"audit rows verified:                {verdict.rows:10,}")
        print(f"bare read of the same tables:       {read * 1000:8.0f} ms")
        print(f"bare PRAGMA integrity_check:        {check * 1000:8.0f} ms")
        print(f"baseline (read + integrity):        {(read + check) * 1000:8.0f} ms")
        print(
            f"verify in-process:                  {in_process * 1000:8.0f} ms"
            f"   ratio {in_process / (read + check):5.2f}x the baseline,"
            f" peak RSS {peak:6.0f} MiB"
        )
        print(
            f"ikm-tui audit verify (CLI):         {cli * 1000:8.0f} ms"
            f"   (start-up {startup * 1000:.0f} ms; {(cli - startup) / (read + check):5.2f}x the baseline)"
        )


if __name__ == "__main__":
    main()
