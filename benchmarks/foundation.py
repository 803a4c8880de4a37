"""Import and rank a 10,000-entrant event (25 judges x 6 criteria), next to bare sqlite3.

Targets (issue 2): import <= 3x bare executemany in one transaction; ranking <= 3x a bare
``GROUP BY`` plus interpreter start-up. Peak memory is printed too.

    python benchmarks/foundation.py [--entrants 10000] [--judges 25]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

CRITERIA = ["c1", "c2", "c3", "c4", "c5", "c6"]
WEIGHTS = [25, 20, 15, 15, 15, 10]


def write_event(folder: Path, entrants: int, judges: int) -> Path:
    roster = folder / "roster.csv"
    with roster.open("w", encoding="utf-8") as f:
        f.write("id,name,business,category,day\n")
        for e in range(entrants):
            f.write(f"E{e:05d},Owner {e},Business {e},jasa,{1 + e % 2}\n")
    lines = [
        'roster = "roster.csv"',
        "[event]",
        'title = "Benchmark"',
        'days = ["2022-06-14", "2022-06-15"]',
        'database = "bench.db"',
        'language = "en"',
        "[scoring]",
        "min = 1",
        "max = 10",
        "step = 0.5",
        'tie_break = ["c1", "c2"]',
    ]
    for cid, w in zip(CRITERIA, WEIGHTS):
        lines += ["[[criteria]]", f'id = "{cid}"', f'name = "{cid}"', f"weight = {w}"]
    for j in range(judges):
        lines += ["[[judges]]", f'id = "J{j:02d}"', f'name = "Judge {j}"']
    lines += ["[[categories]]", 'id = "jasa"', 'name = "Jasa"']
    lines += ["[[prizes]]", 'label = "Juara I"', "count = 2", "amount = 3000000"]
    config = folder / "config.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def write_scores(folder: Path, entrants: int, judges: int) -> tuple[Path, list[tuple]]:
    rnd = random.Random(7)
    path = folder / "scores.csv"
    rows = []
    with path.open("w", encoding="utf-8") as f:
        f.write("judge,entrant," + ",".join(CRITERIA) + "\n")
        for e in range(entrants):
            for j in range(judges):
                values = [str(1 + rnd.randrange(19) / 2).removesuffix(".0") for _ in CRITERIA]
                f.write(f"J{j:02d},E{e:05d}," + ",".join(values) + "\n")
                rows.append((f"J{j:02d}", f"E{e:05d}", values))
    return path, rows


def bare_import(db: Path, rows: list[tuple]) -> tuple[float, float]:
    """(wall, CPU) seconds of a plain executemany of the same scores in one transaction."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(
        "CREATE TABLE score (judge TEXT, entrant TEXT, criterion TEXT, value TEXT,"
        " PRIMARY KEY (judge, entrant, criterion))"
    )
    start, cpu = time.perf_counter(), time.process_time()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO score VALUES (?, ?, ?, ?)",
        ((j, e, c, v) for j, e, values in rows for c, v in zip(CRITERIA, values)),
    )
    conn.execute("COMMIT")
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    conn.close()
    return elapsed, cpu


def bare_rank(db: Path) -> float:
    weights = " ".join(f"WHEN '{c}' THEN {w}" for c, w in zip(CRITERIA, WEIGHTS))
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute(
        f"SELECT entrant, SUM(CAST(value AS REAL) * CASE criterion {weights} END) AS points"
        " FROM score GROUP BY entrant ORDER BY points DESC"
    ).fetchall()
    conn.close()
    return time.perf_counter() - start


def timed_cli(*args: str) -> float:
    return timed_cli_cpu(*args)[0]


def timed_cli_cpu(*args: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one CLI run; CPU (user + system) is what the machine's other
    processes disturb least."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ikm_tui", *args], check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entrants", type=int, default=10_000)
    parser.add_argument("--judges", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        config = write_event(folder, args.entrants, args.judges)
        csv_path, rows = write_scores(folder, args.entrants, args.judges)
        n_scores = len(rows) * len(CRITERIA)
        print(
            f"event: {args.entrants} entrants x {args.judges} judges x {len(CRITERIA)} criteria"
            f" = {len(rows):,} score sheets, {n_scores:,} scores"
        )

        startup = min(timed_cli("--version") for _ in range(3))
        print("load average at start: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
        bare_in, bare_cpu = bare_import(folder / "bare.db", rows)
        bare_q = min(bare_rank(folder / "bare.db") for _ in range(3))

        ours_in, ours_cpu = timed_cli_cpu("--config", str(config), "scores", "import", str(csv_path))
        ours_q = min(timed_cli("--config", str(config), "leaderboard", "--json") for _ in range(2))

        print(f"interpreter + CLI start-up:        {startup * 1000:8.0f} ms")
        print(f"import   bare executemany (1 txn): {bare_in * 1000:8.0f} ms")
        print(
            f"import   ikm-tui scores import:    {ours_in * 1000:8.0f} ms"
            f"   ratio {ours_in / bare_in:5.2f}x   (without start-up"
            f" {(ours_in - startup) / bare_in:5.2f}x; target <= 3x)"
        )
        print(
            f"import   CPU (user + system):      bare {bare_cpu * 1000:6.0f} ms, ikm-tui"
            f" {ours_cpu * 1000:6.0f} ms   ratio {ours_cpu / bare_cpu:5.2f}x"
        )
        print(f"ranking  bare GROUP BY:            {bare_q * 1000:8.0f} ms")
        print(
            f"ranking  ikm-tui leaderboard:      {ours_q * 1000:8.0f} ms"
            f"   ratio {(ours_q - startup) / bare_q:5.2f}x over start-up (target <= 3x + start-up)"
        )

        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from ikm_tui.domain.config import load_config
        from ikm_tui.store.session import Store

        tracemalloc.start()
        start = time.perf_counter()
        with Store(load_config(config)) as store:
            ranking = store.ranking()
        in_process = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"ranking  in-process (traced):      {in_process * 1000:8.0f} ms,"
            f" peak Python memory {peak / 2**20:6.1f} MiB, {len(ranking.ranked())} ranked"
        )
        print("load average at end:   " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
