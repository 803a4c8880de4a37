"""Export a 10,000-entrant event in every format, next to the csv module writing the same rows.

Targets: an export takes <= 5x the time of writing the same rows with the csv module alone
(issue 6); the XLSX writer <= 5x and the PDF writer <= 10x (issue 13).
The baseline writes, for each format, exactly the rows that format carries (CSV: the
leaderboard; JSON: the leaderboard and every judge's sheet; XLSX: every sheet's rows; PDF: the
winners and the full ranking) as plain ``csv.writer`` rows to a file, measured in the same run.

Two ratios are printed, because "exporting" can be read two ways:
* ``writer``: the format's writer alone vs csv.writer alone, both from the gathered results;
* ``export``: what staff wait for — read the session and rank (``gather``) then write — vs
  gather then csv.writer.

Then, per cell of CPU: our XLSX and PDF writers next to the libraries alone writing the same
rows (the floor under any writer built on them), openpyxl and fpdf2 and, when installed, the
field's other standard writers XlsxWriter and ReportLab (``pip install XlsxWriter reportlab
rl-accel``), and our workbook written with XlsxWriter (benchmarks/xlsxwriter_candidate.py).

    python benchmarks/export.py [--entrants 10000] [--judges 5] [--repeat 3] [--compare]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from export_floors import floors, reportlab_accelerated  # noqa: E402

from ikm_tui.domain.config import load_config  # noqa: E402
from ikm_tui.domain.score_entry import SheetEntry  # noqa: E402
from ikm_tui.export.bundle import gather  # noqa: E402
from ikm_tui.export.formats import WRITERS  # noqa: E402
from ikm_tui.export.proof import decision_rows, sheet_rows  # noqa: E402
from ikm_tui.store.session import Store  # noqa: E402

CRITERIA = [("inovasi", 25), ("produktivitas", 25), ("digital", 15), ("pasar", 20), ("tenaga_kerja", 15)]
FIRST = ["Sari", "Agus", "Ni Luh Putu", "Ma'ruf", "Dédé", "Rizky Ramadhan", "Lie Mei"]
LAST = ["Wulandari", "Setiawan", "Ayu Lestari", "Hidayatullah", "Kurniawan", "Nasution"]
TRADE = [
    "Keripik Tempe",
    "Anyaman Bambu",
    "Servis HP",
    "Batik Tulis",
    "Kopi Robusta",
    "Laundry Kiloan Bersih Wangi",
    "Sablon & Percetakan",
]


def write_event(folder: Path, entrants: int, judges: int) -> Path:
    rnd = random.Random(6)
    with (folder / "roster.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["id", "name", "business", "category", "day"])
        for e in range(entrants):
            out.writerow(
                [
                    f"E{e:05d}",
                    f"{rnd.choice(FIRST)} {rnd.choice(LAST)}",
                    f"{rnd.choice(TRADE)} {e}",
                    rnd.choice(["makanan", "kerajinan", "jasa"]),
                    1 + e % 2,
                ]
            )
    lines = [
        'roster = "roster.csv"',
        "[event]",
        'title = "Konsultasi Produktivitas IKM Rintisan"',
        'organiser = "Dinas Perindustrian dan Tenaga Kerja"',
        'venue = "Aula Dinperinaker"',
        'days = ["2022-06-14", "2022-06-15"]',
        'database = "bench.db"',
        'language = "id"',
        'head_title = "Kepala Dinas"',
        'head_name = "Drs. Heru Prasetyo Wibowo, M.Si."',
        "[scoring]",
        "min = 1",
        "max = 10",
        "step = 0.5",
        'tie_break = ["inovasi", "produktivitas"]',
    ]
    for cid, weight in CRITERIA:
        lines += ["[[criteria]]", f'id = "{cid}"', f'name = "{cid.title()}"', f"weight = {weight}"]
    for j in range(judges):
        lines += ["[[judges]]", f'id = "J{j + 1}"', f'name = "Juri {j + 1}"']
    for cat in ("makanan", "kerajinan", "jasa"):
        lines += ["[[categories]]", f'id = "{cat}"', f'name = "{cat.title()}"']
    for label, amount in (("Juara I", 3_000_000), ("Juara II", 2_400_000), ("Juara III", 1_800_000)):
        lines += ["[[prizes]]", f'label = "{label}"', "count = 2", f"amount = {amount}"]
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fill_scores(store: Store) -> None:
    rnd = random.Random(7)
    config = store.config
    entries = [
        SheetEntry(j.id, e.id, {c.id: Decimal(2 + rnd.randrange(19)) / 2 for c in config.criteria})
        for e in config.entrants
        for j in config.judges
    ]
    store.scores.import_sheets(entries, actor="benchmark")


def baseline_rows(bundle, fmt: str) -> list[list]:
    """The rows each format carries, as plain values: what the csv module is asked to write."""
    leaderboard = [
        [
            r["rank"],
            r["entrant"],
            r["name"],
            r["business"],
            r["category"],
            r["total"],
            r["judges"],
            r["expected_judges"],
            r["prize"],
            r["amount"],
            r["status"],
        ]
        for r in bundle.rows
    ]
    sheets = [[s.entrant, s.judge, *s.scores, s.judge_total, s.state, s.reason] for s in sheet_rows(bundle)]
    if fmt == "csv":
        return leaderboard
    if fmt == "json":
        return leaderboard + sheets
    if fmt == "pdf":
        return [r for r in leaderboard if r[8]] + leaderboard
    audit = [[a.seq, a.at, a.actor, a.action, a.subject, json.dumps(a.detail), a.hash] for a in bundle.audit]
    decisions = [[d.kind, d.rank, " ".join(d.entrants), d.reason] for d in decision_rows(bundle)]
    return leaderboard + sheets + decisions + audit + [["about"]] * 30


def write_with_csv(rows: list[list], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


TARGET = {"csv": 5, "json": 5, "xlsx": 5, "pdf": 10}


def cells_of(rows: list[list], fmt: str) -> int:
    width = 9 if fmt == "pdf" else None  # the PDF ranking prints nine columns
    return sum(1 for row in rows for v in row[:width] if v is not None and v != "")


def cpu_of(action) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


def per_cell(fmt: str, bundle, folder: Path, repeat: int) -> list[str]:
    """Lines of a table: CPU per cell and the ratio to the csv module for the csv module, our
    writer, our writer on another library where one is ready, and each library alone."""
    rows = baseline_rows(bundle, fmt)
    cells = cells_of(rows, fmt)
    plain = min(cpu_of(lambda: write_with_csv(rows, folder / "cpu.csv")) for _ in range(repeat))
    measured: list[tuple[str, float | None]] = [("csv module", plain)]
    ours = min(cpu_of(lambda: WRITERS[fmt](bundle, folder / f"cpu.{fmt}")) for _ in range(repeat))
    measured.append((f"our {fmt} writer (the app's)", ours))
    if fmt == "xlsx":
        candidate = xlsxwriter_candidate()
        label = "our xlsx writer on XlsxWriter (benchmarks/xlsxwriter_candidate.py)"
        if candidate is None:
            measured.append((label, None))
        else:
            out = folder / "candidate.xlsx"
            measured.append((label, min(cpu_of(lambda: candidate(bundle, out)) for _ in range(repeat))))
    for label, write in floors()[fmt]:
        if write is None:
            measured.append((f"{label} alone", None))
            continue
        out = folder / f"alone.{fmt}"
        measured.append(
            (f"{label} alone", min(cpu_of(lambda w=write, o=out: w(rows, o)) for _ in range(repeat)))
        )
    lines = [f"{fmt}: {cells} cells; target <= {TARGET[fmt]}x the csv module"]
    for label, seconds in measured:
        if seconds is None:
            lines.append(f"  {label:<68} not installed")
            continue
        ratio = seconds / plain
        mark = "" if ratio <= TARGET[fmt] else "!"
        lines.append(f"  {label:<68} {seconds / cells * 1e6:7.2f} us {ratio:6.1f}x{mark}")
    return lines


def xlsxwriter_candidate():
    """benchmarks/xlsxwriter_candidate.py's writer, or None without XlsxWriter."""
    if importlib.util.find_spec("xlsxwriter") is None:
        return None
    from xlsxwriter_candidate import write_xlsx

    return write_xlsx


def compare_candidate(bundle, folder: Path) -> None:
    """Our workbook and the XlsxWriter candidate's, read back cell by cell."""
    candidate = xlsxwriter_candidate()
    if candidate is None:
        print("--compare: XlsxWriter is not installed")
        return
    from xlsxwriter_candidate import compare

    ours, theirs = folder / "ours.xlsx", folder / "candidate.xlsx"
    WRITERS["xlsx"](bundle, ours)
    candidate(bundle, theirs)
    found = compare(ours, theirs)
    print(f"our workbook vs the XlsxWriter candidate, read back with openpyxl: {len(found)} differences")
    for line in found[:20]:
        print(f"  {line}")


def best_of(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entrants", type=int, default=10_000)
    parser.add_argument("--judges", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also read our workbook and the XlsxWriter candidate's back, cell by cell (~1 min)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = Store(load_config(write_event(folder, args.entrants, args.judges)))
        fill_scores(store)
        gather_s = best_of(args.repeat, lambda: gather(store))
        bundle = gather(store)
        store.close()
        print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
        print(
            f"{args.entrants} entrants x {args.judges} judges x {len(CRITERIA)} criteria; "
            f"{len(bundle.audit)} audit entries; best of {args.repeat}"
        )
        print(f"gather (read the session, rank): {gather_s * 1000:9.0f} ms (same for every format)")
        print(
            f"{'format':<6} {'rows':>7} {'writer ms':>10} {'csv ms':>9} {'writer':>8} "
            f"{'export':>8} {'size':>9}"
        )
        for fmt in ("csv", "json", "xlsx", "pdf"):
            rows = baseline_rows(bundle, fmt)
            out = folder / f"export.{fmt}"
            base = folder / f"baseline-{fmt}.csv"
            export_s = best_of(args.repeat, lambda f=fmt, o=out: WRITERS[f](bundle, o))
            csv_s = best_of(args.repeat, lambda r=rows, b=base: write_with_csv(r, b))
            writer = export_s / csv_s
            whole = (gather_s + export_s) / (gather_s + csv_s)
            print(
                f"{fmt:<6} {len(rows):>7} {export_s * 1000:>10.0f} {csv_s * 1000:>9.1f} "
                f"{writer:>6.1f}x{'' if writer <= TARGET[fmt] else '!'} {whole:>6.2f}x"
                f"{'' if whole <= TARGET[fmt] else '!'} {out.stat().st_size / 1e6:>7.1f} MB"
            )
        print("targets: pdf writer <= 10x, the rest <= 5x; '!' marks a ratio over its target")
        print(
            "\nper cell, CPU (best of the runs), and the ratio to the csv module writing the same"
            " rows. 'alone' = the library writing those rows as plain values, no layout of ours:"
            " the floor under any writer built on it. '!' marks a ratio over the target."
        )
        for fmt in ("xlsx", "pdf"):
            print("\n".join(per_cell(fmt, bundle, folder, args.repeat)))
        if importlib.util.find_spec("reportlab"):
            accelerated = "with" if reportlab_accelerated() else "WITHOUT"
            print(f"ReportLab ran {accelerated} its C helpers (rl-accel)")
        if args.compare:
            compare_candidate(bundle, folder)
        print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
