"""CSV files as staff really have them: from Excel, UTF-8 with or without BOM, ``,`` or ``;``.

With ``;`` as separator a number may carry a decimal comma (``8,5``), as Indonesian Excel writes.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ikm_tui.domain.errors import InputError


@dataclass(frozen=True)
class CsvTable:
    path: Path
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number, stripped cells in header order)
    decimal_comma: bool

    def index(self) -> dict[str, int]:
        """Column name -> position in each row's cells."""
        return {name: i for i, name in enumerate(self.header)}


def read_csv(path: Path) -> CsvTable:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "csv.not_found") from None
    except OSError as exc:
        raise InputError(str(path), "csv.unreadable", detail=exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}", "csv.not_utf8") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            if not "".join(cells).strip():  # one join, not a strip per cell: big files
                continue
            if header is None:
                header = _without_trailing_empties([c.strip().lower() for c in cells])
                continue
            line = reader.line_num
            if len(cells) > len(header):
                cells = _without_trailing_empties(cells, keep=len(header))
            if len(cells) > len(header):
                raise InputError(f"{path}:{line}", "csv.too_many_cells", expected=len(header), got=len(cells))
            cells = [c.strip() for c in cells] + [""] * (len(header) - len(cells))
            rows.append((line, cells))
    except csv.Error as exc:
        raise InputError(f"{path}:{reader.line_num}", "csv.syntax", detail=str(exc)) from None
    if header is None:
        raise InputError(str(path), "csv.empty")
    return CsvTable(path, header, rows, decimal_comma=delimiter == ";")


def _without_trailing_empties(cells: list[str], keep: int = 0) -> list[str]:
    """Excel saves columns someone once typed in and cleared as trailing empty cells (in the
    header too): they are no columns at all."""
    end = len(cells)
    while end > keep and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def require_columns(table: CsvTable, required: list[str]) -> None:
    missing = [c for c in required if c not in table.header]
    if missing:
        raise InputError(
            f"{table.path}:1", "csv.missing_columns", columns=", ".join(missing), expected=", ".join(required)
        )
    seen = set()
    for name in table.header:
        if name in seen:
            raise InputError(f"{table.path}:1", "csv.duplicate_column", column=name)
        seen.add(name)
