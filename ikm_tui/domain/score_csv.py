"""Paper score sheets typed into a spreadsheet: ``judge,entrant,<criterion id>...[,recused]``.

Every row is checked as strictly as the judge console checks a keystroke, and every problem in
the file is reported at once with its line, so staff fix the file in one go.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ikm_tui.domain.config import Config, Criterion
from ikm_tui.domain.csv_source import read_csv, require_columns
from ikm_tui.domain.errors import InputError, InputErrors
from ikm_tui.domain.score_entry import ScoreProblem, SheetEntry, parse_score

RECUSED_YES = {"yes", "ya", "y"}
MAX_REPORTED = 50


def read_score_csv(path: Path, config: Config) -> list[SheetEntry]:
    table = read_csv(path)
    criteria = [c.id for c in config.criteria]
    require_columns(table, ["judge", "entrant", *criteria])
    allowed = {"judge", "entrant", "recused", *criteria}
    extra = [c for c in table.header if c not in allowed]
    if extra:
        raise InputError(
            f"{path}:1",
            "csv.unknown_columns",
            columns=", ".join(extra),
            expected=", ".join(["judge", "entrant", *criteria, "recused"]),
        )
    if not table.rows:
        raise InputError(str(path), "csv.no_rows")

    entries: list[SheetEntry] = []
    errors: list[InputError] = []
    seen: dict[tuple[str, str], int] = {}
    reader = _SheetReader(config, table.index(), criteria, table.decimal_comma)
    for line, cells in table.rows:
        try:
            entry = reader.row(cells)
        except ScoreProblem as problem:
            errors.append(InputError(f"{path}:{line}", problem.code, **problem.params))
            continue
        key = (entry.judge, entry.entrant)
        if key in seen:
            errors.append(
                InputError(
                    f"{path}:{line}",
                    "csv.duplicate_pair",
                    judge=entry.judge,
                    entrant=entry.entrant,
                    line=seen[key],
                )
            )
        seen.setdefault(key, line)
        entries.append(entry)
    if errors:
        raise InputErrors(errors[:MAX_REPORTED])
    return entries


class _SheetReader:
    """Turns one row's cells into a sheet. A file repeats the same few values thousands of
    times, so each distinct text is checked once per criterion and remembered."""

    def __init__(
        self, config: Config, column: dict[str, int], criteria: list[str], decimal_comma: bool
    ) -> None:
        self.config = config
        self.judge, self.entrant = column["judge"], column["entrant"]
        self.recused = column.get("recused")
        self.criteria = [(c, column[c], config.criterion(c)) for c in criteria]
        self.decimal_comma = decimal_comma
        self.seen: dict[tuple[str, str], Decimal | ScoreProblem] = {}

    def row(self, cells: list[str]) -> SheetEntry:
        judge, entrant = cells[self.judge], cells[self.entrant]
        if not self.config.has("judge", judge):
            raise ScoreProblem("score.unknown_judge", judge=judge)
        if not self.config.has("entrant", entrant):
            raise ScoreProblem("score.unknown_entrant", entrant=entrant)
        recused = cells[self.recused].lower() if self.recused is not None else ""
        if recused and recused not in RECUSED_YES:
            raise ScoreProblem("csv.bad_recused", got=recused)
        if recused:
            if any(cells[i] for _, i, _ in self.criteria):
                raise ScoreProblem("csv.recused_with_scores")
            return SheetEntry(judge, entrant, None, "CSV")
        seen, scores = self.seen, {}
        for criterion_id, i, criterion in self.criteria:
            result = seen.get((criterion_id, cells[i]))
            if result is None:
                result = seen[(criterion_id, cells[i])] = self.check(cells[i], criterion)
            if isinstance(result, ScoreProblem):
                raise result
            scores[criterion_id] = result
        return SheetEntry(judge, entrant, scores)

    def check(self, text: str, criterion: Criterion) -> Decimal | ScoreProblem:
        try:
            return parse_score(text, criterion, decimal_comma=self.decimal_comma)
        except ScoreProblem as problem:
            return problem
