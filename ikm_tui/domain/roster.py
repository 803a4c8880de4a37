"""The list of entrants kept in a CSV (``roster = "roster.csv"``) instead of ``[[entrants]]``."""

from __future__ import annotations

from pathlib import Path

from ikm_tui.domain.config_checks import KeyPath, RowPlace, Spec, Table, check_id
from ikm_tui.domain.csv_source import read_csv, require_columns
from ikm_tui.domain.errors import InputError


def read_roster(path: Path, fields: Spec) -> list[tuple[KeyPath, Table, RowPlace]]:
    """Rows as ``(key path, values, place)``, checked like ``[[entrants]]`` tables."""
    table = read_csv(path)
    require_columns(table, list(fields))
    extra = [c for c in table.header if c not in fields]
    if extra:
        raise InputError(
            f"{path}:1", "csv.unknown_columns", columns=", ".join(extra), expected=", ".join(fields)
        )
    rows: list[tuple[KeyPath, Table, RowPlace]] = []
    column = table.index()
    for index, (line, cells) in enumerate(table.rows):
        where = RowPlace(path, line)
        values: Table = {}
        for name in fields:
            cell = cells[column[name]]
            if not cell:
                raise where.error((name,), "csv.empty_cell", column=name)
            if fields[name][0] == "int":
                try:
                    values[name] = int(cell)
                except ValueError:
                    raise where.error((name,), "csv.not_integer", column=name, got=cell) from None
            else:
                values[name] = cell
        check_id(values["id"], ("entrants", index, "id"), where)
        rows.append((("entrants", index), values, where))
    return rows
