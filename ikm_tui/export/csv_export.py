"""The leaderboard as CSV that Excel opens right: UTF-8 with BOM, and no cell that is a formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ikm_tui.export.atomic import write_bytes_atomically
from ikm_tui.export.bundle import ResultsBundle
from ikm_tui.i18n import Messages
from ikm_tui.domain.leaderboard import PUBLIC_FIELDS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
COLUMNS = (*PUBLIC_FIELDS, "overtime_seconds")


def safe_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def leaderboard_csv(bundle: ResultsBundle) -> str:
    """Column names stay machine ids (scripts read them); the status is in the event's language
    like every other cell a person reads (JSON keeps the machine value)."""
    t = Messages(bundle.config.event.language)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["digest", bundle.digest, "audit_head", f"{bundle.head.seq} {bundle.head.hash}"])
    if bundle.provisional:
        writer.writerow([safe_cell(t("export.provisional"))])
    writer.writerow(COLUMNS)
    for row in bundle.rows:
        row = row | {
            "overtime_seconds": bundle.overtime.get(row["entrant"], 0),
            "status": t(f"status.{row['status']}"),
        }
        writer.writerow([safe_cell(row[c]) for c in COLUMNS])
    return buffer.getvalue()


def write_csv(bundle: ResultsBundle, path: Path) -> Path:
    return write_bytes_atomically(path, ("\ufeff" + leaderboard_csv(bundle)).encode("utf-8"))
